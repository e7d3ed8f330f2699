/**
 * An error as the user sees it: the seven-key report (name from the documented list, message
 * in the user's terms, the option or JSON path as `field`) and the exit status, and its text
 * for a person. Loaded only when something failed, so a run that succeeds does not pay for it.
 *
 * @module
 */

import type { RasError } from "../ras/errors.ts";
import { InvalidInputError } from "../ras/input_error.ts";
import { hintFor } from "./_hints.ts";
import { InternalError, InterruptedError, TimeoutError, UsageError } from "./_errors.ts";
import { EXIT } from "./_output.ts";
import { asciiJson } from "./_write.ts";

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
  type: { flag: "--type", say: (m) => `--type: ${m}` },
  "device.name": { flag: "--device-name", say: (m) => `--device-name: ${m}` },
  "device.type": { flag: "--device-type", say: (m) => `--device-type: ${m}` },
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
 * Whether an error is a RasError. Told by its shape, so that reporting an error does not load
 * the error table (a RasError's module loaded it already).
 */
function isRasError(error: unknown): error is RasError {
  return error instanceof Error && /^ERROR_/.test(error.name) &&
    typeof (error as Partial<RasError>).code === "number" &&
    typeof (error as Partial<RasError>).operation === "string";
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
  if (isRasError(error)) {
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

/**
 * An error report as its stderr line: readable text for a person at a terminal, else the
 * `{"error": {...}}` JSON line.
 *
 * @param report The report.
 * @param person Whether a person reads stderr.
 * @returns The line, without its newline.
 */
export function errorLine(report: ErrorReport, person: boolean): string {
  if (!person) return asciiJson({ error: report }, 0);
  const lines = [`rasctl: ${report.message}`];
  if (report.hint) lines.push(`hint: ${report.hint}`);
  return lines.join("\n");
}
