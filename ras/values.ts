/**
 * The facts the command layer validates input against, in the user's terms: Windows' length
 * limits (ras.h, lmcons.h) and whether a text is an IPv4 or IPv6 address, so that `commands/`
 * can check every value before any call without reaching into `ffi/`.
 *
 * @module
 */

import { LIMITS as FFI_LIMITS } from "../ffi/limits.ts";
import { parseIPv4, parseIPv6 } from "../ffi/ip.ts";

/** Length limits of ras.h and lmcons.h (characters, without the terminating NUL). */
export const LIMITS: typeof FFI_LIMITS = FFI_LIMITS;

/**
 * Which IP family an address literal is.
 *
 * @param text Such as `10.0.0.1` or `fd00::1`.
 * @returns `4`, `6`, or null when it is neither.
 * @example
 * ```ts
 * ipFamily("10.0.0.1"); // 4
 * ```
 */
export function ipFamily(text: string): 4 | 6 | null {
  try {
    if (text.includes(":")) {
      parseIPv6(text, "");
      return 6;
    }
    parseIPv4(text, "");
    return 4;
  } catch {
    return null;
  }
}

/**
 * Whether an address literal is the unspecified address (`0.0.0.0`, `::`), which Windows
 * stores as "no address" and so can never name a server.
 *
 * @param text An address literal that {@link ipFamily} accepts.
 * @returns True for the unspecified address.
 * @example
 * ```ts
 * isUnspecifiedAddress("0.0.0.0"); // true
 * ```
 */
export function isUnspecifiedAddress(text: string): boolean {
  if (!text.includes(":")) return parseIPv4(text, "").every((b) => b === 0);
  return parseIPv6(text, "").every((b) => b === 0);
}
