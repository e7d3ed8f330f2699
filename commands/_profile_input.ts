/**
 * Profile input shared by `profile` and `dsc`: reading and checking the document (JSON or
 * YAML, from a file or stdin) and reading the secrets it names from their sources.
 *
 * @module
 */

import type { Context } from "./_context.ts";
import { InputFileError, UsageError } from "./_errors.ts";
import { secretFromEnv } from "./_secrets.ts";
import { LIMITS } from "../ras/values.ts";
import type { Profile, SecretSource } from "../ras/profile_schema.ts";

const MAX_FILE_BYTES = 1 << 20;

/**
 * Reads, parses (JSON or YAML) and validates a profile before anything changes: unknown keys,
 * secrets written into it and invalid names are refused, naming the JSON path.
 *
 * @param source A file path, or `-` for stdin.
 * @returns The validated profile.
 * @throws {UsageError} Naming the JSON path of the first problem.
 */
export async function readProfile(source: string, ctx: Context): Promise<Profile> {
  const { parse } = await import("yaml");
  const where = source === "-" ? "profile on stdin" : `profile "${source}"`;
  let text: string;
  if (source === "-") {
    text = await stdinText(ctx);
  } else {
    let info: Deno.FileInfo;
    try {
      info = await Deno.stat(source);
    } catch (error) {
      const reason = (error as Error).message.replace(/, (stat|open) '.*$/, "");
      throw new InputFileError(`cannot read ${where}: ${reason}`, "file");
    }
    if (!info.isFile) throw new InputFileError(`${where} is not a file`, "file");
    if (info.size > MAX_FILE_BYTES) {
      throw new InputFileError(`${where} is larger than 1 MiB`, "file");
    }
    text = await Deno.readTextFile(source);
  }
  let value: unknown;
  try {
    value = parse(text.replace(/^\uFEFF/, ""), { uniqueKeys: true, prettyErrors: false });
  } catch (error) {
    const reason = (error as Error).message.split("\n")[0];
    throw new InputFileError(`${where} is neither valid JSON nor YAML: ${reason}`, "file");
  }
  return await checkProfile(value, where, source === "-");
}

/**
 * Validates a parsed profile before anything changes: unknown keys, secrets written into it,
 * invalid names and values are refused, naming the JSON path.
 *
 * @param value The parsed document.
 * @param where What it is, for messages (`profile "corp.yaml"`).
 * @param onStdin Whether stdin held it (then no secret may come from stdin).
 * @returns The validated profile.
 * @throws {UsageError} Naming the JSON path of the first problem.
 */
export async function checkProfile(
  value: unknown,
  where: string,
  onStdin: boolean,
): Promise<Profile> {
  const { profileSchema, secretPath } = await import("../ras/profile_schema.ts");
  const secret = secretPath(value);
  if (secret) {
    throw new UsageError(
      `${where}: ${secret}: a secret is never written into a profile; name its source ` +
        `instead: {env: NAME}, {file: PATH} or {stdin: true}`,
      secret,
    );
  }
  const parsed = profileSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const keys = issue.code === "unrecognized_keys" ? issue.keys : [];
    const path = [...issue.path, ...keys.slice(0, 1)].join(".");
    const message = keys.length ? `unknown key (${keys.join(", ")})` : issue.message;
    throw new UsageError(`${where}: ${path || "(document)"}: ${message}`, path || undefined);
  }
  if (onStdin && JSON.stringify(parsed.data).includes('"stdin":true')) {
    throw new UsageError(
      `${where}: a secret from stdin needs the profile in a file (stdin already holds the profile)`,
    );
  }
  return parsed.data;
}

/** All of stdin as UTF-8 text (a profile, or the lines secrets are read from). */
export async function stdinText(ctx: Context): Promise<string> {
  const bytes = new Uint8Array(await new Response(ctx.io.stdin.readable).arrayBuffer());
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw new UsageError("stdin is not valid UTF-8", null);
  }
}

/**
 * Reads the secrets a profile names: an environment variable, a file only the caller can
 * read, or the next line of stdin (in document order; stdin is read once, when first needed).
 */
export function secretReader(
  ctx: Context,
): (source: SecretSource, path: string) => Promise<string> {
  let lines: string[] | undefined;
  let next = 0;
  return async (source, path) => {
    if ("env" in source) return secretFromEnv(source.env, path);
    if ("stdin" in source) {
      if (lines === undefined) {
        if (ctx.stdinIsTerminal) {
          throw new UsageError(
            `${path} reads stdin, which is a terminal: what you type would be echoed`,
            path,
            "pipe the secrets in, one line each, or name an environment variable",
          );
        }
        lines = (await stdinText(ctx)).split(/\r?\n/);
        if (lines.at(-1) === "") lines.pop();
      }
      const line = lines[next++];
      if (line === undefined) {
        throw new UsageError(`stdin ended before ${path} (line ${next})`, path);
      }
      if (line.length > LIMITS.password || line.includes("\0")) {
        throw new UsageError(
          `line ${next} of stdin (${path}) is longer than ${LIMITS.password} characters or holds NUL`,
          path,
        );
      }
      return line;
    }
    let info: Deno.FileInfo;
    try {
      info = await Deno.stat(source.file);
    } catch (error) {
      const reason = (error as Error).message.replace(/, (stat|open) '.*$/, "");
      throw new InputFileError(`${path}: cannot read "${source.file}": ${reason}`, path);
    }
    // The mode bits on POSIX systems, the owner and DACL on Windows (ras/secret_file.ts).
    const { privateFileHint, secretFileProblem } = await import("../ras/secret_file.ts");
    const problem = await secretFileProblem(source.file, info);
    if (problem !== null) {
      throw new UsageError(`${path}: "${source.file}" ${problem}; ${privateFileHint()}`, path);
    }
    const text = await Deno.readTextFile(source.file);
    return text.replace(/^\uFEFF/, "").split(/\r?\n/)[0]!;
  };
}
