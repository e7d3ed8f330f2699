/**
 * zod schemas for entry input: names, phone-book paths and settings, with messages that name
 * the field and the rule. Kept apart from entry.ts so commands that only list pay nothing
 * for zod at start-up.
 *
 * @module
 */

import { z } from "zod";
import { LIMITS } from "../ffi/structs.ts";
import { parseIPv4, parseIPv6 } from "../ffi/ip.ts";
import {
  AUTH_METHODS,
  type AuthMethod,
  ENCRYPTION_LEVELS,
  type EncryptionLevel,
  ENTRY_TYPES,
  type EntryType,
  VPN_STRATEGIES,
  type VpnStrategy,
} from "./constants.ts";
import { entryNameProblem } from "./entry_name.ts";

/**
 * zod's schema types, documented by zod itself. deno doc counts zod's declarations (read from
 * node_modules) as this package's private types, so the exported schemas name them through
 * these aliases, which `@ignore` keeps out of the doc lint's reach.
 *
 * @ignore
 */
type ZodType<Output> = z.ZodType<Output>;
/** @ignore */
type ZodString = z.ZodString;

/** The zod rule for an entry name (Windows' rules, RasValidateEntryNameW). */
export const entryNameSchema: ZodString = z
  .string({ error: "an entry name is required" })
  .superRefine((name, ctx) => {
    const problem = entryNameProblem(name);
    if (problem) ctx.addIssue({ code: "custom", message: `an entry name ${problem}` });
  });

/** The zod rule for a phone-book path. */
export const phonebookSchema: ZodString = z
  .string()
  .min(1, "a phone-book path must not be empty")
  .max(LIMITS.path, `a phone-book path is at most ${LIMITS.path} characters`)
  .refine((p) => !p.includes("\0"), "a phone-book path must not contain NUL");

const ipv4Schema = z.string().refine(
  (s) => ok(() => parseIPv4(s, "")),
  "must be an IPv4 address like 10.0.0.1",
);
const ipv6Schema = z.string().refine(
  (s) => ok(() => parseIPv6(s, "")),
  "must be an IPv6 address like fd00::1",
);

function ok(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch {
    return false;
  }
}

const u32 = z.number().int().min(0).max(0xffffffff);

/**
 * Raw RASENTRYW fields that have no named setting, kept so a copy loses nothing. Each is the
 * ras.h member of the same name; all are optional (a patch).
 */
export interface RawFields {
  /** RASEO_* option bits; the named settings own some of them and override those. */
  dwfOptions?: number | undefined;
  /** RASEO2_* option bits; the named settings own some of them and override those. */
  dwfOptions2?: number | undefined;
  /** A third word of option bits (reserved by Windows; kept as read). */
  dwfOptions3?: number | undefined;
  /** RASNP_* bits: the network protocols to negotiate (IPv4, IPv6). */
  dwfNetProtocols?: number | undefined;
  /** RASFP_* framing protocol (PPP, SLIP). */
  dwFramingProtocol?: number | undefined;
  /** The frame size for SLIP (1006 or 1500). */
  dwFrameSize?: number | undefined;
  /** The EAP type (authentication key) used with EAP authentication. */
  dwCustomAuthKey?: number | undefined;
  /** The TAPI country ID used when dialing with country and area codes. */
  dwCountryID?: number | undefined;
  /** The country code used when dialing with country and area codes. */
  dwCountryCode?: number | undefined;
  /** The area code used when dialing with country and area codes. */
  szAreaCode?: string | undefined;
  /** Reserved (ISDN channels). */
  dwChannels?: number | undefined;
  /** The number of multilink subentries. */
  dwSubEntries?: number | undefined;
  /** RASEDM_* multilink dial mode: dial all subentries, or more as needed. */
  dwDialMode?: number | undefined;
  /** Multilink: the usage percentage above which another subentry is dialed. */
  dwDialExtraPercent?: number | undefined;
  /** Multilink: seconds the usage must stay above that before another subentry is dialed. */
  dwDialExtraSampleSeconds?: number | undefined;
  /** Multilink: the usage percentage below which a subentry is hung up. */
  dwHangUpExtraPercent?: number | undefined;
  /** Multilink: seconds the usage must stay below that before a subentry is hung up. */
  dwHangUpExtraSampleSeconds?: number | undefined;
  /** The TCP window size (Windows ignores it). */
  dwTcpWindowSize?: number | undefined;
  /** Seconds an IKEv2 connection survives a network outage (mobility). */
  dwNetworkOutageTime?: number | undefined;
  /** The full path of the dial-up script file. */
  szScript?: string | undefined;
  /** The path of a custom-dial DLL. */
  szCustomDialDll?: string | undefined;
  /** The IKEv2 initiator identity (this side). */
  szIDi?: string | undefined;
  /** The IKEv2 responder identity (the server). */
  szIDr?: string | undefined;
  /** The kind of the initiator identity in `szIDi`. */
  IdiType?: number | undefined;
  /** The kind of the responder identity in `szIDr`. */
  IdrType?: number | undefined;
  /** Non-zero to turn IKEv2 fragmentation off. */
  fDisableIKEv2Fragmentation?: number | undefined;
}

const rawObjectSchema = z.strictObject({
  dwfOptions: u32,
  dwfOptions2: u32,
  dwfOptions3: u32,
  dwfNetProtocols: u32,
  dwFramingProtocol: u32,
  dwFrameSize: u32,
  dwCustomAuthKey: u32,
  dwCountryID: u32,
  dwCountryCode: u32,
  szAreaCode: z.string().max(LIMITS.areaCode),
  dwChannels: u32,
  dwSubEntries: u32,
  dwDialMode: u32,
  dwDialExtraPercent: u32,
  dwDialExtraSampleSeconds: u32,
  dwHangUpExtraPercent: u32,
  dwHangUpExtraSampleSeconds: u32,
  dwTcpWindowSize: u32,
  dwNetworkOutageTime: u32,
  szScript: z.string().max(LIMITS.path),
  szCustomDialDll: z.string().max(LIMITS.path),
  szIDi: z.string().max(256),
  szIDr: z.string().max(256),
  IdiType: z.number().int(),
  IdrType: z.number().int(),
  fDisableIKEv2Fragmentation: z.number().int(),
}).partial();

/**
 * A patch of entry settings (what `entry set` and `entry new` take): the named, user-facing
 * settings of an entry. Every setting is optional; those left out stay as they are.
 */
export interface EntrySettings {
  /** The entry type. */
  type?: EntryType | undefined;
  /** The server to connect to: host name or address for a VPN, phone number for dial-up. */
  server?: string | undefined;
  /** The device to dial through: its type (`vpn`, `modem`, `PPPoE`, ...) and name. */
  device?: { type?: string | undefined; name?: string | undefined } | undefined;
  /** Which VPN protocols are tried, and in which order. */
  strategy?: VpnStrategy | undefined;
  /** The authentication methods to require (all others are turned off). */
  authentication?: AuthMethod[] | undefined;
  /** The data encryption level. */
  encryption?: EncryptionLevel | undefined;
  /** Whether only the remote network's traffic uses the connection (no default gateway). */
  splitTunnel?: boolean | undefined;
  /** A fixed IPv4 address (null: assigned by the server), DNS servers and interface metric. */
  ipv4?: {
    address?: string | null | undefined;
    dns?: string[] | undefined;
    metric?: number | null | undefined;
  } | undefined;
  /** IPv6 address, prefix length, DNS servers, interface metric and split tunnelling. */
  ipv6?: {
    address?: string | null | undefined;
    prefixLength?: number | undefined;
    dns?: string[] | undefined;
    metric?: number | null | undefined;
    splitTunnel?: boolean | undefined;
  } | undefined;
  /** The DNS suffix of this connection (empty for none). */
  dnsSuffix?: string | undefined;
  /** Whether to register the connection's addresses in DNS. */
  registerDns?: boolean | undefined;
  /** Seconds of inactivity before Windows hangs up (0: the system-wide default). */
  idleDisconnectSeconds?: number | undefined;
  /** How often and how long apart to redial, and whether to reconnect a dropped line. */
  redial?: {
    attempts?: number | undefined;
    pauseSeconds?: number | undefined;
    reconnectIfDropped?: boolean | undefined;
  } | undefined;
  /** Whether Windows remembers the credentials used to dial. */
  rememberCredentials?: boolean | undefined;
  /** Whether to dial with the Windows logon user's name and password. */
  useWindowsLogon?: boolean | undefined;
  /** Whether L2TP uses a pre-shared key instead of a certificate. */
  usePreSharedKey?: boolean | undefined;
  /** Whether Windows asks for user name and password before dialing. */
  previewUserPassword?: boolean | undefined;
  /** Whether Windows asks for the domain before dialing. */
  previewDomain?: boolean | undefined;
  /** The entry to dial first to bring up the network, or null for none. */
  prerequisite?: { entry: string; phonebook: string | null } | null | undefined;
  /** RASENTRYW fields without a named setting, set verbatim before the named settings. */
  raw?: RawFields | undefined;
}

const entrySettingsObjectSchema = z.strictObject({
  type: z.enum(Object.keys(ENTRY_TYPES) as [keyof typeof ENTRY_TYPES]),
  server: z.string().max(LIMITS.phoneNumber, `server is at most ${LIMITS.phoneNumber} characters`)
    .refine((s) => !/[\s\0]/.test(s), "server must not contain spaces"),
  device: z.strictObject({
    type: z.string().min(1).max(LIMITS.deviceType).optional(),
    name: z.string().max(LIMITS.deviceName).optional(),
  }),
  strategy: z.enum(Object.keys(VPN_STRATEGIES) as [keyof typeof VPN_STRATEGIES]),
  authentication: z.array(z.enum(Object.keys(AUTH_METHODS) as [AuthMethod])),
  encryption: z.enum(Object.keys(ENCRYPTION_LEVELS) as [keyof typeof ENCRYPTION_LEVELS]),
  splitTunnel: z.boolean(),
  ipv4: z.strictObject({
    address: ipv4Schema.nullable(),
    dns: z.array(ipv4Schema).max(2, "at most two IPv4 DNS servers"),
    metric: u32.nullable(),
  }).partial(),
  ipv6: z.strictObject({
    address: ipv6Schema.nullable(),
    prefixLength: z.number().int().min(0).max(128),
    dns: z.array(ipv6Schema).max(2, "at most two IPv6 DNS servers"),
    metric: u32.nullable(),
    splitTunnel: z.boolean(),
  }).partial(),
  dnsSuffix: z.string().max(
    LIMITS.dnsSuffix,
    `dnsSuffix is at most ${LIMITS.dnsSuffix} characters`,
  ),
  registerDns: z.boolean(),
  idleDisconnectSeconds: u32,
  redial: z.strictObject({
    attempts: z.number().int().min(0).max(999999999),
    pauseSeconds: z.number().int().min(0).max(86400),
    reconnectIfDropped: z.boolean(),
  }).partial(),
  rememberCredentials: z.boolean(),
  useWindowsLogon: z.boolean(),
  usePreSharedKey: z.boolean(),
  previewUserPassword: z.boolean(),
  previewDomain: z.boolean(),
  prerequisite: z.strictObject({
    entry: entryNameSchema,
    phonebook: phonebookSchema.nullable().default(null),
  }).nullable(),
  raw: rawObjectSchema,
}).partial();

/** The zod rule for a patch of entry settings (see {@link EntrySettings}). */
export const entrySettingsSchema: ZodType<EntrySettings> = entrySettingsObjectSchema;

/** An entry file as `entry show` writes it and `entry new --from` reads it. */
export interface EntryFile extends EntrySettings {
  /** The entry's name (ignored on reading: the command line names the new entry). */
  name?: string | undefined;
  /** The phone book it was shown from, or null for the default books (ignored on reading). */
  phonebook?: string | null | undefined;
  /** Which kind of book it came from: `user`, `allUsers` or `file` (ignored on reading). */
  scope?: string | undefined;
}

const entryFileObjectSchema = entrySettingsObjectSchema.extend({
  name: entryNameSchema.optional(),
  phonebook: phonebookSchema.nullable().optional(),
  scope: z.string().optional(),
});

/** The zod rule for an entry file (see {@link EntryFile}). */
export const entryFileSchema: ZodType<EntryFile> = entryFileObjectSchema;

/** True when A and B are the same type (not merely assignable to each other). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true
  : false;
/** Compile-time check that the documented types above are exactly what the schemas parse to. */
type _SchemasMatchTheirTypes = [
  Expect<Same<RawFields, z.output<typeof rawObjectSchema>>>,
  Expect<Same<EntrySettings, z.output<typeof entrySettingsObjectSchema>>>,
  Expect<Same<EntryFile, z.output<typeof entryFileObjectSchema>>>,
];
type Expect<T extends true> = T;
