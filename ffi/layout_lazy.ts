/**
 * Structs decoded field by field as the fields are read: for a caller that reads a few fields
 * of a large struct (a listing that needs four of RASCONNW's ten, one setting of RASENTRYW's
 * hundred), without formatting the rest. Apart from ./layout.ts, so a command that decodes
 * whole structs loads none of it.
 *
 * @module
 */

import { assertRoom, type FieldInfo, readField, type StructLayout } from "./layout.ts";

/** The memory an object of {@link decodeOnRead} reads its fields from. */
interface OnRead {
  view: DataView;
  offset: number;
  size: number;
}

/** Per struct: one getter per field, each reading the field where the object's memory holds it. */
const prototypes = new WeakMap<StructLayout<unknown>, object>();

function prototypeOf(layout: StructLayout<unknown>): object {
  let prototype = prototypes.get(layout);
  if (!prototype) {
    prototype = {};
    for (const f of layout.fields as FieldInfo[]) {
      Object.defineProperty(prototype, f.name, {
        get(this: OnRead) {
          return readField(f, this.view, this.offset, this.size);
        },
      });
    }
    prototypes.set(layout, prototype);
  }
  return prototype;
}

/**
 * As {@link StructLayout.decode}, but each field is decoded when it is read. The fields are
 * getters on a prototype made once per struct, not own properties: spread, JSON or deep
 * comparison need `decode()`. The object reads `source` when a field is read, so `source`
 * must not change while it is in use.
 *
 * @param layout The struct.
 * @param source The memory.
 * @param offset Where the struct starts.
 * @param size The dwSize version present (default: the newest).
 * @returns An object that reads every field by its ras.h name.
 * @throws {RangeError} When the memory is shorter than `size`.
 * @example
 * ```ts
 * import { defineStruct, i32, u32 } from "./layout.ts";
 * const LUID_ = defineStruct("LUID", [["LowPart", u32], ["HighPart", i32]] as const);
 * decodeOnRead(LUID_, LUID_.encode({ HighPart: 7 })).HighPart; // 7
 * ```
 */
export function decodeOnRead<V>(
  layout: StructLayout<V>,
  source: Uint8Array,
  offset = 0,
  size: number = layout.size,
): V {
  assertRoom(layout.name, source, offset, size);
  const read: OnRead = Object.create(prototypeOf(layout as StructLayout<unknown>));
  read.view = new DataView(source.buffer, source.byteOffset, source.byteLength);
  read.offset = offset;
  read.size = size;
  return read as unknown as V;
}
