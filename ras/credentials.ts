/**
 * Saved credentials of an entry: user, password, domain and the L2TP pre-shared key
 * (RasGetCredentials / RasSetCredentials). Secrets go in and never come out: reading tells
 * only whether one is saved.
 *
 * Two kinds exist (RasSetCredentials remarks): the caller's own, and an all-user entry's
 * default credentials (RASCM_DefaultCreds), which every user without their own and LocalSystem
 * (a machine task) dial with. Saving default credentials or an all-user entry's pre-shared key
 * needs an elevated administrator (ERROR_ACCESS_DENIED otherwise).
 *
 * @module
 */

import { rasapi32 } from "../ffi/library.ts";
import { RASCREDENTIALSW } from "../ffi/structs/rascredentialsw.ts";
import { cstr } from "../ffi/wstr.ts";
import { check } from "../ffi/errors.ts";
import { RASCM } from "./constants.ts";
import { type EntryName, findEntry, listEntries } from "./entries.ts";
import { allUsersPhonebook, type PhonebookOptions } from "./phonebook.ts";
import { type LockOptions, withPhonebookLock } from "./phonebook_lock.ts";

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
  /**
   * The entry's default (all-user) credentials, used by users without their own and by
   * LocalSystem; null for an entry of a per-user phone book, which cannot have them.
   */
  default: DefaultCredentials | null;
}

/** An all-user entry's default credentials (RASCM_DefaultCreds), never the password. */
export interface DefaultCredentials {
  /** The saved user name, or null when none is saved. */
  user: string | null;
  /** The saved domain, or null when none is saved. */
  domain: string | null;
  /** Whether a password is saved. */
  passwordSaved: boolean;
}

/** Options of {@link setCredentials} and {@link clearCredentials}. */
export interface CredentialsOptions extends PhonebookOptions {
  /**
   * Save (or clear) the entry's default credentials for all users (RASCM_DefaultCreds)
   * instead of the caller's own. Needs an all-user entry and an elevated administrator.
   */
  default?: boolean | undefined;
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

const USER_PASSWORD_DOMAIN = RASCM.UserName | RASCM.Password | RASCM.Domain;

/** Whether the entry is an all-user one (listed so, or named by the all-users book's path). */
function isAllUsersEntry(where: EntryName): boolean {
  if (where.scope === "allUsers") return true;
  try {
    return where.phonebook.toLowerCase() === allUsersPhonebook().toLowerCase();
  } catch {
    return false; // no %ProgramData%: not Windows' layout
  }
}

function savedAt(where: EntryName): SavedCredentials {
  const main = call(where, { dwMask: USER_PASSWORD_DOMAIN }, "get");
  const psk = call(where, { dwMask: RASCM.PreSharedKey }, "get");
  let defaults: DefaultCredentials | null = null;
  if (isAllUsersEntry(where)) {
    const d = call(where, { dwMask: USER_PASSWORD_DOMAIN | RASCM.DefaultCreds }, "get");
    defaults = {
      user: d.dwMask & RASCM.UserName && d.szUserName ? d.szUserName : null,
      domain: d.dwMask & RASCM.Domain && d.szDomain ? d.szDomain : null,
      passwordSaved: (d.dwMask & RASCM.Password) !== 0,
    };
  }
  return {
    entry: where.name,
    phonebook: where.phonebook,
    user: main.dwMask & RASCM.UserName && main.szUserName ? main.szUserName : null,
    domain: main.dwMask & RASCM.Domain && main.szDomain ? main.szDomain : null,
    passwordSaved: (main.dwMask & RASCM.Password) !== 0,
    pskSaved: (psk.dwMask & RASCM.PreSharedKey) !== 0,
    default: defaults,
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
 * Tells what is saved for every entry of a phone book, or of both default books (all users,
 * then the user's): one listing, then the same reads as {@link getCredentials} per entry.
 *
 * @param options Which phone book (default: both default books).
 * @returns One {@link SavedCredentials} per entry, in phone-book order.
 * @throws {RasError} When a phone book cannot be read.
 * @example
 * ```ts ignore
 * listCredentials().filter((c) => !c.passwordSaved).map((c) => c.entry);
 * ```
 */
export function listCredentials(options: PhonebookOptions = {}): SavedCredentials[] {
  return listEntries(options).map(savedAt);
}

/**
 * Saves credentials for an entry, holding the phone book's lock from the lookup to the
 * read-back.
 *
 * @param name The entry.
 * @param update The parts to save.
 * @param options Which phone book, `default` for the all-user default credentials, and the
 * lock wait's signal.
 * @returns What is now saved.
 * @throws {RasError} When Windows refuses: ERROR_ACCESS_DENIED (5) for default credentials or
 * an all-user entry's pre-shared key without elevation, or default credentials of a per-user
 * entry.
 * @example
 * ```ts ignore
 * await setCredentials("Corp VPN", { user: "alice", password });
 * ```
 */
export function setCredentials(
  name: string,
  update: CredentialsUpdate,
  options: CredentialsOptions & LockOptions = {},
): Promise<SavedCredentials> {
  return withPhonebookLock(options, options, () => setLocked(name, update, options));
}

function setLocked(
  name: string,
  update: CredentialsUpdate,
  options: CredentialsOptions,
): SavedCredentials {
  const mask = (update.user !== undefined ? RASCM.UserName : 0) |
    (update.password !== undefined ? RASCM.Password : 0) |
    (update.domain !== undefined ? RASCM.Domain : 0);
  // One lookup for the whole operation: each is a RasEnumEntries call.
  const where = findEntry(name, { ...options, operation: "RasSetCredentials" });
  if (mask !== 0) {
    call(where, {
      dwMask: mask | (options.default ? RASCM.DefaultCreds : 0),
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
 * Forgets saved credentials, holding the phone book's lock from the lookup to the read-back.
 *
 * @param name The entry.
 * @param what `credentials` (user, password, domain) or `psk`.
 * @param options Which phone book, `default` for the all-user default credentials, and the
 * lock wait's signal.
 * @returns What is now saved.
 * @throws {RasError} When Windows refuses.
 * @example
 * ```ts ignore
 * await clearCredentials("Corp VPN", "credentials");
 * ```
 */
export function clearCredentials(
  name: string,
  what: "credentials" | "psk",
  options: CredentialsOptions & LockOptions = {},
): Promise<SavedCredentials> {
  return withPhonebookLock(options, options, () => clearLocked(name, what, options));
}

function clearLocked(
  name: string,
  what: "credentials" | "psk",
  options: CredentialsOptions,
): SavedCredentials {
  const mask = what === "psk"
    ? RASCM.PreSharedKey
    : USER_PASSWORD_DOMAIN | (options.default ? RASCM.DefaultCreds : 0);
  // One lookup for the whole operation: each is a RasEnumEntries call.
  const where = findEntry(name, { ...options, operation: "RasSetCredentials" });
  call(where, { dwMask: mask }, "clear");
  return savedAt(where);
}
