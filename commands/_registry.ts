/**
 * Every top-level command, each module imported only when used. Modules are imported by
 * computed URL, which Deno does not follow before the program starts: a literal
 * `import("./x.ts")` makes Deno walk that module's whole graph at every start-up, used or not
 * (`deno task bench` measures it). `deno task compile` includes them by name.
 *
 * @module
 */

import type { Command, CommandModule } from "./_spec.ts";

/** Imports a module of this folder by computed URL (see the module comment). */
export function load<T = CommandModule>(path: string): Promise<T> {
  return import(new URL(path, import.meta.url).href);
}

/** rasctl's version (as in deno.json). */
export const VERSION = "0.1.0";

/** A top-level command (or group): a one-line summary, and its module. */
export interface CommandEntry {
  summary: string;
  load: () => Promise<CommandModule>;
}

/** Every top-level command, loaded only when used. */
export const COMMANDS: Record<string, CommandEntry> = {
  entry: {
    summary: "list, show, create, change, remove, rename and validate phone-book entries",
    load: () => load("./entry.ts"),
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
