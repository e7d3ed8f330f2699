/**
 * `rasctl status [NAME]`: state, device, error, endpoints, addresses, connected time.
 *
 * @module
 */

import { describeConnection, findConnection, listConnections } from "../ras/connections.ts";
import { RasError } from "../ras/errors.ts";
import { checkedName } from "./_settings.ts";
import type { CommandSpec } from "./_spec.ts";

/** ERROR_NO_CONNECTION (raserror.h 668): the entry is not connected. */
const ERROR_NO_CONNECTION = 668;

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
    const found = findConnection(checkedName(name));
    const described = found ? describeConnection(found) : null;
    if (!described) {
      throw new RasError(ERROR_NO_CONNECTION, { operation: "RasGetConnectStatus", entry: name });
    }
    ctx.result(described);
  },
};
