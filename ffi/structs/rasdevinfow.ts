/**
 * RASDEVINFOW: declared field by field in ras.h order (see `../structs.ts`).
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
import { RAS_MaxDeviceName, RAS_MaxDeviceType } from "../limits.ts";

/** RASDEVINFOW's fields in ras.h order, each `[name, kind, WINVER that added it]`. */
export const RASDEVINFOW_FIELDS = [
  ["dwSize", u32],
  ["szDeviceType", wchar(RAS_MaxDeviceType + 1)],
  ["szDeviceName", wchar(RAS_MaxDeviceName + 1)],
] as const satisfies readonly FieldDecl[];
/** RASDEVINFOW: one RAS-capable device. */
export const RASDEVINFOW: StructLayout<StructValue<typeof RASDEVINFOW_FIELDS>> = defineStruct(
  "RASDEVINFOW",
  RASDEVINFOW_FIELDS,
);
