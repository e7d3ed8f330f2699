/**
 * What is left of a caller's time limit, for bounded clean-up.
 *
 * @module
 */

/**
 * Milliseconds left until `deadline`, never negative; `fallbackMs` when there is none.
 *
 * @param deadline `Date.now()` milliseconds, or undefined for no limit.
 * @param fallbackMs The wait when there is no deadline.
 * @param now The current time (default `Date.now()`).
 * @returns The wait in milliseconds.
 * @example
 * ```ts
 * timeLeft(1_000, 10_000, 400); // 600
 * ```
 */
export function timeLeft(
  deadline: number | undefined,
  fallbackMs: number,
  now: number = Date.now(),
): number {
  return deadline === undefined ? fallbackMs : Math.max(0, deadline - now);
}
