/**
 * The root command. Subcommand modules are imported only when used, so `rasctl entry list`
 * pays for entry listing and nothing else (start-up is rasctl's speed).
 *
 * @module
 */

import { EXIT, reportError } from "./_output.ts";
import { runWithContext } from "./_context.ts";
import { type CommandSpec, fastParse, subcommandName } from "./_spec.ts";

/** rasctl's version. */
export const VERSION = "0.1.0";

/** A subcommand module: it exports its spec. */
export interface CommandModule {
  spec: CommandSpec;
}

/** A subcommand: a one-line summary for the root help, and its module. */
export interface CommandEntry {
  summary: string;
  load: () => Promise<CommandModule>;
}

/** Every subcommand: a one-line summary for the root help, and its module. */
export const COMMANDS: Record<string, CommandEntry> = {
  entry: {
    summary: "list, show, create, change, remove, rename and validate phone-book entries",
    load: () => import("./entry.ts"),
  },
  dial: {
    summary: "connect an entry (and the entry that brings its IP network)",
    load: () => import("./dial.ts"),
  },
  hangup: {
    summary: "end a connection and wait until Windows has released it",
    load: () => import("./hangup.ts"),
  },
  status: {
    summary: "state, addresses and endpoints of connections",
    load: () => import("./status.ts"),
  },
  connections: { summary: "list active connections", load: () => import("./connections.ts") },
  stats: {
    summary: "a connection's byte, frame and error counters",
    load: () => import("./stats.ts"),
  },
  creds: {
    summary: "show, save or forget an entry's credentials",
    load: () => import("./creds.ts"),
  },
  devices: {
    summary: "list RAS devices (modems, WAN Miniports)",
    load: () => import("./devices.ts"),
  },
  error: {
    summary: "explain a RAS or Windows error code (works offline)",
    load: () => import("./error.ts"),
  },
  ensure: {
    summary: "connect unless connected; with --keep, stay connected (for scheduled tasks)",
    load: () => import("./ensure.ts"),
  },
  watch: {
    summary: "stream connection events (connected, disconnected, ...) as they happen",
    load: () => import("./watch.ts"),
  },
  task: {
    summary: "install, show or remove a Task Scheduler task that runs `rasctl ensure`",
    load: () => import("./task.ts"),
  },
};

/**
 * Runs rasctl with the given arguments. A plain command line is parsed by the small fast
 * parser; help, usage errors and anything unusual go to commander, loaded only then.
 *
 * @param args The command line without the program name.
 * @returns The exit status.
 */
export async function main(args: string[]): Promise<number> {
  // `rasctl help dial` is `rasctl dial --help`.
  if (args[0] === "help" && args[1] !== undefined && COMMANDS[args[1]]) {
    args = [...args.slice(1), "--help"];
  }
  const name = subcommandName(args);
  const chosen = name === undefined ? undefined : COMMANDS[name];
  const spec = chosen ? (await chosen.load()).spec : undefined;
  const fast = spec ? fastParse(spec, args) : undefined;
  if (!fast) {
    const { parseWithCommander } = await import("./_commander.ts");
    return await parseWithCommander(args, spec, COMMANDS, VERSION);
  }
  try {
    await runWithContext(
      fast.command.name,
      fast.invocation.options,
      (ctx) => fast.command.run!(fast.invocation, ctx),
    );
    return EXIT.ok;
  } catch (error) {
    return reportError(error);
  }
}
