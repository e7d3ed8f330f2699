/**
 * Runs the rasctl CLI against the simulator in a sim home and parses what it prints: in-process
 * through the Context's IO seam ({@link rasctl}, what most CLI tests use), or as a user would,
 * a separate process with the compiled exe's permissions ({@link rasctlProcess},
 * {@link spawnRasctl}: signals, a closed pipe, another identity, the secrets suite, and one
 * end-to-end test per command).
 *
 * @module
 */

import { ok } from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { main } from "../../commands/main.ts";
import { RUN_PERMISSIONS } from "../../scripts/compile.ts";
import type { SimHome } from "../sim/harness.ts";
import { testIO } from "./io.ts";

const CLI = fileURLToPath(new URL("../../cli.ts", import.meta.url));

/** What one rasctl run produced. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (undefined when it is not JSON). */
  json: unknown;
  /** The `error` object of stderr's JSON error line, if any. */
  error: Record<string, unknown> | undefined;
}

/** Options of {@link rasctl}. */
export interface CliOptions {
  /** Text for stdin (default: none, stdin closed). */
  stdin?: string;
  /** Extra environment variables. */
  env?: Record<string, string>;
}

/** The environment of a rasctl run in this home: the simulator and the Windows folders. */
export function cliEnv(home: SimHome): Record<string, string> {
  return {
    ...home.env,
    APPDATA: `${home.path}/AppData/Roaming`,
    ProgramData: `${home.path}/ProgramData`,
    NO_COLOR: "1",
  };
}

/**
 * Whether a test can stop a child rasctl with a signal it catches (and then check what it did on
 * the way out). Deno on Windows sends a child only SIGKILL or SIGTERM, and both terminate it
 * there (TerminateProcess: nothing to catch), so such a test is declared
 * `ignore: !CHILD_SIGNALS_CATCHABLE` (tests/workflow_test.ts checks each one is).
 */
export const CHILD_SIGNALS_CATCHABLE = Deno.build.os !== "windows";

/** Starts rasctl and returns the child (for tests that signal it mid-run). */
export function spawnRasctl(
  home: SimHome,
  args: string[],
  options: CliOptions = {},
): Deno.ChildProcess {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", ...RUN_PERMISSIONS, CLI, ...args],
    env: { ...cliEnv(home), ...options.env },
    stdin: options.stdin === undefined ? "null" : "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  if (options.stdin !== undefined) {
    const writer = child.stdin.getWriter();
    // rasctl may refuse the line and exit before reading stdin: that is not a test failure.
    writer.write(new TextEncoder().encode(options.stdin)).then(() => writer.close()).catch(
      () => {},
    );
  }
  return child;
}

/** Parses a finished child's output. */
export function parseRun(output: Deno.CommandOutput): CliRun {
  const decoder = new TextDecoder();
  return parseOutput(output.code, decoder.decode(output.stdout), decoder.decode(output.stderr));
}

/** Parses what a run printed. */
function parseOutput(code: number, stdout: string, stderr: string): CliRun {
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    json = undefined;
  }
  let error: Record<string, unknown> | undefined;
  for (const line of stderr.split("\n")) {
    if (!line.startsWith('{"error"')) continue;
    error = (JSON.parse(line) as { error: Record<string, unknown> }).error;
  }
  return { code, stdout, stderr, json, error };
}

/** Runs rasctl to completion as a separate process. */
export async function rasctlProcess(
  home: SimHome,
  args: string[],
  options: CliOptions = {},
): Promise<CliRun> {
  return parseRun(await spawnRasctl(home, args, options).output());
}

/**
 * Runs rasctl to completion in this process, as {@link rasctlProcess} would in a child: the
 * same arguments, stdin (closed when not given) and environment (the home's, then `env`, then
 * this process's), through `main(args, io)`. The FFI calls reach the home by the simulator's
 * thread binding ({@link SimHome.activate}); the environment goes to the run, not to
 * `Deno.env`, which test modules running side by side share. What is per process (the calling
 * identity, which library is loaded) cannot be given to one run: such a run is a child.
 */
export async function rasctl(
  home: SimHome,
  args: string[],
  options: CliOptions = {},
): Promise<CliRun> {
  const own = cliEnv(home);
  const env: Record<string, string> = { ...own, ...options.env };
  const perProcess = [
    "RASSIM_USER",
    "RASSIM_ELEVATED",
    "RASSIM_WINVER", // the emulated Windows (tests/sim/README.md "Which Windows")
    "RASCTL_RASAPI32",
    "RASCTL_KERNEL32",
  ];
  const defaults = { RASSIM_USER: "alice", RASSIM_ELEVATED: "1" } as Record<string, string>;
  if (perProcess.some((name) => env[name] !== (defaults[name] ?? own[name]))) {
    return await rasctlProcess(home, args, options);
  }
  home.activate();
  const io = testIO({ stdin: options.stdin ?? "" });
  const code = await main(args, { ...io, env: (name) => env[name] ?? Deno.env.get(name) });
  return parseOutput(code, io.stdoutText(), io.stderrText());
}

export { CLI_VPN_PASSWORD, cliHome } from "./fixtures.ts";

/** Reads NDJSON lines from a stream as they arrive. */
export class Lines {
  #reader: ReadableStreamDefaultReader<string>;
  #buffer = "";
  readonly seen: Record<string, unknown>[] = [];
  constructor(stream: ReadableStream<Uint8Array>) {
    this.#reader = stream.pipeThrough(new TextDecoderStream()).getReader();
  }
  /**
   * Waits for an event matching `pred`, returning it (throws after `ms`). The default bound is
   * generous: it includes the child's start-up, which on a loaded machine takes seconds.
   */
  async waitFor(
    pred: (e: Record<string, unknown>) => boolean,
    ms = 60_000,
  ): Promise<Record<string, unknown>> {
    const found = this.seen.find(pred);
    if (found) return found;
    const deadline = Date.now() + ms;
    for (;;) {
      const nl = this.#buffer.indexOf("\n");
      if (nl >= 0) {
        const line = this.#buffer.slice(0, nl);
        this.#buffer = this.#buffer.slice(nl + 1);
        if (line.trim() === "") continue;
        const event = JSON.parse(line) as Record<string, unknown>;
        this.seen.push(event);
        if (pred(event)) return event;
        continue;
      }
      const left = deadline - Date.now();
      ok(left > 0, `timed out; events so far: ${JSON.stringify(this.seen)}`);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const chunk = await Promise.race([
        this.#reader.read(),
        new Promise<"timeout">((r) => timer = setTimeout(() => r("timeout"), left)),
      ]);
      clearTimeout(timer);
      ok(chunk !== "timeout", `timed out; events so far: ${JSON.stringify(this.seen)}`);
      if (chunk.done) throw new Error(`stream ended; events: ${JSON.stringify(this.seen)}`);
      this.#buffer += chunk.value;
    }
  }
  /** Reads everything that is left. */
  async rest(): Promise<Record<string, unknown>[]> {
    for (;;) {
      const chunk = await this.#reader.read();
      if (chunk.done) break;
      this.#buffer += chunk.value;
    }
    for (const line of this.#buffer.split("\n")) {
      if (line.trim()) this.seen.push(JSON.parse(line) as Record<string, unknown>);
    }
    this.#buffer = "";
    return this.seen;
  }
}
