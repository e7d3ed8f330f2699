/**
 * Entry settings from command-line options and JSON files (`entry new`, `entry set`). The
 * options are declared once, here, in {@link SETTINGS_OPTIONS} (they are to be derived from the
 * entry-settings table once it exists); each is read by its value type, then the merged patch
 * is validated with the entry schema so bad input never reaches rasapi32. Messages name the
 * option as typed, or the JSON path inside the `--from` file.
 *
 * @module
 */

import type { z } from "zod";
import type { EntrySettings } from "../ras/entry_schema.ts";
import { AUTH_METHODS, ENCRYPTION_LEVELS, ENTRY_TYPES, VPN_STRATEGIES } from "../ras/constants.ts";
import { isUnspecifiedAddress, LIMITS } from "../ras/values.ts";
import { InputFileError, UsageError } from "./_errors.ts";
import { flag, option, type Parsed, types } from "./_spec.ts";

const u32 = 0xffffffff;

/** The options that set entry settings (`entry new` and `entry set`), in one place. */
export const SETTINGS_OPTIONS = {
  from: option(
    "--from",
    types.path(),
    "read settings from a JSON file (as `entry show` prints; UTF-8 or UTF-16 with BOM); " +
      "options override it",
  ),
  type: option("--type", types.choice(ENTRY_TYPES), "the entry type"),
  server: option("--server", types.host(), "VPN server name or address (or phone number)"),
  strategy: option("--strategy", types.choice(VPN_STRATEGIES), "VPN protocols to try (VPN only)"),
  auth: option(
    "--auth",
    types.choiceList(AUTH_METHODS),
    "required authentication methods, comma-separated",
  ),
  encryption: option("--encryption", types.choice(ENCRYPTION_LEVELS), "data encryption level"),
  splitTunnel: flag("--split-tunnel", "send only the VPN's own traffic through it", {
    negation: "--no-split-tunnel",
  }),
  dns: option(
    "--dns",
    types.ipList(),
    "DNS servers, comma-separated (up to two IPv4 and two IPv6; 'auto' for server-assigned)",
  ),
  dnsSuffix: option(
    "--dns-suffix",
    types.text({ maxLength: LIMITS.dnsSuffix, metavar: "SUFFIX", empty: true }),
    "connection-specific DNS suffix",
  ),
  registerDns: flag("--register-dns", "register this connection's address in DNS", {
    negation: "--no-register-dns",
  }),
  ipv4Address: option(
    "--ipv4-address",
    types.ipAddress({ family: 4, auto: true }),
    "static IPv4 address, or 'auto'",
  ),
  ipv6Address: option(
    "--ipv6-address",
    types.ipAddress({ family: 6, auto: true }),
    "static IPv6 address, or 'auto'",
  ),
  ipv6PrefixLength: option(
    "--ipv6-prefix-length",
    types.count({ max: 128, metavar: "BITS" }),
    "IPv6 prefix length",
  ),
  metric: option("--metric", types.countOrAuto({ max: u32 }), "IPv4 interface metric, or 'auto'"),
  ipv6Metric: option(
    "--ipv6-metric",
    types.countOrAuto({ max: u32 }),
    "IPv6 interface metric, or 'auto'",
  ),
  idleDisconnect: option(
    "--idle-disconnect",
    types.count({ max: u32, metavar: "SECONDS" }),
    "hang up after this many idle seconds (0: never)",
  ),
  redialAttempts: option(
    "--redial-attempts",
    types.count({ max: 999_999_999 }),
    "redial attempts",
  ),
  redialPause: option(
    "--redial-pause",
    types.count({ max: 86400, metavar: "SECONDS" }),
    "pause between redial attempts",
  ),
  reconnectIfDropped: flag("--reconnect-if-dropped", "let Windows redial a dropped link", {
    negation: "--no-reconnect-if-dropped",
  }),
  rememberCredentials: flag("--remember-credentials", "let Windows cache the credentials", {
    negation: "--no-remember-credentials",
  }),
  useWindowsLogon: flag("--use-windows-logon", "use the Windows logon credentials", {
    negation: "--no-use-windows-logon",
  }),
  usePsk: flag(
    "--use-psk",
    "authenticate L2TP with a pre-shared key (set it with `creds set --psk-stdin`)",
    { negation: "--no-use-psk" },
  ),
  prerequisite: option(
    "--prerequisite",
    types.entryName(),
    "the entry that brings the IP network ('none' to clear)",
  ),
  prerequisitePhonebook: option(
    "--prerequisite-phonebook",
    types.path(),
    "the prerequisite entry's phone book",
    { requires: ["--prerequisite"] },
  ),
  deviceType: option(
    "--device-type",
    types.text({ maxLength: LIMITS.deviceType, metavar: "TYPE" }),
    "device type (vpn, modem, PPPoE, isdn, ...)",
  ),
  deviceName: option(
    "--device-name",
    types.text({ maxLength: LIMITS.deviceName, metavar: "NAME", empty: true }),
    "device name (e.g. 'WAN Miniport (IKEv2)')",
  ),
} as const;

/** The parsed settings options. */
export type SettingsValues = Parsed<typeof SETTINGS_OPTIONS>;

/** The largest --from file read. */
const MAX_FILE_BYTES = 1 << 20;

/** Builds the settings patch from options (undefined options change nothing). */
function settingsFromOptions(o: SettingsValues): Record<string, unknown> {
  const s: Record<string, unknown> = {};
  const set = (key: string, value: unknown) => value !== undefined && (s[key] = value);
  set("type", o.type);
  set("server", o.server);
  set("strategy", o.strategy);
  set("authentication", o.auth);
  set("encryption", o.encryption);
  set("splitTunnel", o.splitTunnel);
  const ipv4: Record<string, unknown> = {};
  const ipv6: Record<string, unknown> = {};
  if (o.dns !== undefined) {
    ipv4.dns = o.dns.filter((a) => !a.includes(":"));
    ipv6.dns = o.dns.filter((a) => a.includes(":"));
    if ((ipv4.dns as string[]).length > 2 || (ipv6.dns as string[]).length > 2) {
      throw new UsageError("--dns takes at most two IPv4 and two IPv6 servers", "--dns");
    }
  }
  if (o.ipv4Address !== undefined) ipv4.address = o.ipv4Address;
  if (o.ipv6Address !== undefined) ipv6.address = o.ipv6Address;
  if (o.ipv6PrefixLength !== undefined) ipv6.prefixLength = o.ipv6PrefixLength;
  if (o.metric !== undefined) ipv4.metric = o.metric;
  if (o.ipv6Metric !== undefined) ipv6.metric = o.ipv6Metric;
  if (Object.keys(ipv4).length) s.ipv4 = ipv4;
  if (Object.keys(ipv6).length) s.ipv6 = ipv6;
  set("dnsSuffix", o.dnsSuffix);
  set("registerDns", o.registerDns);
  set("idleDisconnectSeconds", o.idleDisconnect);
  const redial: Record<string, unknown> = {};
  if (o.redialAttempts !== undefined) redial.attempts = o.redialAttempts;
  if (o.redialPause !== undefined) redial.pauseSeconds = o.redialPause;
  if (o.reconnectIfDropped !== undefined) redial.reconnectIfDropped = o.reconnectIfDropped;
  if (Object.keys(redial).length) s.redial = redial;
  set("rememberCredentials", o.rememberCredentials);
  set("useWindowsLogon", o.useWindowsLogon);
  set("usePreSharedKey", o.usePsk);
  if (o.prerequisite !== undefined) {
    s.prerequisite = o.prerequisite === "none"
      ? null
      : { entry: o.prerequisite, phonebook: o.prerequisitePhonebook ?? null };
  }
  if (o.deviceType !== undefined || o.deviceName !== undefined) {
    s.device = {
      ...(o.deviceType === undefined ? {} : { type: o.deviceType }),
      ...(o.deviceName === undefined ? {} : { name: o.deviceName }),
    };
  }
  return s;
}

/** The option that sets a JSON path, for messages about option values. */
const OPTION_OF: Record<string, string> = {
  "type": "--type",
  "server": "--server",
  "strategy": "--strategy",
  "authentication": "--auth",
  "ipv4.dns": "--dns",
  "ipv6.dns": "--dns",
  "prerequisite.entry": "--prerequisite",
  "dnsSuffix": "--dns-suffix",
  "device.type": "--device-type",
  "device.name": "--device-name",
};

/** Turns a zod failure into one readable UsageError naming the field. */
export function zodFailure(error: z.ZodError, source: string): UsageError {
  const issue = error.issues[0]!;
  const field = issue.path.join(".");
  const where = field ? `${source}: ${field}` : source;
  return new UsageError(`${where}: ${issue.message}`, field || null);
}

/**
 * Decodes an input file: UTF-8 with or without a BOM, or UTF-16LE/BE with a BOM (what
 * Windows PowerShell 5.1's `>` writes).
 */
export function decodeInputFile(bytes: Uint8Array, path: string): string {
  const bom = (a: number, b: number) => bytes[0] === a && bytes[1] === b;
  const encoding = bom(0xff, 0xfe) ? "utf-16le" : bom(0xfe, 0xff) ? "utf-16be" : "utf-8";
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw new InputFileError(
      `--from "${path}" is not valid ${encoding.toUpperCase()} text ` +
        "(rasctl reads UTF-8, or UTF-16 with a byte-order mark)",
      "--from",
    );
  }
}

async function readSettingsFile(path: string): Promise<Record<string, unknown>> {
  let bytes: Uint8Array;
  try {
    const info = await Deno.stat(path);
    if (!info.isFile) throw new InputFileError(`--from "${path}" is not a file`, "--from");
    if (info.size > MAX_FILE_BYTES) {
      throw new InputFileError(`--from "${path}" is larger than 1 MiB`, "--from");
    }
    bytes = await Deno.readFile(path);
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    const why = error instanceof Deno.errors.NotFound
      ? "no such file"
      : error instanceof Deno.errors.PermissionDenied
      ? "permission denied"
      : "it cannot be read";
    throw new InputFileError(`cannot read --from file "${path}": ${why}`, "--from");
  }
  let value: unknown;
  try {
    value = JSON.parse(decodeInputFile(bytes, path));
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    const why = error instanceof SyntaxError ? error.message : "it is nested too deeply";
    throw new InputFileError(`--from "${path}" is not valid JSON: ${why}`, "--from");
  }
  if (!isPlain(value)) {
    throw new InputFileError(`--from "${path}" must hold one JSON object (an entry)`, "--from");
  }
  return value;
}

/**
 * Checks what neither the option types nor the schema can: no unspecified DNS address, no
 * entry that is its own prerequisite, no VPN strategy on an entry that is not a VPN.
 */
function checkMerged(
  name: string,
  s: EntrySettings,
  source: (path: string) => string,
  existingType: () => string | undefined,
): void {
  for (const family of ["ipv4", "ipv6"] as const) {
    (s[family]?.dns ?? []).forEach((a, i) => {
      if (isUnspecifiedAddress(a)) {
        const path = `${family}.dns.${i}`;
        throw new UsageError(`${source(path)}: ${a} cannot be a DNS server`, fieldOf(path));
      }
    });
  }
  if (s.prerequisite && s.prerequisite.entry.toLowerCase() === name.toLowerCase()) {
    const path = "prerequisite.entry";
    throw new UsageError(
      `${source(path)}: "${s.prerequisite.entry}" cannot be its own prerequisite`,
      fieldOf(path),
    );
  }
  if (s.strategy !== undefined && s.strategy !== "automatic") {
    const type = s.type ?? existingType() ?? "vpn";
    if (type !== "vpn") {
      throw new UsageError(
        `${source("strategy")}: a VPN strategy needs a VPN entry, and this is a ${type} entry`,
        fieldOf("strategy"),
      );
    }
  }
}

let fromOptions: Set<string> = new Set();

/** The field of a path: the option that set it, or the JSON path in the file. */
function fieldOf(path: string): string {
  const prefix = path.replace(/\.\d+$/, "");
  return fromOptions.has(prefix) && OPTION_OF[prefix] ? OPTION_OF[prefix]! : path;
}

/**
 * Reads and validates entry settings from `--from` and the setting options.
 *
 * @param name The entry the settings are for.
 * @param options The parsed command options.
 * @param existingType The type of the entry being changed (for `entry set`).
 * @returns The validated settings patch.
 * @throws {UsageError} For bad values; {@link InputFileError} for unreadable files.
 */
export async function settingsFrom(
  name: string,
  options: SettingsValues,
  existingType: () => string | undefined = () => undefined,
): Promise<EntrySettings> {
  const patch = settingsFromOptions(options);
  const { entryFileSchema, entrySettingsSchema } = await import("../ras/entry_schema.ts");
  let fromFile: Record<string, unknown> = {};
  if (options.from !== undefined) {
    const parsed = entryFileSchema.safeParse(await readSettingsFile(options.from));
    if (!parsed.success) throw zodFailure(parsed.error, `--from ${options.from}`);
    const { name: _n, phonebook: _p, scope: _s, ...settings } = parsed.data;
    fromFile = settings;
  }
  const merged = mergeDeep(fromFile, patch);
  const parsed = entrySettingsSchema.safeParse(merged);
  if (!parsed.success) throw zodFailure(parsed.error, "entry settings");
  fromOptions = new Set(leafPaths(patch));
  const source = (path: string) => {
    const prefix = path.replace(/\.\d+$/, "");
    return fromOptions.has(prefix) && OPTION_OF[prefix]
      ? OPTION_OF[prefix]!
      : `--from ${options.from}: ${path}`;
  };
  checkMerged(name, parsed.data, source, existingType);
  return parsed.data;
}

function leafPaths(o: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    isPlain(v) ? [`${prefix}${k}`, ...leafPaths(v, `${prefix}${k}.`)] : [`${prefix}${k}`]
  );
}

function mergeDeep(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = isPlain(prev) && isPlain(v) ? mergeDeep(prev, v) : v;
  }
  return out;
}

function isPlain(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
