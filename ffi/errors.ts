/**
 * RasError and check(), with the error table (ffi/error_info.ts: every RAS code of raserror.h,
 * the general Win32 codes RAS functions return) and the generated ERROR_* constants re-exported
 * (SDK facts only; the hints of what to try next are the command layer's). Inside ffi/, a
 * module that only throws imports ./ras_error.ts and the constants it names from
 * ./_error_codes.ts, so its callers do not load all 326.
 *
 * @module
 */

export * from "./_error_codes.ts";
export { type ErrorInfo, errorInfo, knownErrorCodes } from "./error_info.ts";
export {
  check,
  type MessageSource,
  RasError,
  type RasErrorContext,
  setMessageSource,
} from "./ras_error.ts";
