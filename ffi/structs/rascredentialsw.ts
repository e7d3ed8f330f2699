/**
 * RASCREDENTIALSW: declared field by field in ras.h order (see `../structs.ts`).
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
import { DNLEN, PWLEN, UNLEN } from "../limits.ts";

/** RASCREDENTIALSW's fields in ras.h order, each `[name, kind, WINVER that added it]`. */
export const RASCREDENTIALSW_FIELDS = [
  ["dwSize", u32, "0x0401"],
  ["dwMask", u32, "0x0401"],
  ["szUserName", wchar(UNLEN + 1), "0x0401"],
  ["szPassword", wchar(PWLEN + 1), "0x0401"],
  ["szDomain", wchar(DNLEN + 1), "0x0401"],
] as const satisfies readonly FieldDecl[];
/** RASCREDENTIALSW: saved user, password, domain or pre-shared key, selected by dwMask. */
export const RASCREDENTIALSW: StructLayout<StructValue<typeof RASCREDENTIALSW_FIELDS>> =
  defineStruct(
    "RASCREDENTIALSW",
    RASCREDENTIALSW_FIELDS,
  );
