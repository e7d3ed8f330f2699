/**
 * The one table of entry settings. Each setting is declared once: its JSON path, the RASENTRYW
 * member or option-word bit it lives in, its value type (from which the zod schema and the CLI
 * option's type, limits and choices are derived), its CLI option and its description. Reading a
 * struct ({@link readSettings}), writing one ({@link writeSettings}), the zod schema
 * (`entry_schema.ts`), the options of `entry new`/`entry set` ({@link SETTING_OPTIONS}), the
 * diff ({@link diffEntries}) and the README's settings table (`scripts/gen_settings_table.ts`)
 * all come from {@link ENTRY_SETTINGS}.
 *
 * This module imports no zod: `entry show` and `entry list` read entries through it and must
 * not pay for zod at start-up.
 *
 * @module
 */

import { LIMITS } from "../ffi/limits.ts";
import { type RASENTRYW } from "../ffi/structs/rasentryw.ts";
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

/** One multilink subentry after the entry's own link (`ras/subentries.ts` reads and writes them). */
export interface SubEntry {
  /** The device it dials through: its type (`modem`, `isdn`, `vpn`, ...) and name. */
  device: { type: string; name: string };
  /** Its phone number (or server). */
  server: string;
  /** Its alternate numbers, tried in order when `server` fails. */
  alternates: string[];
}

/**
 * What an entry's settings are read from and written to: RASENTRYW's decoded members, and
 * what Windows keeps beside the struct: the alternate numbers after it (dwAlternateOffset) and
 * the subentries after the first (RasGet/SetSubEntryProperties). `ras/entries.ts` fills both.
 */
export type RasEntryStruct = ReturnType<typeof RASENTRYW.decode> & {
  /** The alternate numbers at dwAlternateOffset, in order (absent: none). */
  alternates?: string[];
  /** The subentries 2..dwSubEntries (absent: none). */
  subEntries?: SubEntry[];
};

/**
 * A setting's value type: what the JSON value is, with its limits. The zod schema, the CLI
 * option's type and the property-test generators are derived from it.
 */
export type ValueType =
  | { kind: "boolean" }
  | { kind: "string"; maxLength: number; noSpaces?: boolean; minLength?: number }
  | { kind: "path" }
  | { kind: "integer"; min: number; max: number }
  | { kind: "choice"; choices: readonly string[] }
  | { kind: "choices"; choices: readonly string[] }
  | { kind: "address"; family: 4 | 6; nullable: boolean }
  | { kind: "addresses"; family: 4 | 6; max: number }
  | { kind: "metric" }
  | { kind: "prerequisite" }
  | { kind: "strings"; maxLength: number; max: number }
  | { kind: "subentries"; max: number };

/** How a setting is given on the command line of `entry new` / `entry set`. */
export interface SettingCli {
  /** The long option, such as `--split-tunnel`. */
  flag: string;
  /** The value's name in help (`<host>`); absent for a switch. */
  valueName?: string;
  /** For a switch: whether `--no-x` exists too. */
  negatable?: boolean;
  /** The word that stands for null (`auto`, `none`), if any. */
  nullWord?: string;
  /** The option's help text (default: the setting's description). */
  description?: string;
  /** A second option that gives one part of an object value (it requires `flag`). */
  part?: { flag: string; valueName: string; key: string; description: string };
}

/**
 * One entry setting. `P` is its path, `R` the type reading gives and `W` the type a patch
 * writes; the public `Entry` and `EntrySettings` types are derived from them
 * ({@link SettingValues}, {@link SettingPatch}).
 */
export interface Setting<P extends string = string, R = unknown, W = never> {
  /** Its JSON path in `entry show` and in a profile, dotted: `ipv4.metric`. */
  path: P;
  /** Where Windows keeps it: a RASENTRYW member, or `word BIT` for an option bit. */
  field: string;
  /** The JSON value's type and limits. */
  value: ValueType;
  /** What it means, in the user's words. */
  description: string;
  /** Its CLI option, when `entry new`/`entry set` take it on the command line. */
  cli?: SettingCli;
  /** True for the `raw.*` fields: written before the named settings, which override them. */
  raw?: boolean;
  /** True when Windows derives the value and takes none (it is read, never written). */
  readOnly?: boolean;
  /** Reads the value out of a decoded struct. */
  read(s: RasEntryStruct): R;
  /** Writes the value into struct fields (`patch` is the whole patch being applied). */
  write(s: Partial<RasEntryStruct>, value: W, patch: Record<string, unknown>): void;
}

type Word = "dwfOptions" | "dwfOptions2";
type Fields = Partial<RasEntryStruct>;

const has = (word: number, bit: number) => (word & bit) !== 0;
const setBit = (word: number, bit: number, on: boolean) => ((on ? word | bit : word & ~bit) >>> 0);
const hex = (bit: number) => `0x${bit.toString(16).padStart(8, "0")}`;

/** The name of a bit in one of the option words, for the `field` column. */
function bitName(word: Word, bit: number): string {
  const table = word === "dwfOptions" ? RASEO : RASEO2;
  const name = Object.entries(table).find(([, b]) => b === bit)?.[0];
  return `${word} ${word === "dwfOptions" ? "RASEO" : "RASEO2"}_${name ?? hex(bit)}`;
}

/**
 * A boolean setting kept in one option bit: one line per setting.
 *
 * @param path The JSON path.
 * @param word The option word.
 * @param bit The bit.
 * @param description What it means.
 * @param options `inverted`: the setting is true when the bit is clear; `cli`: its option.
 */
function flag<P extends string>(
  path: P,
  word: Word,
  bit: number,
  description: string,
  options: { inverted?: boolean; cli?: string } = {},
): Setting<P, boolean, boolean> {
  const inverted = options.inverted ?? false;
  return {
    path,
    field: `${inverted ? "not " : ""}${bitName(word, bit)}`,
    value: { kind: "boolean" },
    description,
    ...(options.cli ? { cli: { flag: options.cli, negatable: true } } : {}),
    read: (s) => has(s[word], bit) !== inverted,
    write: (s, value: boolean) => {
      s[word] = setBit(s[word] ?? 0, bit, value !== inverted);
    },
  };
}

type Members = ReturnType<typeof RASENTRYW.decode>;
type NumberMember = {
  [K in keyof Members]: Members[K] extends number ? K : never;
}[keyof Members];
type StringMember = {
  [K in keyof Members]: Members[K] extends string ? K : never;
}[keyof Members];

/** A whole-number setting kept verbatim in one member. */
function integer<P extends string>(
  path: P,
  member: NumberMember,
  description: string,
  options: { min?: number; max?: number; cli?: SettingCli; raw?: boolean } = {},
): Setting<P, number, number> {
  return {
    path,
    field: member,
    value: { kind: "integer", min: options.min ?? 0, max: options.max ?? 0xffffffff },
    description,
    ...(options.cli ? { cli: options.cli } : {}),
    ...(options.raw ? { raw: true } : {}),
    read: (s) => s[member],
    write: (s, value: number) => {
      (s as Record<string, unknown>)[member] = value;
    },
  };
}

/** A text setting kept verbatim in one member. */
function text<P extends string>(
  path: P,
  member: StringMember,
  description: string,
  options: {
    maxLength: number;
    noSpaces?: boolean;
    minLength?: number;
    cli?: SettingCli;
    raw?: boolean;
  },
): Setting<P, string, string> {
  return {
    path,
    field: member,
    value: {
      kind: "string",
      maxLength: options.maxLength,
      ...(options.noSpaces ? { noSpaces: true } : {}),
      ...(options.minLength ? { minLength: options.minLength } : {}),
    },
    description,
    ...(options.cli ? { cli: options.cli } : {}),
    ...(options.raw ? { raw: true } : {}),
    read: (s) => s[member],
    write: (s, value: string) => {
      (s as Record<string, unknown>)[member] = value;
    },
  };
}

/** A setting whose value names one entry of a constant table (`type-<n>` when unknown). */
function choice<P extends string, C extends string>(
  path: P,
  member: NumberMember,
  table: Readonly<Record<C, number>>,
  prefix: string,
  description: string,
  options: { cli?: SettingCli; afterWrite?: (s: Fields, value: string, patch: Patch) => void } = {},
): Setting<P, C | `${string}-${number}`, C> {
  return {
    path,
    field: member,
    value: { kind: "choice", choices: Object.keys(table) },
    description,
    ...(options.cli ? { cli: options.cli } : {}),
    read: (s) => (nameOf(table, s[member]) as C | undefined) ?? `${prefix}-${s[member]}`,
    write: (s, value: C, patch) => {
      (s as Record<string, unknown>)[member] = table[value];
      options.afterWrite?.(s, value, patch);
    },
  };
}

/** An address kept in a member, switched on by a bit; null when the bit is clear. */
function address<P extends string>(
  path: P,
  member: "ipaddr" | "ipv6addr",
  word: Word,
  bit: number,
  description: string,
  cli: SettingCli,
): Setting<P, string | null, string | null> {
  const family = member === "ipaddr" ? 4 : 6;
  const zero = family === 4 ? "0.0.0.0" : "::";
  return {
    path,
    field: `${member}, ${bitName(word, bit)}`,
    value: { kind: "address", family, nullable: true },
    description,
    cli,
    read: (s) => has(s[word], bit) && s[member] !== zero ? s[member] : null,
    write: (s, value: string | null) => {
      s[word] = setBit(s[word] ?? 0, bit, value !== null);
      s[member] = value ?? zero;
    },
  };
}

/** Up to two DNS servers in two members, switched on by a bit. */
function dnsServers<P extends string>(
  path: P,
  members: ["ipaddrDns", "ipaddrDnsAlt"] | ["ipv6addrDns", "ipv6addrDnsAlt"],
  word: Word,
  bit: number,
  description: string,
): Setting<P, string[], string[]> {
  const family = members[0] === "ipaddrDns" ? 4 : 6;
  const zero = family === 4 ? "0.0.0.0" : "::";
  const [first, second] = members;
  return {
    path,
    field: `${first}, ${second}, ${bitName(word, bit)}`,
    value: { kind: "addresses", family, max: 2 },
    description,
    cli: {
      flag: "--dns",
      valueName: "servers",
      nullWord: "auto",
      description: "DNS servers, comma-separated (IPv4 and IPv6; 'auto' for server-assigned)",
    },
    read: (s) => has(s[word], bit) ? [s[first], s[second]].filter((a) => a !== zero) : [],
    write: (s, value: string[]) => {
      s[word] = setBit(s[word] ?? 0, bit, value.length > 0);
      s[first] = value[0] ?? zero;
      s[second] = value[1] ?? zero;
    },
  };
}

/** An interface metric in a member, explicit when a bit is set; null means automatic. */
function metric<P extends string>(
  path: P,
  member: "dwIPv4InterfaceMetric" | "dwIPv6InterfaceMetric",
  bit: number,
  description: string,
  flagName: string,
): Setting<P, number | null, number | null> {
  return {
    path,
    field: `${member}, ${bitName("dwfOptions2", bit)}`,
    value: { kind: "metric" },
    description,
    cli: { flag: flagName, valueName: "metric", nullWord: "auto" },
    read: (s) => has(s.dwfOptions2, bit) ? s[member] : null,
    write: (s, value: number | null) => {
      s.dwfOptions2 = setBit(s.dwfOptions2 ?? 0, bit, value !== null);
      s[member] = value ?? 0;
    },
  };
}

/** A raw member kept verbatim under `raw.` (no named setting owns it). */
function rawNumber<M extends NumberMember>(
  member: M,
  description: string,
): Setting<`raw.${M}`, number, number> {
  const signed = member === "IdiType" || member === "IdrType" ||
    member === "fDisableIKEv2Fragmentation";
  return integer(`raw.${member}` as `raw.${M}`, member, description, {
    raw: true,
    ...(signed ? { min: -0x80000000, max: 0x7fffffff } : {}),
  });
}

function rawText<M extends StringMember>(
  member: M,
  maxLength: number,
  description: string,
): Setting<`raw.${M}`, string, string> {
  return text(`raw.${member}` as `raw.${M}`, member, description, { maxLength, raw: true });
}

type Patch = Record<string, unknown>;

/** The WAN Miniport a VPN strategy dials through (Windows' own device names). */
export function miniportFor(strategy: string): string {
  if (strategy.startsWith("sstp")) return "WAN Miniport (SSTP)";
  if (strategy.startsWith("l2tp")) return "WAN Miniport (L2TP)";
  if (strategy.startsWith("pptp") || strategy === "gre-only") return "WAN Miniport (PPTP)";
  return "WAN Miniport (IKEv2)";
}

/** A setting written out in full in the table (its path first, so its type keeps the literal). */
function setting<P extends string, R, W>(
  path: P,
  rest: Omit<Setting<P, R, W>, "path">,
): Setting<P, R, W> {
  return { path, ...rest };
}

/** RAS_MaxIDSize: the IKEv2 identity fields' length (ras.h). */
const MAX_ID_SIZE = 256;

/**
 * The most alternate numbers a link takes, and the most subentries: Windows documents no limit;
 * these keep a profile bounded (the simulator holds 64 numbers per link).
 */
const MAX_ALTERNATES = 63;
const MAX_SUBENTRIES = 63;

const copySub = (sub: SubEntry): SubEntry => ({
  device: { type: sub.device.type, name: sub.device.name },
  server: sub.server,
  alternates: [...sub.alternates],
});

/**
 * Every entry setting, in the order `entry show` prints them. Raw fields are written first and
 * the named settings after, so a named setting wins over the bit it owns in `raw.dwfOptions`.
 */
export const ENTRY_SETTINGS = [
  choice("type", "dwType", ENTRY_TYPES, "type", "The entry type", {
    cli: { flag: "--type", valueName: "type" },
  }),
  text(
    "server",
    "szLocalPhoneNumber",
    "The server to connect to: host name or address for a VPN, phone number for dial-up",
    {
      maxLength: LIMITS.phoneNumber,
      noSpaces: true,
      cli: {
        flag: "--server",
        valueName: "host",
        description: "VPN server name or address (or phone number)",
      },
    },
  ),
  setting("alternates", {
    field: "the numbers after the struct at dwAlternateOffset",
    value: { kind: "strings", maxLength: LIMITS.phoneNumber, max: MAX_ALTERNATES },
    description: "Alternate servers or phone numbers, tried in order when `server` fails",
    read: (s) => [...(s.alternates ?? [])],
    write: (s, value: string[]) => {
      s.alternates = [...value];
    },
  }),
  text("device.type", "szDeviceType", "The device type: vpn, modem, PPPoE, isdn, ...", {
    maxLength: LIMITS.deviceType,
    minLength: 1,
    cli: { flag: "--device-type", valueName: "type" },
  }),
  text("device.name", "szDeviceName", "The device name, such as WAN Miniport (IKEv2)", {
    maxLength: LIMITS.deviceName,
    cli: { flag: "--device-name", valueName: "name" },
  }),
  choice(
    "strategy",
    "dwVpnStrategy",
    VPN_STRATEGIES,
    "strategy",
    "Which VPN protocols are tried, and in which order",
    {
      cli: { flag: "--strategy", valueName: "strategy" },
      // A VPN entry dials through the WAN Miniport of its protocol unless a device is given.
      afterWrite: (s, value, patch) => {
        if (patch.device === undefined && (s.szDeviceType ?? "vpn") === "vpn") {
          s.szDeviceName = miniportFor(value);
        }
      },
    },
  ),
  setting("authentication", {
    field: "dwfOptions RASEO_Require*",
    value: { kind: "choices", choices: Object.keys(AUTH_METHODS) },
    description: "The authentication methods to require (all others are turned off)",
    cli: {
      flag: "--auth",
      valueName: "methods",
      description: "required authentication, comma-separated: pap, spap, chap, mschap, mschapv2, " +
        "w95-mschap, eap",
    },
    read: (s) =>
      (Object.keys(AUTH_METHODS) as AuthMethod[]).filter((m) => has(s.dwfOptions, AUTH_METHODS[m])),
    write: (s, value: AuthMethod[]) => {
      let o = s.dwfOptions ?? 0;
      for (const [method, bit] of Object.entries(AUTH_METHODS)) {
        o = setBit(o, bit, value.includes(method as AuthMethod));
      }
      s.dwfOptions = o;
    },
  }),
  choice(
    "encryption",
    "dwEncryptionType",
    ENCRYPTION_LEVELS,
    "encryption",
    "The data encryption level",
    {
      cli: { flag: "--encryption", valueName: "level" },
    },
  ),
  flag(
    "splitTunnel",
    "dwfOptions",
    RASEO.RemoteDefaultGateway,
    "Only the remote network's traffic uses the connection (no default gateway)",
    { inverted: true, cli: "--split-tunnel" },
  ),
  address(
    "ipv4.address",
    "ipaddr",
    "dwfOptions",
    RASEO.SpecificIpAddr,
    "A fixed IPv4 address (null: assigned by the server)",
    { flag: "--ipv4-address", valueName: "address", nullWord: "auto" },
  ),
  dnsServers(
    "ipv4.dns",
    ["ipaddrDns", "ipaddrDnsAlt"],
    "dwfOptions",
    RASEO.SpecificNameServers,
    "Up to two IPv4 DNS servers (empty: assigned by the server)",
  ),
  metric(
    "ipv4.metric",
    "dwIPv4InterfaceMetric",
    RASEO2.IPv4ExplicitMetric,
    "The IPv4 interface metric (null: automatic)",
    "--metric",
  ),
  address(
    "ipv6.address",
    "ipv6addr",
    "dwfOptions2",
    RASEO2.SpecificIPv6Addr,
    "A fixed IPv6 address (null: assigned by the server)",
    { flag: "--ipv6-address", valueName: "address", nullWord: "auto" },
  ),
  integer("ipv6.prefixLength", "dwIPv6PrefixLength", "The fixed IPv6 address's prefix length", {
    max: 128,
    cli: { flag: "--ipv6-prefix-length", valueName: "bits" },
  }),
  dnsServers(
    "ipv6.dns",
    ["ipv6addrDns", "ipv6addrDnsAlt"],
    "dwfOptions2",
    RASEO2.IPv6SpecificNameServers,
    "Up to two IPv6 DNS servers (empty: assigned by the server)",
  ),
  metric(
    "ipv6.metric",
    "dwIPv6InterfaceMetric",
    RASEO2.IPv6ExplicitMetric,
    "The IPv6 interface metric (null: automatic)",
    "--ipv6-metric",
  ),
  flag(
    "ipv6.splitTunnel",
    "dwfOptions2",
    RASEO2.IPv6RemoteDefaultGateway,
    "Only the remote network's IPv6 traffic uses the connection",
    { inverted: true },
  ),
  text("dnsSuffix", "szDnsSuffix", "The DNS suffix of this connection (empty for none)", {
    maxLength: LIMITS.dnsSuffix,
    cli: { flag: "--dns-suffix", valueName: "suffix" },
  }),
  flag(
    "registerDns",
    "dwfOptions2",
    RASEO2.RegisterIpWithDNS,
    "Register the connection's addresses in DNS",
    { cli: "--register-dns" },
  ),
  integer(
    "idleDisconnectSeconds",
    "dwIdleDisconnectSeconds",
    "Seconds of inactivity before Windows hangs up (0: the system-wide default)",
    { cli: { flag: "--idle-disconnect", valueName: "seconds" } },
  ),
  integer("redial.attempts", "dwRedialCount", "How often Windows redials a failed dial", {
    max: 999999999,
    cli: { flag: "--redial-attempts", valueName: "count" },
  }),
  integer("redial.pauseSeconds", "dwRedialPause", "Seconds between redial attempts", {
    max: 86400,
    cli: { flag: "--redial-pause", valueName: "seconds" },
  }),
  flag(
    "redial.reconnectIfDropped",
    "dwfOptions2",
    RASEO2.ReconnectIfDropped,
    "Windows redials a dropped link",
    { cli: "--reconnect-if-dropped" },
  ),
  flag(
    "rememberCredentials",
    "dwfOptions2",
    RASEO2.CacheCredentials,
    "Windows remembers the credentials used to dial",
    { cli: "--remember-credentials" },
  ),
  flag(
    "useWindowsLogon",
    "dwfOptions",
    RASEO.UseLogonCredentials,
    "Dial with the Windows logon user's name and password",
    { cli: "--use-windows-logon" },
  ),
  flag(
    "usePreSharedKey",
    "dwfOptions2",
    RASEO2.UsePreSharedKey,
    "L2TP uses a pre-shared key instead of a certificate (set it with creds set --psk-stdin)",
    { cli: "--use-psk" },
  ),
  flag(
    "previewUserPassword",
    "dwfOptions",
    RASEO.PreviewUserPw,
    "Windows asks for user name and password before dialing",
  ),
  flag(
    "previewDomain",
    "dwfOptions",
    RASEO.PreviewDomain,
    "Windows asks for the domain before dialing",
  ),
  setting("prerequisite", {
    field: "szPrerequisiteEntry, szPrerequisitePbk",
    value: { kind: "prerequisite" },
    description: "The entry dialed first to bring up the network (null: none)",
    cli: {
      flag: "--prerequisite",
      valueName: "entry",
      nullWord: "none",
      description: "the entry that brings the IP network ('none' to clear)",
      part: {
        flag: "--prerequisite-phonebook",
        valueName: "path",
        key: "phonebook",
        description: "the prerequisite entry's phone book",
      },
    },
    read: (s) =>
      s.szPrerequisiteEntry === ""
        ? null
        : { entry: s.szPrerequisiteEntry, phonebook: s.szPrerequisitePbk || null },
    write: (s, value: { entry: string; phonebook: string | null } | null) => {
      s.szPrerequisiteEntry = value?.entry ?? "";
      s.szPrerequisitePbk = value?.phonebook ?? "";
    },
  }),
  setting("subEntries", {
    field: "RASSUBENTRYW 2..dwSubEntries (RasGet/SetSubEntryProperties)",
    value: { kind: "subentries", max: MAX_SUBENTRIES },
    description: "Multilink: the links after the entry's own, each {device: {type, name}, " +
      "server, alternates}",
    read: (s) => (s.subEntries ?? []).map(copySub),
    write: (s, value: SubEntry[]) => {
      s.subEntries = value.map(copySub);
    },
  }),
  rawNumber(
    "dwfOptions",
    "RASEO_* option bits; the named settings own some of them and override those",
  ),
  rawNumber(
    "dwfOptions2",
    "RASEO2_* option bits; the named settings own some of them and override those",
  ),
  rawNumber("dwfOptions3", "A third word of option bits (reserved by Windows; kept as read)"),
  rawNumber("dwfNetProtocols", "RASNP_* bits: the network protocols to negotiate (IPv4, IPv6)"),
  rawNumber("dwFramingProtocol", "RASFP_* framing protocol (PPP, SLIP)"),
  rawNumber("dwFrameSize", "The frame size for SLIP (1006 or 1500)"),
  rawNumber("dwCustomAuthKey", "The EAP type (authentication key) used with EAP authentication"),
  rawNumber("dwCountryID", "The TAPI country ID used when dialing with country and area codes"),
  rawNumber("dwCountryCode", "The country code used when dialing with country and area codes"),
  rawText(
    "szAreaCode",
    LIMITS.areaCode,
    "The area code used when dialing with country and area codes",
  ),
  rawNumber("dwChannels", "Reserved (ISDN channels)"),
  setting("raw.dwSubEntries", {
    ...rawNumber(
      "dwSubEntries",
      "The number of links, the entry's own and subEntries (read-only: subEntries sets them)",
    ),
    readOnly: true,
    // Windows counts the links and takes 0 on RasSetEntryProperties (RASENTRYW dwSubEntries).
    read: (s: RasEntryStruct): number => 1 + (s.subEntries?.length ?? 0),
    write: (_s: Fields, _value: number) => {},
  }),
  rawNumber("dwDialMode", "RASEDM_* multilink dial mode: dial all subentries, or more as needed"),
  rawNumber(
    "dwDialExtraPercent",
    "Multilink: the usage percentage above which another subentry is dialed",
  ),
  rawNumber(
    "dwDialExtraSampleSeconds",
    "Multilink: seconds the usage must stay above that before another subentry is dialed",
  ),
  rawNumber(
    "dwHangUpExtraPercent",
    "Multilink: the usage percentage below which a subentry is hung up",
  ),
  rawNumber(
    "dwHangUpExtraSampleSeconds",
    "Multilink: seconds the usage must stay below that before a subentry is hung up",
  ),
  rawNumber("dwTcpWindowSize", "The TCP window size (Windows ignores it)"),
  rawNumber(
    "dwNetworkOutageTime",
    "Seconds an IKEv2 connection survives a network outage (mobility)",
  ),
  rawText("szScript", LIMITS.path, "The full path of the dial-up script file"),
  rawText("szCustomDialDll", LIMITS.path, "The path of a custom-dial DLL"),
  rawText("szIDi", MAX_ID_SIZE, "The IKEv2 initiator identity (this side)"),
  rawText("szIDr", MAX_ID_SIZE, "The IKEv2 responder identity (the server)"),
  rawNumber("IdiType", "The kind of the initiator identity in szIDi"),
  rawNumber("IdrType", "The kind of the responder identity in szIDr"),
  rawNumber("fDisableIKEv2Fragmentation", "Non-zero to turn IKEv2 fragmentation off"),
] as const satisfies readonly Setting[];

/** The table's type: one {@link Setting} type per setting, in order. */
export type EntrySettingsTable = typeof ENTRY_SETTINGS;

/** The object a value sits in at a dotted path: `AtPath<"ipv4.metric", T>` is `{ipv4: {metric: T}}`. */
export type AtPath<P extends string, T> = P extends `${infer H}.${infer R}`
  ? { [K in H]: AtPath<R, T> }
  : { [K in P]: T };

/** {@link AtPath} with every key optional: where a patch may give a value. */
export type AtPathOptional<P extends string, T> = P extends `${infer H}.${infer R}`
  ? { [K in H]?: AtPathOptional<R, T> | undefined }
  : { [K in P]?: T | undefined };

/** The intersection of a union of object types (each setting's object, merged). */
export type Merged<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;

/** An intersection of nested objects spelled out as one object type (arrays and scalars kept). */
export type Spelled<T> = T extends readonly unknown[] | string | number | boolean | null | undefined
  ? T
  : { [K in keyof T]: Spelled<T[K]> };

/**
 * Every setting's value as reading an entry gives it, nested by path: derived from
 * {@link ENTRY_SETTINGS} (each setting's path and read type), never written by hand.
 */
export type SettingValues = Spelled<Merged<ValuesOf<EntrySettingsTable>[number]>>;

/**
 * A patch of settings, nested by path, every key optional: what `entry new`/`entry set` and a
 * profile take. Derived from {@link ENTRY_SETTINGS} (each setting's path and write type).
 */
export type SettingPatch = Spelled<Merged<PatchesOf<EntrySettingsTable>[number]>>;

/** Each setting's {@link AtPath} object of its read type (a tuple, in table order). */
export type ValuesOf<T extends readonly unknown[]> = {
  [I in keyof T]: T[I] extends Setting<infer P, infer R, infer _W> ? AtPath<P, R> : never;
};

/** Each setting's {@link AtPathOptional} object of its write type (a tuple, in table order). */
export type PatchesOf<T extends readonly unknown[]> = {
  [I in keyof T]: T[I] extends Setting<infer P, infer _R, infer W> ? AtPathOptional<P, W> : never;
};

/** Reads the value at a dotted path (undefined when absent). */
export function getPath(object: unknown, path: string): unknown {
  let here: unknown = object;
  let start = 0;
  for (;;) {
    if (here === null || typeof here !== "object") return undefined;
    const dot = path.indexOf(".", start);
    here = (here as Record<string, unknown>)[path.slice(start, dot < 0 ? undefined : dot)];
    if (dot < 0) return here;
    start = dot + 1;
  }
}

/**
 * Sets the value at a dotted path, making the objects on the way. The path is walked in place,
 * not split: reading an entry sets every setting's path.
 */
export function setPath(object: Record<string, unknown>, path: string, value: unknown): void {
  let here = object;
  let start = 0;
  for (let dot = path.indexOf("."); dot >= 0; dot = path.indexOf(".", start)) {
    const key = path.slice(start, dot);
    const next = here[key];
    if (next === null || typeof next !== "object") here[key] = {};
    here = here[key] as Record<string, unknown>;
    start = dot + 1;
  }
  here[path.slice(start)] = value;
}

/**
 * Reads every setting out of a decoded RASENTRYW, in table order.
 *
 * @param s The decoded struct.
 * @returns The settings as nested JSON (`{type, server, device: {type, name}, ...}`).
 * @example
 * ```ts ignore
 * readSettings(RASENTRYW.decode(bytes)).splitTunnel;
 * ```
 */
export function readSettings(s: RasEntryStruct): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const setting of ENTRY_SETTINGS) setPath(out, setting.path, setting.read(s));
  return out;
}

/**
 * Applies a settings patch to struct fields: raw fields first, then the named settings, which
 * override the bits they own. Settings the patch does not give stay as they are.
 *
 * @param base The current fields.
 * @param patch The settings to change (nested JSON, validated).
 * @returns The new fields.
 * @example
 * ```ts ignore
 * writeSettings(current, { splitTunnel: true }).dwfOptions;
 * ```
 */
export function writeSettings(
  base: Partial<RasEntryStruct>,
  patch: Record<string, unknown>,
): Partial<RasEntryStruct> {
  const s: Fields = { ...base };
  const ordered = [
    ...ENTRY_SETTINGS.filter((x) => x.raw),
    ...ENTRY_SETTINGS.filter((x) => !x.raw),
  ];
  for (const setting of ordered) {
    const value = getPath(patch, setting.path);
    if (value !== undefined) setting.write(s, value as never, patch);
  }
  return s;
}

/** One difference between two entries' settings. */
export interface SettingChange {
  /** The setting's JSON path, dotted. */
  path: string;
  /** Its value before. */
  before: unknown;
  /** Its value after. */
  after: unknown;
}

/** Deep equality of JSON values. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  return ka.length === kb.length &&
    ka.every((k) =>
      sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])
    );
}

/**
 * The settings that differ between two entries, in table order.
 *
 * @param before One entry's settings (as {@link readSettings} returns them).
 * @param after The other's.
 * @returns Each differing setting with both values.
 * @example
 * ```ts
 * diffEntries({ splitTunnel: false }, { splitTunnel: true });
 * // [{ path: "splitTunnel", before: false, after: true }]
 * ```
 */
export function diffEntries(before: unknown, after: unknown): SettingChange[] {
  const changes: SettingChange[] = [];
  for (const { path } of ENTRY_SETTINGS) {
    const a = getPath(before, path);
    const b = getPath(after, path);
    if (!sameValue(a, b)) changes.push({ path, before: a ?? null, after: b ?? null });
  }
  return changes;
}

/**
 * An option of `entry new` / `entry set`, as data: what the command layer declares, parses and
 * documents. Keys follow `rasctl help --json`'s Option shape.
 */
export interface SettingOption {
  /** The long option: `--server`. */
  flag: string;
  /** The parsed option's key (commander's camelCase of the flag): `server`. */
  key: string;
  /** Whether it takes a value (false: a switch). */
  takesValue: boolean;
  /** Whether a `--no-x` switch exists. */
  negatable: boolean;
  /** The value's type: `boolean`, `string`, `host`, `count`, `seconds`, `choice`, `list`, ... */
  type: string;
  /** The value's name in help: `<host>`. */
  valueName: string | null;
  /** The allowed values (one of them, or several comma-separated for `list`). */
  choices: readonly string[] | null;
  /** The smallest number it takes. */
  min: number | null;
  /** The largest number it takes. */
  max: number | null;
  /** The longest text it takes. */
  maxLength: number | null;
  /** The word that stands for null (`auto`, `none`). */
  nullWord: string | null;
  /** Help text. */
  description: string;
  /** The settings it sets, dotted JSON paths. */
  paths: string[];
  /** The key within the setting's object value this option gives (`phonebook`), or null. */
  part: string | null;
  /** Options it needs beside it. */
  requires: string[];
}

function camel(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

function optionType(setting: Setting): string {
  const v = setting.value;
  switch (v.kind) {
    case "choices":
      return "list";
    case "addresses":
      return "addresses";
    case "address":
      return "address";
    case "prerequisite":
      return "entry";
    case "integer":
      return setting.cli?.valueName === "seconds" ? "seconds" : "count";
    case "string":
      return setting.cli?.valueName === "host" ? "host" : "string";
    default:
      return v.kind;
  }
}

/**
 * The setting options of `entry new` / `entry set`, derived from {@link ENTRY_SETTINGS}, one
 * per flag (`--dns` sets both `ipv4.dns` and `ipv6.dns`).
 */
export const SETTING_OPTIONS: readonly SettingOption[] = (() => {
  const out: SettingOption[] = [];
  for (const setting of ENTRY_SETTINGS) {
    const cli = setting.cli;
    if (!cli) continue;
    const existing = out.find((o) => o.flag === cli.flag);
    if (existing) {
      existing.paths.push(setting.path);
      continue;
    }
    const v = setting.value;
    out.push({
      flag: cli.flag,
      key: camel(cli.flag.slice(2)),
      takesValue: v.kind !== "boolean",
      negatable: cli.negatable ?? false,
      type: optionType(setting),
      valueName: v.kind === "boolean" ? null : cli.valueName ?? "value",
      choices: v.kind === "choice" || v.kind === "choices" ? v.choices : null,
      min: v.kind === "integer" ? v.min : v.kind === "metric" ? 0 : null,
      max: v.kind === "integer" ? v.max : v.kind === "metric" ? 0xffffffff : null,
      maxLength: v.kind === "string" ? v.maxLength : null,
      nullWord: cli.nullWord ?? null,
      description: cli.description ?? setting.description,
      paths: [setting.path],
      part: null,
      requires: [],
    });
    if (cli.part) {
      out.push({
        flag: cli.part.flag,
        key: camel(cli.part.flag.slice(2)),
        takesValue: true,
        negatable: false,
        type: "path",
        valueName: cli.part.valueName,
        choices: null,
        min: null,
        max: null,
        maxLength: LIMITS.path,
        nullWord: null,
        description: cli.part.description,
        paths: [setting.path],
        part: cli.part.key,
        requires: [cli.flag],
      });
    }
  }
  return out;
})();
