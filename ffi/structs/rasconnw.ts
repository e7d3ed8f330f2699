/**
 * RASCONNW: declared field by field in ras.h order (see `../structs.ts`).
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
import { guid, luid, pointer } from "../layout_kinds.ts";
import { MAX_PATH, RAS_MaxDeviceName, RAS_MaxDeviceType, RAS_MaxEntryName } from "../limits.ts";

/** RASCONNW's fields in ras.h order, each `[name, kind, WINVER that added it]`. */
export const RASCONNW_FIELDS = [
  ["dwSize", u32],
  ["hrasconn", pointer],
  ["szEntryName", wchar(RAS_MaxEntryName + 1)],
  ["szDeviceType", wchar(RAS_MaxDeviceType + 1)],
  ["szDeviceName", wchar(RAS_MaxDeviceName + 1)],
  ["szPhonebook", wchar(MAX_PATH), "0x0401"],
  ["dwSubEntry", u32, "0x0401"],
  ["guidEntry", guid, "0x0500"],
  ["dwFlags", u32, "0x0501"],
  ["luid", luid, "0x0501"],
  ["guidCorrelationId", guid, "0x0600"],
] as const satisfies readonly FieldDecl[];
/** RASCONNW: one active connection, as RasEnumConnections lists it. */
export const RASCONNW: StructLayout<StructValue<typeof RASCONNW_FIELDS>> = defineStruct(
  "RASCONNW",
  RASCONNW_FIELDS,
);
