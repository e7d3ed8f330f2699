/**
 * Saved credentials of an entry: user, password, domain and the L2TP pre-shared key
 * (RasGetCredentials / RasSetCredentials). Secrets go in and never come out: reading tells
 * only whether one is saved.
 *
 * @module
 */

import { rasapi32 } from "../ffi/library.ts";
import { RASCREDENTIALSW } from "../ffi/structs.ts";
import { cstr } from "../ffi/wstr.ts";
import { check } from "../ffi/errors.ts";
import { RASCM } from "./constants.ts";
import { type EntryName, findEntry } from "./entries.ts";
import type { PhonebookOptions } from "./phonebook.ts";

/** What is saved for an entry (never the secrets themselves). */
export interface SavedCredentials {
  /** The entry's name, as Windows spells it. */
  entry: string;
  /** The phone-book file that holds the entry. */
  phonebook: string;
  /** The saved user name, or null when none is saved. */
  user: string | null;
  /** The saved domain, or null when none is saved. */
  domain: string | null;
  /** Whether a password is saved (the password itself is never read back). */
  passwordSaved: boolean;
  /** Whether a pre-shared key is saved (the key itself is never read back). */
  pskSaved: boolean;
}

/** Credentials to save; unset parts stay as they are. */
export interface CredentialsUpdate {
  /** The user name to save. */
  user?: string | undefined;
  /** The password to save. */
  password?: string | undefined;
  /** The domain to save. */
  domain?: string | undefined;
  /** The L2TP/IKEv2 pre-shared key. */
  psk?: string | undefined;
}

type CredentialsStruct = ReturnType<typeof RASCREDENTIALSW.decode>;

function call(
  where: EntryName,
  fields: Partial<CredentialsStruct>,
  operation: "get" | "set" | "clear",
): CredentialsStruct {
  const lib = rasapi32();
  const buffer = RASCREDENTIALSW.encode(fields);
  try {
    const pbk = cstr(where.phonebook, "phonebook");
    const entry = cstr(where.name, "entry name");
    const code = operation === "get"
      ? lib.RasGetCredentialsW(pbk, entry, buffer)
      : lib.RasSetCredentialsW(pbk, entry, buffer, operation === "clear" ? 1 : 0);
    check(
      code,
      operation === "get" ? "RasGetCredentials" : "RasSetCredentials",
      where.name,
      where.phonebook,
    );
    const decoded = RASCREDENTIALSW.decode(buffer);
    decoded.szPassword = "";
    return decoded;
  } finally {
    buffer.fill(0); // it held a password or key
  }
}

function savedAt(where: EntryName): SavedCredentials {
  const main = call(where, { dwMask: RASCM.UserName | RASCM.Password | RASCM.Domain }, "get");
  const psk = call(where, { dwMask: RASCM.PreSharedKey }, "get");
  return {
    entry: where.name,
    phonebook: where.phonebook,
    user: main.dwMask & RASCM.UserName && main.szUserName ? main.szUserName : null,
    domain: main.dwMask & RASCM.Domain && main.szDomain ? main.szDomain : null,
    passwordSaved: (main.dwMask & RASCM.Password) !== 0,
    pskSaved: (psk.dwMask & RASCM.PreSharedKey) !== 0,
  };
}

/**
 * Tells what is saved for an entry.
 *
 * @param name The entry.
 * @param options Which phone book.
 * @returns User and domain, and whether a password and a pre-shared key are saved.
 * @throws {RasError} When the entry does not exist (623) or Windows refuses.
 * @example
 * ```ts ignore
 * getCredentials("Corp VPN").passwordSaved;
 * ```
 */
export function getCredentials(name: string, options: PhonebookOptions = {}): SavedCredentials {
  return savedAt(findEntry(name, { ...options, operation: "RasGetCredentials" }));
}

/**
 * Saves credentials for an entry.
 *
 * @param name The entry.
 * @param update The parts to save.
 * @param options Which phone book.
 * @returns What is now saved.
 * @throws {RasError} When Windows refuses.
 * @example
 * ```ts ignore
 * setCredentials("Corp VPN", { user: "alice", password });
 * ```
 */
export function setCredentials(
  name: string,
  update: CredentialsUpdate,
  options: PhonebookOptions = {},
): SavedCredentials {
  const mask = (update.user !== undefined ? RASCM.UserName : 0) |
    (update.password !== undefined ? RASCM.Password : 0) |
    (update.domain !== undefined ? RASCM.Domain : 0);
  // One lookup for the whole operation: each is a RasEnumEntries call.
  const where = findEntry(name, { ...options, operation: "RasSetCredentials" });
  if (mask !== 0) {
    call(where, {
      dwMask: mask,
      szUserName: update.user ?? "",
      szPassword: update.password ?? "",
      szDomain: update.domain ?? "",
    }, "set");
  }
  if (update.psk !== undefined) {
    call(where, { dwMask: RASCM.PreSharedKey, szPassword: update.psk }, "set");
  }
  return savedAt(where);
}

/**
 * Forgets saved credentials.
 *
 * @param name The entry.
 * @param what `credentials` (user, password, domain) or `psk`.
 * @param options Which phone book.
 * @returns What is now saved.
 * @throws {RasError} When Windows refuses.
 * @example
 * ```ts ignore
 * clearCredentials("Corp VPN", "credentials");
 * ```
 */
export function clearCredentials(
  name: string,
  what: "credentials" | "psk",
  options: PhonebookOptions = {},
): SavedCredentials {
  const mask = what === "psk" ? RASCM.PreSharedKey : RASCM.UserName | RASCM.Password | RASCM.Domain;
  // One lookup for the whole operation: each is a RasEnumEntries call.
  const where = findEntry(name, { ...options, operation: "RasSetCredentials" });
  call(where, { dwMask: mask }, "clear");
  return savedAt(where);
}
