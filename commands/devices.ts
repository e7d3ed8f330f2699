/**
 * `rasctl devices`: RAS-capable devices.
 *
 * @module
 */

import { Command } from "commander";
import { listDevices } from "../ras/devices.ts";
import { withContext } from "./_context.ts";

/** Builds the `devices` command. */
export function command(): Command {
  return new Command("devices")
    .description("list devices (JSON array of {name, type})")
    .action((_o: unknown, cmd: Command) => withContext(cmd, (ctx) => ctx.result(listDevices())));
}
