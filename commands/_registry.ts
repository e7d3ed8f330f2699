/**
 * Every top-level command, each module imported only when used. Modules are imported by
 * computed URL, which Deno does not follow before the program starts: a literal
 * `import("./x.ts")` makes Deno walk that module's whole graph at every start-up, used or not
 * (`deno task bench` measures it). `deno task compile` includes them by name.
 *
 * @module
 */

import type { Command, CommandModule } from "./_spec.ts";
import { load } from "./_load.ts";

/** A top-level command (or group): a one-line summary, and its module. */
export interface CommandEntry {
  summary: string;
  /**
   * Loads the module that declares the command; for a group split over modules (see
   * {@link split}), given the subcommand's word, only that subcommand's module.
   */
  load: (subcommand?: string) => Promise<CommandModule>;
}

/**
 * A group whose subcommands live in several modules: `modules` names the module of each
 * subcommand kept apart, `rest` declares the others. Running one of the former loads its
 * module alone; anything else (another subcommand, help, a typo) loads them all, in the
 * order `modules` then `rest`.
 */
function split(modules: Record<string, string>, rest: string): CommandEntry["load"] {
  return async (subcommand) => {
    const own = subcommand !== undefined && Object.hasOwn(modules, subcommand)
      ? modules[subcommand]
      : undefined;
    if (own !== undefined) return await load(own);
    const all = await Promise.all([...new Set(Object.values(modules)), rest].map((m) => load(m)));
    return { commands: all.flatMap((m) => [...m.commands]) };
  };
}

/** Every top-level command, loaded only when used. */
export const COMMANDS: Record<string, CommandEntry> = {
  entry: {
    summary: "list, show, create, change, remove, rename and validate phone-book entries",
    // Listing loads none of the entry settings `entry new` and `entry set` declare as options.
    load: split({ list: "./entry_list.ts" }, "./entry.ts"),
  },
  dial: {
    summary: "connect an entry (and the entry that brings its IP network)",
    load: () => load("./dial.ts"),
  },
  hangup: {
    summary: "end a connection and wait until Windows has released it",
    load: () => load("./hangup.ts"),
  },
  status: {
    summary: "state, addresses and endpoints of connections",
    load: () => load("./status.ts"),
  },
  connections: { summary: "list active connections", load: () => load("./connections.ts") },
  stats: {
    summary: "a connection's byte, frame and error counters",
    load: () => load("./stats.ts"),
  },
  creds: {
    summary: "show, save or forget an entry's credentials",
    load: () => load("./creds.ts"),
  },
  devices: {
    summary: "list RAS devices (modems, WAN Miniports)",
    load: () => load("./devices.ts"),
  },
  error: {
    summary: "explain a RAS or Windows error code (works offline)",
    load: () => load("./error.ts"),
  },
  ensure: {
    summary: "connect unless connected; with --keep, stay connected (for scheduled tasks)",
    load: () => load("./ensure.ts"),
  },
  profile: {
    summary: "desired state for fleets: get, test, set and export entry profiles",
    load: () => load("./profile.ts"),
  },
  dsc: {
    summary: "the Microsoft DSC v3 resource RasCtl/VpnEntry (get, test, set, delete, export)",
    load: () => load("./dsc.ts"),
  },
  watch: {
    summary: "stream connection events (connected, disconnected, ...) as they happen",
    load: () => load("./watch.ts"),
  },
  task: {
    summary: "install, show or remove a Task Scheduler task that runs `rasctl ensure`",
    load: () => load("./task.ts"),
  },
  completion: {
    summary: "print a shell completion script (bash, zsh or PowerShell)",
    load: () => load("./completion.ts"),
  },
};

/** Every command of every module, in COMMANDS order. */
export async function allCommands(): Promise<Command[]> {
  const modules = await Promise.all(Object.values(COMMANDS).map((c) => c.load()));
  return modules.flatMap((m) => [...m.commands]);
}
