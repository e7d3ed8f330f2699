/**
 * The two calling patterns every RAS enumeration and struct exchange repeats, each owned by
 * one helper: dwSize negotiation (newest size first, older on ERROR_INVALID_SIZE) and the
 * ERROR_BUFFER_TOO_SMALL dance (call, grow to the size Windows asks for, call again).
 *
 * @module
 */

import { check } from "./ras_error.ts";
import { errorCode } from "./error_info.ts";
import type { StructLayout } from "./layout.ts";

/** The caller's buffer is too small; `*lpcb` holds the size needed (raserror.h). */
export const ERROR_BUFFER_TOO_SMALL: number = errorCode("ERROR_BUFFER_TOO_SMALL");
/** The structure size is wrong for this version of Windows (raserror.h). */
export const ERROR_INVALID_SIZE: number = errorCode("ERROR_INVALID_SIZE");

/**
 * For each struct that a call accepted in this process, by struct name: the dwSizes to try,
 * the one that worked first, then the older ones. Made once per accepted size: every RAS call
 * negotiates.
 */
const toTry = new Map<string, readonly number[]>();

/**
 * Runs `attempt` with each dwSize of `layout`, newest first, until one is not refused with
 * ERROR_INVALID_SIZE; remembers the size that worked for the rest of the process.
 *
 * @param layout The versioned struct.
 * @param attempt Calls rasapi32 with a struct of the given size; returns the result code.
 * @returns The result code of the first attempt not refused for its size, and that size.
 * @example
 * ```ts ignore
 * const { code, size } = negotiateSize(RASCONNSTATUSW, (size) => call(size));
 * ```
 */
export function negotiateSize(
  layout: StructLayout<unknown>,
  attempt: (size: number) => number,
): { code: number; size: number } {
  const sizes = sizesToTry(layout);
  let code = ERROR_INVALID_SIZE;
  let size = sizes[0]!;
  for (size of sizes) {
    code = attempt(size);
    if (accepted(layout, code, size)) break;
  }
  return { code, size };
}

/**
 * {@link negotiateSize} for a `nonblocking` function (ffi/symbols.ts): `attempt` returns the
 * call's promise.
 *
 * @param layout The versioned struct.
 * @param attempt Calls rasapi32 with a struct of the given size; resolves to the result code.
 * @returns The result code of the first attempt not refused for its size, and that size.
 * @example
 * ```ts ignore
 * const { code } = await negotiateSizeAsync(RASCONNSTATUSW, (size) => lib.RasGetConnectStatusW(h, buf(size)));
 * ```
 */
export async function negotiateSizeAsync(
  layout: StructLayout<unknown>,
  attempt: (size: number) => Promise<number>,
): Promise<{ code: number; size: number }> {
  const sizes = sizesToTry(layout);
  let code = ERROR_INVALID_SIZE;
  let size = sizes[0]!;
  for (size of sizes) {
    code = await attempt(size);
    if (accepted(layout, code, size)) break;
  }
  return { code, size };
}

/** The dwSizes to try: the one that worked before first, then the older ones. */
function sizesToTry(layout: StructLayout<unknown>): readonly number[] {
  return toTry.get(layout.name) ?? layout.dwSizes;
}

/** Whether `code` accepted `size` (anything but ERROR_INVALID_SIZE); remembers it if so. */
function accepted(layout: StructLayout<unknown>, code: number, size: number): boolean {
  if (code === ERROR_INVALID_SIZE) return false;
  if (toTry.get(layout.name)?.[0] !== size) {
    toTry.set(layout.name, [size, ...layout.dwSizes.filter((s) => s < size)]);
  }
  return true;
}

/**
 * Forgets the negotiated sizes (tests that switch emulated Windows versions use it).
 *
 * @example
 * ```ts
 * resetNegotiatedSizes(); // the next negotiateSize() starts from the newest dwSize again
 * ```
 */
export function resetNegotiatedSizes(): void {
  toTry.clear();
}

/** One enumeration call: fills `buffer` (or, when null, only reports the size needed). */
export type EnumerateCall = (
  buffer: Uint8Array<ArrayBuffer> | null,
  cb: Uint32Array<ArrayBuffer>,
  count: Uint32Array<ArrayBuffer>,
) => number;

/** The outcome of an enumeration. */
export interface Enumerated<T> {
  /** What `pick` made of each element Windows wrote, in order. */
  items: T[];
  /** The element size (dwSize) that was used. */
  elementSize: number;
  /** The size in bytes of the buffer the answering call filled. */
  bufferSize: number;
}

/** How many times to grow before giving up: the data can keep growing between calls. */
const MAX_GROWTH_ROUNDS = 8;
/**
 * Elements the first call has room for. Most machines list fewer entries, connections and
 * devices, so one call answers and the ERROR_BUFFER_TOO_SMALL round trip is left to the rest
 * (one call less is 1 M instructions of `rasctl entry list`, measured by `deno task bench`).
 * RasEnumEntries and its kin read `dwSize` from the first element only.
 */
export const FIRST_ROOM = 16;

/**
 * Enumerates an array of versioned structs: negotiates dwSize, asks for the size, grows the
 * buffer to what Windows reports and calls again, repeating if the data grew in between.
 * Each element is handed to `pick` while its memory is valid: `pick` copies out what it needs
 * and must not keep the element, whose memory may be lent (`options.memory`, ffi/scratch.ts) and
 * which may read it as its fields are read (`options.decode`, ffi/layout_lazy.ts).
 *
 * @param layout The element struct (its dwSize goes in the first element).
 * @param call One call of the RAS enumeration function.
 * @param operation The function name for errors, e.g. `RasEnumEntries`.
 * @param pick What to keep of each element.
 * @param options The phone-book file enumerated (for errors), lent memory for the first call,
 * and how an element is decoded.
 * @returns What `pick` made of each element, the element size and the buffer's size.
 * @throws {RasError} When the call fails for another reason, or keeps growing.
 * @example
 * ```ts ignore
 * const { items } = enumerate(RASCONNW, (buf, cb, n) => lib.RasEnumConnectionsW(buf, cb, n),
 *   "RasEnumConnections", (c) => c.szEntryName);
 * ```
 */
export function enumerate<V, T>(
  layout: StructLayout<V>,
  call: EnumerateCall,
  operation: string,
  pick: (element: V) => T,
  options: EnumerateOptions<V> = {},
): Enumerated<T> {
  const { memory } = options;
  const decode = options.decode ??
    ((b: Uint8Array, o: number, n: number) => layout.decode(b, o, n));
  const first = memory ? memory.borrow(layout.size * FIRST_ROOM) : undefined;
  try {
    let result: Enumerated<T> | undefined;
    const { code } = negotiateSize(layout, (size) => {
      const outcome = growUntilItFits(size, call, first);
      if (outcome.code === 0) {
        const { buffer, count } = outcome;
        const items = Array.from({ length: count }, (_, i) => pick(decode(buffer, i * size, size)));
        result = { items, elementSize: size, bufferSize: buffer.byteLength };
      }
      return outcome.code;
    });
    check(code, operation, undefined, options.phonebook);
    return result!;
  } finally {
    if (first) memory!.giveBack(first);
  }
}

/** Options of {@link enumerate}. */
export interface EnumerateOptions<V> {
  /** The phone-book file enumerated, for errors. */
  phonebook?: string | undefined;
  /** Lends the first call's buffer, zeroed (ffi/scratch.ts); default: a new one. */
  memory?: {
    borrow(size: number): Uint8Array<ArrayBuffer>;
    giveBack(bytes: Uint8Array<ArrayBuffer>): void;
  };
  /** Decodes one element (ffi/layout_lazy.ts decodeOnRead); default: every field at once. */
  decode?: (source: Uint8Array, offset: number, size: number) => V;
}

/** Calls until the elements fit: first in `first` (room for FIRST_ROOM), then in new buffers. */
function growUntilItFits(
  elementSize: number,
  call: EnumerateCall,
  first: Uint8Array<ArrayBuffer> | undefined,
): { code: number; buffer: Uint8Array<ArrayBuffer>; count: number } {
  const cb = new Uint32Array(1);
  const count = new Uint32Array(1);
  const room = elementSize * FIRST_ROOM;
  let buffer = first ? first.subarray(0, room) : new Uint8Array(room);
  let code = ERROR_BUFFER_TOO_SMALL;
  for (let round = 0; round < MAX_GROWTH_ROUNDS; round++) {
    new DataView(buffer.buffer, buffer.byteOffset).setUint32(0, elementSize, true);
    cb[0] = buffer.byteLength;
    count[0] = 0;
    code = call(buffer, cb, count);
    if (code !== ERROR_BUFFER_TOO_SMALL) break;
    // Grow to what Windows asked for; if it asked for no more than we had, the data grew
    // between its two looks, so grow by one element at least.
    const needed = Math.max(cb[0]!, buffer.byteLength + elementSize);
    buffer = new Uint8Array(Math.ceil(needed / elementSize) * elementSize);
  }
  return { code, buffer, count: code === 0 ? count[0]! : 0 };
}

/**
 * Calls a function that fills one struct plus trailing data (`lpcb` in and out): when it
 * answers ERROR_BUFFER_TOO_SMALL with a larger size, calls once more with a buffer that big,
 * the struct's bytes copied over.
 *
 * @param buffer The struct, its dwSize set.
 * @param call Calls rasapi32 with the buffer and its size; returns the result code.
 * @returns The result code, the buffer the last call filled and the size it reported in `lpcb`.
 * @example
 * ```ts ignore
 * const { code, buffer } = callGrowing(RAS_PROJECTION_INFO.encode({ version: 4 }), (b, cb) =>
 *   lib.RasGetProjectionInfoEx(handle, b, cb)
 * );
 * ```
 */
export function callGrowing(
  buffer: Uint8Array<ArrayBuffer>,
  call: (buffer: Uint8Array<ArrayBuffer>, cb: Uint32Array<ArrayBuffer>) => number,
): { code: number; buffer: Uint8Array<ArrayBuffer>; size: number } {
  const cb = new Uint32Array([buffer.byteLength]);
  const code = call(buffer, cb);
  if (code !== ERROR_BUFFER_TOO_SMALL || cb[0]! <= buffer.byteLength) {
    return { code, buffer, size: cb[0]! };
  }
  const bigger = new Uint8Array(cb[0]!);
  bigger.set(buffer);
  const again = call(bigger, cb);
  return { code: again, buffer: bigger, size: cb[0]! };
}
