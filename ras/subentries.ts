/**
 * An entry's multilink subentries and alternate numbers in the user's terms. Subentry 1 is the
 * entry's own device and server (RasGetEntryProperties gives them); `subEntries` are the links
 * after it, 2..n, each read with RasGetSubEntryPropertiesW and written with
 * RasSetSubEntryPropertiesW (an index past the last one adds a link), extra ones removed with
 * RasDeleteSubEntryW
 * (https://learn.microsoft.com/windows/win32/api/ras/nf-ras-rasgetsubentrypropertiesw,
 * https://learn.microsoft.com/windows/win32/api/ras/nf-ras-rassetsubentrypropertiesw,
 * https://learn.microsoft.com/windows/win32/api/ras/nf-ras-rasdeletesubentryw).
 *
 * @module
 */

import { rasapi32 } from "../ffi/library.ts";
import { RASSUBENTRYW } from "../ffi/structs/rassubentryw.ts";
import { check } from "../ffi/errors.ts";
import { callGrowing } from "../ffi/negotiate.ts";
import { cstr, decodeMultiString, encodeMultiString } from "../ffi/wstr.ts";

/** One multilink subentry (a link after the entry's own), as a profile and `entry show` give it. */
export interface SubEntry {
  /** The device it dials through: its type (`modem`, `isdn`, `vpn`, ...) and name. */
  device: { type: string; name: string };
  /** Its phone number (or server). */
  server: string;
  /** Its alternate numbers, tried in order when `server` fails. */
  alternates: string[];
}

/** RASSUBENTRYW's decoded fields. */
type SubEntryStruct = ReturnType<typeof RASSUBENTRYW.decode>;

/**
 * A subentry as the bytes RasSetSubEntryPropertiesW takes: the struct, then its alternates.
 *
 * @param sub The subentry.
 * @returns The buffer (its length is dwcbRasSubEntry).
 * @example
 * ```ts
 * subEntryBytes({ device: { type: "isdn", name: "ISDN1" }, server: "555", alternates: [] })
 *   .length; // 564
 * ```
 */
export function subEntryBytes(sub: SubEntry): Uint8Array<ArrayBuffer> {
  const size = RASSUBENTRYW.size;
  const alternates = encodeMultiString(sub.alternates, "alternates");
  const struct = RASSUBENTRYW.encode({
    dwfFlags: 0, // "Reserved for future use" (RASSUBENTRY)
    szDeviceType: sub.device.type,
    szDeviceName: sub.device.name,
    szLocalPhoneNumber: sub.server,
    dwAlternateOffset: alternates.length ? size : 0,
  });
  const buffer = new Uint8Array(size + alternates.length);
  buffer.set(struct);
  buffer.set(alternates, size);
  return buffer;
}

/**
 * Reads a subentry out of the bytes RasGetSubEntryPropertiesW returned.
 *
 * @param buffer The struct and what follows it.
 * @returns The subentry.
 * @example
 * ```ts
 * const sub = { device: { type: "isdn", name: "ISDN1" }, server: "555", alternates: ["556"] };
 * subEntryFromBytes(subEntryBytes(sub)).alternates; // ["556"]
 * ```
 */
export function subEntryFromBytes(buffer: Uint8Array): SubEntry {
  const s: SubEntryStruct = RASSUBENTRYW.decode(buffer, 0, RASSUBENTRYW.size);
  const offset = s.dwAlternateOffset;
  return {
    device: { type: s.szDeviceType, name: s.szDeviceName },
    server: s.szLocalPhoneNumber,
    alternates: offset >= RASSUBENTRYW.size && offset < buffer.length
      ? decodeMultiString(buffer.subarray(offset))
      : [],
  };
}

/**
 * Reads an entry's subentries after the first (2..count).
 *
 * @param name The entry's name.
 * @param phonebook Its phone book.
 * @param count The entry's dwSubEntries (every link, its own included).
 * @returns The links after the first, in order.
 * @throws {RasError} When RasGetSubEntryProperties fails.
 */
export function readSubEntries(name: string, phonebook: string, count: number): SubEntry[] {
  const lib = rasapi32();
  const pbk = cstr(phonebook, "phonebook");
  const entry = cstr(name, "entry name");
  const out: SubEntry[] = [];
  for (let index = 2; index <= count; index++) {
    const { code, buffer } = callGrowing(
      RASSUBENTRYW.encode({}),
      (b, cb) => lib.RasGetSubEntryPropertiesW(pbk, entry, index, b, cb, null, null),
    );
    check(code, "RasGetSubEntryProperties", name, phonebook);
    out.push(subEntryFromBytes(buffer));
  }
  return out;
}

/** Deep equality of two subentries. */
function same(a: SubEntry, b: SubEntry): boolean {
  return a.device.type === b.device.type && a.device.name === b.device.name &&
    a.server === b.server && a.alternates.length === b.alternates.length &&
    a.alternates.every((x, i) => x === b.alternates[i]);
}

/**
 * Makes an entry's subentries after the first these: each differing one is written in its
 * place (RasSetSubEntryProperties with its index, or the next index for a new one), and the
 * ones past the list are deleted, last first.
 *
 * @param name The entry's name.
 * @param phonebook Its phone book.
 * @param wanted The links after the first, in order.
 * @param have What the entry has now (from {@link readSubEntries}).
 * @throws {RasError} When a RasSetSubEntryProperties or RasDeleteSubEntry call fails.
 */
export function writeSubEntries(
  name: string,
  phonebook: string | undefined,
  wanted: readonly SubEntry[],
  have: readonly SubEntry[],
): void {
  const lib = rasapi32();
  const pbk = phonebook === undefined ? null : cstr(phonebook, "phonebook");
  const entry = cstr(name, "entry name");
  for (const [i, sub] of wanted.entries()) {
    const current = have[i];
    if (current && same(current, sub)) continue;
    const bytes = subEntryBytes(sub);
    const code = lib.RasSetSubEntryPropertiesW(pbk, entry, i + 2, bytes, bytes.length, null, 0);
    check(code, "RasSetSubEntryProperties", name, phonebook);
  }
  for (let index = have.length + 1; index > wanted.length + 1; index--) {
    check(lib.RasDeleteSubEntryW(pbk, entry, index), "RasDeleteSubEntry", name, phonebook);
  }
}
