/**
 * The root command: the registry of commands, each module loaded only when used (so
 * `rasctl entry list` pays for entry listing and nothing else), and `main()`, which answers
 * `--version` at once and hands everything else to `_run.ts` (the parser, help, Context).
 *
 * Modules are imported by computed URL, which Deno does not follow before the program starts:
 * a literal `import("./x.ts")` makes Deno walk that module's whole graph at every start-up,
 * used or not (`deno task bench` measures it). `deno task compile` includes them by name.
 *
 * @module
 */

import type { IO } from "./_output.ts";
import { load, VERSION } from "./_registry.ts";

export { allCommands, type CommandEntry, COMMANDS, VERSION } from "./_registry.ts";

/** `--version` (with or without `--json`) and nothing else. */
function versionOnly(args: readonly string[]): "text" | "json" | null {
  const rest = args.filter((a) => a !== "--json");
  if (rest.length !== 1 || (rest[0] !== "--version" && rest[0] !== "-V")) return null;
  return rest.length === args.length ? "text" : "json";
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
  const { run } = await load<typeof import("./_run.ts")>("./_run.ts");
  return await run(args, io);
}
