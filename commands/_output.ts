/**
 * What rasctl prints: exactly one JSON document on stdout per command (ASCII-only, non-ASCII
 * escaped as \uXXXX so Windows PowerShell 5.1 reads it intact under any code page), or a
 * table when a person is looking; errors as `{"error": {...}}` on stderr; and exit statuses.
 *
 * @module
 */

import { RasError } from "../ras/errors.ts";
import { PhonebookFileError } from "../ras/phonebook_file.ts";
import { PhonebookLockError } from "../ras/phonebook_lock.ts";

/** How to print results. */
export type Format = "json" | "table";

/** Invalid usage or input: exit status 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
  /** The input field or option concerned, if any. */
  readonly field: string | null;
  constructor(message: string, field?: string) {
    super(message);
    this.field = field ?? null;
  }
}

/** Exit statuses. */
export const EXIT = { ok: 0, failure: 1, usage: 2, rasError: 3 } as const;

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

/**
 * Chooses the output format: an explicit choice wins; else a table for a terminal, JSON for a
 * pipe or file.
 */
export function chooseFormat(options: { json?: boolean; format?: string }): Format {
  if (options.json) return "json";
  if (options.format === "json" || options.format === "table") return options.format;
  if (options.format !== undefined) {
    throw new UsageError(`--format must be json or table, got "${options.format}"`, "format");
  }
  return Deno.stdout.isTerminal() ? "table" : "json";
}

const encoder = new TextEncoder();

/** Writes the command's one result document. */
export function printResult(value: unknown, format: Format): void {
  const text = format === "json" ? asciiJson(value) : renderTable(value);
  Deno.stdout.writeSync(encoder.encode(text + "\n"));
}

/** Writes one line to stderr. */
export function printError(line: string): void {
  Deno.stderr.writeSync(encoder.encode(line + "\n"));
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(cell).join(",");
  if (typeof value === "object") {
    return Object.values(value as Record<string, unknown>).filter((v) => v !== null && v !== "")
      .map(cell).join(" ");
  }
  return String(value);
}

/**
 * A plain-text view for a person: a list becomes a table (one row per item, one column per
 * top-level key); a single object becomes one `field  value` line per field, nested fields
 * spelled with dots (`ipv4.address`), since one row of twenty columns cannot be read. The raw
 * option words stay in the JSON.
 */
export function renderTable(value: unknown): string {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const fields = flatten(value as Record<string, unknown>, "");
    return fields.length === 0 ? "(none)" : alignColumns(fields);
  }
  const rows = Array.isArray(value) ? value : [value];
  if (rows.length === 0) return "(none)";
  if (rows.every((r) => r === null || typeof r !== "object")) return rows.map(cell).join("\n");
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r as object)))].filter((k) =>
    k !== "raw"
  );
  return alignColumns([
    keys,
    ...rows.map((r) => keys.map((k) => cell((r as Record<string, unknown>)[k]))),
  ]);
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
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  return table.map((row) => row.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd()).join(
    "\n",
  );
}

/** The JSON body of an error report. */
export interface ErrorReport {
  code: number | null;
  name: string;
  message: string;
  hint: string | null;
  operation: string | null;
  entry: string | null;
  /** The option, argument or settings field that was wrong, for input errors. */
  field: string | null;
}

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
        hint: error.hint,
        operation: error.operation,
        entry: error.entry,
        field: null,
      },
      // Like rasdial.exe: `$LASTEXITCODE -eq 691`. Elsewhere statuses are 8-bit and a code
      // could wrap to 0, so RAS errors exit 3.
      status: os === "windows" ? error.code : EXIT.rasError,
    };
  }
  const plain = (name: string, message: string, status: number, field: string | null = null) => ({
    report: { code: null, name, message, hint: null, operation: null, entry: null, field },
    status,
  });
  if (error instanceof UsageError) {
    return plain("UsageError", error.message, EXIT.usage, error.field);
  }
  // A phone book that cannot be made or used is the --phonebook input's problem (exit 2).
  if (error instanceof PhonebookFileError) {
    return plain("UsageError", error.message, EXIT.usage, "--phonebook");
  }
  if (error instanceof PhonebookLockError) return plain("UsageError", error.message, EXIT.usage);
  if (error instanceof RangeError || error instanceof TypeError) {
    return plain(error.name, error.message, EXIT.usage);
  }
  if (error instanceof Error) return plain(error.name, error.message, EXIT.failure);
  return plain("Error", String(error), EXIT.failure);
}

/**
 * Writes a thrown error to stderr as `{"error": {...}}`.
 *
 * @param error What was thrown.
 * @returns The exit status it means.
 */
export function reportError(error: unknown): number {
  const { report, status } = describeError(error);
  printError(asciiJson({ error: report }, 0));
  return status;
}
