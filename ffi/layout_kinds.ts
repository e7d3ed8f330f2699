/**
 * The field kinds fewer structs need: 64-bit words and pointers, byte and word arrays, GUIDs,
 * LUIDs, unions, and views of a struct as a simpler value. Apart from ./layout.ts (the struct
 * codec, integers, WCHAR strings) so a struct made of those alone loads none of this.
 *
 * @module
 */

import { type FieldType, u16 } from "./layout.ts";

function word64(kind: string, signed: boolean): FieldType<bigint> {
  const min = signed ? -(1n << 63n) : 0n;
  const max = signed ? (1n << 63n) - 1n : (1n << 64n) - 1n;
  return {
    kind,
    size: 8,
    align: 8,
    zero: () => 0n,
    read: (view, offset) =>
      signed ? view.getBigInt64(offset, true) : view.getBigUint64(offset, true),
    write(view, offset, value, field) {
      if (typeof value !== "bigint" || value < min || value > max) {
        throw new RangeError(`${field} must be a 64-bit ${signed ? "signed" : "unsigned"} bigint`);
      }
      if (signed) view.setBigInt64(offset, value, true);
      else view.setBigUint64(offset, value, true);
    },
  };
}

/** ULONG_PTR: pointer-sized unsigned integer. */
export const usize: FieldType<bigint> = word64("usize", false);

/** A pointer or handle (HRASCONN, HWND, LPWSTR), as its address value. */
export const pointer: FieldType<bigint> = word64("pointer", false);

/**
 * An inline byte array (`BYTE[count]`).
 *
 * @param count Length in bytes.
 * @returns The field kind; values are Uint8Arrays of exactly `count` bytes.
 * @example
 * ```ts
 * const bInterfaceIdentifier = bytes(8);
 * ```
 */
export function bytes(count: number): FieldType<Uint8Array> {
  return {
    kind: `u8[${count}]`,
    size: count,
    align: 1,
    zero: () => new Uint8Array(count),
    read: (view, offset) =>
      new Uint8Array(view.buffer.slice(view.byteOffset + offset, view.byteOffset + offset + count)),
    write(view, offset, value, field) {
      if (!(value instanceof Uint8Array) || value.length !== count) {
        throw new RangeError(`${field} must be exactly ${count} bytes`);
      }
      new Uint8Array(view.buffer, view.byteOffset + offset, count).set(value);
    },
  };
}

/**
 * An inline `WORD[count]` array (the `u16[N]` members of address unions).
 *
 * @param count Number of 16-bit words.
 * @returns The field kind; values are arrays of numbers.
 * @example
 * ```ts
 * const Word = words(8);
 * ```
 */
export function words(count: number): FieldType<number[]> {
  return {
    kind: `u16[${count}]`,
    size: count * 2,
    align: 2,
    zero: () => new Array<number>(count).fill(0),
    read: (view, offset) =>
      Array.from({ length: count }, (_, i) => view.getUint16(offset + i * 2, true)),
    write(view, offset, value, field) {
      if (value.length !== count) throw new RangeError(`${field} must hold ${count} words`);
      value.forEach((w, i) => u16.write(view, offset + i * 2, w, `${field}[${i}]`));
    },
  };
}

const GUID_PATTERN =
  /^\{?([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})\}?$/i;

/** A GUID, as `{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}` (Data1-3 little-endian, Data4 bytes). */
export const guid: FieldType<string> = {
  kind: "guid",
  size: 16,
  align: 4,
  zero: () => "{00000000-0000-0000-0000-000000000000}",
  read(view, offset) {
    const hex = (n: number, width: number) => n.toString(16).toUpperCase().padStart(width, "0");
    const tail = Array.from({ length: 8 }, (_, i) => hex(view.getUint8(offset + 8 + i), 2));
    return `{${hex(view.getUint32(offset, true), 8)}-${hex(view.getUint16(offset + 4, true), 4)}-${
      hex(view.getUint16(offset + 6, true), 4)
    }-${tail.slice(0, 2).join("")}-${tail.slice(2).join("")}}`;
  },
  write(view, offset, value, field) {
    const m = GUID_PATTERN.exec(value);
    // Braces are optional, but only as a pair.
    if (!m || value.startsWith("{") !== value.endsWith("}")) {
      throw new RangeError(`${field} must be a GUID like {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}`);
    }
    const [, d1, d2, d3, d4a, d4b] = m as unknown as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    view.setUint32(offset, parseInt(d1, 16), true);
    view.setUint16(offset + 4, parseInt(d2, 16), true);
    view.setUint16(offset + 6, parseInt(d3, 16), true);
    const tail = d4a + d4b;
    for (let i = 0; i < 8; i++) {
      view.setUint8(offset + 8 + i, parseInt(tail.slice(i * 2, i * 2 + 2), 16));
    }
  },
};

/** A LUID (LowPart DWORD + HighPart LONG), as one signed 64-bit bigint. */
export const luid: FieldType<bigint> = { ...word64("luid", true), align: 4 };

/** A union's member kinds, by member name. */
export type UnionMembers = Record<string, FieldType<unknown>>;

/** A union's value: every member decoded on read; exactly one member given on write. */
export type UnionValue<M extends UnionMembers> = {
  [K in keyof M]?: M[K] extends FieldType<infer T> ? T : never;
};

/** A union field, whose members all start at the union's offset. */
export interface UnionType<M extends UnionMembers> extends FieldType<UnionValue<M>> {
  /** The member kinds, for layout checks. */
  readonly members: M;
}

/**
 * A union: size of the largest member, alignment of the most aligned.
 *
 * @param members Member kinds by name, in declaration order.
 * @returns The field kind.
 * @example
 * ```ts
 * import { u32 } from "./layout.ts";
 * const S_un = union({ S_un_b: bytes(4), S_addr: u32 });
 * ```
 */
export function union<M extends UnionMembers>(members: M): UnionType<M> {
  const entries = Object.entries(members);
  const size = Math.max(...entries.map(([, t]) => t.size));
  const align = Math.max(...entries.map(([, t]) => t.align));
  return {
    kind: "union",
    members,
    size,
    align,
    zero: () => readAll(new DataView(new ArrayBuffer(size)), 0),
    read: (view, offset) => readAll(view, offset),
    write(view, offset, value, field) {
      const given = Object.entries(value).filter(([, v]) => v !== undefined);
      if (given.length !== 1) {
        throw new RangeError(
          `${field} is a union: give exactly one of ${Object.keys(members).join(", ")}`,
        );
      }
      const [name, v] = given[0]!;
      const type = members[name];
      if (!type) throw new RangeError(`${field} has no member ${name}`);
      new Uint8Array(view.buffer, view.byteOffset + offset, size).fill(0);
      type.write(view, offset, v, `${field}.${name}`);
    },
  };
  function readAll(view: DataView, offset: number): UnionValue<M> {
    return Object.fromEntries(entries.map(([n, t]) => [n, t.read(view, offset)])) as UnionValue<M>;
  }
}

/**
 * A field whose memory is the given struct but whose value is a simpler form: an IPv4 address
 * as dotted text, a GUID as text. The struct's own declaration stays available for layout tests.
 *
 * @param layout The struct the field is declared as in ras.h.
 * @param codec How to read and write the value.
 * @returns The field kind.
 * @example
 * ```ts ignore
 * const ipaddr = viewAs(RASIPADDR, ipv4Text);
 * ```
 */
export function viewAs<T>(
  layout: { readonly name: string; readonly size: number; readonly align: number },
  codec: Pick<FieldType<T>, "zero" | "read" | "write">,
): FieldType<T> {
  return { kind: `struct:${layout.name}`, size: layout.size, align: layout.align, ...codec };
}
