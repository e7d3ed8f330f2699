/**
 * The root command: the registry of commands, each module loaded only when used (so
 * `rasctl entry list` pays for entry listing and nothing else), and `main()`, which answers
 * the two lines that need neither the parser nor rasapi32 at once (a lone `--version`, and
 * `error CODE` printed as JSON: what scripts run most often, e.g. to explain an exit status)
 * and hands everything else, any other spelling of those included, to `_run.ts` (the parser,
 * help, Context). Both print what the full path prints; tests/cli_contract_test.ts compares.
 *
 * Modules are imported by computed URL, which Deno does not follow before the program starts:
 * a literal `import("./x.ts")` makes Deno walk that module's whole graph at every start-up,
 * used or not (`deno task bench` measures it). `deno task compile` includes them by name.
 *
 * @module
 */

import type { IO } from "./_output.ts";
import { COMMANDS, load, VERSION } from "./_registry.ts";

export { allCommands, type CommandEntry, COMMANDS, VERSION } from "./_registry.ts";

/** `--version` (with or without `--json`) and nothing else. */
function versionOnly(args: readonly string[]): "text" | "json" | null {
  const rest = args.filter((a) => a !== "--json");
  if (rest.length !== 1 || (rest[0] !== "--version" && rest[0] !== "-V")) return null;
  return rest.length === args.length ? "text" : "json";
}

/**
 * Answers `rasctl error CODE` (exactly that: no option, a valid CODE, JSON output because
 * stdout is not a terminal) from the error table alone, as the `error` command would.
 *
 * @returns Whether it answered.
 */
async function explainedAtOnce(args: readonly string[], io: IO | undefined): Promise<boolean> {
  const stdout = io?.stdout ?? Deno.stdout;
  if (args.length !== 2 || args[0] !== "error" || stdout.isTerminal()) return false;
  const { isErrorCode, printExplanation } = await load<typeof import("./_explain.ts")>(
    "./_explain.ts",
  );
  if (!isErrorCode(args[1]!)) return false;
  printExplanation(Number(args[1]), stdout);
  return true;
}

/**
 * Answers a read command given with no argument and no option (`rasctl entry list`, JSON
 * output because stdout is not a terminal) from the registry's `bare` result, as the command
 * would print it. Anything that goes wrong (a RAS error, a permission) is left to the full
 * path, which runs the read again and reports it; the commands that have a `bare` result
 * change nothing, so running them twice is harmless.
 *
 * @returns Whether it answered.
 */
async function answeredBare(args: readonly string[], io: IO | undefined): Promise<boolean> {
  const [word = "", sub = ""] = args;
  const bare = args.length < 3 && Object.hasOwn(COMMANDS, word) ? COMMANDS[word]!.bare : undefined;
  const stdout = io?.stdout ?? Deno.stdout;
  if (!bare || !Object.hasOwn(bare, sub) || sub.startsWith("-") || stdout.isTerminal()) {
    return false;
  }
  const write = await load<typeof import("./_write.ts")>("./_write.ts");
  let text: string;
  try {
    const result = io?.env
      ? await (await load<typeof import("../ras/environment.ts")>("../ras/environment.ts"))
        .withEnvironment(io.env, async () => await bare[sub]!())
      : await bare[sub]!();
    text = write.asciiJson(result) + "\n";
  } catch {
    return false;
  }
  try {
    write.writeText(stdout, text);
  } catch (error) {
    if (!(error instanceof write.ClosedStdout)) throw error;
  }
  return true;
}

/**
 * Runs rasctl with the given arguments.
 *
 * @param args The command line without the program name.
 * @param io Where to read and write (default: the process's own streams).
 * @returns The exit status.
 */
export async function main(args: string[], io?: IO): Promise<number> {
  const version = versionOnly(args);
  if (version) {
    const text = version === "json" ? `{"name":"rasctl","version":"${VERSION}"}\n` : `${VERSION}\n`;
    try {
      (io?.stdout ?? Deno.stdout).writeSync(new TextEncoder().encode(text));
    } catch {
      // A closed stdout ends quietly.
    }
    return 0;
  }
  if (await explainedAtOnce(args, io) || await answeredBare(args, io)) return 0;
  const { run } = await load<typeof import("./_run.ts")>("./_run.ts");
  return await run(args, io);
}
