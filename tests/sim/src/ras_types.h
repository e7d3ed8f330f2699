/*
 * ras_types.h - the Win64 ABI of rasapi32's structs, written with fixed-width types.
 *
 * Layouts follow ../shared/abi/rasapi32.x64.json (computed from the Windows SDK Ras.h):
 * every struct sits inside #pragma pack(push,4) exactly as Ras.h does with <pshpack4.h>,
 * so 8-byte members (HRASCONN, ULONG_PTR, pointers) may sit at offsets that are 4 mod 8.
 * tests/sim/abi_check.c prints sizeof/offsetof and a Deno test compares them with the JSON.
 */
#ifndef RASSIM_RAS_TYPES_H
#define RASSIM_RAS_TYPES_H

#include <stddef.h>
#include <stdint.h>

typedef uint16_t WCHAR_;
typedef uint32_t DWORD_;
typedef int32_t BOOL_;
typedef void *HRASCONN_;

#define RAS_MaxEntryName 256
#define RAS_MaxDeviceType 16
#define RAS_MaxDeviceName 128
#define RAS_MaxPhoneNumber 128
#define RAS_MaxCallbackNumber 128
#define RAS_MaxAreaCode 10
#define RAS_MaxPadType 32
#define RAS_MaxX25Address 200
#define RAS_MaxFacilities 200
#define RAS_MaxUserData 200
#define RAS_MaxDnsSuffix 256
#define RAS_MaxIDSize 256
#define MAX_PATH_ 260
#define UNLEN_ 256
#define PWLEN_ 256
#define DNLEN_ 15

#pragma pack(push, 4)

typedef struct { uint8_t a, b, c, d; } RASIPADDR_;
typedef struct { uint8_t b[4]; } RASIPV4ADDR_;
typedef struct { uint8_t b[16]; } RASIPV6ADDR_;
typedef struct { uint32_t Data1; uint16_t Data2, Data3; uint8_t Data4[8]; } GUID_;
typedef struct { uint32_t LowPart; int32_t HighPart; } LUID_;

typedef struct {
  DWORD_ dwSize;
  DWORD_ dwfOptions;
  DWORD_ dwCountryID;
  DWORD_ dwCountryCode;
  WCHAR_ szAreaCode[RAS_MaxAreaCode + 1];
  WCHAR_ szLocalPhoneNumber[RAS_MaxPhoneNumber + 1];
  DWORD_ dwAlternateOffset;
  RASIPADDR_ ipaddr, ipaddrDns, ipaddrDnsAlt, ipaddrWins, ipaddrWinsAlt;
  DWORD_ dwFrameSize;
  DWORD_ dwfNetProtocols;
  DWORD_ dwFramingProtocol;
  WCHAR_ szScript[MAX_PATH_];
  WCHAR_ szAutodialDll[MAX_PATH_];
  WCHAR_ szAutodialFunc[MAX_PATH_];
  WCHAR_ szDeviceType[RAS_MaxDeviceType + 1];
  WCHAR_ szDeviceName[RAS_MaxDeviceName + 1];
  WCHAR_ szX25PadType[RAS_MaxPadType + 1];
  WCHAR_ szX25Address[RAS_MaxX25Address + 1];
  WCHAR_ szX25Facilities[RAS_MaxFacilities + 1];
  WCHAR_ szX25UserData[RAS_MaxUserData + 1];
  DWORD_ dwChannels;
  DWORD_ dwReserved1;
  DWORD_ dwReserved2;
  /* WINVER >= 0x401 */
  DWORD_ dwSubEntries;
  DWORD_ dwDialMode;
  DWORD_ dwDialExtraPercent;
  DWORD_ dwDialExtraSampleSeconds;
  DWORD_ dwHangUpExtraPercent;
  DWORD_ dwHangUpExtraSampleSeconds;
  DWORD_ dwIdleDisconnectSeconds;
  /* WINVER >= 0x500 */
  DWORD_ dwType;
  DWORD_ dwEncryptionType;
  DWORD_ dwCustomAuthKey;
  GUID_ guidId;
  WCHAR_ szCustomDialDll[MAX_PATH_];
  DWORD_ dwVpnStrategy;
  /* WINVER >= 0x501 */
  DWORD_ dwfOptions2;
  DWORD_ dwfOptions3;
  WCHAR_ szDnsSuffix[RAS_MaxDnsSuffix];
  DWORD_ dwTcpWindowSize;
  WCHAR_ szPrerequisitePbk[MAX_PATH_];
  WCHAR_ szPrerequisiteEntry[RAS_MaxEntryName + 1];
  DWORD_ dwRedialCount;
  DWORD_ dwRedialPause;
  /* WINVER >= 0x600 */
  RASIPV6ADDR_ ipv6addrDns;
  RASIPV6ADDR_ ipv6addrDnsAlt;
  DWORD_ dwIPv4InterfaceMetric;
  DWORD_ dwIPv6InterfaceMetric;
  /* WINVER >= 0x601 */
  RASIPV6ADDR_ ipv6addr;
  DWORD_ dwIPv6PrefixLength;
  DWORD_ dwNetworkOutageTime;
  /* WINVER >= 0xA00 */
  WCHAR_ szIDi[RAS_MaxIDSize + 1];
  WCHAR_ szIDr[RAS_MaxIDSize + 1];
  BOOL_ fIsImsConfig;
  int32_t IdiType;
  int32_t IdrType;
  BOOL_ fDisableIKEv2Fragmentation;
} RASENTRYW_;

typedef struct {
  DWORD_ dwSize;
  WCHAR_ szEntryName[RAS_MaxEntryName + 1];
  WCHAR_ szPhoneNumber[RAS_MaxPhoneNumber + 1];
  WCHAR_ szCallbackNumber[RAS_MaxCallbackNumber + 1];
  WCHAR_ szUserName[UNLEN_ + 1];
  WCHAR_ szPassword[PWLEN_ + 1];
  WCHAR_ szDomain[DNLEN_ + 1];
  DWORD_ dwSubEntry;
  uint64_t dwCallbackId; /* ULONG_PTR */
  DWORD_ dwIfIndex;
  void *szEncPassword;
} RASDIALPARAMSW_;

typedef struct {
  DWORD_ dwSize;
  HRASCONN_ hrasconn;
  WCHAR_ szEntryName[RAS_MaxEntryName + 1];
  WCHAR_ szDeviceType[RAS_MaxDeviceType + 1];
  WCHAR_ szDeviceName[RAS_MaxDeviceName + 1];
  WCHAR_ szPhonebook[MAX_PATH_];
  DWORD_ dwSubEntry;
  GUID_ guidEntry;
  DWORD_ dwFlags;
  LUID_ luid;
  GUID_ guidCorrelationId;
} RASCONNW_;

typedef struct {
  DWORD_ dwType;
  union { RASIPV4ADDR_ ipv4; RASIPV6ADDR_ ipv6; } u;
} RASTUNNELENDPOINT_;

typedef struct {
  DWORD_ dwSize;
  int32_t rasconnstate;
  DWORD_ dwError;
  WCHAR_ szDeviceType[RAS_MaxDeviceType + 1];
  WCHAR_ szDeviceName[RAS_MaxDeviceName + 1];
  WCHAR_ szPhoneNumber[RAS_MaxPhoneNumber + 1];
  RASTUNNELENDPOINT_ localEndPoint;
  RASTUNNELENDPOINT_ remoteEndPoint;
  int32_t rasconnsubstate;
} RASCONNSTATUSW_;

typedef struct {
  DWORD_ dwSize;
  WCHAR_ szEntryName[RAS_MaxEntryName + 1];
  DWORD_ dwFlags;
  WCHAR_ szPhonebookPath[MAX_PATH_ + 1];
} RASENTRYNAMEW_;

typedef struct {
  DWORD_ dwSize;
  DWORD_ dwfFlags;
  WCHAR_ szDeviceType[RAS_MaxDeviceType + 1];
  WCHAR_ szDeviceName[RAS_MaxDeviceName + 1];
  WCHAR_ szLocalPhoneNumber[RAS_MaxPhoneNumber + 1];
  DWORD_ dwAlternateOffset;
} RASSUBENTRYW_;

typedef struct {
  DWORD_ dwSize;
  WCHAR_ szDeviceType[RAS_MaxDeviceType + 1];
  WCHAR_ szDeviceName[RAS_MaxDeviceName + 1];
} RASDEVINFOW_;

typedef struct {
  DWORD_ dwSize;
  DWORD_ dwMask;
  WCHAR_ szUserName[UNLEN_ + 1];
  WCHAR_ szPassword[PWLEN_ + 1];
  WCHAR_ szDomain[DNLEN_ + 1];
} RASCREDENTIALSW_;

typedef struct {
  DWORD_ dwSize;
  DWORD_ dwBytesXmited, dwBytesRcved, dwFramesXmited, dwFramesRcved;
  DWORD_ dwCrcErr, dwTimeoutErr, dwAlignmentErr, dwHardwareOverrunErr, dwFramingErr;
  DWORD_ dwBufferOverrunErr, dwCompressionRatioIn, dwCompressionRatioOut;
  DWORD_ dwBps;
  DWORD_ dwConnectDuration;
} RAS_STATS_;

typedef struct { DWORD_ dwSizeofEapInfo; uint8_t *pbEapInfo; } RASEAPINFO_;
typedef struct { DWORD_ dwSize; uint8_t *pbDevSpecificInfo; } RASDEVSPECIFICINFO_;

typedef struct {
  DWORD_ dwSize;
  DWORD_ dwfOptions;
  void *hwndParent;
  uint64_t reserved;
  uint64_t reserved1;
  RASEAPINFO_ RasEapInfo;
  BOOL_ fSkipPppAuth;
  RASDEVSPECIFICINFO_ RasDevSpecificInfo;
} RASDIALEXTENSIONS_;

typedef struct {
  DWORD_ dwIPv4NegotiationError;
  RASIPV4ADDR_ ipv4Address;
  RASIPV4ADDR_ ipv4ServerAddress;
  DWORD_ dwIPv4Options;
  DWORD_ dwIPv4ServerOptions;
  DWORD_ dwIPv6NegotiationError;
  uint8_t bInterfaceIdentifier[8];
  uint8_t bServerInterfaceIdentifier[8];
  BOOL_ fBundled;
  BOOL_ fMultilink;
  DWORD_ dwAuthenticationProtocol;
  DWORD_ dwAuthenticationData;
  DWORD_ dwServerAuthenticationProtocol;
  DWORD_ dwServerAuthenticationData;
  DWORD_ dwEapTypeId;
  DWORD_ dwServerEapTypeId;
  DWORD_ dwLcpOptions;
  DWORD_ dwLcpServerOptions;
  DWORD_ dwCcpError;
  DWORD_ dwCcpCompressionAlgorithm;
  DWORD_ dwCcpServerCompressionAlgorithm;
  DWORD_ dwCcpOptions;
  DWORD_ dwCcpServerOptions;
} RASPPP_PROJECTION_INFO_;

typedef struct {
  DWORD_ dwIPv4NegotiationError;
  RASIPV4ADDR_ ipv4Address;
  RASIPV4ADDR_ ipv4ServerAddress;
  DWORD_ dwIPv6NegotiationError;
  RASIPV6ADDR_ ipv6Address;
  RASIPV6ADDR_ ipv6ServerAddress;
  DWORD_ dwPrefixLength;
  DWORD_ dwAuthenticationProtocol;
  DWORD_ dwEapTypeId;
  DWORD_ dwFlags;
  DWORD_ dwEncryptionMethod;
  DWORD_ numIPv4ServerAddresses;
  RASIPV4ADDR_ *ipv4ServerAddresses;
  DWORD_ numIPv6ServerAddresses;
  RASIPV6ADDR_ *ipv6ServerAddresses;
} RASIKEV2_PROJECTION_INFO_;

typedef struct {
  int32_t version;
  int32_t type;
  union { RASPPP_PROJECTION_INFO_ ppp; RASIKEV2_PROJECTION_INFO_ ikev2; } u;
} RAS_PROJECTION_INFO_;

#pragma pack(pop)

/* Constants (values from ../shared/abi/constants.json). */
enum {
  RASCS_OpenPort = 0, RASCS_PortOpened = 1, RASCS_ConnectDevice = 2, RASCS_DeviceConnected = 3,
  RASCS_AllDevicesConnected = 4, RASCS_Authenticate = 5, RASCS_AuthNotify = 6,
  RASCS_AuthProject = 10, RASCS_AuthLinkSpeed = 11, RASCS_AuthAck = 12, RASCS_Authenticated = 14,
  RASCS_Projected = 18, RASCS_Connected = 0x2000, RASCS_Disconnected = 0x2001
};
enum { RASET_Phone = 1, RASET_Vpn = 2, RASET_Direct = 3, RASET_Internet = 4, RASET_Broadband = 5 };
enum {
  VS_Default = 0, VS_PptpOnly = 1, VS_PptpFirst = 2, VS_L2tpOnly = 3, VS_L2tpFirst = 4,
  VS_SstpOnly = 5, VS_SstpFirst = 6, VS_Ikev2Only = 7, VS_Ikev2First = 8, VS_GREOnly = 9,
  VS_PptpSstp = 12, VS_L2tpSstp = 13, VS_Ikev2Sstp = 14, VS_ProtocolList = 15
};
enum { ET_None = 0, ET_Require = 1, ET_RequireMax = 2, ET_Optional = 3 };
enum {
  RASCM_UserName = 1, RASCM_Password = 2, RASCM_Domain = 4, RASCM_DefaultCreds = 8,
  RASCM_PreSharedKey = 0x10, RASCM_ServerPreSharedKey = 0x20, RASCM_DDMPreSharedKey = 0x40
};
enum { REN_User = 0, REN_AllUsers = 1 };
enum { RASCF_AllUsers = 1 };
enum { RASAPIVERSION_601 = 4 };
enum { PROJECTION_INFO_TYPE_PPP = 1, PROJECTION_INFO_TYPE_IKEv2 = 2 };
#define WM_RASDIALEVENT 0xCCCDu

/* Win32 / RAS error codes used by the simulator (names as in winerror.h / raserror.h). */
enum {
  ERROR_SUCCESS_ = 0,
  ERROR_ACCESS_DENIED_ = 5,
  ERROR_INVALID_HANDLE_ = 6,
  ERROR_NOT_ENOUGH_MEMORY_ = 8,
  ERROR_INVALID_PARAMETER_ = 87,
  ERROR_INVALID_NAME_ = 123,
  ERROR_ALREADY_EXISTS_ = 183,
  ERROR_NO_MORE_ITEMS_ = 259,
  ERROR_BUFFER_TOO_SMALL_ = 603,
  ERROR_BUFFER_INVALID_ = 610,
  ERROR_PORT_NOT_OPEN_ = 618,
  ERROR_CANNOT_OPEN_PHONEBOOK_ = 621,
  ERROR_CANNOT_LOAD_PHONEBOOK_ = 622,
  ERROR_CANNOT_FIND_PHONEBOOK_ENTRY_ = 623,
  ERROR_CANNOT_WRITE_PHONEBOOK_ = 624,
  ERROR_CORRUPT_PHONEBOOK_ = 625,
  ERROR_USER_DISCONNECTION_ = 631,
  ERROR_INVALID_SIZE_ = 632,
  ERROR_NO_ANSWER_ = 678,
  ERROR_AUTHENTICATION_FAILURE_ = 691,
  ERROR_PROJECTION_NOT_COMPLETE_ = 730,
  ERROR_DIAL_ALREADY_IN_PROGRESS_ = 756,
  ERROR_OAKLEY_GENERAL_PROCESSING_ = 789,
  ERROR_AUTOMATIC_VPN_FAILED_ = 800,
  ERROR_VPN_REFUSED_ = 808,
  ERROR_VPN_TIMEOUT_ = 809,
  ERROR_BROADBAND_TIMEOUT_ = 815,
  ERROR_CANNOT_DELETE_ = 817,
  ERROR_DNSNAME_NOT_RESOLVABLE_ = 868,
  ERROR_TIMEOUT_ = 1460 /* winerror.h; the sim's own fuse when RasHangUp would wait for ever (dial.c) */
};

#endif
