/**
 * `rasctl connections`: every active connection, with its status.
 *
 * @module
 */

import { Command } from "commander";
import { describeConnection, listConnections } from "../ras/connections.ts";
import { withContext } from "./_context.ts";

/** Builds the `connections` command. */
export function command(): Command {
  return new Command("connections")
    .description("list active connections (JSON array)")
    .action((_o: unknown, cmd: Command) =>
      withContext(
        cmd,
        (ctx) => ctx.result(listConnections().map(describeConnection).filter((c) => c !== null)),
      )
    );
}
