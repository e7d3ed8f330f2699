/**
 * Where secrets come from: lines of stdin, an environment variable, or a hidden prompt. Never
 * an option's value, so no password shows in a process list or shell history; and no message
 * ever repeats what was read or the name given for a variable.
 *
 * @module
 */

import { InterruptedError, UsageError } from "./_errors.ts";
import { LIMITS } from "../ras/values.ts";
import { getEnv } from "../ras/environment.ts";
import type { Context } from "./_context.ts";

/**
 * The secrets read from stdin, one line each, in this order (declared once; README and help
 * say the same): the entry's password, then the `--via` entry's (or prerequisite's), then the
 * pre-shared key.
 */
export const STDIN_SECRETS = [
  { key: "passwordStdin", flag: "--password-stdin", what: "the entry's password" },
  { key: "viaPasswordStdin", flag: "--via-password-stdin", what: "the --via entry's password" },
  { key: "pskStdin", flag: "--psk-stdin", what: "the pre-shared key" },
] as const;

/** The key of a stdin secret option. */
export type StdinSecret = (typeof STDIN_SECRETS)[number]["key"];

/** The longest secret Windows takes (PWLEN characters). */
const MAX_SECRET = LIMITS.password;

/**
 * Reads every secret the options ask for from stdin: exactly one line each (LF or CRLF, UTF-8,
 * a BOM allowed), in {@link STDIN_SECRETS} order, and nothing more.
 *
 * @param ctx The command's context (its stdin).
 * @param options The parsed options (`passwordStdin`, `viaPasswordStdin`, `pskStdin`).
 * @returns The secrets by option key.
 * @throws {UsageError} At a terminal, for too few or too many lines, an overlong line or
 *   invalid UTF-8.
 */
export async function readStdinSecrets(
  ctx: Context,
  options: Partial<Record<StdinSecret, boolean | undefined>>,
): Promise<Partial<Record<StdinSecret, string>>> {
  const wanted = STDIN_SECRETS.filter((s) => options[s.key] === true);
  if (wanted.length === 0) return {};
  const first = wanted[0]!;
  if (ctx.stdinIsTerminal) {
    throw new UsageError(
      `${first.flag} reads stdin, which is a terminal: what you type would be echoed`,
      first.flag,
      `pipe it in ($env:PW | rasctl ...), use ${first.flag.replace("-stdin", "-env")} ` +
        `VARIABLE, or leave ${first.flag} out to be asked without echo`,
    );
  }
  const list = wanted.map((s) => `${s.flag} (${s.what})`).join(", then ");
  // Each line: up to MAX_SECRET characters of up to 4 UTF-8 bytes, and CRLF; a BOM.
  const limit = wanted.length * (MAX_SECRET * 4 + 2) + 3;
  const bytes = await readAtMost(ctx.io.stdin.readable, limit + 1);
  if (bytes.length > limit) {
    throw new UsageError(
      `stdin holds more than the ${wanted.length} line(s) rasctl reads: ${list}`,
      first.flag,
    );
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError("stdin is not valid UTF-8", first.flag);
  }
  text = text.replace(/^\uFEFF/, "");
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === "") lines.pop(); // the last line's own line ending
  if (lines.length < wanted.length) {
    const missing = wanted[lines.length]!;
    throw new UsageError(
      `stdin ended before ${missing.flag} (${missing.what}): rasctl reads ${list}, ` +
        `one line each`,
      missing.flag,
    );
  }
  if (lines.length > wanted.length) {
    throw new UsageError(
      `stdin has ${lines.length} lines, but rasctl reads ${wanted.length}: ${list}`,
      first.flag,
      "give one secret per line, and nothing after the last",
    );
  }
  const out: Partial<Record<StdinSecret, string>> = {};
  wanted.forEach((s, i) => {
    const line = lines[i]!;
    if (line.length > MAX_SECRET || line.includes("\0")) {
      throw new UsageError(
        `line ${i + 1} of stdin (${s.flag}) is longer than ${MAX_SECRET} characters or holds NUL`,
        s.flag,
      );
    }
    out[s.key] = line;
  });
  return out;
}

async function readAtMost(stream: ReadableStream<Uint8Array>, max: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  try {
    while (size < max) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } finally {
    reader.releaseLock();
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * Reads a secret from an environment variable. Neither its value nor its name is repeated in
 * a message: a password typed as the name by mistake must not reach stderr or the log.
 *
 * @param variable The variable's name (already checked by its option's type).
 * @param flagName The option that named it, for messages.
 * @returns Its value.
 * @throws {UsageError} When the variable is not set, or its value is too long.
 */
export function secretFromEnv(variable: string, flagName: string): string {
  let value: string | undefined;
  try {
    value = getEnv(variable);
  } catch {
    value = undefined;
  }
  if (value === undefined) {
    throw new UsageError(`the environment variable that ${flagName} names is not set`, flagName);
  }
  if (value.length > MAX_SECRET || value.includes("\0")) {
    throw new UsageError(
      `the environment variable that ${flagName} names is longer than ${MAX_SECRET} characters`,
      flagName,
    );
  }
  return value;
}

/**
 * Asks a person for a secret without echoing it; only when stdin is a terminal. Edits by
 * characters (Backspace removes the last one typed), ignores Ctrl+D and other control keys,
 * and ends with the command's own error on Ctrl+C, SIGTERM or its time limit.
 *
 * @param ctx The command's context.
 * @param prompt The prompt text (on stderr).
 * @param signal The command's abort signal (time limit, SIGTERM).
 * @returns What was typed, or undefined when no person is at a terminal.
 */
export async function secretFromPrompt(
  ctx: Context,
  prompt: string,
  signal?: AbortSignal,
): Promise<string | undefined> {
  const stdin = ctx.io.stdin;
  if (!stdin.isTerminal()) return undefined;
  signal?.throwIfAborted();
  ctx.prompt(prompt);
  stdin.setRaw?.(true);
  const reader = stdin.readable.getReader();
  const decoder = new TextDecoder();
  const typed: string[] = [];
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal!.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), aborted]);
      if (done) break;
      for (const c of decoder.decode(value, { stream: true })) {
        if (c === "\r" || c === "\n") return typed.join("");
        if (c === "\x03") throw new InterruptedError("cancelled at the password prompt");
        if (c === "\x7f" || c === "\b") typed.pop();
        else if (c >= " " && typed.length < MAX_SECRET) typed.push(c); // Ctrl+D etc. ignored
      }
    }
    return typed.join("");
  } finally {
    if (onAbort) signal?.removeEventListener("abort", onAbort);
    reader.releaseLock();
    stdin.setRaw?.(false);
    ctx.prompt("\n");
  }
}

/**
 * The password a pair of options gives: the line read from stdin, or the environment
 * variable's value; undefined when neither option was given.
 */
export function secretOf(
  fromStdin: string | undefined,
  env: string | undefined,
  envFlag: string,
): string | undefined {
  if (fromStdin !== undefined) return fromStdin;
  return env === undefined ? undefined : secretFromEnv(env, envFlag);
}
