/**
 * Runs one command line: finds the command it names (loading only that command's module),
 * parses the line against the command's declarations, and runs it with a {@link Context};
 * help comes from the same declarations. Errors found before the command runs (usage errors)
 * are reported, and logged to --log-file, here.
 *
 * @module
 */

import { asciiJson, ClosedStdout, type IO, processIO, writeText } from "./_output.ts";
import { appendLog, Context, runWithContext } from "./_context.ts";
import { commandWords, parseLine } from "./_parse.ts";
import type { Command } from "./_spec.ts";
import { UsageError } from "./_errors.ts";

import { allCommands, COMMANDS } from "./_registry.ts";
import { load, VERSION } from "./_load.ts";

/** The root pseudo-command: only global options, no arguments. */
const ROOT: Command = {
  path: [],
  summary: "",
  args: [],
  options: {},
  examples: [],
  run: () => {},
};

/** The value of `--log-file` on a line, checked, so even usage errors can be logged. */
function logFileOf(args: readonly string[]): string | undefined {
  let path: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--") break;
    if (arg === "--log-file") path = args[++i];
    else if (arg.startsWith("--log-file=")) path = arg.slice("--log-file=".length);
  }
  if (path === "") {
    throw new UsageError("--log-file takes a path of 1 or more characters", "--log-file");
  }
  return path;
}

/** Arguments Deno could not decode (invalid UTF-8 arrives as U+FFFD). */
function checkArguments(args: readonly string[]): void {
  args.forEach((arg, i) => {
    if (arg.includes("\uFFFD")) {
      throw new UsageError(
        `argument ${i + 1} is not valid text (invalid UTF-8 or U+FFFD)`,
        null,
        "give names and values as UTF-8 text",
      );
    }
  });
}

/**
 * Runs a command line (anything but a lone `--version`, which `main()` answers).
 *
 * @param args The command line without the program name.
 * @param io Where to read and write (default: the process's own streams).
 * @returns The exit status.
 */
export async function run(args: string[], io: IO = processIO()): Promise<number> {
  if (!io.env) return await runLine(args, io);
  const { withEnvironment } = await load<typeof import("../ras/environment.ts")>(
    "../ras/environment.ts",
  );
  return await withEnvironment(io.env, () => runLine(args, io));
}

async function runLine(args: string[], io: IO): Promise<number> {
  let logFile: string | undefined;
  try {
    logFile = logFileOf(args);
    checkArguments(args);
    const words = commandWords(args);
    const first = words[0];
    if (first === undefined) return root(args, io);
    if (first.word === "help") return await help(args, words.slice(1).map((w) => w.word), io);
    const entry = Object.hasOwn(COMMANDS, first.word) ? COMMANDS[first.word] : undefined;
    if (!entry) {
      throw new UsageError(`unknown command "${first.word}"`, null, "see rasctl help");
    }
    const { commands } = await entry.load(words[1]?.word);
    let chosen: Command | undefined;
    const skip = new Set([first.at]);
    if (commands.length === 1 && commands[0]!.path.length === 1) {
      chosen = commands[0]!;
    } else {
      const sub = words[1];
      chosen = commands.find((c) => c.path[1] === sub?.word);
      if (!chosen) {
        const wantsHelp = args.includes("--help") || args.includes("-h");
        if (wantsHelp && sub === undefined) {
          const { groupHelp } = await load<typeof import("./_help.ts")>("./_help.ts");
          return print(io, groupHelp(first.word, commands), 0);
        }
        const names = commands.map((c) => c.path[1]).join(", ");
        throw new UsageError(
          sub === undefined
            ? `rasctl ${first.word} needs a command: ${names}`
            : `unknown command "${first.word} ${sub.word}"; rasctl ${first.word} has: ${names}`,
          null,
          `see rasctl ${first.word} --help`,
        );
      }
      skip.add(sub!.at);
    }
    const parsed = parseLine(args, chosen, skip);
    if (parsed.options.help) {
      const { commandHelp } = await load<typeof import("./_help.ts")>("./_help.ts");
      return print(io, commandHelp(chosen), 0);
    }
    if (parsed.options.version) return version(io, parsed.options.json === true);
    const ctx = new Context(io, parsed.options, chosen.path.join(" "));
    const command = chosen;
    return await runWithContext(ctx, (c) => command.run(parsed as never, c));
  } catch (error) {
    return await reportEarly(error, io, logFile, args);
  }
}

function root(args: string[], io: IO): number | Promise<number> {
  const parsed = parseLine(args, ROOT, new Set());
  if (parsed.options.version) return version(io, parsed.options.json === true);
  return load<typeof import("./_help.ts")>("./_help.ts").then(async ({ rootHelp }) =>
    print(io, rootHelp(await allCommands()), parsed.options.help ? 0 : 2)
  );
}

async function help(args: string[], path: string[], io: IO): Promise<number> {
  const parsed = parseLine(args.filter((a) => a !== "help" && !path.includes(a)), ROOT, new Set());
  const { commandHelp, describeCli, groupHelp, rootHelp } = await load<typeof import("./_help.ts")>(
    "./_help.ts",
  );
  const commands = await allCommands();
  if (path.length === 0) {
    if (parsed.options.json) return print(io, asciiJson(describeCli(VERSION, commands)) + "\n", 0);
    return print(io, rootHelp(commands), 0);
  }
  const exact = commands.find((c) => c.path.join(" ") === path.join(" "));
  if (exact) return print(io, commandHelp(exact), 0);
  const group = commands.filter((c) => c.path[0] === path[0]);
  if (path.length === 1 && group.length) return print(io, groupHelp(path[0]!, group), 0);
  throw new UsageError(`unknown command "${path.join(" ")}"`, null, "see rasctl help");
}

function version(io: IO, json: boolean): number {
  return print(
    io,
    json ? asciiJson({ name: "rasctl", version: VERSION }, 0) + "\n" : `${VERSION}\n`,
    0,
  );
}

function print(io: IO, text: string, status: number): number {
  try {
    writeText(io.stdout, text);
  } catch (error) {
    if (!(error instanceof ClosedStdout)) throw error;
  }
  return status;
}

/** Reports an error found before a command ran (usage errors), and logs it if it can. */
async function reportEarly(
  error: unknown,
  io: IO,
  logFile: string | undefined,
  args: string[],
): Promise<number> {
  if (error instanceof ClosedStdout) return 0;
  const { describeError, errorLine } = await load<typeof import("./_report.ts")>("./_report.ts");
  const { report, status } = describeError(error);
  if (logFile !== undefined) {
    try {
      appendLog(logFile, "error", { error: report });
    } catch {
      // The error itself is still reported below.
    }
  }
  const person = io.stdout.isTerminal() && io.stderr.isTerminal() && !args.includes("--json");
  writeText(io.stderr, errorLine(report, person) + "\n", "stderr");
  return status;
}
