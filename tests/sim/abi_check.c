/* abi_check.c - prints sizeof/offsetof of the simulator's struct declarations (src/ras_types.h)
 * as "S <struct> <size>" and "F <struct> <field> <offset> <size>" lines; abi_test.ts compares
 * them with ../shared/abi/rasapi32.x64.json. */
#include <stddef.h>
#include <stdio.h>

#include "src/ras_types.h"

#define S(T) printf("S %s %zu\n", #T, sizeof(T##_))
#define F(T, f) printf("F %s %s %zu %zu\n", #T, #f, offsetof(T##_, f), sizeof(((T##_ *)0)->f))

int main(void) {
  S(RASENTRYW);
  F(RASENTRYW, dwSize); F(RASENTRYW, dwfOptions); F(RASENTRYW, dwCountryID); F(RASENTRYW, dwCountryCode);
  F(RASENTRYW, szAreaCode); F(RASENTRYW, szLocalPhoneNumber); F(RASENTRYW, dwAlternateOffset);
  F(RASENTRYW, ipaddr); F(RASENTRYW, ipaddrDns); F(RASENTRYW, ipaddrDnsAlt); F(RASENTRYW, ipaddrWins);
  F(RASENTRYW, ipaddrWinsAlt); F(RASENTRYW, dwFrameSize); F(RASENTRYW, dwfNetProtocols);
  F(RASENTRYW, dwFramingProtocol); F(RASENTRYW, szScript); F(RASENTRYW, szAutodialDll);
  F(RASENTRYW, szAutodialFunc); F(RASENTRYW, szDeviceType); F(RASENTRYW, szDeviceName);
  F(RASENTRYW, szX25PadType); F(RASENTRYW, szX25Address); F(RASENTRYW, szX25Facilities);
  F(RASENTRYW, szX25UserData); F(RASENTRYW, dwChannels); F(RASENTRYW, dwReserved1); F(RASENTRYW, dwReserved2);
  F(RASENTRYW, dwSubEntries); F(RASENTRYW, dwDialMode); F(RASENTRYW, dwDialExtraPercent);
  F(RASENTRYW, dwDialExtraSampleSeconds); F(RASENTRYW, dwHangUpExtraPercent);
  F(RASENTRYW, dwHangUpExtraSampleSeconds); F(RASENTRYW, dwIdleDisconnectSeconds); F(RASENTRYW, dwType);
  F(RASENTRYW, dwEncryptionType); F(RASENTRYW, dwCustomAuthKey); F(RASENTRYW, guidId);
  F(RASENTRYW, szCustomDialDll); F(RASENTRYW, dwVpnStrategy); F(RASENTRYW, dwfOptions2);
  F(RASENTRYW, dwfOptions3); F(RASENTRYW, szDnsSuffix); F(RASENTRYW, dwTcpWindowSize);
  F(RASENTRYW, szPrerequisitePbk); F(RASENTRYW, szPrerequisiteEntry); F(RASENTRYW, dwRedialCount);
  F(RASENTRYW, dwRedialPause); F(RASENTRYW, ipv6addrDns); F(RASENTRYW, ipv6addrDnsAlt);
  F(RASENTRYW, dwIPv4InterfaceMetric); F(RASENTRYW, dwIPv6InterfaceMetric); F(RASENTRYW, ipv6addr);
  F(RASENTRYW, dwIPv6PrefixLength); F(RASENTRYW, dwNetworkOutageTime); F(RASENTRYW, szIDi);
  F(RASENTRYW, szIDr); F(RASENTRYW, fIsImsConfig); F(RASENTRYW, IdiType); F(RASENTRYW, IdrType);
  F(RASENTRYW, fDisableIKEv2Fragmentation);

  S(RASDIALPARAMSW);
  F(RASDIALPARAMSW, dwSize); F(RASDIALPARAMSW, szEntryName); F(RASDIALPARAMSW, szPhoneNumber);
  F(RASDIALPARAMSW, szCallbackNumber); F(RASDIALPARAMSW, szUserName); F(RASDIALPARAMSW, szPassword);
  F(RASDIALPARAMSW, szDomain); F(RASDIALPARAMSW, dwSubEntry); F(RASDIALPARAMSW, dwCallbackId);
  F(RASDIALPARAMSW, dwIfIndex); F(RASDIALPARAMSW, szEncPassword);

  S(RASCONNW);
  F(RASCONNW, dwSize); F(RASCONNW, hrasconn); F(RASCONNW, szEntryName); F(RASCONNW, szDeviceType);
  F(RASCONNW, szDeviceName); F(RASCONNW, szPhonebook); F(RASCONNW, dwSubEntry); F(RASCONNW, guidEntry);
  F(RASCONNW, dwFlags); F(RASCONNW, luid); F(RASCONNW, guidCorrelationId);

  S(RASCONNSTATUSW);
  F(RASCONNSTATUSW, dwSize); F(RASCONNSTATUSW, rasconnstate); F(RASCONNSTATUSW, dwError);
  F(RASCONNSTATUSW, szDeviceType); F(RASCONNSTATUSW, szDeviceName); F(RASCONNSTATUSW, szPhoneNumber);
  F(RASCONNSTATUSW, localEndPoint); F(RASCONNSTATUSW, remoteEndPoint); F(RASCONNSTATUSW, rasconnsubstate);

  S(RASENTRYNAMEW);
  F(RASENTRYNAMEW, dwSize); F(RASENTRYNAMEW, szEntryName); F(RASENTRYNAMEW, dwFlags);
  F(RASENTRYNAMEW, szPhonebookPath);

  S(RASSUBENTRYW);
  F(RASSUBENTRYW, dwSize); F(RASSUBENTRYW, dwfFlags); F(RASSUBENTRYW, szDeviceType);
  F(RASSUBENTRYW, szDeviceName); F(RASSUBENTRYW, szLocalPhoneNumber); F(RASSUBENTRYW, dwAlternateOffset);

  S(RASDEVINFOW);
  F(RASDEVINFOW, dwSize); F(RASDEVINFOW, szDeviceType); F(RASDEVINFOW, szDeviceName);

  S(RASCREDENTIALSW);
  F(RASCREDENTIALSW, dwSize); F(RASCREDENTIALSW, dwMask); F(RASCREDENTIALSW, szUserName);
  F(RASCREDENTIALSW, szPassword); F(RASCREDENTIALSW, szDomain);

  S(RAS_STATS);
  F(RAS_STATS, dwSize); F(RAS_STATS, dwBytesXmited); F(RAS_STATS, dwBytesRcved); F(RAS_STATS, dwFramesXmited);
  F(RAS_STATS, dwFramesRcved); F(RAS_STATS, dwCrcErr); F(RAS_STATS, dwTimeoutErr); F(RAS_STATS, dwAlignmentErr);
  F(RAS_STATS, dwHardwareOverrunErr); F(RAS_STATS, dwFramingErr); F(RAS_STATS, dwBufferOverrunErr);
  F(RAS_STATS, dwCompressionRatioIn); F(RAS_STATS, dwCompressionRatioOut); F(RAS_STATS, dwBps);
  F(RAS_STATS, dwConnectDuration);

  S(RASDIALEXTENSIONS);
  F(RASDIALEXTENSIONS, dwSize); F(RASDIALEXTENSIONS, dwfOptions); F(RASDIALEXTENSIONS, hwndParent);
  F(RASDIALEXTENSIONS, reserved); F(RASDIALEXTENSIONS, reserved1); F(RASDIALEXTENSIONS, RasEapInfo);
  F(RASDIALEXTENSIONS, fSkipPppAuth); F(RASDIALEXTENSIONS, RasDevSpecificInfo);

  S(RASEAPINFO);
  F(RASEAPINFO, dwSizeofEapInfo); F(RASEAPINFO, pbEapInfo);
  S(RASDEVSPECIFICINFO);
  F(RASDEVSPECIFICINFO, dwSize); F(RASDEVSPECIFICINFO, pbDevSpecificInfo);

  S(RASPPP_PROJECTION_INFO);
  F(RASPPP_PROJECTION_INFO, dwIPv4NegotiationError); F(RASPPP_PROJECTION_INFO, ipv4Address);
  F(RASPPP_PROJECTION_INFO, ipv4ServerAddress); F(RASPPP_PROJECTION_INFO, dwIPv4Options);
  F(RASPPP_PROJECTION_INFO, dwIPv4ServerOptions); F(RASPPP_PROJECTION_INFO, dwIPv6NegotiationError);
  F(RASPPP_PROJECTION_INFO, bInterfaceIdentifier); F(RASPPP_PROJECTION_INFO, bServerInterfaceIdentifier);
  F(RASPPP_PROJECTION_INFO, fBundled); F(RASPPP_PROJECTION_INFO, fMultilink);
  F(RASPPP_PROJECTION_INFO, dwAuthenticationProtocol); F(RASPPP_PROJECTION_INFO, dwAuthenticationData);
  F(RASPPP_PROJECTION_INFO, dwServerAuthenticationProtocol);
  F(RASPPP_PROJECTION_INFO, dwServerAuthenticationData); F(RASPPP_PROJECTION_INFO, dwEapTypeId);
  F(RASPPP_PROJECTION_INFO, dwServerEapTypeId); F(RASPPP_PROJECTION_INFO, dwLcpOptions);
  F(RASPPP_PROJECTION_INFO, dwLcpServerOptions); F(RASPPP_PROJECTION_INFO, dwCcpError);
  F(RASPPP_PROJECTION_INFO, dwCcpCompressionAlgorithm);
  F(RASPPP_PROJECTION_INFO, dwCcpServerCompressionAlgorithm); F(RASPPP_PROJECTION_INFO, dwCcpOptions);
  F(RASPPP_PROJECTION_INFO, dwCcpServerOptions);

  S(RASIKEV2_PROJECTION_INFO);
  F(RASIKEV2_PROJECTION_INFO, dwIPv4NegotiationError); F(RASIKEV2_PROJECTION_INFO, ipv4Address);
  F(RASIKEV2_PROJECTION_INFO, ipv4ServerAddress); F(RASIKEV2_PROJECTION_INFO, dwIPv6NegotiationError);
  F(RASIKEV2_PROJECTION_INFO, ipv6Address); F(RASIKEV2_PROJECTION_INFO, ipv6ServerAddress);
  F(RASIKEV2_PROJECTION_INFO, dwPrefixLength); F(RASIKEV2_PROJECTION_INFO, dwAuthenticationProtocol);
  F(RASIKEV2_PROJECTION_INFO, dwEapTypeId); F(RASIKEV2_PROJECTION_INFO, dwFlags);
  F(RASIKEV2_PROJECTION_INFO, dwEncryptionMethod); F(RASIKEV2_PROJECTION_INFO, numIPv4ServerAddresses);
  F(RASIKEV2_PROJECTION_INFO, ipv4ServerAddresses); F(RASIKEV2_PROJECTION_INFO, numIPv6ServerAddresses);
  F(RASIKEV2_PROJECTION_INFO, ipv6ServerAddresses);

  S(RAS_PROJECTION_INFO);
  F(RAS_PROJECTION_INFO, version); F(RAS_PROJECTION_INFO, type);
  printf("F RAS_PROJECTION_INFO Anonymous %zu %zu\n", offsetof(RAS_PROJECTION_INFO_, u),
         sizeof(((RAS_PROJECTION_INFO_ *)0)->u));

  S(RASTUNNELENDPOINT);
  F(RASTUNNELENDPOINT, dwType);
  printf("F RASTUNNELENDPOINT Anonymous %zu %zu\n", offsetof(RASTUNNELENDPOINT_, u),
         sizeof(((RASTUNNELENDPOINT_ *)0)->u));
  S(RASIPADDR); S(RASIPV4ADDR); S(RASIPV6ADDR); S(GUID); S(LUID);
  return 0;
}
