/**
 * `rasctl hangup NAME | --handle H | --all`: end connections and wait until Windows has
 * released each. Hanging up a VPN leaves its IP-network connection up unless
 * --with-prerequisite is given.
 *
 * @module
 */

import {
  type ConnectionName,
  connectionOf,
  findConnection,
  listConnections,
} from "../ras/connections.ts";
import { hangUp } from "../ras/dial.ts";
import { readEntrySettings } from "../ras/entries.ts";
import { RasError } from "../ras/errors.ts";
import {
  argument,
  command,
  type CommandModule,
  flag,
  option,
  type Parsed,
  types,
} from "./_spec.ts";
import { TimeoutError, UsageError } from "./_errors.ts";

const OPTIONS = {
  handle: option("--handle", types.handle(), "the connection handle (as `connections` prints it)", {
    conflicts: ["--all"],
  }),
  all: flag("--all", "every connection", { conflicts: ["--handle"] }),
  withPrerequisite: flag(
    "--with-prerequisite",
    "also end the entry's IP-network (prerequisite) connection",
  ),
  timeout: option("--timeout", types.seconds(), "how long to wait for each release", {
    default: 10,
  }),
} as const;

function targets(name: string | undefined, o: Parsed<typeof OPTIONS>): ConnectionName[] {
  const chosen = [name !== undefined, o.handle !== undefined, o.all === true].filter(Boolean);
  if (chosen.length !== 1) {
    throw new UsageError("give exactly one of NAME, --handle or --all", o.all ? "--all" : null);
  }
  // Newest first: a VPN goes down before the network it was dialed over.
  if (o.all) return listConnections().reverse();
  if (o.handle !== undefined) {
    const handle = o.handle;
    // A dropped link is no longer listed but its handle still needs RasHangUp, which itself
    // answers ERROR_INVALID_HANDLE for a handle Windows does not know.
    return [
      listConnections().find((c) => c.handle === handle) ??
        { handle, entry: handle, phonebook: "", device: { type: "", name: "" } },
    ];
  }
  const found = connectionOf(name!, "RasHangUp");
  const list = [found];
  if (o.withPrerequisite) {
    const { prerequisite } = readEntrySettings(found.entry, ["prerequisite"], {
      phonebook: found.phonebook,
    });
    const ip = prerequisite ? findConnection(prerequisite.entry) : undefined;
    if (ip) list.push(ip);
  }
  return list;
}

const hangup = command({
  path: ["hangup"],
  summary: "end a connection and wait until Windows has released it",
  details: "Prints a JSON array of {entry, handle, released}.",
  args: [argument("name", "the connected entry", { required: false, type: types.entryName() })],
  options: OPTIONS,
  examples: [
    'rasctl hangup "Corp VPN"',
    'rasctl hangup "Corp VPN" --with-prerequisite',
    "rasctl hangup --handle 0x10001",
    "rasctl hangup --all",
  ],
  run: async ({ args, options }, ctx) => {
    const timeoutMs = options.timeout * 1000;
    const done: Record<string, unknown>[] = [];
    let failure: unknown;
    // The VPN first, then the network it runs over. One that does not release does not stop
    // the others: each is reported, and the command then fails with the first error.
    for (const c of targets(args.name, options)) {
      try {
        await hangUp(c.handle, { entry: c.entry, timeoutMs });
        done.push({ entry: c.entry, handle: c.handle, released: true });
      } catch (caught) {
        // The same error as a dial that runs out of time.
        const error = caught instanceof RasError && caught.name === "ERROR_TIMEOUT"
          ? new TimeoutError(
            `timed out after ${options.timeout} s waiting for Windows to release "${c.entry}"`,
          )
          : caught;
        failure ??= error;
        const code = caught instanceof RasError ? caught.code : null;
        const message = error instanceof Error ? error.message : String(error);
        done.push({ entry: c.entry, handle: c.handle, released: false, error: { code, message } });
      }
    }
    ctx.result(done);
    if (failure !== undefined) throw failure;
  },
});

/** The `hangup` command. */
export const commands: CommandModule["commands"] = [hangup];
