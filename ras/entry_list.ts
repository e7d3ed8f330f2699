/**
 * Listing phone-book entries (RasEnumEntries): what `rasctl entry list` needs and nothing more,
 * so listing loads neither the entry settings nor the phone-book lock (ras/entries.ts
 * re-exports it with the rest of the entry operations).
 *
 * @module
 */

import { rasapi32 } from "../ffi/library.ts";
import { RASENTRYNAMEW, REN_ALL_USERS } from "../ffi/structs/rasentrynamew.ts";
import { cstrOrNull } from "../ffi/wstr.ts";
import { enumerate } from "../ffi/negotiate.ts";
import { type PhonebookOptions, phonebookPath } from "./phonebook.ts";

/** An entry as a phone-book listing names it. */
export interface EntryName {
  /** The entry's name. */
  name: string;
  /** `user` or `allUsers` for the default books; `file` for an explicit phone book. */
  scope: "user" | "allUsers" | "file";
  /** The phone-book file that holds it. */
  phonebook: string;
}

/**
 * Lists the entries of a phone book, or of both default books (all users, then the user's).
 *
 * @param options Which phone book.
 * @returns The entries in phone-book order.
 * @throws {RasError} When the phone book cannot be read.
 * @example
 * ```ts ignore
 * for (const e of listEntries()) console.log(e.name);
 * ```
 */
export function listEntries(options: PhonebookOptions = {}): EntryName[] {
  const lib = rasapi32();
  const path = phonebookPath(options);
  const pbk = cstrOrNull(path, "phonebook");
  return enumerate(
    RASENTRYNAMEW,
    (buffer, cb, count) => lib.RasEnumEntriesW(null, pbk, buffer, cb, count),
    "RasEnumEntries",
    (e): EntryName => ({
      name: e.szEntryName,
      scope: path !== undefined && !options.allUsers
        ? "file"
        : (e.dwFlags & REN_ALL_USERS) !== 0
        ? "allUsers"
        : "user",
      phonebook: e.szPhonebookPath || (path ?? ""),
    }),
    { phonebook: path },
  ).items;
}
