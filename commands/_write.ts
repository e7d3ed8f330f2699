/**
 * Bytes out: ASCII-only JSON, and complete writes that tell a closed stdout from other
 * failures. Apart from _output.ts (error reports) so that the commands `main()` answers without
 * the parser (`--version`, `error CODE`) load only this.
 *
 * @module
 */

/** stdout was closed by its reader (`rasctl ... | head`): the run ends quietly. */
export class ClosedStdout extends Error {
  override readonly name = "ClosedStdout";
}

const encoder = new TextEncoder();

/**
 * Writes all of `text`. A closed stdout throws {@link ClosedStdout}; a closed stderr is ignored
 * (there is nowhere left to say anything).
 */
export function writeText(
  stream: { writeSync(data: Uint8Array): number },
  text: string,
  which: "stdout" | "stderr" = "stdout",
): void {
  let bytes = encoder.encode(text);
  try {
    while (bytes.length > 0) bytes = bytes.subarray(stream.writeSync(bytes));
  } catch (error) {
    if (which === "stderr") return;
    if (error instanceof Deno.errors.BrokenPipe || error instanceof Deno.errors.BadResource) {
      throw new ClosedStdout("stdout was closed");
    }
    throw error;
  }
}

/**
 * Serialises to JSON with every non-ASCII character escaped, so the bytes are pure ASCII.
 *
 * @param value Any JSON-able value (no undefined in rasctl's shapes).
 * @param indent Spaces of indentation (0 = one line).
 * @returns ASCII JSON text.
 */
export function asciiJson(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
