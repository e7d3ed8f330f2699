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
import type { AuthMethod, EncryptionLevel, EntryType, VpnStrategy } from "./constants.ts";
import { ENTRY_SETTINGS, type Setting, type SubEntry, type ValueType } from "./entry_settings.ts";
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

/** The zod rule for one setting's value type (see {@link ValueType}). */
function valueSchema(path: string, v: ValueType): z.ZodType {
  switch (v.kind) {
    case "boolean":
      return z.boolean();
    case "string": {
      let schema = z.string().max(v.maxLength, `${path} is at most ${v.maxLength} characters`);
      if (v.minLength) schema = schema.min(v.minLength, `${path} must not be empty`);
      return v.noSpaces
        ? schema.refine((s) => !/[\s\0]/.test(s), `${path} must not contain spaces`)
        : schema.refine((s) => !s.includes("\0"), `${path} must not contain NUL`);
    }
    case "path":
      return phonebookSchema;
    case "integer":
      return z.number().int().min(v.min).max(v.max);
    case "choice":
      return z.enum(v.choices as [string, ...string[]]);
    case "choices":
      return z.array(z.enum(v.choices as [string, ...string[]]));
    case "address":
      return (v.family === 4 ? ipv4Schema : ipv6Schema).nullable();
    case "addresses":
      return z.array(v.family === 4 ? ipv4Schema : ipv6Schema).max(
        v.max,
        `at most two IPv${v.family} DNS servers`,
      );
    case "metric":
      return z.number().int().min(0).max(0xffffffff).nullable();
    case "prerequisite":
      return z.strictObject({
        entry: entryNameSchema,
        phonebook: phonebookSchema.nullable().default(null),
      }).nullable();
    case "strings":
      return z.array(numberSchema(`${path} entries`, v.maxLength)).max(
        v.max,
        `${path} takes at most ${v.max}`,
      );
    case "subentries":
      return z.array(z.strictObject({
        device: z.strictObject({
          type: z.string().min(1, `${path} device.type must not be empty`).max(
            LIMITS.deviceType,
          ),
          name: z.string().min(1, `${path} device.name must not be empty`).max(
            LIMITS.deviceName,
          ),
        }),
        server: numberSchema(`${path} server`, LIMITS.phoneNumber).or(z.literal("")),
        alternates: z.array(numberSchema(`${path} alternates`, LIMITS.phoneNumber)).max(
          63,
        ).default([]),
      })).max(v.max, `${path} takes at most ${v.max}`);
  }
}

/** A phone number or server as a phone book holds it: 1..max characters, no spaces or NUL. */
function numberSchema(what: string, max: number) {
  return z.string().min(1, `${what} must not be empty`).max(
    max,
    `${what} are at most ${max} characters`,
  ).refine((s) => !/[\s\0]/.test(s), `${what} must not contain spaces`);
}

/** A table of settings as a tree of their paths, each leaf the setting's value schema. */
type Tree = { [key: string]: Tree | z.ZodType };

/** The zod object for a set of settings, nested by path, every key optional, unknown refused. */
function objectSchema(settings: readonly Setting[], prefix = ""): z.ZodObject {
  const tree: Tree = {};
  for (const setting of settings) {
    const keys = setting.path.slice(prefix.length).split(".");
    let here = tree;
    for (const key of keys.slice(0, -1)) here = (here[key] ??= {}) as Tree;
    here[keys.at(-1)!] = valueSchema(setting.path, setting.value).describe(setting.description);
  }
  const build = (node: Tree): z.ZodObject =>
    z.strictObject(
      Object.fromEntries(
        Object.entries(node).map(([key, child]) => [
          key,
          child instanceof z.ZodType ? child : build(child),
        ]),
      ),
    ).partial();
  return build(tree);
}

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

/**
 * A patch of entry settings (what `entry set` and `entry new` take): the named, user-facing
 * settings of an entry. Every setting is optional; those left out stay as they are.
 */
export interface EntrySettings {
  /** The entry type. */
  type?: EntryType | undefined;
  /** The server to connect to: host name or address for a VPN, phone number for dial-up. */
  server?: string | undefined;
  /** Alternate servers or phone numbers, tried in order when `server` fails. */
  alternates?: string[] | undefined;
  /** Multilink: the links after the entry's own. */
  subEntries?: SubEntry[] | undefined;
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

const entrySettingsObjectSchema = objectSchema(ENTRY_SETTINGS);

/**
 * The settings schema as a zod object, for documents that extend it (profiles).
 *
 * @ignore
 */
export const entrySettingsObject: z.ZodObject = entrySettingsObjectSchema;

/** The zod rule for a patch of entry settings (see {@link EntrySettings}). */
export const entrySettingsSchema: ZodType<EntrySettings> =
  entrySettingsObjectSchema as unknown as ZodType<EntrySettings>;

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
export const entryFileSchema: ZodType<EntryFile> = entryFileObjectSchema as unknown as ZodType<
  EntryFile
>;
