/**
 * Explains a RAS or Win32 error code: its name and message. Loads the error table alone (no
 * rasapi32, no RasError), so `rasctl error 691` starts as fast as `--version`.
 *
 * @module
 */

import { type ErrorInfo, errorInfo } from "../ffi/error_info.ts";

/** What rasctl knows about one error code: its name and message. */
export type { ErrorInfo };

/**
 * Explains an error code; works with no rasapi32 at all.
 *
 * @param code A RAS (600-878) or Win32 error code.
 * @returns Its symbolic name, and message.
 * @throws {RangeError} When the code is not a non-negative 32-bit integer.
 * @example
 * ```ts
 * explainError(691).name; // "ERROR_AUTHENTICATION_FAILURE"
 * ```
 */
export function explainError(code: number): ErrorInfo {
  if (!Number.isInteger(code) || code < 0 || code > 0xffffffff) {
    throw new RangeError(`an error code is a whole number from 0 to 4294967295, got ${code}`);
  }
  return errorInfo(code);
}
