/**
 * Every RAS struct rasctl passes to or receives from rasapi32, declared field by field in
 * ras.h order with the WINVER level that added each field. Offsets, sizes and the dwSize of
 * each Windows version are computed by {@link defineStruct}; tests pin them to the SDK facts
 * in `../shared/abi/rasapi32.x64.json`.
 *
 * @module
 */

import {
  bytes,
  defineStruct,
  type FieldDecl,
  type FieldType,
  guid,
  i32,
  luid,
  pointer,
  struct,
  type StructLayout,
  type StructValue,
  u16,
  u32,
  u8,
  union,
  usize,
  viewAs,
  wchar,
  words,
} from "./layout.ts";
import { formatIPv4, formatIPv6, parseIPv4, parseIPv6 } from "./ip.ts";

import {
  DNLEN,
  MAX_PATH,
  PWLEN,
  RAS_MaxAreaCode,
  RAS_MaxCallbackNumber,
  RAS_MaxDeviceName,
  RAS_MaxDeviceType,
  RAS_MaxDnsSuffix,
  RAS_MaxEntryName,
  RAS_MaxFacilities,
  RAS_MaxIDSize,
  RAS_MaxPadType,
  RAS_MaxPhoneNumber,
  RAS_MaxUserData,
  RAS_MaxX25Address,
  UNLEN,
} from "./limits.ts";

/** GUID's fields in ras.h order, each `[name, kind, WINVER that added it]`. */
export const GUID_FIELDS = [
  ["Data1", u32],
  ["Data2", u16],
  ["Data3", u16],
  ["Data4", bytes(8)],
] as const satisfies readonly FieldDecl[];
/** GUID: Data1, Data2, Data3, Data4[8]. */
export const GUID: StructLayout<StructValue<typeof GUID_FIELDS>> = defineStruct(
  "GUID",
  GUID_FIELDS,
);

/** LUID's fields in ras.h order, each `[name, kind, WINVER that added it]`. */
export const LUID_FIELDS = [
  ["LowPart", u32],
  ["HighPart", i32],
] as const satisfies readonly FieldDecl[];
/** LUID: a locally unique 64-bit identifier. */
export const LUID: StructLayout<StructValue<typeof LUID_FIELDS>> = defineStruct(
  "LUID",
  LUID_FIELDS,
);

/** RASIPADDR's fields in ras.h order, each `[name, kind, WINVER that added it]`. */
export const RASIPADDR_FIELDS = [
  ["a", u8],
  ["b", u8],
  ["c", u8],
  ["d", u8],
] as const satisfies readonly FieldDecl[];
/** RASIPADDR: four address bytes a.b.c.d (byte-aligned). */
export const RASIPADDR: StructLayout<StructValue<typeof RASIPADDR_FIELDS>> = defineStruct(
  "RASIPADDR",
  RASIPADDR_FIELDS,
);

/** RASIPV4ADDR's fields in ras.h order, each `[name, kind, WINVER that added it]`. */
export const RASIPV4ADDR_FIELDS = [
  ["S_un", union({ S_un_b: bytes(4), S_un_w: words(2), S_addr: u32 }), "0x0600"],
] as const satisfies readonly FieldDecl[];
/** RASIPV4ADDR (= in_addr). */
export const RASIPV4ADDR: StructLayout<StructValue<typeof RASIPV4ADDR_FIELDS>> = defineStruct(
  "RASIPV4ADDR",
  RASIPV4ADDR_FIELDS,
);

/** RASIPV6ADDR's fields in ras.h order, each `[name, kind, WINVER that added it]`. */
export const RASIPV6ADDR_FIELDS = [
  ["u", union({ Byte: bytes(16), Word: words(8) }), "0x0600"],
] as const satisfies readonly FieldDecl[];
/** RASIPV6ADDR (= in6_addr). */
export const RASIPV6ADDR: StructLayout<StructValue<typeof RASIPV6ADDR_FIELDS>> = defineStruct(
  "RASIPV6ADDR",
  RASIPV6ADDR_FIELDS,
);

/** An IPv4 address struct read and written as dotted text (`0.0.0.0` when unset). */
function ipv4Text(layout: { name: string; size: number; align: number }): FieldType<string> {
  return viewAs(layout, {
    zero: () => "0.0.0.0",
    read: (view, offset) => formatIPv4(new Uint8Array(view.buffer, view.byteOffset + offset, 4)),
    write(view, offset, value, field) {
      new Uint8Array(view.buffer, view.byteOffset + offset, 4).set(parseIPv4(value, field));
    },
  });
}

/** An IPv6 address struct read and written as text (`::` when unset). */
const ipv6Text: FieldType<string> = viewAs(RASIPV6ADDR, {
  zero: () => "::",
  read: (view, offset) => formatIPv6(new Uint8Array(view.buffer, view.byteOffset + offset, 16)),
  write(view, offset, value, field) {
    new Uint8Array(view.buffer, view.byteOffset + offset, 16).set(parseIPv6(value, field));
  },
});

const ipaddr = ipv4Text(RASIPADDR);
const ipv4addr = ipv4Text(RASIPV4ADDR);

/** RASENTRYW's fields in ras.h order, each `[name, kind, WINVER that added it]`. */
export const RASENTRYW_FIELDS = [
  ["dwSize", u32],
  ["dwfOptions", u32],
  ["dwCountryID", u32],
  ["dwCountryCode", u32],
  ["szAreaCode", wchar(RAS_MaxAreaCode + 1)],
  ["szLocalPhoneNumber", wchar(RAS_MaxPhoneNumber + 1)],
  ["dwAlternateOffset", u32],
  ["ipaddr", ipaddr],
  ["ipaddrDns", ipaddr],
  ["ipaddrDnsAlt", ipaddr],
  ["ipaddrWins", ipaddr],
  ["ipaddrWinsAlt", ipaddr],
  ["dwFrameSize", u32],
  ["dwfNetProtocols", u32],
  ["dwFramingProtocol", u32],
  ["szScript", wchar(MAX_PATH)],
  ["szAutodialDll", wchar(MAX_PATH)],
  ["szAutodialFunc", wchar(MAX_PATH)],
  ["szDeviceType", wchar(RAS_MaxDeviceType + 1)],
  ["szDeviceName", wchar(RAS_MaxDeviceName + 1)],
  ["szX25PadType", wchar(RAS_MaxPadType + 1)],
  ["szX25Address", wchar(RAS_MaxX25Address + 1)],
  ["szX25Facilities", wchar(RAS_MaxFacilities + 1)],
  ["szX25UserData", wchar(RAS_MaxUserData + 1)],
  ["dwChannels", u32],
  ["dwReserved1", u32],
  ["dwReserved2", u32],
  ["dwSubEntries", u32, "0x0401"],
  ["dwDialMode", u32, "0x0401"],
  ["dwDialExtraPercent", u32, "0x0401"],
  ["dwDialExtraSampleSeconds", u32, "0x0401"],
  ["dwHangUpExtraPercent", u32, "0x0401"],
  ["dwHangUpExtraSampleSeconds", u32, "0x0401"],
  ["dwIdleDisconnectSeconds", u32, "0x0401"],
  ["dwType", u32, "0x0500"],
  ["dwEncryptionType", u32, "0x0500"],
  ["dwCustomAuthKey", u32, "0x0500"],
  ["guidId", guid, "0x0500"],
  ["szCustomDialDll", wchar(MAX_PATH), "0x0500"],
  ["dwVpnStrategy", u32, "0x0500"],
  ["dwfOptions2", u32, "0x0501"],
  ["dwfOptions3", u32, "0x0501"],
  ["szDnsSuffix", wchar(RAS_MaxDnsSuffix), "0x0501"],
  ["dwTcpWindowSize", u32, "0x0501"],
  ["szPrerequisitePbk", wchar(MAX_PATH), "0x0501"],
  ["szPrerequisiteEntry", wchar(RAS_MaxEntryName + 1), "0x0501"],
  ["dwRedialCount", u32, "0x0501"],
  ["dwRedialPause", u32, "0x0501"],
  ["ipv6addrDns", ipv6Text, "0x0600"],
  ["ipv6addrDnsAlt", ipv6Text, "0x0600"],
  ["dwIPv4InterfaceMetric", u32, "0x0600"],
  ["dwIPv6InterfaceMetric", u32, "0x0600"],
  ["ipv6addr", ipv6Text, "0x0601"],
  ["dwIPv6PrefixLength", u32, "0x0601"],
  ["dwNetworkOutageTime", u32, "0x0601"],
  ["szIDi", wchar(RAS_MaxIDSize + 1), "0x0A00"],
  ["szIDr", wchar(RAS_MaxIDSize + 1), "0x0A00"],
  ["fIsImsConfig", i32, "0x0A00"],
  ["IdiType", i32, "0x0A00"],
  ["IdrType", i32, "0x0A00"],
  ["fDisableIKEv2Fragmentation", i32, "0x0A00"],
] as const satisfies readonly FieldDecl[];
/** RASENTRYW: a phone-book entry's properties (seven dwSize versions, NT4 to Windows 10). */
export const RASENTRYW: StructLayout<StructValue<typeof RASENTRYW_FIELDS>> = defineStruct(
  "RASENTRYW",
  RASENTRYW_FIELDS,
);

/** RASDIALPARAMSW's fields in ras.h order, each `[name, kind, WINVER that added it]`. */
export const RASDIALPARAMSW_FIELDS = [
  ["dwSize", u32],
  ["szEntryName", wchar(RAS_MaxEntryName + 1)],
  ["szPhoneNumber", wchar(RAS_MaxPhoneNumber + 1)],
  ["szCallbackNumber", wchar(RAS_MaxCallbackNumber + 1)],
  ["szUserName", wchar(UNLEN + 1)],
  ["szPassword", wchar(PWLEN + 1)],
  ["szDomain", wchar(DNLEN + 1)],
  ["dwSubEntry", u32, "0x0401"],
  ["dwCallbackId", usize, "0x0401"],
  ["dwIfIndex", u32, "0x0601"],
  ["szEncPassword", pointer, "0x0602"],
] as const satisfies readonly FieldDecl[];
/** RASDIALPARAMSW: what RasDial dials with (entry, user, password, domain). */
export const RASDIALPARAMSW: StructLayout<StructValue<typeof RASDIALPARAMSW_FIELDS>> = defineStruct(
  "RASDIALPARAMSW",
  RASDIALPARAMSW_FIELDS,
);

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

/** RASCREDENTIALSW's fields in ras.h order, each `[name, kind, WINVER that added it]`. */
export const RASCREDENTIALSW_FIELDS = [
  ["dwSize", u32, "0x0401"],
  ["dwMask", u32, "0x0401"],
  ["szUserName", wchar(UNLEN + 1), "0x0401"],
  ["szPassword", wchar(PWLEN + 1), "0x0401"],
  ["szDomain", wchar(DNLEN + 1), "0x0401"],
] as const satisfies readonly FieldDecl[];
/** RASCREDENTIALSW: saved user, password, domain or pre-shared key, selected by dwMask. */
export const RASCREDENTIALSW: StructLayout<StructValue<typeof RASCREDENTIALSW_FIELDS>> =
  defineStruct(
    "RASCREDENTIALSW",
    RASCREDENTIALSW_FIELDS,
  );

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

/** Every struct layout declared here, by ras.h name (for table-driven tests). */
export const ALL_STRUCTS = {
  GUID,
  LUID,
  RASIPADDR,
  RASIPV4ADDR,
  RASIPV6ADDR,
  RASENTRYW,
  RASDIALPARAMSW,
  RASCONNW,
  RASTUNNELENDPOINT,
  RASCONNSTATUSW,
  RASENTRYNAMEW,
  RASSUBENTRYW,
  RASDEVINFOW,
  RASCREDENTIALSW,
  RAS_STATS,
  RASEAPINFO,
  RASDEVSPECIFICINFO,
  RASDIALEXTENSIONS,
  RASPPP_PROJECTION_INFO,
  RASIKEV2_PROJECTION_INFO,
  RAS_PROJECTION_INFO,
} as const;

/** Length limits of ras.h, for validation above this layer. */
export { LIMITS } from "./limits.ts";
