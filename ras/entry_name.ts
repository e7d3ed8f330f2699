/**
 * Windows' rules for entry names (RasValidateEntryNameW), checkable without rasapi32 and
 * without zod, so even the cheapest commands refuse a bad name before any call.
 *
 * @module
 */

import { LIMITS } from "../ffi/limits.ts";

/**
 * Says what is wrong with an entry name, or null when Windows' rules allow it.
 *
 * @param name The candidate.
 * @returns A short reason, or null.
 * @example
 * ```ts
 * entryNameProblem("a/b"); // "must not contain | > < ? * \\ / :"
 * ```
 */
export function entryNameProblem(name: string): string | null {
  if (name.length === 0) return "must not be empty";
  if (name.length > LIMITS.entryName) return `is at most ${LIMITS.entryName} characters`;
  if (/[|><?*\\/:]/.test(name)) return "must not contain | > < ? * \\ / :";
  if (name.startsWith(".")) return "must not start with a dot";
  // deno-lint-ignore no-control-regex -- control characters are exactly what is refused
  if (/[\0-\x1f\x7f-\x9f]/.test(name)) return "must not contain control characters";
  if (!/[\p{L}\p{N}]/u.test(name)) return "needs at least one letter or digit";
  if (!name.isWellFormed()) return "contains a lone UTF-16 surrogate";
  return null;
}
