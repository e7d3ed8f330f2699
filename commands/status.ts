/**
 * `rasctl status [NAME]`: state, device, error, endpoints, addresses, connected time.
 *
 * @module
 */

import {
  connectionOf,
  describeConnection,
  ERROR_NO_CONNECTION,
  listConnections,
} from "../ras/connections.ts";
import { RasError } from "../ras/errors.ts";
import { checkedName } from "./_options.ts";
import type { CommandSpec } from "./_spec.ts";

/** The `status` command. */
export const spec: CommandSpec = {
  name: "status",
  description: "a connection's status (an object for NAME, else an array of all)",
  args: ["[name]"],
  run: ({ args: [name] }, ctx) => {
    if (name === undefined) {
      ctx.result(listConnections().map(describeConnection).filter((c) => c !== null));
      return;
    }
    const operation = "RasGetConnectStatus";
    const described = describeConnection(connectionOf(checkedName(name), operation));
    // It can drop between the listing and the status call.
    if (!described) {
      throw new RasError(ERROR_NO_CONNECTION, { operation, entry: name });
    }
    ctx.result(described);
  },
};
