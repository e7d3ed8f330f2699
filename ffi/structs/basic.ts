/**
 * GUID, LUID, RASIPADDR, RASIPV4ADDR, RASIPV6ADDR, and the address codecs built on them
 * (ipv4Text, ipv6Text, ipaddr, ipv4addr): the small structs the others embed (see
 * `../structs.ts`).
 *
 * @module
 */

import {
  defineStruct,
  type FieldDecl,
  type FieldType,
  i32,
  type StructLayout,
  type StructValue,
  u16,
  u32,
  u8,
} from "../layout.ts";
import { bytes, union, viewAs, words } from "../layout_kinds.ts";
import { formatIPv4, formatIPv6, parseIPv4, parseIPv6 } from "../ip.ts";

/** GUID's fields in ras.h order, each `[name, kind, WINVER that added it]`. */
export const GUID_FIELDS = [
  ["Data1", u32],
  ["Data2", u16],
  ["Data3", u16],
  ["Data4", bytes(8)],
] as const satisfies readonly FieldDecl[];
/** GUID: Data1, Data2, Data3, Data4[8]. */
export const GUID: StructLayout<StructValue<typeof GUID_FIELDS>> = defineStruct(
  "GUID",
  GUID_FIELDS,
);

/** LUID's fields in ras.h order, each `[name, kind, WINVER that added it]`. */
export const LUID_FIELDS = [
  ["LowPart", u32],
  ["HighPart", i32],
] as const satisfies readonly FieldDecl[];
/** LUID: a locally unique 64-bit identifier. */
export const LUID: StructLayout<StructValue<typeof LUID_FIELDS>> = defineStruct(
  "LUID",
  LUID_FIELDS,
);

/** RASIPADDR's fields in ras.h order, each `[name, kind, WINVER that added it]`. */
export const RASIPADDR_FIELDS = [
  ["a", u8],
  ["b", u8],
  ["c", u8],
  ["d", u8],
] as const satisfies readonly FieldDecl[];
/** RASIPADDR: four address bytes a.b.c.d (byte-aligned). */
export const RASIPADDR: StructLayout<StructValue<typeof RASIPADDR_FIELDS>> = defineStruct(
  "RASIPADDR",
  RASIPADDR_FIELDS,
);

/** RASIPV4ADDR's fields in ras.h order, each `[name, kind, WINVER that added it]`. */
export const RASIPV4ADDR_FIELDS = [
  ["S_un", union({ S_un_b: bytes(4), S_un_w: words(2), S_addr: u32 }), "0x0600"],
] as const satisfies readonly FieldDecl[];
/** RASIPV4ADDR (= in_addr). */
export const RASIPV4ADDR: StructLayout<StructValue<typeof RASIPV4ADDR_FIELDS>> = defineStruct(
  "RASIPV4ADDR",
  RASIPV4ADDR_FIELDS,
);

/** RASIPV6ADDR's fields in ras.h order, each `[name, kind, WINVER that added it]`. */
export const RASIPV6ADDR_FIELDS = [
  ["u", union({ Byte: bytes(16), Word: words(8) }), "0x0600"],
] as const satisfies readonly FieldDecl[];
/** RASIPV6ADDR (= in6_addr). */
export const RASIPV6ADDR: StructLayout<StructValue<typeof RASIPV6ADDR_FIELDS>> = defineStruct(
  "RASIPV6ADDR",
  RASIPV6ADDR_FIELDS,
);

/** An IPv4 address struct read and written as dotted text (`0.0.0.0` when unset). */
export function ipv4Text(layout: { name: string; size: number; align: number }): FieldType<string> {
  return viewAs(layout, {
    zero: () => "0.0.0.0",
    read: (view, offset) => formatIPv4(new Uint8Array(view.buffer, view.byteOffset + offset, 4)),
    write(view, offset, value, field) {
      new Uint8Array(view.buffer, view.byteOffset + offset, 4).set(parseIPv4(value, field));
    },
  });
}

/** An IPv6 address struct read and written as text (`::` when unset). */
export const ipv6Text: FieldType<string> = viewAs(RASIPV6ADDR, {
  zero: () => "::",
  read: (view, offset) => formatIPv6(new Uint8Array(view.buffer, view.byteOffset + offset, 16)),
  write(view, offset, value, field) {
    new Uint8Array(view.buffer, view.byteOffset + offset, 16).set(parseIPv6(value, field));
  },
});

/** RASIPADDR as dotted IPv4 text (RASENTRYW's addresses). */
export const ipaddr: FieldType<string> = ipv4Text(RASIPADDR);
/** RASIPV4ADDR as dotted IPv4 text (the projection structs' addresses). */
export const ipv4addr: FieldType<string> = ipv4Text(RASIPV4ADDR);
