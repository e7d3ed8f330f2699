/**
 * RASTUNNELENDPOINT, RASCONNSTATUSW: declared field by field in ras.h order (see `../structs.ts`).
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
  wchar,
} from "../layout.ts";
import { union } from "../layout_kinds.ts";
import { ipv4addr, ipv6Text } from "./basic.ts";
import { RAS_MaxDeviceName, RAS_MaxDeviceType, RAS_MaxPhoneNumber } from "../limits.ts";

/** RASTUNNELENDPOINT's fields in ras.h order, each `[name, kind, WINVER that added it]`. */
export const RASTUNNELENDPOINT_FIELDS = [
  ["dwType", u32, "0x0601"],
  ["Anonymous", union({ ipv4: ipv4addr, ipv6: ipv6Text }), "0x0601"],
] as const satisfies readonly FieldDecl[];
/** RASTUNNELENDPOINT: a tunnel end's address, IPv4 or IPv6 by dwType. */
export const RASTUNNELENDPOINT: StructLayout<StructValue<typeof RASTUNNELENDPOINT_FIELDS>> =
  defineStruct(
    "RASTUNNELENDPOINT",
    RASTUNNELENDPOINT_FIELDS,
  );

/** RASCONNSTATUSW's fields in ras.h order, each `[name, kind, WINVER that added it]`. */
export const RASCONNSTATUSW_FIELDS = [
  ["dwSize", u32],
  ["rasconnstate", i32],
  ["dwError", u32],
  ["szDeviceType", wchar(RAS_MaxDeviceType + 1)],
  ["szDeviceName", wchar(RAS_MaxDeviceName + 1)],
  ["szPhoneNumber", wchar(RAS_MaxPhoneNumber + 1), "0x0401"],
  ["localEndPoint", struct(RASTUNNELENDPOINT), "0x0601"],
  ["remoteEndPoint", struct(RASTUNNELENDPOINT), "0x0601"],
  ["rasconnsubstate", i32, "0x0601"],
] as const satisfies readonly FieldDecl[];
/** RASCONNSTATUSW: a connection's state, error, device and (Windows 7+) tunnel endpoints. */
export const RASCONNSTATUSW: StructLayout<StructValue<typeof RASCONNSTATUSW_FIELDS>> = defineStruct(
  "RASCONNSTATUSW",
  RASCONNSTATUSW_FIELDS,
);
