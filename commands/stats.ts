/**
 * `rasctl stats NAME`: bytes, frames, errors, speed and duration of a connection.
 *
 * @module
 */

import { clearStatistics, connectionOf, connectionStatistics } from "../ras/connections.ts";
import { argument, command, type CommandModule, flag, types } from "./_spec.ts";

const stats = command({
  path: ["stats"],
  summary: "a connection's byte, frame and error counters",
  args: [argument("name", "the connected entry", { type: types.entryName() })],
  options: { clear: flag("--clear", "reset the counters after reading them") },
  examples: ['rasctl stats "Corp VPN"', 'rasctl stats "Corp VPN" --clear'],
  run: ({ args, options }, ctx) => {
    const found = connectionOf(args.name!, "RasGetConnectionStatistics");
    const result = connectionStatistics(found);
    if (options.clear) clearStatistics(found);
    ctx.result(result);
  },
});

/** The `stats` command. */
export const commands: CommandModule["commands"] = [stats];
