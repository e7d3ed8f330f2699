/**
 * `rasctl stats NAME`: bytes, frames, errors, speed and duration of a connection.
 *
 * @module
 */

import { clearStatistics, connectionStatistics, findConnection } from "../ras/connections.ts";
import { RasError } from "../ras/errors.ts";
import { checkedName } from "./_settings.ts";
import type { CommandSpec } from "./_spec.ts";

/** ERROR_NO_CONNECTION (raserror.h 668): the entry is not connected. */
const ERROR_NO_CONNECTION = 668;

/** The `stats` command. */
export const spec: CommandSpec = {
  name: "stats",
  description: "a connection's counters (JSON object)",
  args: ["<name>"],
  options: [{ flags: "--clear", description: "reset the counters after reading them" }],
  run: ({ args: [name], options }, ctx) => {
    const found = findConnection(checkedName(name!));
    if (!found) {
      throw new RasError(ERROR_NO_CONNECTION, {
        operation: "RasGetConnectionStatistics",
        entry: name,
      });
    }
    const stats = connectionStatistics(found);
    if (options.clear) clearStatistics(found);
    ctx.result(stats);
  },
};
