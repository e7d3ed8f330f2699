/**
 * RASDIALPARAMSW: declared field by field in ras.h order (see `../structs.ts`).
 *
 * @module
 */

import {
  defineStruct,
  type FieldDecl,
  type StructLayout,
  type StructValue,
  u32,
  wchar,
} from "../layout.ts";
import { pointer, usize } from "../layout_kinds.ts";
import {
  DNLEN,
  PWLEN,
  RAS_MaxCallbackNumber,
  RAS_MaxEntryName,
  RAS_MaxPhoneNumber,
  UNLEN,
} from "../limits.ts";

/** RASDIALPARAMSW's fields in ras.h order, each `[name, kind, WINVER that added it]`. */
export const RASDIALPARAMSW_FIELDS = [
  ["dwSize", u32],
  ["szEntryName", wchar(RAS_MaxEntryName + 1)],
  ["szPhoneNumber", wchar(RAS_MaxPhoneNumber + 1)],
  ["szCallbackNumber", wchar(RAS_MaxCallbackNumber + 1)],
  ["szUserName", wchar(UNLEN + 1)],
  ["szPassword", wchar(PWLEN + 1)],
  ["szDomain", wchar(DNLEN + 1)],
  ["dwSubEntry", u32, "0x0401"],
  ["dwCallbackId", usize, "0x0401"],
  ["dwIfIndex", u32, "0x0601"],
  ["szEncPassword", pointer, "0x0602"],
] as const satisfies readonly FieldDecl[];
/** RASDIALPARAMSW: what RasDial dials with (entry, user, password, domain). */
export const RASDIALPARAMSW: StructLayout<StructValue<typeof RASDIALPARAMSW_FIELDS>> = defineStruct(
  "RASDIALPARAMSW",
  RASDIALPARAMSW_FIELDS,
);
