/**
 * Phone-book entries: list, show, create, change, delete, rename and validate.
 *
 * @module
 */

import { InvalidInputError } from "./input_error.ts";
import { rasapi32 } from "../ffi/library.ts";
import { RASENTRYW } from "../ffi/structs/rasentryw.ts";
import { cstr, cstrOrNull, decodeMultiString, encodeMultiString } from "../ffi/wstr.ts";
import {
  check,
  ERROR_ALREADY_EXISTS,
  ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,
  ERROR_CANNOT_OPEN_PHONEBOOK,
  ERROR_INVALID_NAME,
  ERROR_INVALID_PARAMETER,
  RasError,
} from "../ffi/errors.ts";
import { callGrowing, negotiateSize } from "../ffi/negotiate.ts";
import { withScratch } from "../ffi/scratch.ts";
import { decodeOnRead } from "../ffi/layout_lazy.ts";
import {
  applySettings,
  type Entry,
  entryFromStruct,
  type EntrySettings,
  type RasEntryStruct,
} from "./entry.ts";
import { chooseDevice, newEntryStruct, windowsDefaultEntry } from "./entry_defaults.ts";
import { ENTRY_TYPES } from "./constants.ts";
import {
  allUsersPhonebook,
  type PhonebookOptions,
  phonebookPath,
  userPhonebook,
} from "./phonebook.ts";
import { assertEntryText } from "./entry_text.ts";
import { type LockOptions, withPhonebookLock } from "./phonebook_lock.ts";
import { preparePhonebook } from "./phonebook_file.ts";
import { type EntryName, listEntries } from "./entry_list.ts";
import { readSubEntries, type SubEntry, writeSubEntries } from "./subentries.ts";
import { ENTRY_SETTINGS, type EntrySettingsTable } from "./entry_settings.ts";

export { type EntryName, listEntries };

/** Which phone book a change is made in, and how long to wait for another writer. */
export type ChangeOptions = PhonebookOptions & LockOptions;

/**
 * Finds which phone book holds an entry.
 *
 * @param name The entry's name (Windows compares names case-insensitively).
 * @param options Which phone book to look in (default: both default books), and the
 * operation to name if the entry is missing.
 * @returns The entry's listing.
 * @throws {RasError} ERROR_CANNOT_FIND_PHONEBOOK_ENTRY (623) when it is in none.
 * @example
 * ```ts ignore
 * findEntry("Corp VPN").phonebook;
 * ```
 */
export function findEntry(
  name: string,
  options: PhonebookOptions & { operation?: string } = {},
): EntryName {
  const explicit = phonebookPath(options);
  const books: { path: string; scope: EntryName["scope"] }[] = explicit !== undefined
    ? [{ path: explicit, scope: options.allUsers ? "allUsers" : "file" }]
    : defaultBooks();
  if (books.length === 0) return findByListing(name, options);
  // One RasGetEntryProperties per book, not an enumeration of every entry: a book of a
  // million entries costs one lookup, not gigabytes.
  const found = books.filter((book) => holds(book.path, name, explicit !== undefined))
    .map(({ path, scope }) => ({ name, scope, phonebook: path }));
  return theOne(name, found, options.operation, explicit);
}

/** Without %ProgramData%/%APPDATA% the books cannot be named: ask RasEnumEntries (NULL). */
function findByListing(
  name: string,
  options: PhonebookOptions & { operation?: string },
): EntryName {
  const wanted = name.toLowerCase();
  const found = listEntries(options).filter((e) => e.name.toLowerCase() === wanted);
  return theOne(name, found, options.operation);
}

/** The one book's entry found: 623 for none, a usage error naming both books for two. */
function theOne(
  name: string,
  found: EntryName[],
  operation = "RasGetEntryProperties",
  phonebook?: string,
): EntryName {
  if (found.length === 0) {
    throw new RasError(ERROR_CANNOT_FIND_PHONEBOOK_ENTRY, { operation, entry: name, phonebook });
  }
  if (found.length > 1) {
    throw new InvalidInputError(
      "phonebook",
      `"${name}" is in both the all-users phone book (${found[0]!.phonebook}) and the user's ` +
        `(${found[1]!.phonebook}); choose one`,
    );
  }
  return found[0]!;
}

/** The books Windows merges for a NULL phone book, all-users first; one without a known path is skipped. */
function defaultBooks(): { path: string; scope: EntryName["scope"] }[] {
  const books: { path: string; scope: EntryName["scope"] }[] = [];
  for (const [scope, path] of [["allUsers", allUsersPhonebook], ["user", userPhonebook]] as const) {
    try {
      books.push({ path: path(), scope });
    } catch {
      // %ProgramData% / %APPDATA% not set: not a book this process can name
    }
  }
  return books;
}

/** Whether the book holds the entry (RasGetEntryProperties on the name). */
function holds(path: string, name: string, explicit: boolean): boolean {
  const { code } = entryProperties(name, path); // only the code: nothing of the struct is kept
  if (code === 0) return true;
  if (code === ERROR_CANNOT_FIND_PHONEBOOK_ENTRY) return false;
  // A default book that does not exist yet holds nothing.
  if (!explicit && code === ERROR_CANNOT_OPEN_PHONEBOOK) return false;
  check(code, "RasGetEntryProperties", name, path);
  return false;
}

/**
 * The entry's struct with what Windows keeps beside it: the alternate numbers after the struct
 * and the subentries after the first (RasGetSubEntryProperties 2..dwSubEntries).
 */
function readStruct(name: string, phonebook: string): RasEntryStruct {
  const { fields, alternates } = readStructAndAlternates(name, phonebook);
  return {
    ...fields,
    alternates: decodeMultiString(alternates),
    subEntries: readSubEntries(name, phonebook, fields.dwSubEntries),
  };
}

/**
 * The entry's struct and the alternate phone numbers that follow it (the raw double-NUL
 * terminated UTF-16 list dwAlternateOffset points at; empty when there are none), so a write
 * of the entry can carry them back.
 */
function readStructAndAlternates(
  name: string,
  phonebook: string,
): { fields: RasEntryStruct; alternates: Uint8Array<ArrayBuffer> } {
  return withStructBytes(name, phonebook, (buffer, size) => {
    const fields = RASENTRYW.decode(buffer, 0, size);
    return { fields, alternates: alternatesAfter(buffer, size, fields.dwAlternateOffset) };
  });
}

/**
 * Hands `use` the bytes RasGetEntryProperties filled: the struct at the negotiated size, then
 * its trailing data. The memory is lent ({@link withScratch}): `use` copies out what it keeps.
 */
function withStructBytes<T>(
  name: string,
  phonebook: string,
  use: (buffer: Uint8Array<ArrayBuffer>, size: number) => T,
): T {
  const { code, value } = entryProperties(name, phonebook, use);
  check(code, "RasGetEntryProperties", name, phonebook);
  return value as T;
}

/**
 * One RasGetEntryProperties of the entry into lent memory, at the negotiated dwSize: its result
 * code, and what `use` made of the bytes when it succeeded.
 */
function entryProperties<T>(
  name: string,
  phonebook: string,
  use?: (buffer: Uint8Array<ArrayBuffer>, size: number) => T,
): { code: number; value: T | undefined } {
  const lib = rasapi32();
  const pbk = cstr(phonebook, "phonebook");
  const entryName = cstr(name, "entry name");
  let value: T | undefined;
  const { code } = negotiateSize(RASENTRYW, (size) =>
    withScratch(size, (into) => {
      // Alternate phone numbers follow the struct; callGrowing makes room for them.
      const { code, buffer } = callGrowing(
        RASENTRYW.encode({}, { size, into }),
        (b, cb) => lib.RasGetEntryPropertiesW(pbk, entryName, b, cb, null, null),
      );
      if (code === 0 && use) value = use(buffer, size);
      return code;
    }));
  return { code, value };
}

/** The alternate numbers' list at `offset`, when it lies after the struct inside the buffer. */
function alternatesAfter(
  buffer: Uint8Array<ArrayBuffer>,
  size: number,
  offset: number,
): Uint8Array<ArrayBuffer> {
  return offset >= size && offset < buffer.length ? buffer.slice(offset) : new Uint8Array(0);
}

/** A setting whose path is one key of {@link Entry} (`prerequisite`, `type`; not `ipv4.dns`). */
export type WholeSetting = Extract<EntrySettingsTable[number]["path"], keyof Entry>;

/**
 * Reads some of an entry's settings, decoding only the struct members their reads use: what a
 * dial needs (its prerequisite, how it authenticates) on every redial of `ensure --keep`,
 * without the work of the whole entry. The values are those {@link getEntry} gives.
 *
 * @param name The entry's name.
 * @param paths The top-level settings to read, e.g. `["prerequisite"]`.
 * @param options Which phone book (default: whichever default book holds it).
 * @returns The settings asked for, by path.
 * @throws {RasError} 623 when there is no such entry; other codes when the book is unreadable.
 * @example
 * ```ts ignore
 * readEntrySettings("Corp VPN", ["prerequisite"]).prerequisite?.entry;
 * ```
 */
export function readEntrySettings<const P extends WholeSetting>(
  name: string,
  paths: readonly P[],
  options: PhonebookOptions = {},
): Pick<Entry, P> {
  const where = findEntry(name, options);
  return withStructBytes(where.name, where.phonebook, (buffer, size) => {
    const fields = decodeOnRead(RASENTRYW, buffer, 0, size);
    // What Windows keeps beside the struct, read only if a setting asks for it.
    const s: RasEntryStruct = Object.defineProperties(fields, {
      alternates: {
        get: () => decodeMultiString(alternatesAfter(buffer, size, fields.dwAlternateOffset)),
      },
      subEntries: { get: () => readSubEntries(where.name, where.phonebook, fields.dwSubEntries) },
    });
    const out: Record<string, unknown> = {};
    for (const path of paths) {
      const setting = ENTRY_SETTINGS.find((x) => x.path === path);
      if (!setting) throw new RangeError(`an entry has no setting ${path}`);
      out[path] = setting.read(s);
    }
    return out as Pick<Entry, P>;
  });
}

/**
 * Writes the entry's struct, then its subentries. dwSize is always the negotiated size (never
 * one decoded from an earlier read), and dwAlternateOffset is set only when the alternate
 * numbers it points at are written after the struct: "The alternate phone number strings are
 * stored in memory following the structure" (RASENTRYW dwAlternateOffset,
 * https://learn.microsoft.com/windows/win32/api/ras/ns-ras-rasentryw); a decoded offset
 * written back alone would make Windows read past the buffer. dwSubEntries is 0: "When calling
 * RasSetEntryProperties, set this member to zero. To add subentries to a phone-book entry, use
 * the RasSetSubEntryProperties function" (same page); `have` is what the entry has now.
 */
function writeStruct(
  name: string,
  phonebook: string | undefined,
  fields: Partial<RasEntryStruct>,
  have: readonly SubEntry[] = [],
): void {
  const lib = rasapi32();
  const pbk = cstrOrNull(phonebook, "phonebook");
  const entryName = cstr(name, "entry name");
  const {
    dwSize: _size,
    dwAlternateOffset: _offset,
    alternates: numbers = [],
    subEntries,
    ...members
  } = fields;
  const alternates = encodeMultiString(numbers, "alternates");
  const { code } = negotiateSize(RASENTRYW, (size) => {
    const struct = RASENTRYW.encode(
      { ...members, dwSubEntries: 0, dwAlternateOffset: alternates.length > 0 ? size : 0 },
      { size },
    );
    const buffer = new Uint8Array(size + alternates.length);
    buffer.set(struct.subarray(0, size));
    buffer.set(alternates, size);
    return lib.RasSetEntryPropertiesW(pbk, entryName, buffer, buffer.length, null, 0);
  });
  // RASET_Direct (serial/parallel cable) ended with Windows Vista (Ras.h defines it only for
  // WINVER < 0x600; DotRas: "Windows Vista or later: This value is no longer supported"), and
  // Windows refuses the member with ERROR_INVALID_PARAMETER: name the setting, not just 87.
  if (code === ERROR_INVALID_PARAMETER && fields.dwType === ENTRY_TYPES.direct) {
    throw new InvalidInputError(
      "type",
      "this version of Windows has no direct (serial or parallel cable) entries; " +
        "use vpn, phone or broadband",
    );
  }
  check(code, "RasSetEntryProperties", name, phonebook);
  if (subEntries) writeSubEntries(name, phonebook, subEntries, have);
}

/**
 * Reads one entry's settings.
 *
 * @param name The entry's name.
 * @param options Which phone book (default: whichever default book holds it).
 * @returns The entry.
 * @throws {RasError} 623 when there is no such entry; other codes when the book is unreadable.
 * @example
 * ```ts ignore
 * getEntry("Corp VPN").server;
 * ```
 */
export function getEntry(name: string, options: PhonebookOptions = {}): Entry {
  const where = findEntry(name, options);
  return entryFromStruct(where.name, where.phonebook, readStruct(where.name, where.phonebook));
}

/** How {@link createEntry} treats a device name that is not one of this machine's. */
export interface CreateOptions extends ChangeOptions {
  /**
   * true: a `device.name` the machine does not list is an error (the user typed it); false
   * (default): the entry takes the machine's device of the same type, as for settings read
   * from another machine's phone book or profile.
   */
  exactDevice?: boolean | undefined;
}

/**
 * The phone book a new entry goes to. Without `phonebook` or `allUsers`, the user's own
 * (%APPDATA%\Microsoft\Network\Connections\Pbk\rasphone.pbk), passed as a path: with a NULL
 * phone book Windows writes the all-users book, which a standard user may not change
 * (ERROR_ACCESS_DENIED), and Add-VpnConnection likewise adds to the user's book unless
 * -AllUserConnection is given (https://learn.microsoft.com/powershell/module/vpnclient/add-vpnconnection).
 * Lookups already search both books, so the entry is found either way. When %APPDATA% is not
 * set, NULL (Windows' default book).
 */
function newEntryBook(options: PhonebookOptions): string | undefined {
  const path = phonebookPath(options);
  if (path !== undefined) return path;
  try {
    return userPhonebook();
  } catch {
    return undefined;
  }
}

/**
 * Creates an entry from Windows' default entry (RasGetEntryProperties with an empty name),
 * its type's members and a device of this machine, then the given settings. The name is
 * checked with RasValidateEntryName under the phone book's lock, so an existing entry, or one
 * another rasctl creates meanwhile, is never overwritten. A new phone-book file (and its
 * folders) is made when needed, and removed again only if the create fails while it is still
 * empty.
 *
 * @param name The new entry's name.
 * @param settings Its settings; `type` defaults to `vpn`.
 * @param options Which phone book (default: the user's own; `allUsers` for the all-users
 * book), the lock wait's signal, and whether the device name must be the machine's.
 * @returns The entry as written.
 * @throws {RasError} 183 when the name exists, 123 when Windows refuses the name.
 * @throws {PhonebookFileError} When the phone-book file or its folders cannot be made.
 * @throws {InvalidInputError} When a VPN or phone entry has no server (field `server`), a
 * text setting holds a control character (CR, LF, NUL ...; field: its JSON path), the machine
 * has no such device (`device.name`, `device.type`), or Windows has no such type (`type`).
 * @example
 * ```ts ignore
 * await createEntry("Corp VPN", { server: "vpn.example.com", strategy: "ikev2-only" });
 * ```
 */
export function createEntry(
  name: string,
  settings: EntrySettings,
  options: CreateOptions = {},
): Promise<Entry> {
  const type = settings.type ?? "vpn";
  if ((type === "vpn" || type === "phone") && !settings.server) {
    throw new InvalidInputError("server", `a ${type} entry needs a server`);
  }
  assertEntryText(settings);
  const path = newEntryBook(options);
  return withPhonebookLock(options, options, () => {
    // Under the lock: no other rasctl writes this book until the read-back below.
    const made = path === undefined ? undefined : preparePhonebook(path);
    try {
      assertNameFree(name, path);
      const fields = applySettings(newEntryStruct(type, windowsDefaultEntry(path)), settings);
      // An empty name is no name: RasSetEntryProperties requires one (its page), and it must
      // be a device RasEnumDevices lists.
      fields.szDeviceName = chooseDevice(
        fields,
        options.exactDevice === true && Boolean(settings.device?.name),
      );
      writeStruct(name, path, fields);
    } catch (error) {
      // Take back the empty book and the folders this call made (never a written book).
      made?.undo();
      throw error;
    }
    return getEntry(name, path === undefined ? {} : { phonebook: path });
  });
}

function assertNameFree(name: string, phonebook: string | undefined): void {
  const code = rasapi32().RasValidateEntryNameW(
    cstrOrNull(phonebook, "phonebook"),
    cstr(name, "entry name"),
  );
  check(code, "RasValidateEntryName", name, phonebook);
}

/**
 * Changes the given settings of an entry and nothing else.
 *
 * @param name The entry's name.
 * @param patch The settings to change.
 * @param options Which phone book, the lock wait's signal, and whether a device name must be
 * the machine's ({@link CreateOptions}).
 * @returns The entry as now stored.
 * @throws {RasError} 623 when there is no such entry.
 * @throws {InvalidInputError} When a text setting holds a control character (CR, LF, NUL ...),
 * or a changed device is not one of this machine's.
 * @example
 * ```ts ignore
 * await updateEntry("Corp VPN", { splitTunnel: true });
 * ```
 */
export function updateEntry(
  name: string,
  patch: EntrySettings,
  options: CreateOptions = {},
): Promise<Entry> {
  assertEntryText(patch);
  return withPhonebookLock(options, options, () => {
    // Found under the lock: an entry removed meanwhile is 623, never written back.
    const where = findEntry(name, options);
    const current = readStruct(where.name, where.phonebook);
    const fields = applySettings(current, patch);
    // A changed device (a new type, a strategy's WAN Miniport, a name) must be one that
    // RasEnumDevices lists, as for a new entry; an unchanged one stays as the book has it.
    if (
      fields.szDeviceName !== current.szDeviceName ||
      fields.szDeviceType !== current.szDeviceType
    ) {
      fields.szDeviceName = chooseDevice(
        fields,
        options.exactDevice === true && Boolean(patch.device?.name),
      );
    }
    writeStruct(where.name, where.phonebook, fields, current.subEntries ?? []);
    return entryFromStruct(where.name, where.phonebook, readStruct(where.name, where.phonebook));
  });
}

/**
 * Deletes an entry.
 *
 * @param name The entry's name.
 * @param options Which phone book, and the lock wait's signal.
 * @returns The name and the phone book it was removed from.
 * @throws {RasError} 623 when there is no such entry.
 * @example
 * ```ts ignore
 * await deleteEntry("Old VPN");
 * ```
 */
export function deleteEntry(
  name: string,
  options: ChangeOptions = {},
): Promise<{ removed: string; phonebook: string }> {
  return withPhonebookLock(options, options, () => {
    const where = findEntry(name, { ...options, operation: "RasDeleteEntry" });
    const code = rasapi32().RasDeleteEntryW(
      cstr(where.phonebook, "phonebook"),
      cstr(where.name, "entry name"),
    );
    check(code, "RasDeleteEntry", where.name, where.phonebook);
    return { removed: where.name, phonebook: where.phonebook };
  });
}

/**
 * Renames an entry.
 *
 * @param from The current name.
 * @param to The new name.
 * @param options Which phone book, and the lock wait's signal.
 * @returns Both names and the phone book.
 * @throws {RasError} 623 when `from` does not exist, 183 when `to` does.
 * @example
 * ```ts ignore
 * await renameEntry("Corp", "Corp VPN");
 * ```
 */
export function renameEntry(
  from: string,
  to: string,
  options: ChangeOptions = {},
): Promise<{ from: string; to: string; phonebook: string }> {
  return withPhonebookLock(options, options, () => renameLocked(from, to, options));
}

function renameLocked(
  from: string,
  to: string,
  options: PhonebookOptions,
): { from: string; to: string; phonebook: string } {
  const where = findEntry(from, { ...options, operation: "RasRenameEntry" });
  // RasRenameEntry does not check the new name itself on every Windows version.
  if (where.name.toLowerCase() !== to.toLowerCase()) assertNameFree(to, where.phonebook);
  check(
    rasapi32().RasRenameEntryW(
      cstr(where.phonebook, "phonebook"),
      cstr(where.name, "entry name"),
      cstr(to, "new name"),
    ),
    "RasRenameEntry",
    from,
    where.phonebook,
  );
  return { from: where.name, to, phonebook: where.phonebook };
}

/** The outcome of {@link validateEntryName}. */
export interface NameValidation {
  /** The name that was checked. */
  name: string;
  /** Whether a new entry may be created with this name. */
  valid: boolean;
  /** Why not, or null. */
  reason: string | null;
  /** The code RasValidateEntryName returned (0, 183, 123, ...). */
  code: number;
}

/**
 * Asks Windows whether a name may be used for a new entry.
 *
 * @param name The candidate name.
 * @param options Which phone book.
 * @returns Whether it is valid, and why not.
 * @throws {RasError} For failures other than "exists" and "invalid name".
 * @example
 * ```ts ignore
 * validateEntryName("Corp VPN").valid;
 * ```
 */
export function validateEntryName(name: string, options: PhonebookOptions = {}): NameValidation {
  const path = phonebookPath(options);
  const code = rasapi32().RasValidateEntryNameW(
    cstrOrNull(path, "phonebook"),
    cstr(name, "entry name"),
  );
  if (code === 0) return { name, valid: true, reason: null, code };
  if (code === ERROR_ALREADY_EXISTS) {
    return { name, valid: false, reason: "an entry with this name already exists", code };
  }
  if (code === ERROR_INVALID_NAME) {
    return { name, valid: false, reason: "Windows does not accept this name", code };
  }
  throw new RasError(code, { operation: "RasValidateEntryName", entry: name, phonebook: path });
}
