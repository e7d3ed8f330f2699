/**
 * `rasctl stats NAME`: bytes, frames, errors, speed and duration of a connection.
 *
 * @module
 */

import { Command } from "commander";
import { clearStatistics, connectionStatistics, findConnection } from "../ras/connections.ts";
import { RasError } from "../ras/errors.ts";
import { withContext } from "./_context.ts";
import { checkedName } from "./_settings.ts";

/** Builds the `stats` command. */
export function command(): Command {
  return new Command("stats")
    .description("a connection's counters (JSON object)")
    .argument("<name>")
    .option("--clear", "reset the counters after reading them")
    .action((name: string, o: Record<string, unknown>, cmd: Command) =>
      withContext(cmd, (ctx) => {
        const found = findConnection(checkedName(name));
        if (!found) {
          throw new RasError(668, { operation: "RasGetConnectionStatistics", entry: name });
        }
        const stats = connectionStatistics(found);
        if (o.clear) clearStatistics(found);
        ctx.result(stats);
      })
    );
}
