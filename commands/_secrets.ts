/**
 * Where secrets come from: a line of stdin, an environment variable, or a hidden prompt.
 * Never an option's value, so no password shows in a process list or shell history.
 *
 * @module
 */

import { UsageError } from "./_output.ts";

let stdinLines: string[] | undefined;
let nextLine = 0;

async function readStdinLines(): Promise<string[]> {
  if (!stdinLines) {
    const text = await new Response(Deno.stdin.readable).text();
    stdinLines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  }
  return stdinLines;
}

/**
 * Takes the next line of stdin (UTF-8). Each secret read from stdin takes one line, in the
 * order the options are documented.
 *
 * @param what What the line is, for the error message.
 * @returns The line, without its line ending.
 * @throws {UsageError} When stdin has no more lines.
 */
export async function secretFromStdin(what: string): Promise<string> {
  const lines = await readStdinLines();
  const line = lines[nextLine++];
  if (line === undefined || (line === "" && nextLine >= lines.length)) {
    throw new UsageError(`expected the ${what} on line ${nextLine} of stdin, but stdin ended`);
  }
  return line;
}

/**
 * Reads a secret from an environment variable.
 *
 * @param variable The variable's name.
 * @param what What it is, for the error message.
 * @returns Its value.
 * @throws {UsageError} When the variable is not set.
 */
export function secretFromEnv(variable: string, what: string): string {
  const value = Deno.env.get(variable);
  if (value === undefined) {
    throw new UsageError(`the environment variable ${variable} (the ${what}) is not set`);
  }
  return value;
}

/**
 * Asks a person for a secret without echoing it. Only when stdin is a terminal.
 *
 * @param prompt The prompt text (on stderr).
 * @returns What was typed, or undefined when no person is at a terminal.
 */
export async function secretFromPrompt(prompt: string): Promise<string | undefined> {
  if (!Deno.stdin.isTerminal()) return undefined;
  const encoder = new TextEncoder();
  Deno.stderr.writeSync(encoder.encode(prompt));
  Deno.stdin.setRaw(true);
  const typed: number[] = [];
  const buffer = new Uint8Array(1);
  try {
    for (;;) {
      const n = await Deno.stdin.read(buffer);
      const byte = buffer[0]!;
      if (n === null || byte === 13 || byte === 10) break;
      if (byte === 3) throw new UsageError("cancelled at the password prompt");
      if (byte === 127 || byte === 8) typed.pop();
      else typed.push(byte);
    }
  } finally {
    Deno.stdin.setRaw(false);
    Deno.stderr.writeSync(encoder.encode("\n"));
  }
  return new TextDecoder().decode(new Uint8Array(typed));
}

/** Options that select a password source. */
export interface PasswordOptions {
  passwordStdin?: boolean;
  passwordEnv?: string;
}

/**
 * Resolves a password from the options given (stdin or env); undefined when none was given.
 *
 * @param options `passwordStdin` / `passwordEnv`.
 * @param what What the password is for, in messages.
 * @returns The password, or undefined.
 * @throws {UsageError} When both sources are given.
 */
export async function passwordFrom(
  options: PasswordOptions,
  what: string,
): Promise<string | undefined> {
  if (options.passwordStdin && options.passwordEnv !== undefined) {
    throw new UsageError(
      `give the ${what} either on stdin or in an environment variable, not both`,
    );
  }
  if (options.passwordStdin) return await secretFromStdin(what);
  if (options.passwordEnv !== undefined) return secretFromEnv(options.passwordEnv, what);
  return undefined;
}
