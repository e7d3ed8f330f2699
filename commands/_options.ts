/**
 * Options several commands share: which phone book, entry settings, and credential sources.
 *
 * @module
 */

import type { Command } from "commander";
import type { PhonebookOptions } from "../ras/phonebook.ts";
import { UsageError } from "./_output.ts";

/** Adds `--phonebook PATH` and `--all-users`. */
export function withPhonebook(command: Command): Command {
  return command
    .option("--phonebook <path>", "use this phone-book file")
    .option("--all-users", "use the all-users phone book");
}

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

/** Adds the credential options of a dial (with a prefix such as `via-` for the IP entry's). */
export function withCredentials(command: Command, prefix = "", what = "the entry"): Command {
  return command
    .option(`--${prefix}user <name>`, `user name for ${what}`)
    .option(`--${prefix}domain <domain>`, `domain for ${what}`)
    .option(`--${prefix}password-stdin`, `read the password for ${what} from a line of stdin`)
    .option(
      `--${prefix}password-env <variable>`,
      `read the password for ${what} from this environment variable`,
    );
}
