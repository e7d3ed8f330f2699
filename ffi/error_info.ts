/**
 * Looking a code up in the error table (generated: the general Win32 codes RAS functions
 * return, ffi/win32_errors.ts, and every RAS code of raserror.h). Apart from RasError
 * (ffi/errors.ts) so that explaining a code (`rasctl error 691`) loads the table alone, not
 * RasError and the ERROR_* constants.
 *
 * @module
 */

import ERROR_TABLE from "./_error_table.json" with { type: "json" };

/** A row of the table: [code, symbolic name, message]. */
type Row = [number, string, string];

/** What rasctl knows about one error code. */
export interface ErrorInfo {
  /** The numeric code, e.g. 691. */
  code: number;
  /** The symbolic name, e.g. `ERROR_AUTHENTICATION_FAILURE`; `ERROR_<code>` when unknown. */
  name: string;
  /** The English message from the SDK (or Windows' own text when it supplies one). */
  message: string;
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
  return (ERROR_TABLE as Row[]).map((row) => row[0]);
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
  const row = (ERROR_TABLE as Row[]).find((r) => r[0] === code);
  return {
    code,
    name: row?.[1] ?? `ERROR_${code}`,
    message: row?.[2] ?? `Unknown error ${code}.`,
  };
}
