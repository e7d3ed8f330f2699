/**
 * The dlopen symbol table for rasapi32.dll: every RAS function rasctl calls, with the C
 * parameter type beside each Deno FFI type so every line can be checked against Ras.h.
 *
 * `"buffer"` is memory JS owns (a Uint8Array); `"pointer"` is a handle (HRASCONN) or a
 * callback.
 *
 * RasDialW, RasHangUpW and RasGetConnectStatusW are `nonblocking` (Deno runs them on a worker
 * thread and returns a promise): they are called while a dial's RasDialFunc1 may be waiting to
 * run on the JS thread (Deno's thread-safe callbacks run there, and the notifier thread waits
 * until they return), and RasHangUp waits for a notifier inside its callback ("most of the
 * hang-up processing occurs after the RasDialFunc1 callback returns", RasDialFunc1 remarks).
 * Called on the JS thread, such a call would wait for the callback that waits for it. Signatures come from `../shared/abi/functions.json` (windows-rs, SDK, mingw agree).
 *
 * @module
 */

/** The rasapi32 functions rasctl binds, in Deno FFI form. */
export const rasapi32Symbols = {
  RasDialW: {
    parameters: [
      "buffer", // LPRASDIALEXTENSIONS lpRasDialExtensions (opt)
      "buffer", // LPCWSTR lpszPhonebook (opt)
      "buffer", // LPRASDIALPARAMSW lpRasDialParams
      "u32", // DWORD dwNotifierType
      "pointer", // LPVOID lpvNotifier (opt)
      "buffer", // LPHRASCONN lphRasConn
    ],
    result: "u32", // DWORD
    nonblocking: true,
  },
  RasHangUpW: {
    parameters: [
      "pointer", // HRASCONN hrasconn
    ],
    result: "u32",
    nonblocking: true,
  },
  RasEnumConnectionsW: {
    parameters: [
      "buffer", // LPRASCONNW lprasconn (opt)
      "buffer", // LPDWORD lpcb
      "buffer", // LPDWORD lpcConnections
    ],
    result: "u32",
  },
  RasGetConnectStatusW: {
    parameters: [
      "pointer", // HRASCONN hrasconn
      "buffer", // LPRASCONNSTATUSW lprasconnstatus
    ],
    result: "u32",
    nonblocking: true,
  },
  RasEnumEntriesW: {
    parameters: [
      "buffer", // LPCWSTR reserved (opt, must be NULL)
      "buffer", // LPCWSTR lpszPhonebook (opt)
      "buffer", // LPRASENTRYNAMEW lprasentryname (opt)
      "buffer", // LPDWORD lpcb
      "buffer", // LPDWORD lpcEntries
    ],
    result: "u32",
  },
  RasGetEntryPropertiesW: {
    parameters: [
      "buffer", // LPCWSTR lpszPhonebook (opt)
      "buffer", // LPCWSTR lpszEntry
      "buffer", // LPRASENTRYW lpRasEntry (opt)
      "buffer", // LPDWORD lpdwEntryInfoSize
      "buffer", // LPBYTE lpbDeviceInfo (opt)
      "buffer", // LPDWORD lpdwDeviceInfoSize (opt)
    ],
    result: "u32",
  },
  RasSetEntryPropertiesW: {
    parameters: [
      "buffer", // LPCWSTR lpszPhonebook (opt)
      "buffer", // LPCWSTR lpszEntry
      "buffer", // LPRASENTRYW lpRasEntry
      "u32", // DWORD dwEntryInfoSize
      "buffer", // LPBYTE lpbDeviceInfo (opt)
      "u32", // DWORD dwDeviceInfoSize
    ],
    result: "u32",
  },
  RasDeleteEntryW: {
    parameters: [
      "buffer", // LPCWSTR lpszPhonebook (opt)
      "buffer", // LPCWSTR lpszEntry
    ],
    result: "u32",
  },
  RasRenameEntryW: {
    parameters: [
      "buffer", // LPCWSTR lpszPhonebook (opt)
      "buffer", // LPCWSTR lpszOldEntry
      "buffer", // LPCWSTR lpszNewEntry
    ],
    result: "u32",
  },
  RasValidateEntryNameW: {
    parameters: [
      "buffer", // LPCWSTR lpszPhonebook (opt)
      "buffer", // LPCWSTR lpszEntry
    ],
    result: "u32",
  },
  RasGetEntryDialParamsW: {
    parameters: [
      "buffer", // LPCWSTR lpszPhonebook (opt)
      "buffer", // LPRASDIALPARAMSW lprasdialparams
      "buffer", // LPBOOL lpfPassword
    ],
    result: "u32",
  },
  RasSetEntryDialParamsW: {
    parameters: [
      "buffer", // LPCWSTR lpszPhonebook (opt)
      "buffer", // LPRASDIALPARAMSW lprasdialparams
      "i32", // BOOL fRemovePassword
    ],
    result: "u32",
  },
  RasGetCredentialsW: {
    parameters: [
      "buffer", // LPCWSTR lpszPhonebook (opt)
      "buffer", // LPCWSTR lpszEntry
      "buffer", // LPRASCREDENTIALSW lpCredentials
    ],
    result: "u32",
  },
  RasSetCredentialsW: {
    parameters: [
      "buffer", // LPCWSTR lpszPhonebook (opt)
      "buffer", // LPCWSTR lpszEntry
      "buffer", // LPRASCREDENTIALSW lpCredentials
      "i32", // BOOL fClearCredentials
    ],
    result: "u32",
  },
  RasGetSubEntryPropertiesW: {
    parameters: [
      "buffer", // LPCWSTR lpszPhonebook (opt)
      "buffer", // LPCWSTR lpszEntry
      "u32", // DWORD dwSubEntry (1-based)
      "buffer", // LPRASSUBENTRYW lpRasSubEntry (opt)
      "buffer", // LPDWORD lpdwcb (opt)
      "buffer", // LPBYTE lpbDeviceConfig (opt, unused: NULL)
      "buffer", // LPDWORD lpcbDeviceConfig (opt, unused: NULL)
    ],
    result: "u32",
  },
  RasSetSubEntryPropertiesW: {
    parameters: [
      "buffer", // LPCWSTR lpszPhonebook (opt)
      "buffer", // LPCWSTR lpszEntry
      "u32", // DWORD dwSubEntry (1-based; an unknown index adds a subentry)
      "buffer", // LPRASSUBENTRYW lpRasSubEntry
      "u32", // DWORD dwcbRasSubEntry
      "buffer", // LPBYTE lpbDeviceConfig (opt, unused: NULL)
      "u32", // DWORD dwcbDeviceConfig (unused: 0)
    ],
    result: "u32",
  },
  RasDeleteSubEntryW: {
    parameters: [
      "buffer", // LPCWSTR pszPhonebook (opt)
      "buffer", // LPCWSTR pszEntry
      "u32", // DWORD dwSubEntryId (1-based)
    ],
    result: "u32",
  },
  RasGetCustomAuthDataW: {
    parameters: [
      "buffer", // LPCWSTR pszPhonebook (opt)
      "buffer", // LPCWSTR pszEntry
      "buffer", // BYTE* pbCustomAuthData (opt)
      "buffer", // DWORD* pdwSizeofCustomAuthData
    ],
    result: "u32",
  },
  RasSetCustomAuthDataW: {
    parameters: [
      "buffer", // LPCWSTR pszPhonebook (opt)
      "buffer", // LPCWSTR pszEntry
      "buffer", // BYTE* pbCustomAuthData
      "u32", // DWORD dwSizeofCustomAuthData
    ],
    result: "u32",
  },
  RasGetErrorStringW: {
    parameters: [
      "u32", // UINT ResourceId
      "buffer", // LPWSTR lpszString
      "u32", // DWORD InBufSize (in WCHARs)
    ],
    result: "u32",
  },
  RasEnumDevicesW: {
    parameters: [
      "buffer", // LPRASDEVINFOW lpRasDevInfo (opt)
      "buffer", // LPDWORD lpcb
      "buffer", // LPDWORD lpcDevices
    ],
    result: "u32",
  },
  RasGetConnectionStatistics: {
    parameters: [
      "pointer", // HRASCONN hRasConn
      "buffer", // RAS_STATS* lpStatistics
    ],
    result: "u32",
  },
  RasClearConnectionStatistics: {
    parameters: [
      "pointer", // HRASCONN hRasConn
    ],
    result: "u32",
  },
  RasGetProjectionInfoEx: {
    parameters: [
      "pointer", // HRASCONN hrasconn
      "buffer", // PRAS_PROJECTION_INFO pRasProjection (opt)
      "buffer", // LPDWORD lpdwSize
    ],
    result: "u32",
  },
  RasGetSubEntryHandleW: {
    parameters: [
      "pointer", // HRASCONN hrasconn
      "u32", // DWORD dwSubEntry
      "buffer", // LPHRASCONN lphrasconn
    ],
    result: "u32",
  },
  RasConnectionNotificationW: {
    parameters: [
      "pointer", // HRASCONN hrasconn (INVALID_HANDLE_VALUE = all connections)
      "pointer", // HANDLE hEvent
      "u32", // DWORD dwFlags (RASCN_*)
    ],
    result: "u32",
  },
} as const satisfies Deno.ForeignLibraryInterface;

/** The symbol table's type. */
export type Rasapi32Symbols = typeof rasapi32Symbols;

/** An opened rasapi32: the dynamic library's callable symbols. */
export type Rasapi32 = Deno.DynamicLibrary<Rasapi32Symbols>["symbols"];
