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
