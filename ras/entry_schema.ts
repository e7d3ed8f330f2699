/**
 * zod schemas for entry input: names, phone-book paths and settings, with messages that name
 * the field and the rule. Kept apart from entry.ts so commands that only list pay nothing
 * for zod at start-up.
 *
 * @module
 */

import { z } from "zod";
import { LIMITS } from "../ffi/limits.ts";
import { parseIPv4, parseIPv6 } from "../ffi/ip.ts";
import {
  ENTRY_SETTINGS,
  type Setting,
  type SettingPatch,
  type ValueType,
} from "./entry_settings.ts";
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
 * Raw RASENTRYW fields that have no named setting, kept so a copy loses nothing: the `raw`
 * part of {@link EntrySettings}, each the ras.h member of the same name, all optional (a
 * patch). Derived from the table ({@link SettingPatch}).
 */
export type RawFields = NonNullable<SettingPatch["raw"]>;

/**
 * A patch of entry settings (what `entry set` and `entry new` take): the named, user-facing
 * settings of an entry, every one optional; those left out stay as they are. Derived from the
 * one table of settings (`ENTRY_SETTINGS`: each setting's path and the type it writes), so a
 * setting added there is here too.
 */
export type EntrySettings = SettingPatch;

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
