/**
 * RASDEVSPECIFICINFO: declared field by field in ras.h order (see `../structs.ts`).
 *
 * @module
 */

import {
  defineStruct,
  type FieldDecl,
  type StructLayout,
  type StructValue,
  u32,
} from "../layout.ts";
import { pointer } from "../layout_kinds.ts";

/** RASDEVSPECIFICINFO's fields in ras.h order, each `[name, kind, WINVER that added it]`. */
export const RASDEVSPECIFICINFO_FIELDS = [
  ["dwSize", u32, "0x0601"],
  ["pbDevSpecificInfo", pointer, "0x0601"],
] as const satisfies readonly FieldDecl[];
/** RASDEVSPECIFICINFO: device-specific data handed to RasDial (Windows 7+). */
export const RASDEVSPECIFICINFO: StructLayout<StructValue<typeof RASDEVSPECIFICINFO_FIELDS>> =
  defineStruct(
    "RASDEVSPECIFICINFO",
    RASDEVSPECIFICINFO_FIELDS,
  );
