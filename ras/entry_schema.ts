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
  ENTRY_TYPES,
  VPN_STRATEGIES,
} from "./constants.ts";
import type { Entry } from "./entry.ts";
import { entryNameProblem } from "./entry_name.ts";

/** The zod rule for an entry name (Windows' rules, RasValidateEntryNameW). */
export const entryNameSchema = z
  .string({ error: "an entry name is required" })
  .superRefine((name, ctx) => {
    const problem = entryNameProblem(name);
    if (problem) ctx.addIssue({ code: "custom", message: `an entry name ${problem}` });
  });

/** The zod rule for a phone-book path. */
export const phonebookSchema = z
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

/** Raw RASENTRYW fields that have no named field, kept so a copy loses nothing. */
export const rawSchema = z.strictObject({
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

/** The named, user-facing settings of an entry (all optional: a patch). */
export const entrySettingsSchema = z.strictObject({
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
  raw: rawSchema,
}).partial();

/** A patch of entry settings (what `entry set` and `entry new` take). */
export type EntrySettings = z.infer<typeof entrySettingsSchema>;

/** An entry file as `entry show` writes it and `entry new --from` reads it. */
export const entryFileSchema = entrySettingsSchema.extend({
  name: entryNameSchema.optional(),
  phonebook: phonebookSchema.nullable().optional(),
  scope: z.string().optional(),
});

/** Raw RASENTRYW fields (see {@link rawSchema}). */
export type RawFields = z.infer<typeof rawSchema>;

/**
 * The settings that reproduce an entry (for `entry new --from` after `entry show`).
 *
 * @param entry An entry as shown.
 * @returns The same entry as a settings patch.
 * @example
 * ```ts ignore
 * settingsOf(await getEntry("Corp"));
 * ```
 */
export function settingsOf(entry: Entry): EntrySettings {
  const { name: _name, phonebook: _phonebook, ...settings } = entry;
  return entrySettingsSchema.parse(settings);
}
