/**
 * `rasctl status [NAME]`: state, device, error, endpoints, addresses, connected time.
 *
 * @module
 */

import { Command } from "commander";
import { describeConnection, findConnection, listConnections } from "../ras/connections.ts";
import { RasError } from "../ras/errors.ts";
import { withContext } from "./_context.ts";
import { checkedName } from "./_settings.ts";

/** ERROR_NO_CONNECTION (raserror.h 668). */
const ERROR_NO_CONNECTION = 668;

/** Builds the `status` command. */
export function command(): Command {
  return new Command("status")
    .description("a connection's status (an object for NAME, else an array of all)")
    .argument("[name]")
    .action((name: string | undefined, _o: unknown, cmd: Command) =>
      withContext(cmd, (ctx) => {
        if (name === undefined) {
          ctx.result(listConnections().map(describeConnection).filter((c) => c !== null));
          return;
        }
        const found = findConnection(checkedName(name));
        const described = found ? describeConnection(found) : null;
        if (!described) {
          throw new RasError(ERROR_NO_CONNECTION, {
            operation: "RasGetConnectStatus",
            entry: name,
          });
        }
        ctx.result(described);
      })
    );
}
