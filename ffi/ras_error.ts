/**
 * RasError and check(): a failed rasapi32 call as an exception, named and worded from the
 * error table (./error_info.ts). Kept apart from the 326 generated ERROR_* constants
 * (./errors.ts re-exports both) so a call that only needs to throw loads the table alone.
 *
 * @module
 */

import { errorInfo } from "./error_info.ts";

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
