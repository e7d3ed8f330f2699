/**
 * The errors of rasctl's own that a user can see, besides RAS errors (`ERROR_*`). Their names
 * are the documented list (README "Errors and exit status"); anything else that escapes a
 * command is reported as {@link InternalError}.
 *
 * @module
 */

/** Invalid usage or input: exit status 2. */
export class UsageError extends Error {
  override readonly name: string = "UsageError";
  /** The option as typed (`--timeout`), the argument (`name`) or JSON path (`ipv4.dns.0`). */
  readonly field: string | null;
  /** What to do instead, if there is something better to say than "see --help". */
  readonly hint: string | null;
  constructor(message: string, field?: string | null, hint?: string | null) {
    super(message);
    this.field = field ?? null;
    this.hint = hint ?? null;
  }
}

/** An input file (`--from`) that cannot be read or parsed: exit status 2, naming the file. */
export class InputFileError extends UsageError {
  override readonly name = "InputFileError";
}

/** The command ran out of time (exit 1). */
export class TimeoutError extends Error {
  override readonly name = "TimeoutError";
}

/** The user pressed Ctrl+C, or the process was asked to stop (exit 1). */
export class InterruptedError extends Error {
  override readonly name = "InterruptedError";
}

/** A bug in rasctl: exit 1, with a request to report it. */
export class InternalError extends Error {
  override readonly name = "InternalError";
}

/** Every error name rasctl itself reports (RAS errors add their `ERROR_*` names). */
export const ERROR_NAMES = [
  "UsageError",
  "InputFileError",
  "TimeoutError",
  "InterruptedError",
  "LibraryNotFoundError",
  "InternalError",
] as const;
