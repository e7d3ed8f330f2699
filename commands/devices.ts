/**
 * `rasctl devices`: RAS-capable devices.
 *
 * @module
 */

import { listDevices } from "../ras/devices.ts";
import { command, type CommandModule } from "./_spec.ts";

const devices = command({
  path: ["devices"],
  summary: "list RAS devices (modems, WAN Miniports)",
  args: [],
  options: {},
  examples: ["rasctl devices"],
  run: (_, ctx) => ctx.result(listDevices()),
});

/** The `devices` command. */
export const commands: CommandModule["commands"] = [devices];
