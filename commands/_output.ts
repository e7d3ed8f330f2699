/**
 * What rasctl prints: exactly one JSON document on stdout per command (ASCII-only, non-ASCII
 * escaped as \uXXXX so Windows PowerShell 5.1 reads it intact under any code page), or a
 * table when a person is looking; errors as `{"error": {...}}` on stderr (readable text when a
 * person is looking); and exit statuses.
 *
 * @module
 */

import { RasError } from "../ras/errors.ts";
import { InvalidInputError } from "../ras/input_error.ts";
import { hintFor } from "./_hints.ts";
import { InternalError, InterruptedError, TimeoutError, UsageError } from "./_errors.ts";

export { UsageError };

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
}

/** The process's own stdin, stdout and stderr. */
export function processIO(): IO {
  return { stdin: Deno.stdin, stdout: Deno.stdout, stderr: Deno.stderr };
}

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
  stream: IO["stdout"],
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

/** An explicit choice wins; else a table for a terminal, JSON for a pipe or file. */
export function chooseFormat(
  options: { json?: boolean | undefined; format?: Format | undefined },
  stdoutIsTerminal: boolean,
): Format {
  if (options.json) return "json";
  return options.format ?? (stdoutIsTerminal ? "table" : "json");
}

/** The JSON body of an error report. */
export interface ErrorReport {
  code: number | null;
  name: string;
  message: string;
  hint: string | null;
  operation: string | null;
  entry: string | null;
  /** The option as typed (`--timeout`), argument or JSON path (`ipv4.dns.0`), for input errors. */
  field: string | null;
}

/** Where a bug is reported. */
const REPORT_HINT = "this is a bug in rasctl; please report it with the command line you ran " +
  "(without secrets) at https://github.com/rasctl/rasctl/issues";

/** How the service layer's input fields read as the options that set them. */
const FIELD_PHRASES: Record<string, { flag: string; say: (message: string) => string }> = {
  server: { flag: "--server", say: (m) => `${m} (--server)` },
  phonebook: { flag: "--phonebook", say: (m) => m },
  prerequisiteCredentials: {
    flag: "--via-user",
    say: (m) => `--via-user, --via-domain and --via-password-* need --via or a prerequisite: ${m}`,
  },
};

/** The names a user may see besides RAS errors; anything else is an InternalError. */
const OWN_ERRORS = new Map<string, number>([
  ["UsageError", EXIT.usage],
  ["InputFileError", EXIT.usage],
  ["TimeoutError", EXIT.failure],
  ["InterruptedError", EXIT.failure],
  ["LibraryNotFoundError", EXIT.failure],
]);

/**
 * Describes a thrown error for stderr, and the exit status it means.
 *
 * @param error What was thrown.
 * @param os The OS (RAS codes become the exit status only on Windows, where they fit).
 * @returns The report and the status.
 */
export function describeError(
  error: unknown,
  os: typeof Deno.build.os = Deno.build.os,
): { report: ErrorReport; status: number } {
  if (error instanceof RasError) {
    return {
      report: {
        code: error.code,
        name: error.name,
        message: error.message,
        hint: hintFor(error.code),
        operation: error.operation,
        entry: error.entry,
        field: null,
      },
      // Like rasdial.exe: `$LASTEXITCODE -eq 691`. Elsewhere statuses are 8-bit and a code
      // could wrap to 0, so RAS errors exit 3.
      status: os === "windows" ? error.code : EXIT.rasError,
    };
  }
  const report = (
    name: string,
    message: string,
    hint: string | null = null,
    field: string | null = null,
  ): ErrorReport => ({ code: null, name, message, hint, operation: null, entry: null, field });
  if (error instanceof UsageError) {
    return {
      report: report(error.name, error.message, error.hint, error.field),
      status: EXIT.usage,
    };
  }
  if (error instanceof InvalidInputError) {
    const phrase = FIELD_PHRASES[error.field];
    return {
      report: report(
        "UsageError",
        phrase ? phrase.say(error.message) : error.message,
        null,
        phrase?.flag ?? error.field,
      ),
      status: EXIT.usage,
    };
  }
  if (
    error instanceof Error && OWN_ERRORS.has(error.name) &&
    (error instanceof TimeoutError || error instanceof InterruptedError ||
      error.name === "LibraryNotFoundError")
  ) {
    return { report: report(error.name, error.message), status: OWN_ERRORS.get(error.name)! };
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const internal = new InternalError(`internal error: ${message}`);
  return { report: report(internal.name, internal.message, REPORT_HINT), status: EXIT.failure };
}

/** An error report as text for a person at a terminal. */
export function errorText(report: ErrorReport): string {
  const lines = [`rasctl: ${report.message}`];
  if (report.hint) lines.push(`hint: ${report.hint}`);
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------
// Tables

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(cell).join(",");
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>).filter(([, v]) =>
      v !== null && v !== ""
    ).map(([k, v]) => `${k}=${cell(v)}`).join(" ");
  }
  return String(value);
}

/** The display width of a text in a terminal: East Asian wide characters count two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const c of text) {
    const cp = c.codePointAt(0)!;
    // Combining marks and zero-width characters take no column.
    if (/\p{Mn}|\p{Me}|\u200b|\u200c|\u200d|\ufeff/u.test(c)) continue;
    width += isWide(cp) ? 2 : 1;
  }
  return width;
}

/** East Asian Wide and Fullwidth ranges (Unicode UAX #11), and emoji presentation. */
function isWide(cp: number): boolean {
  return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) || (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) || (cp >= 0x20000 && cp <= 0x3fffd);
}

/** Pads to a display width. */
function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

/**
 * A plain-text view for a person: a list becomes a table, one row per item and one labelled
 * column per leaf (`device.type`, `ipv4.address`), so nothing nested is shown unlabelled; a
 * single object becomes one `field  value` line per field. The raw option words stay in the
 * JSON.
 */
export function renderTable(value: unknown): string {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const fields = flatten(value as Record<string, unknown>, "");
    return fields.length === 0 ? "(none)" : alignColumns(fields);
  }
  const rows = Array.isArray(value) ? value : [value];
  if (rows.length === 0) return "(none)";
  if (rows.every((r) => r === null || typeof r !== "object")) return rows.map(cell).join("\n");
  const flat = rows.map((r) =>
    new Map(flatten(r as Record<string, unknown>, "") as [
      string,
      string,
    ][])
  );
  const keys = [...new Set(flat.flatMap((r) => [...r.keys()]))];
  return alignColumns([keys, ...flat.map((r) => keys.map((k) => r.get(k) ?? ""))]);
}

/** `[path, text]` for every leaf of an object, depth first; `raw` is left out. */
function flatten(object: Record<string, unknown>, prefix: string): string[][] {
  return Object.entries(object).filter(([key]) => key !== "raw").flatMap(([key, v]) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? flatten(v as Record<string, unknown>, `${prefix}${key}.`)
      : [[`${prefix}${key}`, cell(v)]]
  );
}

/** Pads every column to its widest cell, two spaces between columns. */
function alignColumns(table: string[][]): string {
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => displayWidth(row[i]!))));
  return table.map((row) => row.map((c, i) => pad(c, widths[i]!)).join("  ").trimEnd()).join(
    "\n",
  );
}
