/**
 * Which phone-book keys rasctl carries, and which of an entry's keys it does not.
 *
 * RasGetEntryProperties/RasSetEntryProperties reach a fixed set of the keys Windows writes in
 * an entry's section of rasphone.pbk; everything else there (NRPT rules, trusted networks,
 * routes, custom IPsec policies, bookkeeping such as timestamps) no API rasctl uses reads or
 * writes, so a profile names those keys in `notCarried` instead of dropping them silently.
 * The key-to-member links are those of ../shared/pbk/FORMAT.md §4 (with [MS-RRASM] §2.2.2.2,
 * https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-rrasm/8c981154-725c-47a3-84c6-db2be962fdde)
 * and Ras.h's RASENTRYW members; the entry settings that read those members are in
 * ./entry_settings.ts.
 *
 * @module
 */

/**
 * The phone-book keys that the entry settings (RASENTRYW, through RasGetEntryProperties and
 * RasSetEntryProperties) or another API rasctl calls reach, each with what reaches it. The one
 * declaration of "reached": everything else in a section is reported as not carried.
 */
export const REACHED_PBK_KEYS: Readonly<Record<string, string>> = {
  // Section structure (FORMAT.md §2): written from the entry's device and type.
  MEDIA: "szDeviceType (the MEDIA block)",
  DEVICE: "szDeviceType (the DEVICE block)",
  Port: "szDeviceName (Windows picks the port of the device)",
  Device: "szDeviceName",
  NETCOMPONENTS: "RASEO2_SecureFileAndPrint, RASEO2_SecureClientForMSNet (the block)",
  ms_msclient: "RASEO2_SecureClientForMSNet (mirrors BindMsNetClient)",
  ms_server: "RASEO2_SecureFileAndPrint (mirrors ShareMsFilePrint)",
  Encoding: "the file's text encoding (FORMAT.md §1), written by Windows",
  // Members (FORMAT.md §4).
  Type: "dwType",
  Guid: "guidId",
  PhoneNumber: "szLocalPhoneNumber",
  AreaCode: "szAreaCode",
  CountryCode: "dwCountryCode",
  CountryID: "dwCountryID",
  UseDialingRules: "RASEO_UseCountryAndAreaCodes",
  PromoteAlternates: "RASEO_PromoteAlternates",
  VpnStrategy: "dwVpnStrategy",
  DataEncryption: "dwEncryptionType",
  ExcludedProtocols: "dwfNetProtocols (complement)",
  CustomAuthKey: "dwCustomAuthKey",
  CustomAuthData: "RasGetCustomAuthData / RasSetCustomAuthData (./custom_auth.ts)",
  DialMode: "dwDialMode",
  RedialAttempts: "dwRedialCount",
  RedialSeconds: "dwRedialPause",
  IdleDisconnectSeconds: "dwIdleDisconnectSeconds",
  CustomDialDll: "szCustomDialDll",
  PrerequisiteEntry: "szPrerequisiteEntry",
  PrerequisitePbk: "szPrerequisitePbk",
  IpInterfaceMetric: "dwIPv4InterfaceMetric",
  Ipv6InterfaceMetric: "dwIPv6InterfaceMetric",
  IpAddress: "ipaddr",
  IpDnsAddress: "ipaddrDns",
  IpDns2Address: "ipaddrDnsAlt",
  IpWinsAddress: "ipaddrWins",
  IpWins2Address: "ipaddrWinsAlt",
  TcpWindowSize: "dwTcpWindowSize",
  IpDnsSuffix: "szDnsSuffix",
  Ipv6Address: "ipv6addr",
  Ipv6PrefixLength: "dwIPv6PrefixLength",
  Ipv6DnsAddress: "ipv6addrDns",
  Ipv6Dns2Address: "ipv6addrDnsAlt",
  NetworkOutageTime: "dwNetworkOutageTime",
  IDI: "szIDi",
  IDR: "szIDr",
  ImsConfig: "fIsImsConfig",
  IdiType: "IdiType",
  IdrType: "IdrType",
  IpAssign: "RASEO_SpecificIpAddr",
  IpNameAssign: "RASEO_SpecificNameServers",
  Ipv6Assign: "RASEO2_SpecificIPv6Addr",
  Ipv6NameAssign: "RASEO2_IPv6SpecificNameServers",
  IpHeaderCompression: "RASEO_IpHeaderCompression",
  IpPrioritizeRemote: "RASEO_RemoteDefaultGateway",
  Ipv6PrioritizeRemote: "RASEO2_IPv6RemoteDefaultGateway",
  LcpExtensions: "RASEO_DisableLcpExtensions (inverted)",
  ShowMonitorIconInTaskBar: "RASEO_ModemLights",
  SwCompression: "RASEO_SwCompression",
  AutoLogon: "RASEO_UseLogonCredentials",
  PreviewPhoneNumber: "RASEO_PreviewPhoneNumber",
  SharedPhoneNumbers: "RASEO_SharedPhoneNumbers",
  PreviewUserPw: "RASEO_PreviewUserPw",
  PreviewDomain: "RASEO_PreviewDomain",
  ShowDialingProgress: "RASEO_ShowDialingProgress",
  AuthRestrictions: "RASEO_Require* / RASEO2_RequireMachineCertificates",
  ShareMsFilePrint: "RASEO2_SecureFileAndPrint (inverted)",
  BindMsNetClient: "RASEO2_SecureClientForMSNet (inverted)",
  NegotiateMultilinkAlways: "RASEO2_DontNegotiateMultilink (inverted)",
  UseRasCredentials: "RASEO2_DontUseRasCredentials (inverted)",
  GlobalDeviceSettings: "RASEO2_UseGlobalDeviceSettings",
  RedialOnLinkFailure: "RASEO2_ReconnectIfDropped",
  ForceSecureCompartment: "RASEO2_SecureRoutingCompartment",
  DisableIKENameEkuCheck: "RASEO2_DisableIKENameEkuCheck",
  DisableClassBasedDefaultRoute: "RASEO2_DisableClassBasedStaticRoute",
  DisableMobility: "RASEO2_DisableMobility",
  CacheCredentials: "RASEO2_CacheCredentials",
  AutoTiggerCapable: "RASEO2_AutoTriggerCapable (sic, as Windows spells the key)",
  AuthTypeOTP: "RASEO2_AuthTypeIsOtp",
  AlwaysOnCapable: "RASEO2_IsAlwaysOn",
  PrivateNetwork: "RASEO2_IsPrivateNetwork",
  PlumbIKEv2TSAsRoutes: "RASEO2_PlumbIKEv2TSAsRoutes",
  IpDnsFlags: "RASEO2_RegisterIpWithDNS, RASEO2_UseDNSSuffixForRegistration",
  IpNBTFlags: "RASEO2_DisableNbtOverIP (inverted)",
  IpSecFlags: "RASEO2_UsePreSharedKey",
  PreSharedKey: "RasSetCredentials with RASCM_PreSharedKey (the file keeps it empty)",
};

/** The lines of one section, found by its entry name (exact, as Windows writes it). */
function sectionLines(book: Uint8Array, name: string): string[] | null {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i <= book.length; i++) {
    if (i === book.length || book[i] === 0x0a) {
      let end = i;
      if (end > start && book[end - 1] === 0x0d) end--;
      lines.push(book.subarray(start, end));
      start = i + 1;
    }
  }
  const utf8 = new TextDecoder("utf-8");
  const ansi = new TextDecoder("windows-1252");
  const sections: { header: Uint8Array; body: string[] }[] = [];
  for (const line of lines) {
    // Keys are ASCII, so UTF-8 reads them whatever the section's encoding is.
    const text = utf8.decode(line).replace(/^\uFEFF/, "");
    if (text.startsWith("[") && text.endsWith("]")) {
      sections.push({ header: line, body: [] });
    } else {
      sections.at(-1)?.body.push(text);
    }
  }
  for (const { header, body } of sections) {
    // Encoding=1: names are UTF-8; 0: the ANSI code page (FORMAT.md §1; Windows-1252 here).
    const decoder = body.includes("Encoding=0") ? ansi : utf8;
    const title = decoder.decode(header).replace(/^\uFEFF/, "");
    if (title.slice(1, -1) === name) return body;
  }
  return null;
}

/**
 * The keys of an entry's section that no API rasctl uses reaches, in the order of the book.
 *
 * @param book The phone-book file's bytes.
 * @param name The entry's name.
 * @returns Each such key once, or [] when the entry is not in the book.
 * @example
 * ```ts
 * const book = new TextEncoder().encode("[VPN]\r\nEncoding=1\r\nNumNrptRules=1\r\nType=2\r\n");
 * notCarriedKeys(book, "VPN"); // ["NumNrptRules"]
 * ```
 */
export function notCarriedKeys(book: Uint8Array, name: string): string[] {
  const keys = new Set<string>();
  for (const line of sectionLines(book, name) ?? []) {
    const key = /^([^=]+)=/.exec(line)?.[1];
    if (key !== undefined && !Object.hasOwn(REACHED_PBK_KEYS, key)) keys.add(key);
  }
  return [...keys];
}

/**
 * Reads a phone-book file and names the keys of one entry that rasctl does not carry.
 *
 * @param phonebook The phone-book file.
 * @param name The entry's name.
 * @returns The keys, or [] when the file cannot be read.
 */
export function readNotCarried(phonebook: string, name: string): string[] {
  let book: Uint8Array;
  try {
    book = Deno.readFileSync(phonebook);
  } catch {
    return [];
  }
  return notCarriedKeys(book, name);
}
