/**
 * An entry's custom authentication data: the EAP configuration Windows keeps per entry (not
 * per user), read and written with RasGetCustomAuthData / RasSetCustomAuthData
 * (https://learn.microsoft.com/windows/win32/api/ras/nf-ras-rasgetcustomauthdataw,
 * https://learn.microsoft.com/windows/win32/api/ras/nf-ras-rassetcustomauthdataw).
 *
 * @module
 */

import { rasapi32 } from "../ffi/library.ts";
import { cstr } from "../ffi/wstr.ts";
import { check } from "../ffi/errors.ts";
import { callGrowing } from "../ffi/negotiate.ts";

/**
 * Reads an entry's custom authentication data.
 *
 * @param name The entry.
 * @param phonebook The phone-book file that holds it.
 * @returns The bytes (empty when the entry has none).
 * @throws {RasError} When the book or the entry cannot be found.
 * @example
 * ```ts ignore
 * getCustomAuthData("Corp VPN", "C:\\ProgramData\\...\\rasphone.pbk").length;
 * ```
 */
export function getCustomAuthData(name: string, phonebook: string): Uint8Array {
  const lib = rasapi32();
  const pbk = cstr(phonebook, "phonebook");
  const entry = cstr(name, "entry name");
  const { code, buffer, size } = callGrowing(
    new Uint8Array(256),
    (b, cb) => lib.RasGetCustomAuthDataW(pbk, entry, b, cb),
  );
  check(code, "RasGetCustomAuthData", name, phonebook);
  return buffer.slice(0, size);
}

/**
 * Writes an entry's custom authentication data (empty: removes it).
 *
 * @param name The entry.
 * @param data The bytes.
 * @param phonebook The phone-book file that holds it.
 * @throws {RasError} When the entry cannot be found or Windows refuses.
 * @example
 * ```ts ignore
 * setCustomAuthData("Corp VPN", eapConfig, path);
 * ```
 */
export function setCustomAuthData(name: string, data: Uint8Array, phonebook: string): void {
  const lib = rasapi32();
  const copy = new Uint8Array(Math.max(data.length, 1));
  copy.set(data);
  check(
    lib.RasSetCustomAuthDataW(
      cstr(phonebook, "phonebook"),
      cstr(name, "entry name"),
      copy,
      data.length,
    ),
    "RasSetCustomAuthData",
    name,
    phonebook,
  );
}
