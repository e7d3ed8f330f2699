/**
 * RAS_STATS: declared field by field in ras.h order (see `../structs.ts`).
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

/** RAS_STATS's fields in ras.h order, each `[name, kind, WINVER that added it]`. */
export const RAS_STATS_FIELDS = [
  ["dwSize", u32, "0x0500"],
  ["dwBytesXmited", u32, "0x0500"],
  ["dwBytesRcved", u32, "0x0500"],
  ["dwFramesXmited", u32, "0x0500"],
  ["dwFramesRcved", u32, "0x0500"],
  ["dwCrcErr", u32, "0x0500"],
  ["dwTimeoutErr", u32, "0x0500"],
  ["dwAlignmentErr", u32, "0x0500"],
  ["dwHardwareOverrunErr", u32, "0x0500"],
  ["dwFramingErr", u32, "0x0500"],
  ["dwBufferOverrunErr", u32, "0x0500"],
  ["dwCompressionRatioIn", u32, "0x0500"],
  ["dwCompressionRatioOut", u32, "0x0500"],
  ["dwBps", u32, "0x0500"],
  ["dwConnectDuration", u32, "0x0500"],
] as const satisfies readonly FieldDecl[];
/** RAS_STATS: a connection's counters. */
export const RAS_STATS: StructLayout<StructValue<typeof RAS_STATS_FIELDS>> = defineStruct(
  "RAS_STATS",
  RAS_STATS_FIELDS,
);
