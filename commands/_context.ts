/**
 * What every command shares: its IO (stdin, stdout, stderr and whether each is a terminal),
 * the output format, progress on stderr, events as NDJSON, and the JSON-lines log file.
 * Commands write only through the Context, so tests can run them in-process.
 *
 * @module
 */

import {
  asciiJson,
  chooseFormat,
  ClosedStdout,
  type Format,
  type IO,
  writeText,
} from "./_output.ts";
import { UsageError } from "./_errors.ts";
import { load } from "./_load.ts";
import type { GlobalValues } from "./_spec.ts";

/**
 * Appends one JSON line to a log file. Callers never pass secrets.
 *
 * @throws {UsageError} When the file cannot be appended to (naming it, as --log-file).
 */
export function appendLog(path: string, event: string, data: Record<string, unknown>): void {
  const line = asciiJson({ time: new Date().toISOString(), pid: Deno.pid, event, ...data }, 0) +
    "\n";
  try {
    Deno.writeTextFileSync(path, line, { append: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/, (open|write) '.*$/, "") : "";
    throw new UsageError(`cannot append to --log-file "${path}": ${reason}`, "--log-file");
  }
}

/** A running command's shared services. */
export class Context {
  readonly format: Format;
  readonly io: IO;
  readonly #options: Partial<GlobalValues>;
  readonly #command: string;
  /**
   * The exit status of a run that succeeds but answers "no" (`profile test`: not in the desired
   * state); errors still set their own.
   */
  exitStatus = 0;

  #table: ((value: unknown) => string) | undefined;

  /** Loads what the output format needs (the table renderer, only for a person). */
  async prepare(): Promise<void> {
    if (this.format === "table" && !this.#table) {
      const { renderTable } = await load<typeof import("./_table.ts")>("./_table.ts");
      this.#table = renderTable;
    }
  }

  constructor(io: IO, options: Partial<GlobalValues>, command: string) {
    this.io = io;
    this.#options = options;
    this.#command = command;
    this.format = chooseFormat(options, io.stdout.isTerminal());
  }

  /** Whether a person is at stdin's terminal. */
  get stdinIsTerminal(): boolean {
    return this.io.stdin.isTerminal();
  }

  /** Prints the command's result document (and logs it). */
  result(value: unknown): void {
    this.log("result", { result: value });
    writeText(
      this.io.stdout,
      (this.#table ? this.#table(value) : asciiJson(value)) + "\n",
    );
  }

  /** Prints text that is the command's whole output (task XML). */
  print(text: string): void {
    writeText(this.io.stdout, text.endsWith("\n") ? text : text + "\n");
  }

  /** One NDJSON event on stdout and the same event in the log (`ensure --keep`). */
  event(event: string, data: Record<string, unknown>): void {
    this.log(event, data);
    writeText(this.io.stdout, asciiJson({ event, ...data }, 0) + "\n");
  }

  /** Shows a dial state (stderr), unless --quiet. */
  progress(entry: string, state: string, stateCode: number): void {
    this.log("state", { entry, state, stateCode });
    if (this.#options.quiet) return;
    if (this.#options.progressJson) {
      this.#stderr(asciiJson({ progress: { entry, state, stateCode } }, 0));
    } else {
      this.#stderr(`${entry}: ${state}`);
    }
  }

  /** A note for a person (stderr), unless --quiet. */
  note(message: string): void {
    this.log("note", { message });
    if (!this.#options.quiet) {
      this.#stderr(this.#options.progressJson ? asciiJson({ note: message }, 0) : message);
    }
  }

  /** Writes a prompt to stderr (no newline). */
  prompt(text: string): void {
    writeText(this.io.stderr, text, "stderr");
  }

  /** Appends one JSON line to --log-file, if given. Callers never pass secrets. */
  log(event: string, data: Record<string, unknown> = {}): void {
    if (this.#options.logFile) appendLog(this.#options.logFile, event, data);
  }

  /** The start line of the log. */
  start(): void {
    this.log("start", { command: this.#command });
  }

  /** Whether a person reads this run's errors: a table is printed and stderr is a terminal. */
  get personReadsErrors(): boolean {
    return this.format === "table" && this.io.stderr.isTerminal();
  }

  /** Writes an error's line (from ./_report.ts errorLine) on stderr. */
  reportError(line: string): void {
    this.#stderr(line);
  }

  #stderr(line: string): void {
    writeText(this.io.stderr, line + "\n", "stderr");
  }
}

/**
 * Runs a command's action with its Context: logs start, result and error to --log-file, and
 * reports the error on stderr.
 *
 * @returns The exit status.
 */
export async function runWithContext(
  ctx: Context,
  action: (context: Context) => Promise<void> | void,
): Promise<number> {
  try {
    ctx.start();
    await ctx.prepare();
    await action(ctx);
    return ctx.exitStatus;
  } catch (error) {
    // A reader that stopped reading (`| head`, `| true`) ends the run quietly, successfully.
    if (error instanceof ClosedStdout) return 0;
    const { describeError, errorLine } = await load<typeof import("./_report.ts")>(
      "./_report.ts",
    );
    const { report, status } = describeError(error);
    try {
      ctx.log("error", { error: report });
    } catch {
      // The log is what failed; the error still goes to stderr.
    }
    ctx.reportError(errorLine(report, ctx.personReadsErrors));
    return status;
  }
}
