/**
 * `rasctl connections`: every active connection, with its status.
 *
 * @module
 */

import { describeConnection, listConnections } from "../ras/connections.ts";
import { command, type CommandModule } from "./_spec.ts";

const connections = command({
  path: ["connections"],
  summary: "list active connections (JSON array)",
  args: [],
  options: {},
  examples: ["rasctl connections", "rasctl connections | ConvertFrom-Json"],
  run: (_, ctx) => ctx.result(listConnections().map(describeConnection).filter((c) => c !== null)),
});

/** The `connections` command. */
export const commands: CommandModule["commands"] = [connections];
