/**
 * `rasctl connections`: every active connection, with its status.
 *
 * @module
 */

import { describeAll, listConnections } from "../ras/connections.ts";
import { command, type CommandModule } from "./_spec.ts";

const connections = command({
  path: ["connections"],
  summary: "list active connections (JSON array)",
  args: [],
  options: {},
  examples: ["rasctl connections", "rasctl connections | ConvertFrom-Json"],
  run: async (_, ctx) => ctx.result(await describeAll(listConnections())),
});

/** The `connections` command. */
export const commands: CommandModule["commands"] = [connections];
