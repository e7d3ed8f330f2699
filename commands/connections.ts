/**
 * `rasctl connections`: every active connection, with its status.
 *
 * @module
 */

import { describeConnection, listConnections } from "../ras/connections.ts";
import type { CommandSpec } from "./_spec.ts";

/** The `connections` command. */
export const spec: CommandSpec = {
  name: "connections",
  description: "list active connections (JSON array)",
  run: (_, ctx) => ctx.result(listConnections().map(describeConnection).filter((c) => c !== null)),
};
