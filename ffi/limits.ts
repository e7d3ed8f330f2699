/**
 * The length limits of ras.h and lmcons.h (`../shared/abi/constants.json` "lengths"), apart
 * from the struct layouts so that input checks above this layer can read them without paying
 * for the struct codec at start-up.
 *
 * @module
 */

// Lengths from ras.h / lmcons.h (constants.json "lengths").
/** ras.h / lmcons.h. */
export const RAS_MaxEntryName = 256;
/** ras.h / lmcons.h. */
export const RAS_MaxDeviceType = 16;
/** ras.h / lmcons.h. */
export const RAS_MaxDeviceName = 128;
/** ras.h / lmcons.h. */
export const RAS_MaxPhoneNumber = 128;
/** ras.h / lmcons.h. */
export const RAS_MaxCallbackNumber = 128;
/** ras.h / lmcons.h. */
export const RAS_MaxAreaCode = 10;
/** ras.h / lmcons.h. */
export const RAS_MaxPadType = 32;
/** ras.h / lmcons.h. */
export const RAS_MaxX25Address = 200;
/** ras.h / lmcons.h. */
export const RAS_MaxFacilities = 200;
/** ras.h / lmcons.h. */
export const RAS_MaxUserData = 200;
/** ras.h / lmcons.h. */
export const RAS_MaxDnsSuffix = 256;
/** ras.h / lmcons.h. */
export const RAS_MaxIpAddress = 15;
/** ras.h / lmcons.h. */
export const RAS_MaxReplyMessage = 1024;
/** ras.h / lmcons.h. */
export const RAS_MaxIDSize = 256;
/** ras.h / lmcons.h. */
export const MAX_PATH = 260;
/** ras.h / lmcons.h. */
export const UNLEN = 256;
/** ras.h / lmcons.h. */
export const PWLEN = 256;
/** ras.h / lmcons.h. */
export const DNLEN = 15;

/** Length limits of ras.h, for validation above this layer. */
export const LIMITS = {
  entryName: RAS_MaxEntryName,
  phoneNumber: RAS_MaxPhoneNumber,
  deviceType: RAS_MaxDeviceType,
  deviceName: RAS_MaxDeviceName,
  areaCode: RAS_MaxAreaCode,
  dnsSuffix: RAS_MaxDnsSuffix - 1,
  path: MAX_PATH - 1,
  userName: UNLEN,
  password: PWLEN,
  domain: DNLEN,
  ipAddressText: RAS_MaxIpAddress,
  /** The longest IPv6 address text: INET6_ADDRSTRLEN (ws2ipdef.h, 46) less its NUL. */
  ipv6AddressText: 45,
  replyMessage: RAS_MaxReplyMessage,
} as const;
