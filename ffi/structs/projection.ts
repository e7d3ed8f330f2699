/**
 * RASPPP_PROJECTION_INFO, RASIKEV2_PROJECTION_INFO, RAS_PROJECTION_INFO: declared field by
 * field in ras.h order (see `../structs.ts`).
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
import { bytes, pointer, union } from "../layout_kinds.ts";
import { ipv4addr, ipv6Text } from "./basic.ts";

/** RASPPP_PROJECTION_INFO's fields in ras.h order, each `[name, kind, WINVER that added it]`. */
export const RASPPP_PROJECTION_INFO_FIELDS = [
  ["dwIPv4NegotiationError", u32, "0x0601"],
  ["ipv4Address", ipv4addr, "0x0601"],
  ["ipv4ServerAddress", ipv4addr, "0x0601"],
  ["dwIPv4Options", u32, "0x0601"],
  ["dwIPv4ServerOptions", u32, "0x0601"],
  ["dwIPv6NegotiationError", u32, "0x0601"],
  ["bInterfaceIdentifier", bytes(8), "0x0601"],
  ["bServerInterfaceIdentifier", bytes(8), "0x0601"],
  ["fBundled", i32, "0x0601"],
  ["fMultilink", i32, "0x0601"],
  ["dwAuthenticationProtocol", u32, "0x0601"],
  ["dwAuthenticationData", u32, "0x0601"],
  ["dwServerAuthenticationProtocol", u32, "0x0601"],
  ["dwServerAuthenticationData", u32, "0x0601"],
  ["dwEapTypeId", u32, "0x0601"],
  ["dwServerEapTypeId", u32, "0x0601"],
  ["dwLcpOptions", u32, "0x0601"],
  ["dwLcpServerOptions", u32, "0x0601"],
  ["dwCcpError", u32, "0x0601"],
  ["dwCcpCompressionAlgorithm", u32, "0x0601"],
  ["dwCcpServerCompressionAlgorithm", u32, "0x0601"],
  ["dwCcpOptions", u32, "0x0601"],
  ["dwCcpServerOptions", u32, "0x0601"],
] as const satisfies readonly FieldDecl[];
/** RASPPP_PROJECTION_INFO: what PPP negotiated (dial-up, PPTP, L2TP, SSTP). */
export const RASPPP_PROJECTION_INFO: StructLayout<
  StructValue<typeof RASPPP_PROJECTION_INFO_FIELDS>
> = defineStruct(
  "RASPPP_PROJECTION_INFO",
  RASPPP_PROJECTION_INFO_FIELDS,
);

/** RASIKEV2_PROJECTION_INFO's fields in ras.h order, each `[name, kind, WINVER that added it]`. */
export const RASIKEV2_PROJECTION_INFO_FIELDS = [
  ["dwIPv4NegotiationError", u32, "0x0601"],
  ["ipv4Address", ipv4addr, "0x0601"],
  ["ipv4ServerAddress", ipv4addr, "0x0601"],
  ["dwIPv6NegotiationError", u32, "0x0601"],
  ["ipv6Address", ipv6Text, "0x0601"],
  ["ipv6ServerAddress", ipv6Text, "0x0601"],
  ["dwPrefixLength", u32, "0x0601"],
  ["dwAuthenticationProtocol", u32, "0x0601"],
  ["dwEapTypeId", u32, "0x0601"],
  ["dwFlags", u32, "0x0601"],
  ["dwEncryptionMethod", u32, "0x0601"],
  ["numIPv4ServerAddresses", u32, "0x0601"],
  ["ipv4ServerAddresses", pointer, "0x0601"],
  ["numIPv6ServerAddresses", u32, "0x0601"],
  ["ipv6ServerAddresses", pointer, "0x0601"],
] as const satisfies readonly FieldDecl[];
/** RASIKEV2_PROJECTION_INFO: what IKEv2 negotiated. */
export const RASIKEV2_PROJECTION_INFO: StructLayout<
  StructValue<typeof RASIKEV2_PROJECTION_INFO_FIELDS>
> = defineStruct(
  "RASIKEV2_PROJECTION_INFO",
  RASIKEV2_PROJECTION_INFO_FIELDS,
);

/** RAS_PROJECTION_INFO's fields in ras.h order, each `[name, kind, WINVER that added it]`. */
export const RAS_PROJECTION_INFO_FIELDS = [
  ["version", i32, "0x0601"],
  ["type", i32, "0x0601"],
  [
    "Anonymous",
    union({ ppp: struct(RASPPP_PROJECTION_INFO), ikev2: struct(RASIKEV2_PROJECTION_INFO) }),
    "0x0601",
  ],
] as const satisfies readonly FieldDecl[];
/** RAS_PROJECTION_INFO: RasGetProjectionInfoEx's result, PPP or IKEv2 by `type`. */
export const RAS_PROJECTION_INFO: StructLayout<StructValue<typeof RAS_PROJECTION_INFO_FIELDS>> =
  defineStruct(
    "RAS_PROJECTION_INFO",
    RAS_PROJECTION_INFO_FIELDS,
  );
