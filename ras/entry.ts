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
  type AuthMethod,
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
  type SubEntry,
  writeSettings,
} from "./entry_settings.ts";

export type { RasEntryStruct };

/** A phone-book entry as rasctl shows it. */
export interface Entry {
  /** The entry's name. */
  name: string;
  /** The phone-book file it was read from, or null for the books Windows merges by default. */
  phonebook: string | null;
  /** The entry type: `vpn`, `phone`, `broadband`, `direct`, `internet` (or `type-<n>`). */
  type: string;
  /** The server to connect to: host name or address for a VPN, phone number for dial-up. */
  server: string;
  /** Alternate servers or phone numbers, tried in order when `server` fails. */
  alternates: string[];
  /** Multilink: the links after the entry's own. */
  subEntries: SubEntry[];
  /** The device it dials through: its type (`vpn`, `modem`, ...) and name. */
  device: { type: string; name: string };
  /** Which VPN protocols are tried, and in which order, e.g. `ikev2-only` (or `strategy-<n>`). */
  strategy: string;
  /** The authentication methods the entry requires. */
  authentication: AuthMethod[];
  /** The data encryption level: `none`, `require`, `max`, `optional` (or `encryption-<n>`). */
  encryption: string;
  /** Whether only the remote network's traffic uses the connection (no default gateway). */
  splitTunnel: boolean;
  /** A fixed IPv4 address (null: assigned by the server), DNS servers and interface metric. */
  ipv4: { address: string | null; dns: string[]; metric: number | null };
  /** IPv6 address, prefix length, DNS servers, interface metric and split tunnelling. */
  ipv6: {
    address: string | null;
    prefixLength: number;
    dns: string[];
    metric: number | null;
    splitTunnel: boolean;
  };
  /** The DNS suffix of this connection (empty when none). */
  dnsSuffix: string;
  /** Whether the connection's addresses are registered in DNS. */
  registerDns: boolean;
  /** Seconds of inactivity before Windows hangs up (0: the system-wide default). */
  idleDisconnectSeconds: number;
  /** How often and how long apart to redial, and whether to reconnect a dropped line. */
  redial: { attempts: number; pauseSeconds: number; reconnectIfDropped: boolean };
  /** Whether Windows remembers the credentials used to dial. */
  rememberCredentials: boolean;
  /** Whether to dial with the Windows logon user's name and password. */
  useWindowsLogon: boolean;
  /** Whether L2TP uses a pre-shared key instead of a certificate. */
  usePreSharedKey: boolean;
  /** Whether Windows asks for user name and password before dialing. */
  previewUserPassword: boolean;
  /** Whether Windows asks for the domain before dialing. */
  previewDomain: boolean;
  /** The entry dialed first to bring up the network, or null when there is none. */
  prerequisite: { entry: string; phonebook: string | null } | null;
  /** The RASENTRYW fields without a named setting, verbatim, so a copy loses nothing. */
  raw: Required<RawFields>;
}

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
