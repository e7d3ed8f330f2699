/**
 * `rasctl stats NAME`: bytes, frames, errors, speed and duration of a connection.
 *
 * @module
 */

import { clearStatistics, connectionOf, connectionStatistics } from "../ras/connections.ts";
import { checkedName } from "./_options.ts";
import type { CommandSpec } from "./_spec.ts";

/** The `stats` command. */
export const spec: CommandSpec = {
  name: "stats",
  description: "a connection's counters (JSON object)",
  args: ["<name>"],
  options: [{ flags: "--clear", description: "reset the counters after reading them" }],
  run: ({ args: [name], options }, ctx) => {
    const found = connectionOf(checkedName(name!), "RasGetConnectionStatistics");
    const stats = connectionStatistics(found);
    if (options.clear) clearStatistics(found);
    ctx.result(stats);
  },
};
