/**
 * RasError and the error table: every RAS code of raserror.h, the general Win32 codes RAS
 * functions return (SDK facts only; the hints of what to try next are the command layer's).
 *
 * @module
 */

import { RAS_ERRORS } from "./_ras_errors.ts";

export * from "./_error_codes.ts";

/** What rasctl knows about one error code. */
export interface ErrorInfo {
  /** The numeric code, e.g. 691. */
  code: number;
  /** The symbolic name, e.g. `ERROR_AUTHENTICATION_FAILURE`; `ERROR_<code>` when unknown. */
  name: string;
  /** The English message from the SDK (or Windows' own text when it supplies one). */
  message: string;
}

/** The Win32 codes rasapi32 returns (winerror.h): [code, symbolic name, message]. */
export const WIN32_ERRORS: readonly (readonly [number, string, string])[] = [
  [0, "ERROR_SUCCESS", "The operation completed successfully."],
  [1, "ERROR_INVALID_FUNCTION", "Incorrect function."],
  [2, "ERROR_FILE_NOT_FOUND", "The system cannot find the file specified."],
  [3, "ERROR_PATH_NOT_FOUND", "The system cannot find the path specified."],
  [5, "ERROR_ACCESS_DENIED", "Access is denied."],
  [6, "ERROR_INVALID_HANDLE", "The handle is invalid."],
  [
    8,
    "ERROR_NOT_ENOUGH_MEMORY",
    "Not enough memory resources are available to process this command.",
  ],
  [13, "ERROR_INVALID_DATA", "The data is invalid."],
  [
    14,
    "ERROR_OUTOFMEMORY",
    "Not enough memory resources are available to complete this operation.",
  ],
  [19, "ERROR_WRITE_PROTECT", "The media is write protected."],
  [21, "ERROR_NOT_READY", "The device is not ready."],
  [24, "ERROR_BAD_LENGTH", "The program issued a command but the command length is incorrect."],
  [50, "ERROR_NOT_SUPPORTED", "The request is not supported."],
  [53, "ERROR_BAD_NETPATH", "The network path was not found."],
  [80, "ERROR_FILE_EXISTS", "The file exists."],
  [86, "ERROR_INVALID_PASSWORD", "The specified network password is not correct."],
  [87, "ERROR_INVALID_PARAMETER", "The parameter is incorrect."],
  [120, "ERROR_CALL_NOT_IMPLEMENTED", "This function is not supported on this system."],
  [122, "ERROR_INSUFFICIENT_BUFFER", "The data area passed to a system call is too small."],
  [123, "ERROR_INVALID_NAME", "The filename, directory name, or volume label syntax is incorrect."],
  [126, "ERROR_MOD_NOT_FOUND", "The specified module could not be found."],
  [127, "ERROR_PROC_NOT_FOUND", "The specified procedure could not be found."],
  [160, "ERROR_BAD_ARGUMENTS", "One or more arguments are not correct."],
  [183, "ERROR_ALREADY_EXISTS", "Cannot create a file when that file already exists."],
  [234, "ERROR_MORE_DATA", "More data is available."],
  [259, "ERROR_NO_MORE_ITEMS", "No more data is available."],
  [487, "ERROR_INVALID_ADDRESS", "Attempt to access invalid address."],
  [
    995,
    "ERROR_OPERATION_ABORTED",
    "The I/O operation has been aborted because of either a thread exit or an application request.",
  ],
  [997, "ERROR_IO_PENDING", "Overlapped I/O operation is in progress."],
  [998, "ERROR_NOACCESS", "Invalid access to memory location."],
  [1004, "ERROR_INVALID_FLAGS", "Invalid flags."],
  [1052, "ERROR_INVALID_SERVICE_CONTROL", "The requested control is not valid for this service."],
  [
    1058,
    "ERROR_SERVICE_DISABLED",
    "The service cannot be started, either because it is disabled or because it has no enabled devices associated with it.",
  ],
  [
    1060,
    "ERROR_SERVICE_DOES_NOT_EXIST",
    "The specified service does not exist as an installed service.",
  ],
  [1062, "ERROR_SERVICE_NOT_ACTIVE", "The service has not been started."],
  [1114, "ERROR_DLL_INIT_FAILED", "A dynamic link library (DLL) initialization routine failed."],
  [1168, "ERROR_NOT_FOUND", "Element not found."],
  [1223, "ERROR_CANCELLED", "The operation was canceled by the user."],
  [1231, "ERROR_NETWORK_UNREACHABLE", "The network location cannot be reached."],
  [1232, "ERROR_HOST_UNREACHABLE", "The network location cannot be reached."],
  [1314, "ERROR_PRIVILEGE_NOT_HELD", "A required privilege is not held by the client."],
  [1326, "ERROR_LOGON_FAILURE", "The user name or password is incorrect."],
  [
    1355,
    "ERROR_NO_SUCH_DOMAIN",
    "The specified domain either does not exist or could not be contacted.",
  ],
  [1400, "ERROR_INVALID_WINDOW_HANDLE", "Invalid window handle."],
  [1460, "ERROR_TIMEOUT", "This operation returned because the timeout period expired."],
  [
    1784,
    "ERROR_INVALID_USER_BUFFER",
    "The supplied user buffer is not valid for the requested operation.",
  ],
  // IKEv2 VPN failures come back as IPsec codes from winerror.h.
  [13801, "ERROR_IPSEC_IKE_AUTH_FAIL", "IKE authentication credentials are unacceptable."],
  [13806, "ERROR_IPSEC_IKE_NO_CERT", "IKE failed to find valid machine certificate."],
  [13868, "ERROR_IPSEC_IKE_POLICY_MATCH", "Policy match error."],
];

let table: ReadonlyMap<number, readonly [number, string, string]> | undefined;

/** The code-to-row map, built on first lookup (a command that succeeds never needs it). */
function errorTable(): ReadonlyMap<number, readonly [number, string, string]> {
  return table ??= new Map([...WIN32_ERRORS, ...RAS_ERRORS].map((row) => [row[0], row]));
}

/**
 * Every code in rasctl's table.
 *
 * @returns The codes, Win32 ones first.
 * @example
 * ```ts
 * knownErrorCodes().includes(691); // true
 * ```
 */
export function knownErrorCodes(): number[] {
  return [...errorTable().keys()];
}

/**
 * Looks a code up in rasctl's own table (works with no rasapi32 at all).
 *
 * @param code A RAS or Win32 error code.
 * @returns Its name and message; an `ERROR_<code>` placeholder when unknown.
 * @example
 * ```ts
 * errorInfo(691).name; // "ERROR_AUTHENTICATION_FAILURE"
 * ```
 */
export function errorInfo(code: number): ErrorInfo {
  const row = errorTable().get(code);
  return {
    code,
    name: row?.[1] ?? `ERROR_${code}`,
    message: row?.[2] ?? `Unknown error ${code}.`,
  };
}

/** Where a RAS failure happened. */
export interface RasErrorContext {
  /** The rasapi32 function, e.g. `RasDial`. */
  operation: string;
  /** The phone-book entry concerned, if any. */
  entry?: string | undefined;
  /** The phone-book file concerned, if any. */
  phonebook?: string | undefined;
}

const VERBS: Readonly<Record<string, string>> = {
  RasDial: "dial",
  RasHangUp: "hang up",
  RasGetEntryProperties: "read entry",
  RasSetEntryProperties: "write entry",
  RasDeleteEntry: "delete entry",
  RasRenameEntry: "rename entry",
  RasValidateEntryName: "use the name",
  RasEnumEntries: "list entries in the phone book",
  RasGetCredentials: "read the credentials of",
  RasSetCredentials: "save the credentials of",
  RasEnumConnections: "list connections",
  RasEnumDevices: "list devices",
  RasGetConnectStatus: "read the status of",
  RasGetConnectionStatistics: "read the statistics of",
  RasClearConnectionStatistics: "clear the statistics of",
  RasGetProjectionInfoEx: "read the addresses of",
};

/**
 * A failure reported by a rasapi32 function.
 *
 * @example
 * ```ts
 * try {
 *   check(691, "RasDial", "Corp VPN");
 * } catch (error) {
 *   if (!(error instanceof RasError)) throw error;
 *   error.name; // "ERROR_AUTHENTICATION_FAILURE"
 *   error.message; // 'Cannot dial "Corp VPN": the remote connection was denied ... (ERROR 691)'
 * }
 * ```
 */
export class RasError extends Error {
  /** The numeric code, e.g. 691. */
  readonly code: number;
  /** The rasapi32 function that failed, e.g. `RasDial`. */
  readonly operation: string;
  /** The entry concerned, or null. */
  readonly entry: string | null;
  /** The phone-book file concerned, or null. */
  readonly phonebook: string | null;
  /** The symbolic name, e.g. `ERROR_AUTHENTICATION_FAILURE`. */
  override readonly name: string;

  /**
   * Builds the error and its message ("Cannot dial "Corp VPN": ... (ERROR 691)") from the
   * code and where it happened. The detail is Windows' own text for the code when rasapi32 is
   * open (see {@link setMessageSource}), else rasctl's table.
   *
   * @param code The code the function returned.
   * @param context The operation and the entry or phone book concerned.
   * @example
   * ```ts
   * new RasError(691, { operation: "RasDial", entry: "Corp VPN" }).name;
   * // "ERROR_AUTHENTICATION_FAILURE"
   * ```
   */
  constructor(code: number, context: RasErrorContext) {
    const info = errorInfo(code);
    const detail = (messageSource?.(code) ?? info.message).replace(/\.$/, "");
    const verb = VERBS[context.operation] ?? context.operation;
    const entry = context.entry === undefined ? "" : ` "${context.entry}"`;
    const book = context.phonebook === undefined
      ? ""
      : `${context.entry === undefined ? "" : " in phone book"} "${context.phonebook}"`;
    const what = `${verb}${entry}${book}`;
    super(`Cannot ${what}: ${lowerFirst(detail)} (ERROR ${code})`);
    this.code = code;
    this.name = info.name;
    this.operation = context.operation;
    this.entry = context.entry ?? null;
    this.phonebook = context.phonebook ?? null;
  }
}

function lowerFirst(text: string): string {
  // Keep acronyms ("IKE", "PPP") as they are.
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/** Looks up Windows' message for a code at run time (RasGetErrorStringW), if available. */
export type MessageSource = (code: number) => string | undefined;

let messageSource: MessageSource | undefined;

/**
 * Installs the run-time message lookup (the library module does this once rasapi32 is open).
 *
 * @param source A function returning Windows' text for a code, or undefined.
 * @example
 * ```ts
 * setMessageSource(() => undefined);
 * ```
 */
export function setMessageSource(source: MessageSource | undefined): void {
  messageSource = source;
}

/**
 * Throws a RasError unless `code` is 0 (ERROR_SUCCESS).
 *
 * @param code What the rasapi32 function returned.
 * @param operation The function's name without the W, e.g. `RasDial`.
 * @param entry The entry concerned, if any.
 * @param phonebook The phone-book file concerned, if any.
 * @throws {RasError} When `code` is not 0.
 * @example
 * ```ts
 * check(0, "RasHangUp"); // returns
 * ```
 */
export function check(code: number, operation: string, entry?: string, phonebook?: string): void {
  if (code === 0) return;
  throw new RasError(code, { operation, entry, phonebook });
}
