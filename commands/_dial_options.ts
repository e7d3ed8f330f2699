/**
 * Dial options shared by `dial` and `ensure`: credentials for the entry and its IP-network
 * entry, timeout, retries. Passwords come from stdin, an environment variable, the saved
 * credentials, or a hidden prompt, never from an option's value.
 *
 * @module
 */

import type { ConnectOptions } from "../ras/connect.ts";
import type { Credentials } from "../ras/dial.ts";
import { type Context, parseCount, parseSeconds } from "./_context.ts";
import { checkedName, credentialOptions, PHONEBOOK_OPTIONS, phonebookOf } from "./_options.ts";
import type { OptionSpec } from "./_spec.ts";
import { passwordFrom, secretFromPrompt } from "./_secrets.ts";
import { UsageError } from "./_output.ts";

/** Every dial option (also taken by `ensure`). */
export const DIAL_OPTIONS: OptionSpec[] = [
  ...PHONEBOOK_OPTIONS,
  ...credentialOptions("", "the entry"),
  {
    flags: "--via <entry>",
    description: "first dial this entry (the IP network) unless it is connected",
  },
  { flags: "--via-phonebook <path>", description: "the --via entry's phone book" },
  ...credentialOptions("via-", "the --via entry (or the configured prerequisite)"),
  { flags: "--no-prerequisite", description: "do not dial the entry's configured prerequisite" },
  { flags: "--timeout <seconds>", description: "give up (and hang up) after this long" },
  {
    flags: "--retries <count>",
    description: "retry transient failures this many times (never 691)",
    default: "0",
  },
  {
    flags: "--retry-delay <ms>",
    description: "first pause between retries in ms, doubled each time",
    default: "1000",
  },
];

type Options = Record<string, unknown>;

/**
 * The user, domain and password that the {@link credentialOptions} with this prefix give,
 * checked against Windows' limits; the password read from stdin or the environment.
 */
export async function credentialsFrom(
  o: Options,
  prefix: "" | "via",
  what: string,
): Promise<Credentials> {
  const key = (name: string) => (prefix ? prefix + name[0]!.toUpperCase() + name.slice(1) : name);
  const user = o[key("user")] as string | undefined;
  const domain = o[key("domain")] as string | undefined;
  if (user !== undefined && (user.length > 256 || user.includes("\0"))) {
    throw new UsageError(`--${prefix ? "via-" : ""}user is at most 256 characters`, key("user"));
  }
  if (domain !== undefined && (domain.length > 15 || domain.includes("\0"))) {
    throw new UsageError(`--${prefix ? "via-" : ""}domain is at most 15 characters`, key("domain"));
  }
  const password = await passwordFrom({
    passwordStdin: o[key("passwordStdin")] as boolean | undefined,
    passwordEnv: o[key("passwordEnv")] as string | undefined,
  } as { passwordStdin?: boolean; passwordEnv?: string }, what);
  if (password !== undefined && password.length > 256) {
    throw new UsageError(`the ${what} is at most 256 characters`, key("password"));
  }
  return { user, domain, password };
}

/**
 * Builds the ras-layer connect options from the command's options.
 *
 * @param name The entry being dialed.
 * @param o The parsed options.
 * @param context For progress and notes.
 * @param signal Aborts the dial.
 * @returns The connect options.
 * @throws {UsageError} For bad values.
 */
export async function connectOptionsFrom(
  name: string,
  o: Options,
  context: Context,
  signal: AbortSignal,
): Promise<ConnectOptions> {
  checkedName(name);
  const where = phonebookOf(o as { phonebook?: string; allUsers?: boolean });
  const credentials = await credentialsFrom(o, "", `password of "${name}"`);
  let via: ConnectOptions["via"];
  if (o.via !== undefined) {
    const viaName = checkedName(String(o.via), "--via");
    via = {
      entry: viaName,
      phonebook: o.viaPhonebook as string | undefined,
      credentials: await credentialsFrom(o, "via", `password of "${viaName}"`),
    };
  } else if (o.viaPhonebook !== undefined) {
    throw new UsageError("--via-phonebook needs --via", "viaPhonebook");
  }
  const viaCredentialsGiven = ["viaUser", "viaDomain", "viaPasswordStdin", "viaPasswordEnv"].some(
    (k) => o[k] !== undefined,
  );
  let prerequisiteCredentials: ConnectOptions["prerequisiteCredentials"];
  if (via === undefined && viaCredentialsGiven) {
    if (o.prerequisite === false) {
      throw new UsageError("--via-* credentials need --via or the entry's prerequisite", "via");
    }
    // They are for the entry's configured prerequisite.
    prerequisiteCredentials = await credentialsFrom(o, "via", `password of the prerequisite`);
  }
  return {
    ...where,
    credentials,
    via,
    prerequisiteCredentials,
    usePrerequisite: o.prerequisite !== false,
    retries: parseCount(String(o.retries ?? "0"), "--retries", 100),
    retryDelayMs: parseCount(String(o.retryDelay ?? "1000"), "--retry-delay", 600_000),
    signal,
    onProgress: (p) => context.progress(p.entry, p.state, p.stateCode),
    // Only when no password was given and none is saved, and only with a person at a terminal.
    askPassword: (entry, user) =>
      secretFromPrompt(`Password for ${user || "the user"} of "${entry}": `),
    onRetry: (attempt, error, delay) =>
      context.note(`${error.entry ?? name}: ${error.message}; retry ${attempt} in ${delay} ms`),
  };
}

/** The --timeout option in seconds, or undefined. */
export function timeoutOf(o: Options): number | undefined {
  return o.timeout === undefined ? undefined : parseSeconds(String(o.timeout), "--timeout");
}
