/**
 * Which phone book an operation uses: an explicit file, the all-users book, or the default
 * (NULL: Windows merges the all-users and the user's books).
 *
 * @module
 */

import { getEnv } from "./environment.ts";

/** Where to find entries. */
export interface PhonebookOptions {
  /** A phone-book file. */
  phonebook?: string | undefined;
  /** The all-users phone book (%ProgramData%\Microsoft\Network\Connections\Pbk\rasphone.pbk). */
  allUsers?: boolean | undefined;
}

const PBK_TAIL = ["Microsoft", "Network", "Connections", "Pbk", "rasphone.pbk"];

function join(root: string, parts: string[]): string {
  const sep = root.includes("\\") ? "\\" : "/";
  return [root.replace(/[\\/]+$/, ""), ...parts].join(sep);
}

/**
 * The all-users phone book's path, from %ProgramData% as Windows sets it.
 *
 * @param env Reads an environment variable (default: the running program's, {@link getEnv}).
 * @returns The path.
 * @throws {Error} When %ProgramData% is not set.
 * @example
 * ```ts
 * allUsersPhonebook(() => "C:\\ProgramData"); // "C:\\ProgramData\\Microsoft\\Network\\Connections\\Pbk\\rasphone.pbk"
 * ```
 */
export function allUsersPhonebook(
  env: (name: string) => string | undefined = getEnv,
): string {
  const root = env("ProgramData") ?? env("ALLUSERSPROFILE");
  if (!root) throw new Error("Cannot find the all-users phone book: %ProgramData% is not set");
  return join(root, PBK_TAIL);
}

/**
 * The current user's phone book (`%APPDATA%\Microsoft\Network\Connections\Pbk\rasphone.pbk`).
 *
 * @param env Reads an environment variable (default: the running program's, {@link getEnv}).
 * @returns The path.
 * @throws {Error} When %APPDATA% is not set.
 * @example
 * ```ts ignore
 * userPhonebook(); // "C:\Users\alice\AppData\Roaming\Microsoft\...\rasphone.pbk"
 * ```
 */
export function userPhonebook(
  env: (name: string) => string | undefined = getEnv,
): string {
  const root = env("APPDATA");
  if (!root) throw new Error("Cannot find the user's phone book: %APPDATA% is not set");
  return join(root, PBK_TAIL);
}

/**
 * The phone-book argument for rasapi32: a path, or undefined for NULL (the default books).
 *
 * @param options `phonebook` or `allUsers`.
 * @returns The path, or undefined.
 * @throws {TypeError} When both are given.
 * @example
 * ```ts
 * phonebookPath({ phonebook: "C:\\t.pbk" }); // "C:\\t.pbk"
 * ```
 */
export function phonebookPath(options: PhonebookOptions): string | undefined {
  if (options.phonebook !== undefined && options.allUsers) {
    throw new TypeError("Give either a phone book or all-users, not both");
  }
  return options.allUsers ? allUsersPhonebook() : options.phonebook;
}
