/**
 * UTF-16LE text in and out of Win32 memory: fixed `WCHAR[N]` fields and NUL-terminated
 * `LPCWSTR` arguments. Encoding goes by UTF-16 code units (a JS string already is one), so
 * surrogate pairs survive and nothing passes through TextEncoder's UTF-8.
 *
 * @module
 */

/**
 * Throws a RangeError if `value` holds a lone surrogate, which no Windows API can store.
 *
 * @param value The text to check.
 * @param field The name used in the error message.
 * @throws {RangeError} When a high surrogate is not followed by a low one, or vice versa.
 * @example
 * ```ts
 * assertWellFormed("Corp VPN", "szEntryName");
 * ```
 */
export function assertWellFormed(value: string, field: string): void {
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    } else if (unit < 0xdc00 || unit > 0xdfff) {
      continue;
    }
    throw new RangeError(`${field} contains a lone UTF-16 surrogate at position ${i}`);
  }
}

/**
 * Writes `value` into a `WCHAR[capacity]` field: its code units, a NUL, and zeros after it.
 *
 * @param view The memory holding the field.
 * @param offset Byte offset of the field.
 * @param capacity The field's length in WCHARs, including the terminating NUL.
 * @param value The text to store.
 * @param field The field's name, for error messages.
 * @throws {RangeError} When the text needs more than `capacity - 1` code units, holds a NUL,
 * or holds a lone surrogate. Nothing is truncated silently.
 * @example
 * ```ts
 * const view = new DataView(new ArrayBuffer(34));
 * writeWchars(view, 0, 17, "vpn", "szDeviceType");
 * ```
 */
export function writeWchars(
  view: DataView,
  offset: number,
  capacity: number,
  value: string,
  field: string,
): void {
  if (value.length > capacity - 1) {
    throw new RangeError(
      `${field} is ${value.length} UTF-16 code units long; the limit is ${capacity - 1}`,
    );
  }
  if (value.includes("\0")) throw new RangeError(`${field} must not contain a NUL character`);
  assertWellFormed(value, field);
  for (let i = 0; i < capacity; i++) {
    view.setUint16(offset + i * 2, i < value.length ? value.charCodeAt(i) : 0, true);
  }
}

/**
 * Reads a `WCHAR[capacity]` field up to its first NUL (or the whole field if it has none).
 *
 * @param view The memory holding the field.
 * @param offset Byte offset of the field.
 * @param capacity The field's length in WCHARs.
 * @returns The text before the first NUL.
 * @throws {RangeError} When the field runs past the end of `view` before a NUL is found.
 * @example
 * ```ts
 * const text = readWchars(new DataView(new ArrayBuffer(8)), 0, 4); // ""
 * ```
 */
export function readWchars(view: DataView, offset: number, capacity: number): string {
  let length = 0;
  while (length < capacity && view.getUint16(offset + length * 2, true) !== 0) length++;
  return unitsAt(view, offset, length);
}

/** Whether this machine stores a 16-bit unit low byte first, as Windows does. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The text of `length` UTF-16LE units at `offset`. They are read where they lie when the
 * machine is little-endian and the address even (a typed array's view), else one by one; no
 * array of numbers is made either way.
 */
function unitsAt(view: DataView, offset: number, length: number): string {
  if (length === 0) return "";
  const start = view.byteOffset + offset;
  let text = "";
  if (LITTLE_ENDIAN && start % 2 === 0) {
    const units = new Uint16Array(view.buffer, start, length);
    // Chunked so a long string never exceeds the engine's argument-count limit.
    for (let i = 0; i < length; i += 4096) {
      text += String.fromCharCode.apply(null, units.subarray(i, i + 4096) as unknown as number[]);
    }
    return text;
  }
  for (let i = 0; i < length; i++) {
    text += String.fromCharCode(view.getUint16(offset + i * 2, true));
  }
  return text;
}

/**
 * Encodes a string as a NUL-terminated UTF-16LE buffer for an `LPCWSTR` argument.
 *
 * @param value The text.
 * @param field The argument's name, for error messages.
 * @returns A new buffer of `(value.length + 1) * 2` bytes.
 * @throws {RangeError} When the text holds a NUL or a lone surrogate.
 * @example
 * ```ts
 * const name = cstr("Corp VPN", "lpszEntry");
 * ```
 */
export function cstr(value: string, field = "string"): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array((value.length + 1) * 2);
  writeWchars(new DataView(bytes.buffer), 0, value.length + 1, value, field);
  return bytes;
}

/**
 * Like {@link cstr}, but `undefined` (and the empty string, where Windows reads "" as the
 * default phone book) become NULL.
 *
 * @param value The text, or undefined for NULL.
 * @param field The argument's name, for error messages.
 * @returns A buffer, or null.
 * @throws {RangeError} When the text holds a NUL or a lone surrogate.
 * @example
 * ```ts
 * const pbk = cstrOrNull(undefined, "lpszPhonebook"); // null
 * ```
 */
export function cstrOrNull(
  value: string | undefined,
  field = "string",
): Uint8Array<ArrayBuffer> | null {
  return value === undefined || value === "" ? null : cstr(value, field);
}

/**
 * Decodes a NUL-terminated UTF-16LE string from a buffer of WCHARs.
 *
 * @param bytes The buffer (e.g. filled by RasGetErrorStringW).
 * @returns The text before the first NUL.
 * @example
 * ```ts
 * fromCstr(cstr("x")); // "x"
 * ```
 */
export function fromCstr(bytes: Uint8Array): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return readWchars(view, 0, Math.floor(bytes.byteLength / 2));
}

/**
 * Encodes a list of strings as Windows' double-NUL-terminated UTF-16LE list (the alternate
 * phone numbers after RASENTRYW and RASSUBENTRYW, at dwAlternateOffset): each string and its
 * NUL, then one more NUL. An empty list is no bytes (dwAlternateOffset 0).
 *
 * @param values The strings (none may be empty or hold NUL).
 * @param field The argument's name, for error messages.
 * @returns The list's bytes.
 * @throws {RangeError} When a string is empty, holds a NUL or a lone surrogate.
 * @example
 * ```ts
 * encodeMultiString(["a", "b"]).length; // 10: "a\0b\0\0" in UTF-16
 * ```
 */
export function encodeMultiString(
  values: readonly string[],
  field = "list",
): Uint8Array<ArrayBuffer> {
  if (values.length === 0) return new Uint8Array(0);
  const units = values.reduce((n, v) => n + v.length + 1, 1);
  const bytes = new Uint8Array(units * 2);
  const view = new DataView(bytes.buffer);
  let at = 0;
  for (const [i, value] of values.entries()) {
    if (value === "") throw new RangeError(`${field}.${i} must not be empty`);
    writeWchars(view, at, value.length + 1, value, `${field}.${i}`);
    at += (value.length + 1) * 2;
  }
  return bytes;
}

/**
 * Decodes a double-NUL-terminated UTF-16LE list (see {@link encodeMultiString}); it ends at the
 * empty string or at the end of the bytes.
 *
 * @param bytes The list's bytes.
 * @returns The strings, in order.
 * @example
 * ```ts
 * decodeMultiString(encodeMultiString(["5551234", "5559999"])); // ["5551234", "5559999"]
 * ```
 */
export function decodeMultiString(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: string[] = [];
  let at = 0;
  const units = Math.floor(bytes.length / 2);
  while (at < units) {
    const start = at;
    while (at < units && view.getUint16(at * 2, true) !== 0) at++;
    if (at === start) break;
    out.push(unitsAt(view, start * 2, at - start));
    at++;
  }
  return out;
}
