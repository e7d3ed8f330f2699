/**
 * Looking a code up in the error table (generated: the general Win32 codes RAS functions
 * return, ffi/win32_errors.ts, and every RAS code of raserror.h). Apart from RasError
 * (ffi/errors.ts) so that explaining a code (`rasctl error 691`) loads the table alone, not
 * RasError and the ERROR_* constants.
 *
 * @module
 */

import ERROR_TABLE from "./_error_table.json" with { type: "json" };
import type * as Codes from "./_error_codes.ts";

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

/** The name of a code the generated table knows, e.g. `ERROR_BUFFER_TOO_SMALL`. */
export type ErrorName = keyof typeof Codes;

/**
 * A code by its name, from the same generated table: the value of the `ERROR_*` constant of
 * that name, for a module that needs one or two codes without loading all 326 constants
 * (`./_error_codes.ts` is imported for its types only, which cost nothing at run time).
 *
 * @param name The constant's name; a name the table lacks does not type-check.
 * @returns Its code.
 * @example
 * ```ts
 * errorCode("ERROR_BUFFER_TOO_SMALL"); // 603
 * ```
 */
export function errorCode<N extends ErrorName>(name: N): (typeof Codes)[N] {
  const row = (ERROR_TABLE as Row[]).find((r) => r[1] === name);
  if (!row) throw new RangeError(`${name} is not in the generated error table`);
  return row[0] as (typeof Codes)[N];
}
