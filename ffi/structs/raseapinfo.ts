/**
 * RASEAPINFO: declared field by field in ras.h order (see `../structs.ts`).
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

/** RASEAPINFO's fields in ras.h order, each `[name, kind, WINVER that added it]`. */
export const RASEAPINFO_FIELDS = [
  ["dwSizeofEapInfo", u32, "0x0500"],
  ["pbEapInfo", pointer, "0x0500"],
] as const satisfies readonly FieldDecl[];
/** RASEAPINFO: EAP data handed to RasDial. */
export const RASEAPINFO: StructLayout<StructValue<typeof RASEAPINFO_FIELDS>> = defineStruct(
  "RASEAPINFO",
  RASEAPINFO_FIELDS,
);
