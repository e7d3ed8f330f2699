/**
 * Connection handles: text (`0x10001`) above this layer, pointer values only inside ras/.
 *
 * @module
 */

/** A connection handle as text, e.g. `0x10001`. */
export type Handle = string;

/**
 * The handle's pointer value, for passing to rasapi32.
 *
 * @param handle The handle as text.
 * @returns The HRASCONN pointer.
 * @throws {RangeError} When the text is not a hex handle such as `0x10001`.
 * @example
 * ```ts
 * handlePointer("0x10001");
 * ```
 */
export function handlePointer(handle: Handle): Deno.PointerValue {
  if (!/^0x[0-9a-f]{1,16}$/i.test(handle)) {
    throw new RangeError(`"${handle}" is not a connection handle (expected hex like 0x10001)`);
  }
  return Deno.UnsafePointer.create(BigInt(handle));
}

/**
 * Formats a handle value as text.
 *
 * @param value The HRASCONN value.
 * @returns Lower-case hex with a `0x` prefix.
 * @example
 * ```ts
 * handleText(0x10001n); // "0x10001"
 * ```
 */
export function handleText(value: bigint): Handle {
  return `0x${value.toString(16)}`;
}
