/**
 * Entry settings from command-line options and JSON files, validated with zod so bad input
 * never reaches rasapi32: every message names the field and the rule.
 *
 * @module
 */

import { type OptionSpec, parseFlags } from "./_spec.ts";
import type { z } from "zod";
import type { EntrySettings } from "../ras/entry_schema.ts";
import { UsageError } from "./_output.ts";

/** The options that set entry settings (`entry new` and `entry set`). */
export const SETTINGS_OPTIONS: OptionSpec[] = [
  {
    flags: "--from <file>",
    description: "read settings from a JSON file (as `entry show` prints); options override it",
  },
  { flags: "--type <type>", description: "vpn, phone, broadband, direct or internet" },
  { flags: "--server <host>", description: "VPN server name or address (or phone number)" },
  {
    flags: "--strategy <strategy>",
    description:
      "automatic, ikev2-only, ikev2-first, sstp-only, sstp-first, l2tp-only, l2tp-first, pptp-only, ...",
  },
  {
    flags: "--auth <methods>",
    description: "required authentication, comma-separated: pap, spap, chap, mschap, mschapv2, eap",
  },
  { flags: "--encryption <level>", description: "none, optional, require or max" },
  { flags: "--split-tunnel", description: "send only the VPN's own traffic through it" },
  { flags: "--no-split-tunnel", description: "send all traffic through the VPN" },
  {
    flags: "--dns <servers>",
    description: "DNS servers, comma-separated (IPv4 and IPv6; 'auto' for server-assigned)",
  },
  { flags: "--dns-suffix <suffix>", description: "connection-specific DNS suffix" },
  { flags: "--register-dns", description: "register this connection's address in DNS" },
  { flags: "--no-register-dns", description: "do not register in DNS" },
  { flags: "--ipv4-address <address>", description: "static IPv4 address, or 'auto'" },
  { flags: "--ipv6-address <address>", description: "static IPv6 address, or 'auto'" },
  { flags: "--ipv6-prefix-length <bits>", description: "IPv6 prefix length" },
  { flags: "--metric <metric>", description: "IPv4 interface metric, or 'auto'" },
  { flags: "--ipv6-metric <metric>", description: "IPv6 interface metric, or 'auto'" },
  {
    flags: "--idle-disconnect <seconds>",
    description: "hang up after this many idle seconds (0: never)",
  },
  { flags: "--redial-attempts <count>", description: "redial attempts" },
  { flags: "--redial-pause <seconds>", description: "pause between redial attempts" },
  { flags: "--reconnect-if-dropped", description: "let Windows redial a dropped link" },
  { flags: "--no-reconnect-if-dropped", description: "do not redial a dropped link" },
  { flags: "--remember-credentials", description: "let Windows cache the credentials" },
  { flags: "--no-remember-credentials", description: "do not cache the credentials" },
  { flags: "--use-windows-logon", description: "use the Windows logon credentials" },
  { flags: "--no-use-windows-logon", description: "do not use the Windows logon credentials" },
  {
    flags: "--use-psk",
    description: "authenticate L2TP with a pre-shared key (set it with `creds set --psk-stdin`)",
  },
  { flags: "--no-use-psk", description: "use a certificate for L2TP" },
  {
    flags: "--prerequisite <entry>",
    description: "the entry that brings the IP network ('none' to clear)",
  },
  { flags: "--prerequisite-phonebook <path>", description: "the prerequisite entry's phone book" },
  { flags: "--device-type <type>", description: "device type (vpn, modem, PPPoE, isdn, ...)" },
  { flags: "--device-name <name>", description: "device name (e.g. 'WAN Miniport (IKEv2)')" },
];

type Options = Record<string, unknown>;

const MAX_FILE_BYTES = 1 << 20;

function list(value: unknown): string[] {
  return String(value).split(",").map((s) => s.trim()).filter((s) => s !== "");
}

function numberOrAuto(value: unknown, option: string): number | null {
  if (value === "auto") return null;
  return wholeNumber(value, option);
}

function wholeNumber(value: unknown, option: string): number {
  const text = String(value);
  if (!/^\d{1,10}$/.test(text)) {
    throw new UsageError(`${option} takes a whole number, got "${text}"`, option);
  }
  return Number(text);
}

function addressOrAuto(value: unknown): string | null {
  return value === "auto" ? null : String(value);
}

/** Builds the settings patch from options (undefined options change nothing). */
function settingsFromOptions(o: Options): Record<string, unknown> {
  const s: Record<string, unknown> = {};
  const set = (key: string, value: unknown) => value !== undefined && (s[key] = value);
  set("type", o.type);
  set("server", o.server);
  set("strategy", o.strategy);
  if (o.auth !== undefined) s.authentication = list(o.auth);
  set("encryption", o.encryption);
  set("splitTunnel", o.splitTunnel);
  const ipv4: Record<string, unknown> = {};
  const ipv6: Record<string, unknown> = {};
  if (o.dns !== undefined) {
    const servers = o.dns === "auto" ? [] : list(o.dns);
    ipv4.dns = servers.filter((a) => !a.includes(":"));
    ipv6.dns = servers.filter((a) => a.includes(":"));
  }
  if (o.ipv4Address !== undefined) ipv4.address = addressOrAuto(o.ipv4Address);
  if (o.ipv6Address !== undefined) ipv6.address = addressOrAuto(o.ipv6Address);
  if (o.ipv6PrefixLength !== undefined) {
    ipv6.prefixLength = wholeNumber(o.ipv6PrefixLength, "--ipv6-prefix-length");
  }
  if (o.metric !== undefined) ipv4.metric = numberOrAuto(o.metric, "--metric");
  if (o.ipv6Metric !== undefined) ipv6.metric = numberOrAuto(o.ipv6Metric, "--ipv6-metric");
  if (Object.keys(ipv4).length) s.ipv4 = ipv4;
  if (Object.keys(ipv6).length) s.ipv6 = ipv6;
  set("dnsSuffix", o.dnsSuffix);
  set("registerDns", o.registerDns);
  if (o.idleDisconnect !== undefined) {
    s.idleDisconnectSeconds = wholeNumber(o.idleDisconnect, "--idle-disconnect");
  }
  const redial: Record<string, unknown> = {};
  if (o.redialAttempts !== undefined) {
    redial.attempts = wholeNumber(o.redialAttempts, "--redial-attempts");
  }
  if (o.redialPause !== undefined) {
    redial.pauseSeconds = wholeNumber(o.redialPause, "--redial-pause");
  }
  if (o.reconnectIfDropped !== undefined) redial.reconnectIfDropped = o.reconnectIfDropped;
  if (Object.keys(redial).length) s.redial = redial;
  set("rememberCredentials", o.rememberCredentials);
  set("useWindowsLogon", o.useWindowsLogon);
  set("usePreSharedKey", o.usePsk);
  if (o.prerequisite !== undefined) {
    s.prerequisite = o.prerequisite === "none"
      ? null
      : { entry: o.prerequisite, phonebook: o.prerequisitePhonebook ?? null };
  } else if (o.prerequisitePhonebook !== undefined) {
    throw new UsageError("--prerequisite-phonebook needs --prerequisite", "prerequisitePhonebook");
  }
  if (o.deviceType !== undefined || o.deviceName !== undefined) {
    s.device = { type: o.deviceType, name: o.deviceName };
  }
  return s;
}

/** Turns a zod failure into one readable UsageError naming the field. */
export function zodFailure(error: z.ZodError, source: string): UsageError {
  const issue = error.issues[0]!;
  const field = issue.path.join(".");
  const where = field ? `${source}: ${field}` : source;
  return new UsageError(`${where}: ${issue.message}`, field || undefined);
}

async function readSettingsFile(path: string): Promise<Record<string, unknown>> {
  let info: Deno.FileInfo;
  try {
    info = await Deno.stat(path);
  } catch (error) {
    throw new UsageError(`cannot read --from file "${path}": ${(error as Error).message}`, "from");
  }
  if (!info.isFile) throw new UsageError(`--from "${path}" is not a file`, "from");
  if (info.size > MAX_FILE_BYTES) {
    throw new UsageError(`--from "${path}" is larger than 1 MiB`, "from");
  }
  const text = await Deno.readTextFile(path);
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new UsageError(`--from "${path}" is not valid JSON: ${(error as Error).message}`, "from");
  }
  if (!isPlain(value)) {
    throw new UsageError(`--from "${path}" must hold one JSON object (an entry)`, "from");
  }
  return value;
}

/**
 * Reads and validates entry settings from `--from` and the setting options.
 *
 * @param options The parsed command options.
 * @returns The validated settings patch.
 * @throws {UsageError} For unreadable files, invalid JSON, unknown keys or bad values.
 */
export async function settingsFrom(options: Options): Promise<EntrySettings> {
  const { entryFileSchema, entrySettingsSchema } = await import("../ras/entry_schema.ts");
  let fromFile: Record<string, unknown> = {};
  if (options.from !== undefined) {
    const parsed = entryFileSchema.safeParse(await readSettingsFile(String(options.from)));
    if (!parsed.success) throw zodFailure(parsed.error, `--from ${options.from}`);
    const { name: _n, phonebook: _p, scope: _s, ...settings } = parsed.data;
    fromFile = settings;
  }
  const fromOptions = settingsFromOptions(options);
  const merged = mergeDeep(fromFile, fromOptions);
  const parsed = entrySettingsSchema.safeParse(merged);
  if (!parsed.success) throw zodFailure(parsed.error, "entry settings");
  const { entryTextProblem, entryTextMessage } = await import("../ras/entry_text.ts");
  const problem = entryTextProblem(parsed.data);
  if (problem) {
    // Options override the file, so a value equal to an option's came from that option.
    const option = SETTINGS_OPTIONS.map((o) => parseFlags(o.flags)).find((f) =>
      f.takesValue && options[f.key] === problem.value
    );
    if (option) {
      throw new UsageError(entryTextMessage(problem, `--${option.long}`), `--${option.long}`);
    }
    throw new UsageError(
      entryTextMessage(problem, `--from ${options.from}: ${problem.path}`),
      problem.path,
    );
  }
  return parsed.data;
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
