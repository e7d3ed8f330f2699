/**
 * RASDIALEXTENSIONS: declared field by field in ras.h order (see `../structs.ts`).
 *
 * @module
 */

import {
  defineStruct,
  type FieldDecl,
  i32,
  struct,
  type StructLayout,
  type StructValue,
  u32,
} from "../layout.ts";
import { pointer, usize } from "../layout_kinds.ts";
import { RASEAPINFO } from "./raseapinfo.ts";
import { RASDEVSPECIFICINFO } from "./rasdevspecificinfo.ts";

/** RASDIALEXTENSIONS's fields in ras.h order, each `[name, kind, WINVER that added it]`. */
export const RASDIALEXTENSIONS_FIELDS = [
  ["dwSize", u32],
  ["dwfOptions", u32],
  ["hwndParent", pointer],
  ["reserved", usize],
  ["reserved1", usize, "0x0500"],
  ["RasEapInfo", struct(RASEAPINFO), "0x0500"],
  ["fSkipPppAuth", i32, "0x0601"],
  ["RasDevSpecificInfo", struct(RASDEVSPECIFICINFO), "0x0601"],
] as const satisfies readonly FieldDecl[];
/** RASDIALEXTENSIONS: RasDial's optional extensions. */
export const RASDIALEXTENSIONS: StructLayout<StructValue<typeof RASDIALEXTENSIONS_FIELDS>> =
  defineStruct(
    "RASDIALEXTENSIONS",
    RASDIALEXTENSIONS_FIELDS,
  );
