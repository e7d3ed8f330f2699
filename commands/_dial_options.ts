/**
 * Dial options shared by `dial` and `ensure` (and baked into `task install`): credentials for
 * the entry and its IP-network entry, timeout, retries. Passwords come from stdin, an
 * environment variable, the saved credentials, or a hidden prompt, never from an option's
 * value.
 *
 * @module
 */

import type { ConnectOptions } from "../ras/connect.ts";
import type { Context } from "./_context.ts";
import {
  CREDENTIAL_OPTIONS,
  notItself,
  PHONEBOOK_OPTIONS,
  phonebookOf,
  VIA_CREDENTIAL_OPTIONS,
} from "./_options.ts";
import { flag, option, type Parsed, types } from "./_spec.ts";
import { load } from "./_load.ts";
import { UsageError } from "./_errors.ts";

/** Every dial option (also taken by `ensure`). */
export const DIAL_OPTIONS = {
  ...PHONEBOOK_OPTIONS,
  ...CREDENTIAL_OPTIONS,
  via: option(
    "--via",
    types.entryName(),
    "first dial this entry (the IP network) unless it is connected",
  ),
  viaPhonebook: option("--via-phonebook", types.path(), "the --via entry's phone book", {
    requires: ["--via"],
  }),
  ...VIA_CREDENTIAL_OPTIONS,
  noPrerequisite: flag("--no-prerequisite", "do not dial the entry's configured prerequisite"),
  timeout: option("--timeout", types.seconds(), "give up (and hang up) after this long"),
  retries: option(
    "--retries",
    types.count({ max: 100 }),
    "retry transient failures this many times (never 691)",
    { default: 0 },
  ),
  retryDelay: option(
    "--retry-delay",
    types.count({ min: 1, max: 600_000, metavar: "MS" }),
    "first pause between retries in ms, doubled each time",
    { default: 1000 },
  ),
} as const;

/** The parsed dial options. */
export type DialValues = Parsed<typeof DIAL_OPTIONS>;

/**
 * Builds the ras-layer connect options from the command's options, reading every secret
 * first (stdin, environment), so nothing is dialed before all input has been checked.
 *
 * @param name The entry being dialed.
 * @param o The parsed options.
 * @param ctx For stdin, progress and notes.
 * @param signal Aborts the dial (and the password prompt).
 * @returns The connect options.
 * @throws {UsageError} For bad values.
 */
export async function connectOptionsFrom(
  name: string,
  o: DialValues,
  ctx: Context,
  signal: AbortSignal,
): Promise<ConnectOptions> {
  notItself(name, o.via, "--via");
  const viaGiven = [o.viaUser, o.viaDomain, o.viaPasswordStdin, o.viaPasswordEnv].some((v) =>
    v !== undefined
  );
  if (o.via === undefined && o.noPrerequisite && viaGiven) {
    throw new UsageError(
      "--via-user, --via-domain and --via-password-* need --via or the entry's prerequisite, " +
        "which --no-prerequisite skips",
      "--no-prerequisite",
    );
  }
  // Loaded only to dial: `dial --help` and usage errors do without.
  const { readStdinSecrets, secretFromPrompt, secretOf } = await load<
    typeof import("./_secrets.ts")
  >("./_secrets.ts");
  const stdin = await readStdinSecrets(ctx, o);
  const credentials = {
    user: o.user,
    domain: o.domain,
    password: secretOf(stdin.passwordStdin, o.passwordEnv, "--password-env"),
  };
  const viaCredentials = {
    user: o.viaUser,
    domain: o.viaDomain,
    password: secretOf(stdin.viaPasswordStdin, o.viaPasswordEnv, "--via-password-env"),
  };
  const via: ConnectOptions["via"] = o.via === undefined
    ? undefined
    : { entry: o.via, phonebook: o.viaPhonebook, credentials: viaCredentials };
  return {
    ...phonebookOf(o),
    credentials,
    via,
    // Without --via they are for the entry's configured prerequisite.
    prerequisiteCredentials: via === undefined && viaGiven ? viaCredentials : undefined,
    usePrerequisite: !o.noPrerequisite,
    retries: o.retries,
    retryDelayMs: o.retryDelay,
    signal,
    onProgress: (p) => ctx.progress(p.entry, p.state, p.stateCode),
    // Only when no password was given and none is saved, and only with a person at a terminal.
    askPassword: (entry, user) =>
      secretFromPrompt(ctx, `Password for ${user || "the user"} of "${entry}": `, signal),
    onRetry: (attempt, error, delay) =>
      ctx.note(`${error.entry ?? name}: ${error.message}; retry ${attempt} in ${delay} ms`),
  };
}
