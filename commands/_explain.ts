/**
 * What `rasctl error CODE` answers (the code's name, message and hint) and CODE's value type.
 * Apart from error.ts, which declares the command, so that `main()` can answer a plain
 * `rasctl error 691` from these alone, without the parser (see commands/main.ts).
 *
 * @module
 */

import { type ErrorInfo, explainError } from "../ras/explain.ts";
import { hintFor } from "./_hints.ts";
import { asciiJson, ClosedStdout, writeText } from "./_write.ts";

/** The largest code: a DWORD. */
export const MAX_CODE = 0xffffffff;

/**
 * Whether `text` is an error code as CODE takes it: a whole number from 0 to 4294967295.
 *
 * @param text The argument as typed.
 * @returns True for `691`, false for `-1`, `6.9` or `0x2b3`.
 */
export function isErrorCode(text: string): boolean {
  return /^\d{1,10}$/.test(text) && Number(text) <= MAX_CODE;
}

/** What `rasctl error` prints for one code. */
export interface Explanation extends ErrorInfo {
  /** What to try next, in rasctl's terms, or null. */
  hint: string | null;
}

/**
 * Explains a code for a user.
 *
 * @param code A RAS or Win32 code.
 * @returns Its name, message and hint.
 */
export function explanation(code: number): Explanation {
  return { ...explainError(code), hint: hintFor(code) };
}

/**
 * Prints a code's explanation as `rasctl error CODE` does for a pipe or file (JSON); a closed
 * stdout ends quietly.
 *
 * @param code A RAS or Win32 code.
 * @param stdout Where to write.
 */
export function printExplanation(
  code: number,
  stdout: { writeSync(data: Uint8Array): number },
): void {
  try {
    writeText(stdout, asciiJson(explanation(code)) + "\n");
  } catch (error) {
    if (!(error instanceof ClosedStdout)) throw error;
  }
}
