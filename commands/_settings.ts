/**
 * Entry settings from command-line options and JSON files, validated with zod so bad input
 * never reaches rasapi32: every message names the field and the rule.
 *
 * @module
 */

import type { OptionSpec } from "./_spec.ts";
import type { z } from "zod";
import type { EntrySettings } from "../ras/entry_schema.ts";
import { getPath, setPath, SETTING_OPTIONS, type SettingOption } from "../ras/entry_settings.ts";
import { UsageError } from "./_output.ts";

/** The `--from` option (a JSON file of settings). */
const FROM_OPTION: OptionSpec = {
  flags: "--from <file>",
  description: "read settings from a JSON file (as `entry show` prints); options override it",
};

/** The commander declarations of the setting options, from ras/'s one settings table. */
function optionSpecs(option: SettingOption): OptionSpec[] {
  const choices = option.choices && option.type === "choice"
    ? ` (${option.choices.join(", ")})`
    : "";
  const nullWord = option.nullWord ? ` ('${option.nullWord}' for none)` : "";
  if (!option.takesValue) {
    const specs: OptionSpec[] = [{ flags: option.flag, description: option.description }];
    if (option.negatable) {
      specs.push({
        flags: `--no-${option.flag.slice(2)}`,
        description: `the opposite of ${option.flag}`,
      });
    }
    return specs;
  }
  return [{
    flags: `${option.flag} <${option.valueName}>`,
    description: `${option.description}${choices}${nullWord}`,
  }];
}

/** The options that set entry settings (`entry new` and `entry set`). */
export const SETTINGS_OPTIONS: OptionSpec[] = [
  FROM_OPTION,
  ...SETTING_OPTIONS.flatMap(optionSpecs),
];

type Options = Record<string, unknown>;

const MAX_FILE_BYTES = 1 << 20;

function list(value: unknown): string[] {
  return String(value).split(",").map((s) => s.trim()).filter((s) => s !== "");
}

function wholeNumber(value: unknown, option: string): number {
  const text = String(value);
  if (!/^\d{1,10}$/.test(text)) {
    throw new UsageError(`${option} takes a whole number, got "${text}"`, option);
  }
  return Number(text);
}

/** One option's value as the setting at `path` takes it (the table's value type says how). */
function settingValue(option: SettingOption, path: string, given: unknown): unknown {
  if (option.nullWord !== null && given === option.nullWord) {
    return option.type === "addresses" ? [] : null;
  }
  switch (option.type) {
    case "boolean":
      return given;
    case "count":
    case "seconds":
    case "metric":
      return wholeNumber(given, option.flag);
    case "list":
      return list(given);
    case "addresses": {
      // --dns takes both families; each setting keeps its own.
      const v6 = path.startsWith("ipv6.");
      return list(given).filter((a) => a.includes(":") === v6);
    }
    default:
      return String(given);
  }
}

/** Builds the settings patch from options (undefined options change nothing). */
function settingsFromOptions(o: Options): Record<string, unknown> {
  const s: Record<string, unknown> = {};
  for (const option of SETTING_OPTIONS) {
    const given = o[option.key];
    if (given === undefined) continue;
    for (const required of option.requires) {
      const needed = SETTING_OPTIONS.find((x) => x.flag === required)!;
      if (o[needed.key] === undefined) {
        throw new UsageError(`${option.flag} needs ${required}`, option.key);
      }
    }
    for (const path of option.paths) {
      if (option.part !== null) {
        const whole = getPath(s, path);
        if (whole !== null && typeof whole === "object") {
          (whole as Record<string, unknown>)[option.part] = String(given);
        }
        continue;
      }
      const value = settingValue(option, path, given);
      // An object-valued setting (the prerequisite) starts from its main option's value.
      setPath(
        s,
        path,
        option.type === "entry" && value !== null ? { entry: value, phonebook: null } : value,
      );
    }
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
