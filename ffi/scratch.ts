/**
 * Memory lent to synchronous RAS calls whose buffer does not outlive the call: the probe of
 * whether a book holds an entry, an entry's struct read for a few settings, the first buffer
 * of an enumeration. A buffer a call allocates is malloc'd memory that V8 frees only when a
 * collection finds it dead; a long-running process (`ensure --keep`, `watch`) making RAS calls
 * between collections would hold every one of them until then, and the C heap grows with
 * them. One lent buffer is reused instead.
 *
 * @module
 */

/** The largest buffer kept for the next loan (bytes); a larger one is left to the collector. */
const KEEP_AT_MOST = 64 * 1024;

/** The zeroed buffer the next loan gets, when none is out. */
let spare: ArrayBuffer | undefined;

/**
 * Lends `size` zeroed bytes; {@link giveBack} returns them. The memory must not be kept, nor
 * used after it is given back: it is zeroed and lent to the next caller. A loan while another
 * is out gets memory of its own.
 *
 * @param size The bytes needed.
 * @returns The bytes, zeroed.
 * @example
 * ```ts
 * const bytes = borrow(8);
 * giveBack(bytes);
 * ```
 */
export function borrow(size: number): Uint8Array<ArrayBuffer> {
  let lent = spare;
  if (lent && lent.byteLength >= size) spare = undefined;
  else lent = new ArrayBuffer(size);
  return new Uint8Array(lent, 0, size);
}

/**
 * Ends a loan of {@link borrow}: the bytes are zeroed, and kept for the next loan unless
 * larger than {@link KEEP_AT_MOST} or smaller than the buffer already kept.
 *
 * @param bytes What borrow() lent.
 * @example
 * ```ts
 * giveBack(borrow(16));
 * ```
 */
export function giveBack(bytes: Uint8Array<ArrayBuffer>): void {
  bytes.fill(0);
  const lent = bytes.buffer;
  if (lent.byteLength <= KEEP_AT_MOST && (!spare || spare.byteLength < lent.byteLength)) {
    spare = lent;
  }
}

/**
 * Lends `size` zeroed bytes to `use` ({@link borrow}), which must be synchronous and must not
 * keep them, and gives them back when it returns or throws.
 *
 * @param size The bytes needed.
 * @param use What to do with them; its result is returned.
 * @returns What `use` returned.
 * @throws {TypeError} When `use` returns a promise (the bytes would be reused under it).
 * @example
 * ```ts
 * const dwSize = withScratch(8, (bytes) => {
 *   new DataView(bytes.buffer).setUint32(0, 8, true);
 *   return new DataView(bytes.buffer).getUint32(0, true);
 * }); // 8
 * ```
 */
export function withScratch<T>(size: number, use: (bytes: Uint8Array<ArrayBuffer>) => T): T {
  const bytes = borrow(size);
  try {
    const result = use(bytes);
    if (result instanceof Promise) {
      throw new TypeError("withScratch() lends memory to synchronous calls only");
    }
    return result;
  } finally {
    giveBack(bytes);
  }
}
