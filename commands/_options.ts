/**
 * Options several commands share: which phone book, credential sources, and the entry name
 * check.
 *
 * @module
 */

import type { OptionSpec } from "./_spec.ts";
import type { PhonebookOptions } from "../ras/phonebook.ts";
import { UsageError } from "./_output.ts";
import { entryNameProblem } from "../ras/entry_name.ts";
import type { LockOptions } from "../ras/phonebook_lock.ts";
import { type Context, InterruptedError, parseSeconds, TimeoutError } from "./_context.ts";

/** `--phonebook PATH` and `--all-users`. */
export const PHONEBOOK_OPTIONS: OptionSpec[] = [
  { flags: "--phonebook <path>", description: "use this phone-book file" },
  { flags: "--all-users", description: "use the all-users phone book" },
];

/**
 * Reads the phone-book options, refusing both at once.
 *
 * @param options The parsed options.
 * @returns The ras-layer options.
 * @throws {UsageError} When both --phonebook and --all-users are given.
 */
export function phonebookOf(options: { phonebook?: string; allUsers?: boolean }): PhonebookOptions {
  if (options.phonebook !== undefined && options.allUsers) {
    throw new UsageError("give --phonebook or --all-users, not both", "phonebook");
  }
  if (options.phonebook !== undefined) {
    if (
      options.phonebook === "" || options.phonebook.length > 259 || options.phonebook.includes("\0")
    ) {
      throw new UsageError("--phonebook must be a path of 1 to 259 characters", "phonebook");
    }
    return { phonebook: options.phonebook };
  }
  return options.allUsers ? { allUsers: true } : {};
}

/** The credential options of a dial (with a prefix such as `via-` for the IP entry's). */
export function credentialOptions(prefix = "", what = "the entry"): OptionSpec[] {
  return [
    { flags: `--${prefix}user <name>`, description: `user name for ${what}` },
    { flags: `--${prefix}domain <domain>`, description: `domain for ${what}` },
    {
      flags: `--${prefix}password-stdin`,
      description: `read the password for ${what} from a line of stdin`,
    },
    {
      flags: `--${prefix}password-env <variable>`,
      description: `read the password for ${what} from this environment variable`,
    },
  ];
}

/**
 * Validates an entry name with the same rules Windows applies.
 *
 * @param name The name from the command line.
 * @param option Which argument it is, for messages.
 * @returns The name.
 * @throws {UsageError} When the name breaks a rule.
 */
export function checkedName(name: string, option = "name"): string {
  const problem = entryNameProblem(name);
  if (problem) throw new UsageError(`${option} "${name}" ${problem}`, option);
  return name;
}

/** How long a phone-book change waits for another rasctl changing the same book by default. */
const LOCK_TIMEOUT_SECONDS = 30;

/** `--timeout`: how long a phone-book change waits for another rasctl changing the same book. */
export const LOCK_OPTIONS: OptionSpec[] = [
  {
    flags: "--timeout <seconds>",
    description:
      `wait at most this long for another rasctl changing the same phone book (default ${LOCK_TIMEOUT_SECONDS})`,
  },
];

/**
 * The wait of a phone-book change: aborted after `--timeout` seconds (TimeoutError) or by
 * Ctrl+C/SIGTERM (InterruptedError, only while waiting: a change under way finishes first), with
 * a note on stderr when another rasctl holds the book.
 *
 * @param options The parsed options (`timeout`).
 * @param ctx Where the note goes.
 * @returns Lock options for ras/, disposable (removes the timer and signal listeners).
 * @throws {UsageError} When --timeout is not a number of seconds.
 */
export function phonebookWait(
  options: Record<string, unknown>,
  ctx: Context,
): LockOptions & Disposable {
  const seconds = options.timeout === undefined
    ? LOCK_TIMEOUT_SECONDS
    : parseSeconds(String(options.timeout), "--timeout");
  const controller = new AbortController();
  const timer = setTimeout(() =>
    controller.abort(
      new TimeoutError(
        `timed out after ${seconds} s waiting for another rasctl to finish changing the phone book`,
      ),
    ), seconds * 1000);
  const signals: Deno.Signal[] = Deno.build.os === "windows"
    ? ["SIGINT", "SIGBREAK"]
    : ["SIGINT", "SIGTERM"];
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
