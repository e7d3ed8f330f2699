/**
 * What rasctl prints: exactly one JSON document on stdout per command (ASCII-only, non-ASCII
 * escaped as \uXXXX so Windows PowerShell 5.1 reads it intact under any code page), or a
 * table when a person is looking; errors as `{"error": {...}}` on stderr (readable text when a
 * person is looking); and exit statuses. How an error is worded for the report is
 * ./_report.ts, loaded only when something failed.
 *
 * @module
 */

export { asciiJson, ClosedStdout, writeText } from "./_write.ts";

/** How to print results. */
export type Format = "json" | "table";

/** Exit statuses. */
export const EXIT = { ok: 0, failure: 1, usage: 2, rasError: 3 } as const;

/** Where rasctl reads and writes: Deno's own streams, or a test's. */
export interface IO {
  stdin: {
    readonly readable: ReadableStream<Uint8Array>;
    isTerminal(): boolean;
    setRaw?(raw: boolean): void;
  };
  stdout: { writeSync(data: Uint8Array): number; isTerminal(): boolean };
  stderr: { writeSync(data: Uint8Array): number; isTerminal(): boolean };
  /**
   * The run's environment variables, when they are not the process's (a test running many
   * simulated machines in one process); see ras/environment.ts.
   */
  env?: (name: string) => string | undefined;
}

/** The process's own stdin, stdout and stderr. */
export function processIO(): IO {
  return { stdin: Deno.stdin, stdout: Deno.stdout, stderr: Deno.stderr };
}

/** An explicit choice wins; else a table for a terminal, JSON for a pipe or file. */
export function chooseFormat(
  options: { json?: boolean | undefined; format?: Format | undefined },
  stdoutIsTerminal: boolean,
): Format {
  if (options.json) return "json";
  return options.format ?? (stdoutIsTerminal ? "table" : "json");
}
