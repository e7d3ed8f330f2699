/**
 * RAS-capable devices (modems, WAN Miniports).
 *
 * @module
 */

import { rasapi32 } from "../ffi/library.ts";
import { RASDEVINFOW } from "../ffi/structs/rasdevinfow.ts";
import { enumerate } from "../ffi/negotiate.ts";

/** A device a RAS entry can dial through. */
export interface Device {
  /** The device's name, e.g. `WAN Miniport (IKEv2)`; entries name their device by it. */
  name: string;
  /** The device type, e.g. `vpn`, `modem` or `PPPoE`. */
  type: string;
}

/**
 * Lists the devices (RasEnumDevices).
 *
 * @returns Every RAS-capable device.
 * @throws {RasError} When RasEnumDevices fails.
 * @example
 * ```ts ignore
 * listDevices().filter((d) => d.type === "vpn");
 * ```
 */
export function listDevices(): Device[] {
  const lib = rasapi32();
  return enumerate(
    RASDEVINFOW,
    (buffer, cb, count) => lib.RasEnumDevicesW(buffer, cb, count),
    "RasEnumDevices",
    (d) => ({ name: d.szDeviceName, type: d.szDeviceType }),
  ).items;
}
