/**
 * What a new entry starts from: Windows' own default entry (RasGetEntryProperties with an
 * empty entry name), with the members its type decides, and a device of that type from
 * RasEnumDevices.
 *
 * @module
 */

import { rasapi32 } from "../ffi/library.ts";
import { RASENTRYW } from "../ffi/structs/rasentryw.ts";
import { cstr, cstrOrNull } from "../ffi/wstr.ts";
import { check } from "../ffi/errors.ts";
import { callGrowing, negotiateSize } from "../ffi/negotiate.ts";
import { ENTRY_TYPES, type EntryType } from "./constants.ts";
import type { RasEntryStruct } from "./entry.ts";
import { miniportFor } from "./entry_settings.ts";
import { type Device, listDevices } from "./devices.ts";
import { InvalidInputError } from "./input_error.ts";

/** RASFP_Ppp (ras.h): the framing every entry type Windows still creates uses. */
const RASFP_PPP = 0x1;

/**
 * Windows' default entry: "If an empty string is specified, the function returns default
 * values in the buffers pointed to by the lpRasEntry and lpbDeviceInfo parameters"
 * (RasGetEntryProperties, https://learn.microsoft.com/windows/win32/api/ras/nf-ras-rasgetentrypropertiesw).
 *
 * @param phonebook The phone book the entry will be created in (undefined: NULL).
 * @returns The default struct, as decoded at the negotiated dwSize.
 * @throws {RasError} When Windows refuses the call.
 * @example
 * ```ts ignore
 * windowsDefaultEntry().dwRedialCount;
 * ```
 */
export function windowsDefaultEntry(phonebook?: string): RasEntryStruct {
  const lib = rasapi32();
  const pbk = cstrOrNull(phonebook, "phonebook");
  const empty = cstr("", "entry name");
  let result: RasEntryStruct | undefined;
  const { code } = negotiateSize(RASENTRYW, (size) => {
    const { code, buffer } = callGrowing(
      RASENTRYW.encode({}, { size }),
      (b, cb) => lib.RasGetEntryPropertiesW(pbk, empty, b, cb, null, null),
    );
    if (code === 0) result = RASENTRYW.decode(buffer, 0, size);
    return code;
  });
  check(code, "RasGetEntryProperties", "", phonebook);
  return result!;
}

/** The device type a new entry of each type dials through (RASDT_* strings, ras.h). */
function deviceTypeOf(type: EntryType): string {
  if (type === "vpn") return "vpn";
  if (type === "broadband") return "PPPoE";
  return "modem";
}

/**
 * The struct a new entry of a type starts from: Windows' defaults, its type, the device type
 * of that entry type and a placeholder device name ({@link chooseDevice} picks the machine's
 * one once the user's settings are applied). Nothing else is rasctl's own choice.
 *
 * @param type The entry type.
 * @param defaults Windows' default entry ({@link windowsDefaultEntry}).
 * @returns Struct fields to apply the user's settings to.
 * @example
 * ```ts ignore
 * newEntryStruct("vpn", windowsDefaultEntry()).szDeviceType; // "vpn"
 * ```
 */
export function newEntryStruct(type: EntryType, defaults: RasEntryStruct): RasEntryStruct {
  const deviceType = deviceTypeOf(type);
  const sameType = defaults.szDeviceType.toLowerCase() === deviceType.toLowerCase();
  return {
    ...defaults,
    dwType: ENTRY_TYPES[type],
    dwFramingProtocol: defaults.dwFramingProtocol || RASFP_PPP,
    szDeviceType: deviceType,
    szDeviceName: sameType && defaults.szDeviceName
      ? defaults.szDeviceName
      : type === "vpn"
      ? miniportFor("automatic")
      : "",
  };
}

/**
 * The device the entry dials through, from what RasEnumDevices lists: RasSetEntryProperties
 * requires szDeviceName and szDeviceType, and the name must be one of this machine's (device
 * names are localized, and a modem's name is the hardware's). A name the user gave must be
 * listed with the entry's device type; otherwise a VPN takes the WAN Miniport of its protocol
 * and any other type the first device of its type.
 *
 * @param fields The struct after the user's settings.
 * @param given Whether the user named the device.
 * @param devices The machine's devices (default: RasEnumDevices now).
 * @returns The device name to write.
 * @throws {InvalidInputError} When the user's device is not one of this machine's of that type
 * (field `device.name`), or the machine has no device of the type (field `device.type`).
 * @example
 * ```ts ignore
 * chooseDevice({ szDeviceType: "vpn", szDeviceName: "WAN Miniport (SSTP)" }, false);
 * ```
 */
export function chooseDevice(
  fields: Partial<RasEntryStruct>,
  given: boolean,
  devices: Device[] = listDevices(),
): string {
  const wanted = fields.szDeviceName ?? "";
  const type = fields.szDeviceType ?? "";
  const ofType = devices.filter((d) => d.type.toLowerCase() === type.toLowerCase());
  const same = ofType.find((d) => d.name.toLowerCase() === wanted.toLowerCase());
  if (same) return same.name;
  if (given && wanted) {
    const names = ofType.map((d) => `"${d.name}"`).join(", ");
    throw new InvalidInputError(
      "device.name",
      `this machine has no ${type} device named "${wanted}"` +
        (names ? ` (its ${type} devices: ${names})` : ""),
    );
  }
  // "WAN Miniport (IKEv2)" -> "ikev2": the protocol is the one part every language keeps.
  const protocol = /\(([^)]+)\)/.exec(wanted)?.[1]?.toLowerCase();
  const byProtocol = protocol === undefined
    ? undefined
    : ofType.find((d) => d.name.toLowerCase().includes(protocol));
  const chosen = byProtocol ?? ofType[0];
  if (!chosen) {
    throw new InvalidInputError(
      "device.type",
      `this machine has no ${type || "(empty)"} device (rasctl devices lists what it has)`,
    );
  }
  return chosen.name;
}
