/**
 * A phone-book entry in the user's terms and the mapping to and from
 * RASENTRYW. Named fields (server, strategy, splitTunnel, ...) sit beside the raw option words
 * (`raw.dwfOptions`, ...), so nothing Windows stores is lost: `entry show` → `entry new --from`
 * reproduces an entry exactly.
 *
 * @module
 */

import type { EntrySettings, RawFields } from "./entry_schema.ts";

/** A patch of entry settings (what `entry set` and `entry new` take); all optional. */
export type { EntrySettings };
import {
  AUTH_METHODS,
  ENCRYPTION_LEVELS,
  ENTRY_TYPES,
  RASEO,
  RASEO2,
  VPN_STRATEGIES,
} from "./constants.ts";
import {
  ENTRY_SETTINGS,
  miniportFor,
  type RasEntryStruct,
  readSettings,
  type SettingValues,
  writeSettings,
} from "./entry_settings.ts";

export type { RasEntryStruct };

/**
 * A phone-book entry as rasctl shows it: its name and phone book, and every setting of the one
 * table (`ENTRY_SETTINGS`) as reading gives it, nested by path (`type`, `server`, `alternates`,
 * `device.{type,name}`, `ipv4.{address,dns,metric}`, ..., `raw.*`). Derived from the table
 * ({@link SettingValues}): see it or the README's settings table for each setting's meaning.
 */
export type Entry = {
  /** The entry's name. */
  name: string;
  /** The phone-book file it was read from, or null for the books Windows merges by default. */
  phonebook: string | null;
} & SettingValues;

/** The RASENTRYW fields kept verbatim under `raw`. */
export const RAW_KEYS: readonly (keyof RawFields)[] = ENTRY_SETTINGS.filter((x) => x.raw).map((x) =>
  x.path.slice("raw.".length) as keyof RawFields
);

/**
 * Reads an entry's settings out of a decoded RASENTRYW.
 *
 * @param name The entry's name.
 * @param phonebook The phone book it was read from (null: the default books).
 * @param s The decoded struct.
 * @returns The entry in rasctl's terms.
 * @example
 * ```ts ignore
 * const entry = entryFromStruct("Corp", null, RASENTRYW.decode(bytes));
 * ```
 */
export function entryFromStruct(name: string, phonebook: string | null, s: RasEntryStruct): Entry {
  return { name, phonebook, ...readSettings(s) } as unknown as Entry;
}

/**
 * The RASENTRYW fields of a new entry of a type, before the user's settings apply: what the
 * Windows "Add a VPN connection" dialog sets (PPP over IP and IPv6, data encryption required,
 * MS-CHAPv2, all traffic through the tunnel, credentials remembered).
 *
 * @param type The entry type.
 * @returns Struct fields to start from.
 * @example
 * ```ts
 * newEntryDefaults("vpn").szDeviceType; // "vpn"
 * ```
 */
export function newEntryDefaults(type: keyof typeof ENTRY_TYPES): Partial<RasEntryStruct> {
  const common = {
    dwType: ENTRY_TYPES[type],
    dwfNetProtocols: 0x4 | 0x8, // RASNP_Ip | RASNP_Ipv6
    dwFramingProtocol: 0x1, // RASFP_Ppp
    dwfOptions: RASEO.RemoteDefaultGateway | 0x200 /* SwCompression */ |
      0x8, /* IpHeaderCompression */
    dwfOptions2: RASEO2.CacheCredentials | RASEO2.IPv6RemoteDefaultGateway |
      RASEO2.DontUseRasCredentials,
    dwRedialCount: 3,
    dwRedialPause: 60,
  };
  switch (type) {
    case "vpn":
      return {
        ...common,
        dwfOptions: common.dwfOptions | AUTH_METHODS.mschapv2 | 0x1000, /* RequireDataEncryption */
        dwEncryptionType: ENCRYPTION_LEVELS.require,
        dwVpnStrategy: VPN_STRATEGIES.automatic,
        szDeviceType: "vpn",
        szDeviceName: miniportFor("automatic"),
      };
    case "broadband":
      return {
        ...common,
        dwfOptions: common.dwfOptions | AUTH_METHODS.pap | AUTH_METHODS.chap |
          AUTH_METHODS.mschapv2,
        szDeviceType: "PPPoE",
        szDeviceName: "WAN Miniport (PPPOE)",
      };
    default:
      return { ...common, szDeviceType: "modem" };
  }
}

/**
 * Applies a settings patch to RASENTRYW fields: raw words first, then the named settings,
 * which override the bits they own. Fields the patch does not name stay as they are.
 *
 * @param base The current struct fields (an existing entry, or {@link newEntryDefaults}).
 * @param patch The settings to change.
 * @returns The new struct fields.
 * @example
 * ```ts
 * applySettings(newEntryDefaults("vpn"), { server: "vpn.example.com" }).szLocalPhoneNumber;
 * ```
 */
export function applySettings(
  base: Partial<RasEntryStruct>,
  patch: EntrySettings,
): Partial<RasEntryStruct> {
  return writeSettings(base, patch as Record<string, unknown>);
}
