/**
 * `rasctl status [NAME]`: state, device, error, endpoints, addresses, connected time.
 *
 * @module
 */

import {
  connectionOf,
  describeAll,
  describeConnection,
  ERROR_NO_CONNECTION,
  listConnections,
} from "../ras/connections.ts";
import { RasError } from "../ras/errors.ts";
import { argument, command, type CommandModule, types } from "./_spec.ts";

const status = command({
  path: ["status"],
  summary: "a connection's status (an object for NAME, else an array of all)",
  args: [argument("name", "the connected entry", { required: false, type: types.entryName() })],
  options: {},
  examples: ['rasctl status "Corp VPN"', "rasctl status --format table"],
  run: async ({ args }, ctx) => {
    const name = args.name;
    if (name === undefined) {
      ctx.result(await describeAll(listConnections()));
      return;
    }
    const operation = "RasGetConnectStatus";
    const described = await describeConnection(connectionOf(name, operation));
    // It can drop between the listing and the status call.
    if (!described) throw new RasError(ERROR_NO_CONNECTION, { operation, entry: name });
    ctx.result(described);
  },
});

/** The `status` command. */
export const commands: CommandModule["commands"] = [status];
