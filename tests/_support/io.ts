/**
 * An in-memory {@link IO} for running rasctl's `main()` in-process: what it wrote to stdout and
 * stderr, and a stdin that can pretend to be a terminal and be fed keys one chunk at a time.
 *
 * @module
 */

import type { IO } from "../../commands/_output.ts";

/** A test's IO and what was written to it. */
export interface TestIO extends IO {
  stdoutText(): string;
  stderrText(): string;
  /** Sends bytes to stdin (a terminal's keys, or a pipe's data). */
  type(text: string): void;
  /** Ends stdin. */
  end(): void;
  /** Whether raw mode is on now. */
  raw(): boolean;
}

/**
 * Makes an in-memory IO.
 *
 * @param options Which streams are terminals; what stdin holds (a pipe that is then closed).
 * @returns The IO.
 */
export function testIO(
  options: { terminal?: { stdin?: boolean; stdout?: boolean; stderr?: boolean }; stdin?: string } =
    {},
): TestIO {
  const out: Uint8Array[] = [];
  const err: Uint8Array[] = [];
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const readable = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  let rawMode = false;
  const encoder = new TextEncoder();
  if (options.stdin !== undefined) {
    controller.enqueue(encoder.encode(options.stdin));
    controller.close();
  }
  const writer = (into: Uint8Array[], terminal: boolean) => ({
    writeSync(data: Uint8Array) {
      into.push(data.slice());
      return data.length;
    },
    isTerminal: () => terminal,
  });
  const text = (chunks: Uint8Array[]) =>
    new TextDecoder().decode(new Uint8Array(chunks.flatMap((c) => [...c])));
  return {
    stdin: {
      readable,
      isTerminal: () => options.terminal?.stdin ?? false,
      setRaw: (raw: boolean) => void (rawMode = raw),
    },
    stdout: writer(out, options.terminal?.stdout ?? false),
    stderr: writer(err, options.terminal?.stderr ?? false),
    stdoutText: () => text(out),
    stderrText: () => text(err),
    type: (keys: string) => controller.enqueue(encoder.encode(keys)),
    end: () => controller.close(),
    raw: () => rawMode,
  };
}
