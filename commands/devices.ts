/**
 * `rasctl devices`: RAS-capable devices.
 *
 * @module
 */

import { listDevices } from "../ras/devices.ts";
import type { CommandSpec } from "./_spec.ts";

/** The `devices` command. */
export const spec: CommandSpec = {
  name: "devices",
  description: "list devices (JSON array of {name, type})",
  run: (_, ctx) => ctx.result(listDevices()),
};
