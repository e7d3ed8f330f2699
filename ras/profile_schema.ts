/**
 * The profile document: the entries a machine should (or should not) have, by name and phone
 * book, each with the entry settings of `entry show` (one table: `entry_settings.ts`), and
 * where the credentials come from. A profile never holds a secret: a password or pre-shared key
 * is named by its source (an environment variable, a file only the caller can read, stdin).
 *
 * @module
 */

import { z } from "zod";
import { LIMITS } from "../ffi/limits.ts";
import { entryNameSchema, entrySettingsObject, phonebookSchema } from "./entry_schema.ts";
import type { EntrySettings } from "./entry_schema.ts";

/** @ignore */
type ZodType<Output> = z.ZodType<Output>;

/** Where a secret comes from; never the secret itself. */
export type SecretSource =
  | { env: string }
  | { file: string }
  | { stdin: true };

/** The credentials `profile set` saves for an entry. */
export interface ProfileCredentials {
  /** The user name. */
  user?: string | undefined;
  /** The domain. */
  domain?: string | undefined;
  /** Where the password comes from. */
  password?: SecretSource | undefined;
  /** Where the L2TP pre-shared key comes from. */
  psk?: SecretSource | undefined;
  /** Save them as the entry's default (all-user) credentials (RASCM_DefaultCreds). */
  default?: boolean | undefined;
}

/** One entry of a profile: who it is, whether it should exist, and its settings. */
export interface ProfileEntry extends EntrySettings {
  /** The entry's name. */
  name: string;
  /** Which default phone book: the user's (default) or all users'. */
  scope?: "user" | "allUsers" | undefined;
  /** A phone-book file instead of a default book. */
  phonebook?: string | undefined;
  /** `present` (default): the entry exists with these settings; `absent`: it does not exist. */
  ensure?: "present" | "absent" | undefined;
  /** Credentials to save (sources, never secrets). */
  credentials?: ProfileCredentials | undefined;
  /**
   * What `export` and `get` report: the keys of the entry's phone-book section that no API
   * rasctl uses reaches (NRPT rules, trusted networks, routes...), so they are not carried to
   * another machine. `set` ignores it.
   */
  notCarried?: string[] | undefined;
  /** The entry's custom authentication data (EAP configuration) in base64; "" for none. */
  customAuthData?: string | undefined;
}

/** A profile document. */
export interface Profile {
  /** The JSON Schema it follows (ignored). */
  $schema?: string | undefined;
  /** The entries, applied one at a time in this order. */
  entries: ProfileEntry[];
}

const secretSourceSchema = z.union([
  z.strictObject({
    env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,254}$/, "must be an environment variable name"),
  }),
  z.strictObject({ file: phonebookSchema }),
  z.strictObject({ stdin: z.literal(true) }),
], { error: "give the secret's source: {env: NAME}, {file: PATH} or {stdin: true}" });

const credentialsSchema = z.strictObject({
  user: z.string().max(LIMITS.userName).optional(),
  domain: z.string().max(LIMITS.domain).optional(),
  password: secretSourceSchema.optional(),
  psk: secretSourceSchema.optional(),
  default: z.boolean().optional(),
});

const profileEntryObject = entrySettingsObject.extend({
  name: entryNameSchema,
  scope: z.enum(["user", "allUsers"]).optional(),
  phonebook: phonebookSchema.optional(),
  ensure: z.enum(["present", "absent"]).optional(),
  credentials: credentialsSchema.optional(),
  customAuthData: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, "must be base64").optional()
    .describe(
      "The entry's custom authentication data (the EAP configuration, RasGetCustomAuthData/" +
        "RasSetCustomAuthData), base64; export prints it when the entry has some",
    ),
  notCarried: z.array(z.string()).optional().describe(
    "Keys of the entry's phone-book section that no API rasctl uses reaches (NRPT rules, " +
      "trusted networks, routes, custom IPsec policies...), as export and get report them; " +
      "set ignores them",
  ),
}).refine((e) => !(e.scope !== undefined && e.phonebook !== undefined), {
  message: "give scope or phonebook, not both",
  path: ["phonebook"],
});

const profileObject = z.strictObject({
  $schema: z.string().optional(),
  entries: z.array(profileEntryObject),
}).superRefine((profile, ctx) => {
  const seen = new Map<string, number>();
  profile.entries.forEach((e, i) => {
    const key = `${e.phonebook ?? e.scope ?? "user"}\n${String(e.name).toLowerCase()}`;
    if (seen.has(key)) {
      ctx.addIssue({
        code: "custom",
        path: ["entries", i, "name"],
        message: `"${e.name}" is already listed at entries.${seen.get(key)}`,
      });
    }
    seen.set(key, i);
  });
});

/** The zod rule for one profile entry (see {@link ProfileEntry}). */
export const profileEntrySchema: ZodType<ProfileEntry> = profileEntryObject as unknown as ZodType<
  ProfileEntry
>;

/** The zod rule for a profile document (see {@link Profile}). */
export const profileSchema: ZodType<Profile> = profileObject as unknown as ZodType<Profile>;

/** Keys that would hold a secret if a string were written under them. */
const SECRET_KEY = /^(password|passwd|pwd|psk|presharedkey|secret|key|token)$/i;

/**
 * Finds a secret written into a document: a string under a password-like key.
 *
 * @param value The parsed document.
 * @returns The JSON path of the first one (`entries.0.credentials.password`), or null.
 * @example
 * ```ts
 * secretPath({ entries: [{ credentials: { password: "hunter2" } }] });
 * // "entries.0.credentials.password"
 * ```
 */
export function secretPath(value: unknown, path: string[] = []): string | null {
  if (value === null || typeof value !== "object") return null;
  for (const [key, child] of Object.entries(value)) {
    const here = [...path, key];
    if (typeof child === "string" && SECRET_KEY.test(key)) return here.join(".");
    const found = secretPath(child, here);
    if (found) return found;
  }
  return null;
}

/**
 * The profile's JSON Schema (draft 2020-12), generated from the zod rules that validate it.
 *
 * @returns The schema document.
 * @example
 * ```ts
 * profileJsonSchema().type; // "object"
 * ```
 */
export function profileJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(profileObject, { io: "input", unrepresentable: "any" }),
    title: "rasctl profile",
    description: "VPN and dial-up entries a machine should (or should not) have; no secrets",
  };
}

/**
 * One profile entry's JSON Schema (the DSC resource's instance schema builds on it).
 *
 * @returns The schema document.
 */
export function profileEntryJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(profileEntryObject, { io: "input", unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
}
