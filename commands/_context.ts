/**
 * What every command shares: the global options, the output format, progress on stderr, the
 * JSON-lines log file, and an abort signal fired by Ctrl+C or a timeout.
 *
 * @module
 */

import {
  asciiJson,
  chooseFormat,
  describeError,
  type Format,
  printError,
  printResult,
  printText,
  UsageError,
} from "./_output.ts";

/** The options every command accepts. */
export interface GlobalOptions {
  json?: boolean;
  format?: string;
  quiet?: boolean;
  progressJson?: boolean;
  logFile?: string;
}

/** A running command's shared services. */
export class Context {
  readonly format: Format;
  readonly #options: GlobalOptions;
  /**
   * The exit status when the command succeeds but must say "no" (`profile test`: not in the
   * desired state). Errors still decide the status themselves.
   */
  exitStatus = 0;

  constructor(options: GlobalOptions) {
    this.#options = options;
    this.format = chooseFormat(options);
  }

  /** Prints the command's result document (and logs it). */
  result(value: unknown): void {
    this.log("result", { result: value });
    printResult(value, this.format);
  }

  /**
   * Prints one line of plain text as the result, for callers that read a scalar or a summary
   * line (Intune, ConfigMgr, DSC's JSON lines), non-ASCII escaped as \uXXXX.
   */
  text(line: string): void {
    this.log("result", { text: line });
    printText(line);
  }

  /** Shows a dial state (stderr), unless --quiet. */
  progress(entry: string, state: string, stateCode: number): void {
    this.log("state", { entry, state, stateCode });
    if (this.#options.quiet) return;
    if (this.#options.progressJson) {
      printError(asciiJson({ progress: { entry, state, stateCode } }, 0));
    } else {
      printError(`${entry}: ${state}`);
    }
  }

  /** A note for a person (stderr), unless --quiet. */
  note(message: string): void {
    this.log("note", { message });
    if (!this.#options.quiet) {
      printError(this.#options.progressJson ? asciiJson({ note: message }, 0) : message);
    }
  }

  /** Appends one JSON line to --log-file, if given. Callers never pass secrets. */
  log(event: string, data: Record<string, unknown> = {}): void {
    const path = this.#options.logFile;
    if (!path) return;
    const line = asciiJson({ time: new Date().toISOString(), pid: Deno.pid, event, ...data }, 0) +
      "\n";
    try {
      Deno.writeTextFileSync(path, line, { append: true });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new UsageError(`cannot append to --log-file "${path}": ${reason}`, "logFile");
    }
  }
}

/**
 * An abort signal that fires on Ctrl+C (SIGINT, and SIGBREAK on Windows) or after `seconds`.
 *
 * @param seconds The time limit, or undefined for none.
 * @returns The signal and a function that removes the listeners.
 */
export function interruptSignal(
  seconds: number | undefined,
): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onSignal = () =>
    controller.abort(
      new InterruptedError("interrupted (Ctrl+C); what was started has been hung up"),
    );
  const signals: Deno.Signal[] = Deno.build.os === "windows"
    ? ["SIGINT", "SIGBREAK"]
    : ["SIGINT", "SIGTERM"];
  for (const s of signals) Deno.addSignalListener(s, onSignal);
  const timer = seconds === undefined ? undefined : setTimeout(
    () => controller.abort(new TimeoutError(`timed out after ${seconds} s`)),
    seconds * 1000,
  );
  return {
    signal: controller.signal,
    dispose() {
      for (const s of signals) Deno.removeSignalListener(s, onSignal);
      clearTimeout(timer);
    },
  };
}

/** The user pressed Ctrl+C (exit 1). */
export class InterruptedError extends Error {
  override readonly name = "InterruptedError";
}

/** The command ran out of time (exit 1). */
export class TimeoutError extends Error {
  override readonly name = "TimeoutError";
}

/**
 * Parses a number of seconds given as an option.
 *
 * @param value The option's text.
 * @param option The option's name, for messages.
 * @returns The number.
 * @throws {UsageError} When it is not a positive number.
 */
export function parseSeconds(value: string, option: string): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !(n > 0) || n > 86400) {
    throw new UsageError(`${option} takes seconds from 0 to 86400, got "${value}"`, option);
  }
  return n;
}

/**
 * Parses a whole number given as an option.
 *
 * @param value The option's text.
 * @param option The option's name.
 * @param max The largest allowed value.
 * @returns The number.
 * @throws {UsageError} When it is not a whole number from 0 to max.
 */
export function parseCount(value: string, option: string, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) > max) {
    throw new UsageError(`${option} takes a whole number from 0 to ${max}, got "${value}"`, option);
  }
  return Number(value);
}

/**
 * Runs a command's action with its Context: logs start, result and error to --log-file.
 *
 * @param name The command's name, for the log.
 * @param options Its options (global ones included).
 * @param action The work; it prints its result through the context.
 * @returns The exit status the action set (0 unless it said otherwise).
 */
export async function runWithContext(
  name: string,
  options: Record<string, unknown>,
  action: (context: Context) => Promise<void> | void,
): Promise<number> {
  const context = new Context(options as GlobalOptions);
  context.log("start", { command: name });
  try {
    await action(context);
    return context.exitStatus;
  } catch (error) {
    context.log("error", { error: describeError(error).report });
    throw error;
  }
}
