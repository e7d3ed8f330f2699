/**
 * Options several commands share, each declared once: which phone book, and the credential
 * sources of an entry (and of the entry `--via` or the prerequisite dials first).
 *
 * @module
 */

import type { PhonebookOptions } from "../ras/phonebook.ts";
import { LIMITS } from "../ras/values.ts";
import { flag, option, types } from "./_spec.ts";
import { InterruptedError, TimeoutError, UsageError } from "./_errors.ts";
import type { LockOptions } from "../ras/phonebook_lock.ts";
import type { Context } from "./_context.ts";

/** `--phonebook PATH` and `--all-users`. */
export const PHONEBOOK_OPTIONS = {
  phonebook: option("--phonebook", types.path(), "use this phone-book (.pbk) file", {
    conflicts: ["--all-users"],
  }),
  allUsers: flag(
    "--all-users",
    "use the all-users phone book (without it or --phonebook: a new entry goes to your own book, a name is looked up in both)",
    { conflicts: ["--phonebook"] },
  ),
} as const;

/**
 * The ras-layer phone-book options.
 *
 * @param options The parsed phone-book options.
 * @returns `{ phonebook }`, `{ allUsers }` or `{}`.
 */
export function phonebookOf(
  options: { phonebook?: string | undefined; allUsers?: boolean | undefined },
): PhonebookOptions {
  if (options.phonebook !== undefined) return { phonebook: options.phonebook };
  return options.allUsers ? { allUsers: true } : {};
}

/** A user name, at most UNLEN characters. */
const userName = types.text({ maxLength: LIMITS.userName, metavar: "USER" });
/** A domain, at most DNLEN characters (may be empty: no domain). */
const domainName = types.text({ maxLength: LIMITS.domain, metavar: "DOMAIN", empty: true });

/** The credential options of the entry being dialed or saved. */
export const CREDENTIAL_OPTIONS = {
  user: option("--user", userName, "user name for the entry"),
  domain: option("--domain", domainName, "domain for the entry"),
  passwordStdin: flag("--password-stdin", "read the entry's password from a line of stdin", {
    conflicts: ["--password-env"],
    secret: true,
  }),
  passwordEnv: option(
    "--password-env",
    types.envName(),
    "read the entry's password from this environment variable",
    { conflicts: ["--password-stdin"], secret: true },
  ),
} as const;

/** The credential options of the entry dialed first (`--via`, or the prerequisite). */
export const VIA_CREDENTIAL_OPTIONS = {
  viaUser: option("--via-user", userName, "user name for the --via entry (or the prerequisite)"),
  viaDomain: option("--via-domain", domainName, "domain for the --via entry (or prerequisite)"),
  viaPasswordStdin: flag(
    "--via-password-stdin",
    "read the --via entry's (or prerequisite's) password from the next line of stdin",
    { conflicts: ["--via-password-env"], secret: true },
  ),
  viaPasswordEnv: option(
    "--via-password-env",
    types.envName(),
    "read the --via entry's (or prerequisite's) password from this environment variable",
    { conflicts: ["--via-password-stdin"], secret: true },
  ),
} as const;

/**
 * Checks that an entry given to an option is not the entry itself (`--via`, `--prerequisite`).
 *
 * @throws {UsageError} When both name the same entry (Windows compares names without case).
 */
export function notItself(name: string, other: string | undefined, flagName: string): void {
  if (other !== undefined && other.toLowerCase() === name.toLowerCase()) {
    throw new UsageError(`${flagName} names "${other}" itself; give another entry`, flagName);
  }
}

/** How long a phone-book change waits for another rasctl changing the same book by default. */
const LOCK_TIMEOUT_SECONDS = 30;

/** `--timeout`: how long a phone-book change waits for another rasctl changing the same book. */
export const LOCK_OPTIONS = {
  timeout: option(
    "--timeout",
    types.seconds(),
    `wait at most this long for another rasctl changing the same phone book (default ${LOCK_TIMEOUT_SECONDS})`,
  ),
} as const;

/**
 * The wait of a phone-book change: aborted after `--timeout` seconds (TimeoutError) or by
 * Ctrl+C/SIGTERM (InterruptedError, only while waiting: a change under way finishes first), with
 * a note on stderr when another rasctl holds the book.
 *
 * @param seconds `--timeout`, or undefined for the default.
 * @param ctx Where the note goes.
 * @returns Lock options for ras/, disposable (removes the timer and signal listeners).
 */
export function phonebookWait(seconds: number | undefined, ctx: Context): LockOptions & Disposable {
  const limit = seconds ?? LOCK_TIMEOUT_SECONDS;
  const controller = new AbortController();
  const timer = setTimeout(() =>
    controller.abort(
      new TimeoutError(
        `timed out after ${limit} s waiting for another rasctl to finish changing the phone book`,
      ),
    ), limit * 1000);
  const signals: Deno.Signal[] = Deno.build.os === "windows"
    ? ["SIGINT", "SIGBREAK"]
    : ["SIGINT", "SIGTERM", "SIGHUP"];
  const onSignal = () =>
    controller.abort(new InterruptedError("interrupted; the phone book was not changed"));
  for (const s of signals) Deno.addSignalListener(s, onSignal);
  return {
    signal: controller.signal,
    onWait: (book) => ctx.note(`waiting for another rasctl to finish changing "${book}"`),
    [Symbol.dispose]() {
      clearTimeout(timer);
      for (const s of signals) Deno.removeSignalListener(s, onSignal);
    },
  };
}
