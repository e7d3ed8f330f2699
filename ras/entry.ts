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
  nameOf,
  RASEO,
  RASEO2,
  VPN_STRATEGIES,
} from "./constants.ts";
import type { RASENTRYW } from "../ffi/structs.ts";

/** RASENTRYW's decoded fields. */
export type RasEntryStruct = ReturnType<typeof RASENTRYW.decode>;

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
export const RAW_KEYS: readonly (keyof RawFields)[] = [
  "dwfOptions",
  "dwfOptions2",
  "dwfOptions3",
  "dwfNetProtocols",
  "dwFramingProtocol",
  "dwFrameSize",
  "dwCustomAuthKey",
  "dwCountryID",
  "dwCountryCode",
  "szAreaCode",
  "dwChannels",
  "dwSubEntries",
  "dwDialMode",
  "dwDialExtraPercent",
  "dwDialExtraSampleSeconds",
  "dwHangUpExtraPercent",
  "dwHangUpExtraSampleSeconds",
  "dwTcpWindowSize",
  "dwNetworkOutageTime",
  "szScript",
  "szCustomDialDll",
  "szIDi",
  "szIDr",
  "IdiType",
  "IdrType",
  "fDisableIKEv2Fragmentation",
];

const has = (word: number, bit: number) => (word & bit) !== 0;
const setBit = (word: number, bit: number, on: boolean) => ((on ? word | bit : word & ~bit) >>> 0);
const nonZero = (ip: string, zero: string) => ip === zero ? null : ip;

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
  const o = s.dwfOptions;
  const o2 = s.dwfOptions2;
  const raw = Object.fromEntries(RAW_KEYS.map((k) => [k, s[k]])) as Entry["raw"];
  return {
    name,
    phonebook,
    type: nameOf(ENTRY_TYPES, s.dwType) ?? `type-${s.dwType}`,
    server: s.szLocalPhoneNumber,
    device: { type: s.szDeviceType, name: s.szDeviceName },
    strategy: nameOf(VPN_STRATEGIES, s.dwVpnStrategy) ?? `strategy-${s.dwVpnStrategy}`,
    authentication: (Object.keys(AUTH_METHODS) as AuthMethod[]).filter((m) =>
      has(o, AUTH_METHODS[m])
    ),
    encryption: nameOf(ENCRYPTION_LEVELS, s.dwEncryptionType) ?? `encryption-${s.dwEncryptionType}`,
    splitTunnel: !has(o, RASEO.RemoteDefaultGateway),
    ipv4: {
      address: has(o, RASEO.SpecificIpAddr) ? s.ipaddr : null,
      dns: has(o, RASEO.SpecificNameServers)
        ? [s.ipaddrDns, s.ipaddrDnsAlt].filter((a) => a !== "0.0.0.0")
        : [],
      metric: has(o2, RASEO2.IPv4ExplicitMetric) ? s.dwIPv4InterfaceMetric : null,
    },
    ipv6: {
      address: has(o2, RASEO2.SpecificIPv6Addr) ? nonZero(s.ipv6addr, "::") : null,
      prefixLength: s.dwIPv6PrefixLength,
      dns: has(o2, RASEO2.IPv6SpecificNameServers)
        ? [s.ipv6addrDns, s.ipv6addrDnsAlt].filter((a) => a !== "::")
        : [],
      metric: has(o2, RASEO2.IPv6ExplicitMetric) ? s.dwIPv6InterfaceMetric : null,
      splitTunnel: !has(o2, RASEO2.IPv6RemoteDefaultGateway),
    },
    dnsSuffix: s.szDnsSuffix,
    registerDns: has(o2, RASEO2.RegisterIpWithDNS),
    idleDisconnectSeconds: s.dwIdleDisconnectSeconds,
    redial: {
      attempts: s.dwRedialCount,
      pauseSeconds: s.dwRedialPause,
      reconnectIfDropped: has(o2, RASEO2.ReconnectIfDropped),
    },
    rememberCredentials: has(o2, RASEO2.CacheCredentials),
    useWindowsLogon: has(o, RASEO.UseLogonCredentials),
    usePreSharedKey: has(o2, RASEO2.UsePreSharedKey),
    previewUserPassword: has(o, RASEO.PreviewUserPw),
    previewDomain: has(o, RASEO.PreviewDomain),
    prerequisite: s.szPrerequisiteEntry === ""
      ? null
      : { entry: s.szPrerequisiteEntry, phonebook: s.szPrerequisitePbk || null },
    raw,
  };
}

/** The WAN Miniport a VPN strategy dials through (Windows' own device names). */
function miniportFor(strategy: string): string {
  if (strategy.startsWith("sstp")) return "WAN Miniport (SSTP)";
  if (strategy.startsWith("l2tp")) return "WAN Miniport (L2TP)";
  if (strategy.startsWith("pptp") || strategy === "gre-only") return "WAN Miniport (PPTP)";
  return "WAN Miniport (IKEv2)";
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
  const raw = Object.entries(patch.raw ?? {}).filter(([, v]) => v !== undefined);
  const s: Partial<RasEntryStruct> = { ...base, ...Object.fromEntries(raw) };
  let o = s.dwfOptions ?? 0;
  let o2 = s.dwfOptions2 ?? 0;
  if (patch.type !== undefined) s.dwType = ENTRY_TYPES[patch.type];
  if (patch.server !== undefined) s.szLocalPhoneNumber = patch.server;
  if (patch.strategy !== undefined) {
    s.dwVpnStrategy = VPN_STRATEGIES[patch.strategy];
    if (patch.device === undefined && (s.szDeviceType ?? "vpn") === "vpn") {
      s.szDeviceName = miniportFor(patch.strategy);
    }
  }
  if (patch.device?.type !== undefined) s.szDeviceType = patch.device.type;
  if (patch.device?.name !== undefined) s.szDeviceName = patch.device.name;
  if (patch.authentication !== undefined) {
    for (const [method, bit] of Object.entries(AUTH_METHODS)) {
      o = setBit(o, bit, patch.authentication.includes(method as AuthMethod));
    }
  }
  if (patch.encryption !== undefined) s.dwEncryptionType = ENCRYPTION_LEVELS[patch.encryption];
  if (patch.splitTunnel !== undefined) {
    o = setBit(o, RASEO.RemoteDefaultGateway, !patch.splitTunnel);
  }
  const v4 = patch.ipv4;
  if (v4?.address !== undefined) {
    o = setBit(o, RASEO.SpecificIpAddr, v4.address !== null);
    s.ipaddr = v4.address ?? "0.0.0.0";
  }
  if (v4?.dns !== undefined) {
    o = setBit(o, RASEO.SpecificNameServers, v4.dns.length > 0);
    s.ipaddrDns = v4.dns[0] ?? "0.0.0.0";
    s.ipaddrDnsAlt = v4.dns[1] ?? "0.0.0.0";
  }
  if (v4?.metric !== undefined) {
    o2 = setBit(o2, RASEO2.IPv4ExplicitMetric, v4.metric !== null);
    s.dwIPv4InterfaceMetric = v4.metric ?? 0;
  }
  const v6 = patch.ipv6;
  if (v6?.address !== undefined) {
    o2 = setBit(o2, RASEO2.SpecificIPv6Addr, v6.address !== null);
    s.ipv6addr = v6.address ?? "::";
  }
  if (v6?.prefixLength !== undefined) s.dwIPv6PrefixLength = v6.prefixLength;
  if (v6?.dns !== undefined) {
    o2 = setBit(o2, RASEO2.IPv6SpecificNameServers, v6.dns.length > 0);
    s.ipv6addrDns = v6.dns[0] ?? "::";
    s.ipv6addrDnsAlt = v6.dns[1] ?? "::";
  }
  if (v6?.metric !== undefined) {
    o2 = setBit(o2, RASEO2.IPv6ExplicitMetric, v6.metric !== null);
    s.dwIPv6InterfaceMetric = v6.metric ?? 0;
  }
  if (v6?.splitTunnel !== undefined) {
    o2 = setBit(o2, RASEO2.IPv6RemoteDefaultGateway, !v6.splitTunnel);
  }
  if (patch.dnsSuffix !== undefined) s.szDnsSuffix = patch.dnsSuffix;
  if (patch.registerDns !== undefined) o2 = setBit(o2, RASEO2.RegisterIpWithDNS, patch.registerDns);
  if (patch.idleDisconnectSeconds !== undefined) {
    s.dwIdleDisconnectSeconds = patch.idleDisconnectSeconds;
  }
  if (patch.redial?.attempts !== undefined) s.dwRedialCount = patch.redial.attempts;
  if (patch.redial?.pauseSeconds !== undefined) s.dwRedialPause = patch.redial.pauseSeconds;
  if (patch.redial?.reconnectIfDropped !== undefined) {
    o2 = setBit(o2, RASEO2.ReconnectIfDropped, patch.redial.reconnectIfDropped);
  }
  if (patch.rememberCredentials !== undefined) {
    o2 = setBit(o2, RASEO2.CacheCredentials, patch.rememberCredentials);
  }
  if (patch.useWindowsLogon !== undefined) {
    o = setBit(o, RASEO.UseLogonCredentials, patch.useWindowsLogon);
  }
  if (patch.usePreSharedKey !== undefined) {
    o2 = setBit(o2, RASEO2.UsePreSharedKey, patch.usePreSharedKey);
  }
  if (patch.previewUserPassword !== undefined) {
    o = setBit(o, RASEO.PreviewUserPw, patch.previewUserPassword);
  }
  if (patch.previewDomain !== undefined) o = setBit(o, RASEO.PreviewDomain, patch.previewDomain);
  if (patch.prerequisite !== undefined) {
    s.szPrerequisiteEntry = patch.prerequisite?.entry ?? "";
    s.szPrerequisitePbk = patch.prerequisite?.phonebook ?? "";
  }
  s.dwfOptions = o;
  s.dwfOptions2 = o2;
  return s;
}
