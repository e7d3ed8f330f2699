/**
 * RASENTRYNAMEW: declared field by field in ras.h order (see `../structs.ts`).
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
import { MAX_PATH, RAS_MaxEntryName } from "../limits.ts";

/** RASENTRYNAMEW's fields in ras.h order, each `[name, kind, WINVER that added it]`. */
export const RASENTRYNAMEW_FIELDS = [
  ["dwSize", u32],
  ["szEntryName", wchar(RAS_MaxEntryName + 1)],
  ["dwFlags", u32, "0x0500"],
  ["szPhonebookPath", wchar(MAX_PATH + 1), "0x0500"],
] as const satisfies readonly FieldDecl[];
/** RASENTRYNAMEW: one entry as RasEnumEntries lists it. */
export const RASENTRYNAMEW: StructLayout<StructValue<typeof RASENTRYNAMEW_FIELDS>> = defineStruct(
  "RASENTRYNAMEW",
  RASENTRYNAMEW_FIELDS,
);

/** REN_AllUsers in RASENTRYNAMEW.dwFlags: the entry lives in the all-users phone book. */
export const REN_ALL_USERS = 1;
