/**
 * RAS constants in the user's words: entry types, VPN strategies, encryption levels,
 * authentication methods and connection states, each a name ↔ ras.h value table.
 * Values from `../shared/abi/constants.json` (SDK ras.h).
 *
 * @module
 */

/** Entry types (RASET_*). */
export const ENTRY_TYPES = {
  phone: 1,
  vpn: 2,
  direct: 3,
  internet: 4,
  broadband: 5,
} as const;
/** An entry type name. */
export type EntryType = keyof typeof ENTRY_TYPES;

/** VPN strategies (VS_*). */
export const VPN_STRATEGIES = {
  automatic: 0,
  "pptp-only": 1,
  "pptp-first": 2,
  "l2tp-only": 3,
  "l2tp-first": 4,
  "sstp-only": 5,
  "sstp-first": 6,
  "ikev2-only": 7,
  "ikev2-first": 8,
  "gre-only": 9,
  "pptp-then-sstp": 12,
  "l2tp-then-sstp": 13,
  "ikev2-then-sstp": 14,
  "protocol-list": 15,
} as const;
/** A VPN strategy name. */
export type VpnStrategy = keyof typeof VPN_STRATEGIES;

/** Data encryption levels (ET_*). */
export const ENCRYPTION_LEVELS = {
  none: 0,
  require: 1,
  max: 2,
  optional: 3,
} as const;
/** An encryption level name. */
export type EncryptionLevel = keyof typeof ENCRYPTION_LEVELS;

/** Authentication methods an entry may require (RASEO_Require* bits of dwfOptions). */
export const AUTH_METHODS = {
  pap: 0x00040000, // RASEO_RequirePAP
  spap: 0x00080000, // RASEO_RequireSPAP
  chap: 0x08000000, // RASEO_RequireCHAP
  mschap: 0x10000000, // RASEO_RequireMsCHAP
  mschapv2: 0x20000000, // RASEO_RequireMsCHAP2
  "w95-mschap": 0x40000000, // RASEO_RequireW95MSCHAP
  eap: 0x00020000, // RASEO_RequireEAP
} as const;
/** An authentication method name. */
export type AuthMethod = keyof typeof AUTH_METHODS;

/** dwfOptions bits rasctl names (RASEO_*). */
export const RASEO = {
  UseCountryAndAreaCodes: 0x1,
  SpecificIpAddr: 0x2,
  SpecificNameServers: 0x4,
  RemoteDefaultGateway: 0x10,
  UseLogonCredentials: 0x4000,
  PreviewUserPw: 0x01000000,
  PreviewDomain: 0x02000000,
} as const;

/** dwfOptions2 bits rasctl names (RASEO2_*). */
export const RASEO2 = {
  DontUseRasCredentials: 0x8,
  UsePreSharedKey: 0x10,
  ReconnectIfDropped: 0x100,
  IPv6SpecificNameServers: 0x1000,
  IPv6RemoteDefaultGateway: 0x2000,
  RegisterIpWithDNS: 0x4000,
  UseDNSSuffixForRegistration: 0x8000,
  IPv4ExplicitMetric: 0x10000,
  IPv6ExplicitMetric: 0x20000,
  SpecificIPv6Addr: 0x100000,
  DisableMobility: 0x200000,
  RequireMachineCertificates: 0x400000,
  CacheCredentials: 0x2000000,
} as const;

/** Connection states (RASCONNSTATE), by value. */
export const CONNECTION_STATES: Readonly<Record<number, string>> = {
  0: "open-port",
  1: "port-opened",
  2: "connect-device",
  3: "device-connected",
  4: "all-devices-connected",
  5: "authenticate",
  6: "auth-notify",
  7: "auth-retry",
  8: "auth-callback",
  9: "auth-change-password",
  10: "auth-project",
  11: "auth-link-speed",
  12: "auth-ack",
  13: "reauthenticate",
  14: "authenticated",
  15: "prepare-for-callback",
  16: "wait-for-modem-reset",
  17: "wait-for-callback",
  18: "projected",
  19: "start-authentication",
  20: "callback-complete",
  21: "logon-network",
  22: "subentry-connected",
  23: "subentry-disconnected",
  24: "apply-settings",
  0x1000: "interactive",
  0x1001: "retry-authentication",
  0x1002: "callback-set-by-caller",
  0x1003: "password-expired",
  0x1004: "invoke-eap-ui",
  0x2000: "connected",
  0x2001: "disconnected",
};

/** RASCS_Connected. */
export const RASCS_CONNECTED = 0x2000;

/**
 * Names a connection state.
 *
 * @param state A RASCONNSTATE value.
 * @returns Its name, such as `connected`, or `state-<n>` for an unknown value.
 * @example
 * ```ts
 * stateName(0x2000); // "connected"
 * ```
 */
export function stateName(state: number): string {
  return CONNECTION_STATES[state] ?? `state-${state}`;
}

/**
 * Finds the name of a value in a name → value table.
 *
 * @param table Such as {@link VPN_STRATEGIES}.
 * @param value The ras.h value.
 * @returns The name, or undefined when the value has none.
 * @example
 * ```ts
 * nameOf(VPN_STRATEGIES, 7); // "ikev2-only"
 * ```
 */
export function nameOf<T extends Record<string, number>>(
  table: T,
  value: number,
): keyof T | undefined {
  return (Object.keys(table) as (keyof T)[]).find((k) => table[k] === value);
}

/** RASCM_* credential mask bits. */
export const RASCM = {
  UserName: 0x1,
  Password: 0x2,
  Domain: 0x4,
  DefaultCreds: 0x8,
  PreSharedKey: 0x10,
} as const;

/** RASTUNNELENDPOINT_* address kinds. */
export const TUNNEL_ENDPOINT = { unknown: 0, ipv4: 1, ipv6: 2 } as const;

/** PROJECTION_INFO_TYPE_* values. */
export const PROJECTION_TYPE = { ppp: 1, ikev2: 2 } as const;
