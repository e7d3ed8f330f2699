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
import { RasError } from "../ras/errors.ts";
import { getEntry } from "../ras/entries.ts";
import { parseSeconds } from "./_context.ts";
import type { CommandSpec } from "./_spec.ts";
import { UsageError } from "./_output.ts";
import { checkedName } from "./_options.ts";

function targets(name: string | undefined, o: Record<string, unknown>): ConnectionName[] {
  const chosen =
    [name !== undefined, o.handle !== undefined, o.all === true].filter(Boolean).length;
  if (chosen !== 1) throw new UsageError("give exactly one of NAME, --handle or --all");
  // Newest first: a VPN goes down before the network it was dialed over.
  if (o.all) return listConnections().reverse();
  if (o.handle !== undefined) {
    const handle = String(o.handle).toLowerCase();
    if (!/^0x[0-9a-f]{1,16}$/.test(handle)) {
      throw new UsageError(`--handle takes a handle like 0x10001, got "${o.handle}"`, "handle");
    }
    // A dropped link is no longer listed but its handle still needs RasHangUp, which itself
    // answers ERROR_INVALID_HANDLE for a handle Windows does not know.
    return [
      listConnections().find((c) => c.handle === handle) ??
        { handle, entry: handle, phonebook: "", device: { type: "", name: "" } },
    ];
  }
  const found = connectionOf(checkedName(name!), "RasHangUp");
  const list = [found];
  if (o.withPrerequisite) {
    const prerequisite = getEntry(found.entry, { phonebook: found.phonebook }).prerequisite;
    const ip = prerequisite ? findConnection(prerequisite.entry) : undefined;
    if (ip) list.push(ip);
  }
  return list;
}

/** The `hangup` command. */
export const spec: CommandSpec = {
  name: "hangup",
  description: "end connections; prints a JSON array of {entry, handle, released}",
  args: ["[name]"],
  options: [
    {
      flags: "--handle <handle>",
      description: "the connection handle (as `connections` prints it)",
    },
    { flags: "--all", description: "every connection" },
    {
      flags: "--with-prerequisite",
      description: "also end the entry's IP-network (prerequisite) connection",
    },
    {
      flags: "--timeout <seconds>",
      description: "how long to wait for each release",
      default: "10",
    },
  ],
  run: async ({ args: [name], options }, ctx) => {
    const timeoutMs = parseSeconds(String(options.timeout), "--timeout") * 1000;
    const done: Record<string, unknown>[] = [];
    let failure: unknown;
    // The VPN first, then the network it runs over. One that does not release does not stop
    // the others: each is reported.
    for (const c of targets(name, options)) {
      try {
        await hangUp(c.handle, { entry: c.entry, timeoutMs });
        done.push({ entry: c.entry, handle: c.handle, released: true });
      } catch (error) {
        failure ??= error;
        const code = error instanceof RasError ? error.code : null;
        const message = error instanceof Error ? error.message : String(error);
        done.push({ entry: c.entry, handle: c.handle, released: false, error: { code, message } });
      }
    }
    ctx.result(done);
    if (failure !== undefined) throw failure;
  },
};
