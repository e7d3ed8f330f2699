/**
 * The root command: `main()`, which answers at once the lines scripts run most often and that
 * need no parser (a lone `--version`; `error CODE` printed as JSON, e.g. to explain an exit
 * status; a bare read such as `entry list`, see {@link BARE}) and hands everything else, any
 * other spelling of those included, to `_run.ts` (the parser, help, Context, and the command
 * registry, ./_registry.ts). Both print what the full path prints;
 * tests/cli_contract_test.ts compares.
 *
 * @module
 */

import type { IO } from "./_output.ts";
import { load, VERSION } from "./_load.ts";

/**
 * The read commands {@link main} answers given bare (no argument, no option, JSON output):
 * what scripts run as they are (`rasctl entry list | ConvertFrom-Json`). Each names the ras/
 * module and function its command calls when given no option; ./_bare.ts calls it without the
 * parser or the command's module and prints what the command prints
 * (tests/cli_contract_test.ts compares the two).
 */
export const BARE: Record<string, readonly [module: string, fn: string]> = {
  "entry list": ["../ras/entry_list.ts", "listEntries"],
  devices: ["../ras/devices.ts", "listDevices"],
};

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
  if (await explainedAtOnce(args, io)) return 0;
  // Command words alone (not one argument "entry list") that name a bare read.
  const line = args.join(" ");
  if (args.every((a) => /^[a-z]+$/.test(a)) && Object.hasOwn(BARE, line)) {
    const { answeredBare } = await load<typeof import("./_bare.ts")>("./_bare.ts");
    if (await answeredBare(BARE[line]!, io)) return 0;
  }
  const { run } = await load<typeof import("./_run.ts")>("./_run.ts");
  return await run(args, io);
}
