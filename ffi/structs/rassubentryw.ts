/**
 * RASSUBENTRYW: declared field by field in ras.h order (see `../structs.ts`).
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
import { RAS_MaxDeviceName, RAS_MaxDeviceType, RAS_MaxPhoneNumber } from "../limits.ts";

/** RASSUBENTRYW's fields in ras.h order, each `[name, kind, WINVER that added it]`. */
export const RASSUBENTRYW_FIELDS = [
  ["dwSize", u32, "0x0401"],
  ["dwfFlags", u32, "0x0401"],
  ["szDeviceType", wchar(RAS_MaxDeviceType + 1), "0x0401"],
  ["szDeviceName", wchar(RAS_MaxDeviceName + 1), "0x0401"],
  ["szLocalPhoneNumber", wchar(RAS_MaxPhoneNumber + 1), "0x0401"],
  ["dwAlternateOffset", u32, "0x0401"],
] as const satisfies readonly FieldDecl[];
/**
 * RASSUBENTRYW: one multilink subentry (RasGet/SetSubEntryProperties); its alternate numbers
 * follow the struct at dwAlternateOffset, as RASENTRYW's do.
 */
export const RASSUBENTRYW: StructLayout<StructValue<typeof RASSUBENTRYW_FIELDS>> = defineStruct(
  "RASSUBENTRYW",
  RASSUBENTRYW_FIELDS,
);
