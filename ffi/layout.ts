/**
 * Field kinds and the struct codec. Structs are declared as ordered field lists; offsets are
 * computed here the way a C compiler does under `#pragma pack(4)` (ras.h wraps every struct in
 * pshpack4.h): each field is aligned to min(its natural alignment, 4). No offset is written by
 * hand anywhere, and tests pin every computed offset to the Windows SDK's.
 *
 * @module
 */

import { readWchars, writeWchars } from "./wstr.ts";

/** The WINVER levels at which ras.h adds fields, oldest first. */
export const WINVER_LEVELS = [
  "0x0400",
  "0x0401",
  "0x0500",
  "0x0501",
  "0x0600",
  "0x0601",
  "0x0602",
  "0x0603",
  "0x0A00",
] as const;

/** A WINVER level such as `"0x0601"` (Windows 7). */
export type Winver = typeof WINVER_LEVELS[number];

/** The largest alignment any member gets inside a RAS struct (pshpack4.h). */
const PACK = 4;

/** How one kind of field sits in memory and maps to a JS value. */
export interface FieldType<T> {
  /** A short name such as `u32` or `wchar[257]`, matching the ABI facts' type tags. */
  readonly kind: string;
  /** Size in bytes. */
  readonly size: number;
  /** Natural alignment in bytes, before packing caps it. */
  readonly align: number;
  /** The value of all-zero memory. */
  zero(): T;
  /** Reads the value at `offset`. */
  read(view: DataView, offset: number): T;
  /** Writes `value` at `offset`; `field` names it in errors. */
  write(view: DataView, offset: number, value: T, field: string): void;
}

function integer(
  kind: string,
  size: 1 | 2 | 4,
  min: number,
  max: number,
): FieldType<number> {
  return {
    kind,
    size,
    align: size,
    zero: () => 0,
    read(view, offset) {
      if (size === 1) return view.getUint8(offset);
      if (size === 2) return view.getUint16(offset, true);
      return min < 0 ? view.getInt32(offset, true) : view.getUint32(offset, true);
    },
    write(view, offset, value, field) {
      if (!Number.isInteger(value) || value < min || value > max) {
        throw new RangeError(`${field} must be an integer from ${min} to ${max}, got ${value}`);
      }
      if (size === 1) view.setUint8(offset, value);
      else if (size === 2) view.setUint16(offset, value, true);
      else if (min < 0) view.setInt32(offset, value, true);
      else view.setUint32(offset, value, true);
    },
  };
}

/** BYTE / UCHAR. */
export const u8: FieldType<number> = integer("u8", 1, 0, 0xff);
/** WORD / USHORT. */
export const u16: FieldType<number> = integer("u16", 2, 0, 0xffff);
/** DWORD / UINT / ULONG. */
export const u32: FieldType<number> = integer("u32", 4, 0, 0xffffffff);
/** BOOL / LONG / C enums. */
export const i32: FieldType<number> = integer("i32", 4, -0x80000000, 0x7fffffff);

/**
 * An inline `WCHAR[count]` string.
 *
 * @param count Length in WCHARs including the terminating NUL.
 * @returns The field kind.
 * @example
 * ```ts
 * const szEntryName = wchar(257);
 * ```
 */
export function wchar(count: number): FieldType<string> {
  return {
    kind: `wchar[${count}]`,
    size: count * 2,
    align: 2,
    zero: () => "",
    read: (view, offset) => readWchars(view, offset, count),
    write: (view, offset, value, field) => writeWchars(view, offset, count, value, field),
  };
}

/** Any struct layout, as far as nesting needs to know it. */
export interface NestedLayout<V> {
  /** The ras.h name, e.g. `RASTUNNELENDPOINT`; field kinds are tagged `struct:<name>`. */
  readonly name: string;
  /** Size in bytes of the struct as it is embedded (its newest version). */
  readonly size: number;
  /** Alignment in bytes, already capped by pack(4). */
  readonly align: number;
  /** Reads the struct found at `offset`. */
  decodeFrom(view: DataView, offset: number): V;
  /** Writes `values` into the struct at `offset`; `path` names it in errors. */
  encodeInto(view: DataView, offset: number, values: Partial<V>, path: string): void;
}

/**
 * A nested struct field.
 *
 * @param layout The nested struct's layout.
 * @returns The field kind; values are the nested struct's objects.
 * @example
 * ```ts ignore
 * const localEndPoint = struct(RASTUNNELENDPOINT);
 * ```
 */
export function struct<V>(layout: NestedLayout<V>): FieldType<V> {
  return {
    kind: `struct:${layout.name}`,
    size: layout.size,
    align: layout.align,
    zero: () => layout.decodeFrom(new DataView(new ArrayBuffer(layout.size)), 0),
    read: (view, offset) => layout.decodeFrom(view, offset),
    write: (view, offset, value, field) => layout.encodeInto(view, offset, value, field),
  };
}

/** One declared field: name, kind, and the WINVER level that added it (default 0x0400). */
export type FieldDecl = readonly [name: string, type: FieldType<unknown>, since?: Winver];

/** The JS object a struct declaration decodes to. */
export type StructValue<F extends readonly FieldDecl[]> = {
  -readonly [D in F[number] as D[0]]: D[1] extends FieldType<infer T> ? T : never;
};

/** A field with its computed placement. */
export interface FieldInfo {
  /** The field's ras.h name, e.g. `dwSize`. */
  readonly name: string;
  /** The field's kind: its size, alignment and codec. */
  readonly type: FieldType<unknown>;
  /** Byte offset from the start of the struct. */
  readonly offset: number;
  /** The WINVER level that added the field (`0x0400` for the original members). */
  readonly since: Winver;
}

/** Options for {@link StructLayout.encode}. */
export interface EncodeOptions {
  /** The dwSize version to write (default: the newest). Fields past it are left out. */
  size?: number;
  /** Zeroed memory of at least `size` bytes to encode into, instead of a new buffer. */
  into?: Uint8Array<ArrayBuffer>;
}

function alignUp(n: number, align: number): number {
  return Math.ceil(n / align) * align;
}

/**
 * A struct's computed layout and its codec.
 *
 * @example
 * ```ts
 * const LUID_ = defineStruct("LUID", [["LowPart", u32], ["HighPart", i32]] as const);
 * const data = LUID_.encode({ LowPart: 1, HighPart: -1 });
 * LUID_.decode(data); // { LowPart: 1, HighPart: -1 }
 * LUID_.field("HighPart").offset; // 4
 * ```
 */
export class StructLayout<V> implements NestedLayout<V> {
  /** The ras.h name, e.g. `RASCONNW`. */
  readonly name: string;
  /** Fields in declaration order with computed offsets. */
  readonly fields: readonly FieldInfo[];
  /** Size in bytes of the newest version. */
  readonly size: number;
  /** Alignment under pack(4). */
  readonly align: number;
  /** Size per WINVER level at which the struct exists (the `dwSize` a caller of that era sets). */
  readonly sizes: Readonly<Partial<Record<Winver, number>>>;
  #byName: Map<string, FieldInfo>;

  /**
   * Computes the layout: offsets under pack(4), the size, and the dwSize per WINVER level.
   * Prefer {@link defineStruct}, which also types the decoded value.
   *
   * @param name The ras.h name.
   * @param decls `[name, kind, since]` per field, in ras.h order.
   * @example
   * ```ts
   * const LUID_ = new StructLayout("LUID", [["LowPart", u32], ["HighPart", i32]]);
   * LUID_.size; // 8
   * ```
   */
  constructor(name: string, decls: readonly FieldDecl[]) {
    this.name = name;
    let offset = 0;
    let align = 1;
    const fields: FieldInfo[] = [];
    for (const [fieldName, type, since = "0x0400"] of decls) {
      const fieldAlign = Math.min(type.align, PACK);
      offset = alignUp(offset, fieldAlign);
      fields.push({ name: fieldName, type, offset, since });
      offset += type.size;
      align = Math.max(align, fieldAlign);
    }
    this.fields = fields;
    this.align = align;
    this.size = alignUp(offset, align);
    this.#byName = new Map(fields.map((f) => [f.name, f]));
    // A version's size ends after the last field that version has (fields only ever grow
    // at the end, so the ends per level never shrink).
    const ends: number[] = WINVER_LEVELS.map(() => 0);
    let first: number = WINVER_LEVELS.length;
    for (const f of fields) {
      const rank = WINVER_LEVELS.indexOf(f.since);
      first = Math.min(first, rank);
      for (let level = rank; level < ends.length; level++) ends[level] = f.offset + f.type.size;
    }
    const sizes: Partial<Record<Winver, number>> = {};
    for (let level = first; level < ends.length; level++) {
      const name = WINVER_LEVELS[level] as Winver;
      sizes[name] = alignUp(ends[level]!, align);
    }
    this.sizes = sizes;
  }

  /** The distinct dwSize values, newest (largest) first. */
  get dwSizes(): number[] {
    return [...new Set(Object.values(this.sizes))].sort((a, b) => b - a);
  }

  /**
   * The placement of one field.
   *
   * @param name The field's ras.h name.
   * @returns Its offset, kind and WINVER level.
   * @throws {RangeError} When the struct has no such field.
   */
  field(name: string): FieldInfo {
    const info = this.#byName.get(name);
    if (!info) throw new RangeError(`${this.name} has no field ${name}`);
    return info;
  }

  /**
   * Encodes into a new zeroed buffer of `options.size` bytes (default: the newest size), or
   * into the zeroed memory `options.into`. `dwSize` is set to that size unless given. Fields
   * beyond the size do not exist in that version and are left out.
   *
   * @param values The fields to set; the rest stay zero.
   * @param options The dwSize version, and the memory to use.
   * @returns The struct's bytes: the first `size` bytes of `into` when given.
   * @throws {RangeError} When a value does not fit its field, or `into` is shorter than `size`.
   */
  encode(values: Partial<V>, options: EncodeOptions = {}): Uint8Array<ArrayBuffer> {
    const size = options.size ?? this.size;
    const into = options.into;
    if (into) assertRoom(this.name, into, 0, size);
    const buffer = into ? into.subarray(0, size) : new Uint8Array(size);
    this.encodeInto(
      new DataView(buffer.buffer, buffer.byteOffset, size),
      0,
      values,
      this.name,
      size,
    );
    return buffer;
  }

  /**
   * Encodes into existing memory (an element of an array, a nested struct).
   *
   * @param view The memory.
   * @param offset Where the struct starts.
   * @param values The fields to set.
   * @param path The name used in error messages.
   * @param size The dwSize version (default: the newest).
   * @throws {RangeError} When a value does not fit its field, or a field name is unknown.
   */
  encodeInto(
    view: DataView,
    offset: number,
    values: Partial<V>,
    path: string = this.name,
    size: number = this.size,
  ): void {
    for (const key of Object.keys(values)) {
      if (!this.#byName.has(key)) throw new RangeError(`${this.name} has no field ${key}`);
    }
    const record = values as Record<string, unknown>;
    for (const f of this.fields) {
      if (f.offset + f.type.size > size) break;
      let value = record[f.name];
      if (value === undefined && f.name === "dwSize") value = size;
      if (value === undefined) continue;
      f.type.write(view, offset + f.offset, value, `${path}.${f.name}`);
    }
  }

  /**
   * Decodes the struct from bytes. Fields beyond `size` (an older dwSize version) read as zero.
   *
   * @param source The memory.
   * @param offset Where the struct starts.
   * @param size The dwSize version present (default: the newest).
   * @returns An object with every field, by its ras.h name.
   * @throws {RangeError} When the memory is shorter than `size`.
   */
  decode(source: Uint8Array, offset = 0, size: number = this.size): V {
    assertRoom(this.name, source, offset, size);
    const view = new DataView(source.buffer, source.byteOffset, source.byteLength);
    return this.#decode(view, offset, size);
  }

  /**
   * Decodes a nested occurrence (used by {@link struct}).
   *
   * @param view The memory.
   * @param offset Where the struct starts.
   * @returns The decoded object.
   */
  decodeFrom(view: DataView, offset: number): V {
    return this.#decode(view, offset, this.size);
  }

  #decode(view: DataView, offset: number, size: number): V {
    const out: Record<string, unknown> = {};
    for (const f of this.fields) out[f.name] = readField(f, view, offset, size);
    return out as V;
  }
}

/**
 * Throws unless `source` holds `size` bytes from `offset`: the room a struct's `size` version
 * needs there.
 *
 * @param name The struct's name, for the message.
 * @param source The memory.
 * @param offset Where the struct starts.
 * @param size The dwSize version.
 * @throws {RangeError} When the memory is shorter.
 * @example
 * ```ts
 * assertRoom("LUID", new Uint8Array(8), 0, 8); // fits: no error
 * ```
 */
export function assertRoom(name: string, source: Uint8Array, offset: number, size: number): void {
  if (source.byteLength < offset + size) {
    throw new RangeError(
      `${name} needs ${size} bytes, the buffer has ${source.byteLength - offset}`,
    );
  }
}

/**
 * A field of the struct at `offset`, or its zero when the `size` version ends before it.
 *
 * @param f The field.
 * @param view The memory.
 * @param offset Where the struct starts.
 * @param size The dwSize version present.
 * @returns The field's value.
 * @example
 * ```ts
 * const LUID_ = defineStruct("LUID", [["LowPart", u32], ["HighPart", i32]] as const);
 * readField(LUID_.field("HighPart"), new DataView(LUID_.encode({ HighPart: 7 }).buffer), 0, 8); // 7
 * ```
 */
export function readField(f: FieldInfo, view: DataView, offset: number, size: number): unknown {
  return f.offset + f.type.size <= size ? f.type.read(view, offset + f.offset) : f.type.zero();
}

/**
 * Declares a struct from its fields in ras.h order.
 *
 * @param name The ras.h name.
 * @param decls `[name, kind, since]` per field.
 * @returns The layout, typed by the declaration.
 * @example
 * ```ts
 * const LUID_ = defineStruct("LUID", [["LowPart", u32], ["HighPart", i32]] as const);
 * LUID_.size; // 8
 * ```
 */
export function defineStruct<const F extends readonly FieldDecl[]>(
  name: string,
  decls: F,
): StructLayout<StructValue<F>> {
  return new StructLayout<StructValue<F>>(name, decls);
}
