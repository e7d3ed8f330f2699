/**
 * Entry settings from command-line options and JSON files (`entry new`, `entry set`). The
 * options are derived from ras/'s entry-settings table (one declaration per setting) into
 * {@link SETTINGS_OPTIONS}; each is read by its value type, then the merged patch
 * is validated with the entry schema so bad input never reaches rasapi32. Messages name the
 * option as typed, or the JSON path inside the `--from` file.
 *
 * @module
 */

import type { z } from "zod";
import type { EntrySettings } from "../ras/entry_schema.ts";
import { getPath, setPath, SETTING_OPTIONS, type SettingOption } from "../ras/entry_settings.ts";
import { isUnspecifiedAddress, LIMITS } from "../ras/values.ts";
import { InputFileError, UsageError } from "./_errors.ts";
import { flag, type Option, option, type Options, types, type ValueType } from "./_spec.ts";

/** A setting option's value type, from the table's description of it. */
function valueType(o: SettingOption): ValueType<unknown> {
  const family = o.paths[0]!.startsWith("ipv6.") ? 6 : 4;
  switch (o.type) {
    case "choice":
      return types.choice(o.choices ?? []);
    case "list":
      return types.choiceList(Object.fromEntries((o.choices ?? []).map((c) => [c, c])));
    case "host":
      return types.host();
    case "address":
      return types.ipAddress({ family, auto: o.nullWord === "auto" });
    case "addresses":
      return types.ipList();
    case "metric":
      return types.countOrAuto({ max: o.max ?? 0xffffffff, metavar: "METRIC" });
    case "count":
    case "seconds":
      return types.count({
        min: o.min ?? 0,
        max: o.max ?? 0xffffffff,
        metavar: (o.valueName ?? "n").toUpperCase(),
      });
    case "entry":
      return types.entryName();
    case "path":
      return types.path();
    default:
      return types.text({
        maxLength: o.maxLength ?? LIMITS.path,
        metavar: (o.valueName ?? "text").toUpperCase(),
        empty: true,
      });
  }
}

/** One declaration of rasctl's command layer for one option of the entry-settings table. */
function declaration(o: SettingOption): Option<unknown> {
  const extra = o.nullWord ? ` ('${o.nullWord}' for none)` : "";
  if (!o.takesValue) {
    return flag(o.flag, o.description, o.negatable ? { negation: `--no-${o.flag.slice(2)}` } : {});
  }
  return option(o.flag, valueType(o), o.description + extra, {
    ...(o.requires.length ? { requires: o.requires } : {}),
  });
}

/**
 * The options that set entry settings (`entry new` and `entry set`): `--from`, and one per
 * option of ras/'s entry-settings table ({@link SETTING_OPTIONS}).
 */
export const SETTINGS_OPTIONS: Options = {
  from: option(
    "--from",
    types.path(),
    "read settings from a JSON file (as `entry show` prints; UTF-8 or UTF-16 with BOM); " +
      "options override it",
  ),
  ...Object.fromEntries(SETTING_OPTIONS.map((o) => [o.key, declaration(o)])),
};

/** The parsed settings options. */
export type SettingsValues = Record<string, unknown> & { from?: string | undefined };

/** The largest --from file read. */
const MAX_FILE_BYTES = 1 << 20;

/** Builds the settings patch from options (undefined options change nothing). */
function settingsFromOptions(o: SettingsValues): Record<string, unknown> {
  const s: Record<string, unknown> = {};
  for (const option of SETTING_OPTIONS) {
    const given = o[option.key];
    if (given === undefined) continue;
    for (const path of option.paths) {
      if (option.part !== null) {
        const whole = getPath(s, path);
        if (whole !== null && typeof whole === "object") {
          (whole as Record<string, unknown>)[option.part] = given;
        }
        continue;
      }
      let value = given;
      // --dns takes both families; each setting keeps its own.
      if (option.type === "addresses") {
        const v6 = path.startsWith("ipv6.");
        value = (given as string[]).filter((a) => a.includes(":") === v6);
        if ((value as string[]).length > 2) {
          throw new UsageError(`--dns takes at most two IPv${v6 ? 6 : 4} servers`, "--dns");
        }
      }
      if (option.type === "entry") {
        value = given === option.nullWord ? null : { entry: given, phonebook: null };
      }
      setPath(s, path, value);
    }
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
  // Before any other check that may call rasapi32: a value a phone-book line cannot hold.
  const { entryTextProblem, entryTextMessage } = await import("../ras/entry_text.ts");
  const problem = entryTextProblem(parsed.data);
  if (problem) {
    const where = source(problem.path);
    throw new UsageError(
      entryTextMessage(problem, where),
      where.startsWith("--from") ? problem.path : where,
    );
  }
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
