/**
 * `rasctl profile schema | get | test | set | export`: desired state for entries, with the
 * output each fleet engine reads (`--mode json|intune|ansible|configmgr`).
 *
 * @module
 */

import type { Context } from "./_context.ts";
import { describeError, UsageError } from "./_output.ts";
import { PHONEBOOK_OPTIONS, phonebookOf } from "./_options.ts";
import { secretFromEnv, secretFromStdin } from "./_secrets.ts";
import type { CommandSpec } from "./_spec.ts";
import type { Profile, SecretSource } from "../ras/profile_schema.ts";
import type { Change, EntryComparison, SetResult } from "../ras/profile.ts";

/** Exit status of `profile test` when an entry is not in the desired state (JSON mode). */
export const EXIT_NOT_IN_DESIRED_STATE = 4;
/** Intune keeps the last line of a detection script's stdout, up to 2,048 characters. */
const INTUNE_MAX = 2048;
const MAX_FILE_BYTES = 1 << 20;

/** The engine output modes. */
const MODES = ["json", "intune", "ansible", "configmgr"] as const;
type Mode = typeof MODES[number];

function modeOf(options: Record<string, unknown>): Mode {
  const mode = (options.mode ?? "json") as string;
  if (!(MODES as readonly string[]).includes(mode)) {
    throw new UsageError(`--mode must be ${MODES.join(", ")}, got "${mode}"`, "mode");
  }
  return mode as Mode;
}

/**
 * Reads, parses (JSON or YAML) and validates a profile before anything changes: unknown keys,
 * secrets written into it and invalid names are refused, naming the JSON path.
 *
 * @param source A file path, or `-` for stdin.
 * @returns The validated profile.
 * @throws {UsageError} Naming the JSON path of the first problem.
 */
export async function readProfile(source: string): Promise<Profile> {
  const [{ parse }, { profileSchema, secretPath }] = await Promise.all([
    import("yaml"),
    import("../ras/profile_schema.ts"),
  ]);
  const where = source === "-" ? "profile on stdin" : `profile "${source}"`;
  let text: string;
  if (source === "-") {
    text = await new Response(Deno.stdin.readable).text();
  } else {
    let info: Deno.FileInfo;
    try {
      info = await Deno.stat(source);
    } catch (error) {
      throw new UsageError(`cannot read ${where}: ${(error as Error).message}`, "file");
    }
    if (!info.isFile) throw new UsageError(`${where} is not a file`, "file");
    if (info.size > MAX_FILE_BYTES) throw new UsageError(`${where} is larger than 1 MiB`, "file");
    text = await Deno.readTextFile(source);
  }
  let value: unknown;
  try {
    value = parse(text.replace(/^\uFEFF/, ""), { uniqueKeys: true, prettyErrors: false });
  } catch (error) {
    const reason = (error as Error).message.split("\n")[0];
    throw new UsageError(`${where} is neither valid JSON nor YAML: ${reason}`, "file");
  }
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
  if (source === "-" && JSON.stringify(parsed.data).includes('"stdin":true')) {
    throw new UsageError(
      `${where}: a secret from stdin needs the profile in a file (stdin already holds the profile)`,
    );
  }
  return parsed.data;
}

/** Reads the secrets a profile names: environment, a file only the caller can read, stdin. */
async function readSecret(source: SecretSource, path: string): Promise<string> {
  if ("env" in source) return secretFromEnv(source.env, path);
  if ("stdin" in source) return await secretFromStdin(path);
  let info: Deno.FileInfo;
  try {
    info = await Deno.stat(source.file);
  } catch (error) {
    throw new UsageError(
      `${path}: cannot read "${source.file}": ${(error as Error).message}`,
      path,
    );
  }
  // POSIX modes only: Deno exposes no Windows ACLs, so there the file's ACL is not checked.
  if (info.mode !== null && (info.mode & 0o077) !== 0) {
    throw new UsageError(
      `${path}: "${source.file}" is readable by others (mode ${
        (info.mode & 0o777).toString(8)
      }); make it readable only by you (chmod 600)`,
      path,
    );
  }
  const text = await Deno.readTextFile(source.file);
  return text.replace(/^\uFEFF/, "").split(/\r?\n/)[0]!;
}

function differing(c: EntryComparison): string[] {
  return c.diff.map((d) => d.path);
}

/** Intune keeps one line: the summary, cut to 2,048 characters. */
function oneLine(text: string): string {
  const flat = text.replace(/[\r\n]+/g, " ");
  return flat.length <= INTUNE_MAX ? flat : `${flat.slice(0, INTUNE_MAX - 3)}...`;
}

function driftSummary(entries: EntryComparison[]): string {
  const drifted = entries.filter((e) => !e.inDesiredState);
  if (drifted.length === 0) return `Compliant: ${entries.length} entries in desired state`;
  return `NonCompliant: ${
    drifted.map((e) => `${e.place.name} (${differing(e).join(", ")})`).join("; ")
  }`;
}

/** Ansible's diff: one before/after pair per changed entry. */
function ansibleDiff(entries: { name: string; diff: Change[] }[]) {
  return entries.filter((e) => e.diff.length).map((e) => {
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const d of e.diff) {
      before[d.path] = d.before;
      after[d.path] = d.after;
    }
    return { before_header: e.name, after_header: e.name, before, after };
  });
}

async function runTest(source: string, options: Record<string, unknown>, ctx: Context) {
  const mode = modeOf(options);
  const profile = await readProfile(source);
  const { testProfile } = await import("../ras/profile.ts");
  const { inDesiredState, entries } = testProfile(profile);
  if (mode === "intune") {
    ctx.text(oneLine(driftSummary(entries)));
    ctx.exitStatus = inDesiredState ? 0 : 1;
    return;
  }
  if (mode === "configmgr") {
    ctx.text(inDesiredState ? "Compliant" : "NonCompliant");
    return;
  }
  const rows = entries.map((e) => ({
    name: e.place.name,
    scope: e.place.scope,
    phonebook: e.place.phonebook,
    ensure: e.ensure,
    inDesiredState: e.inDesiredState,
    action: e.action,
    differing: differing(e),
    diff: e.diff,
  }));
  if (mode === "ansible") {
    ctx.result({
      changed: !inDesiredState,
      failed: false,
      msg: driftSummary(entries),
      inDesiredState,
      diff: ansibleDiff(rows),
      entries: rows,
    });
    return;
  }
  ctx.result({ inDesiredState, entries: rows });
  ctx.exitStatus = inDesiredState ? 0 : EXIT_NOT_IN_DESIRED_STATE;
}

function setSummary(result: SetResult): string {
  const changed = result.entries.filter((e) => e.changed);
  const verb = result.whatIf ? "would change" : "changed";
  if (result.failed) {
    return `Failed: ${result.failed.name} (${describeError(result.failed.error).report.message})` +
      (changed.length ? `; before that ${verb}: ${changed.map((e) => e.name).join(", ")}` : "");
  }
  if (changed.length === 0) {
    return `Compliant: nothing to change in ${result.entries.length} entries`;
  }
  return `${result.whatIf ? "WhatIf" : "Remediated"}: ${verb} ${
    changed.map((e) => `${e.name} (${e.action}: ${e.diff.map((d) => d.path).join(", ")})`)
      .join("; ")
  }`;
}

async function runSet(source: string, options: Record<string, unknown>, ctx: Context) {
  const mode = modeOf(options);
  if (mode === "configmgr" && options.whatIf) {
    throw new UsageError("--what-if has no ConfigMgr output; use --mode json", "whatIf");
  }
  const profile = await readProfile(source);
  const { setProfile } = await import("../ras/profile.ts");
  const result = await setProfile(profile, {
    whatIf: options.whatIf === true,
    secrets: readSecret,
  });
  const failed = result.failed
    ? { name: result.failed.name, error: describeError(result.failed.error).report }
    : null;
  const diff = result.entries.flatMap((e) => e.diff.map((d) => ({ entry: e.name, ...d })));
  if (mode === "intune") ctx.text(oneLine(setSummary(result)));
  else if (mode === "configmgr") ctx.text(result.failed ? "NonCompliant" : "Compliant");
  else if (mode === "ansible") {
    ctx.result({
      changed: result.changed,
      failed: failed !== null,
      msg: setSummary(result),
      diff: ansibleDiff(result.entries),
      entries: result.entries,
    });
  } else {
    ctx.result({
      changed: result.changed,
      whatIf: result.whatIf,
      entries: result.entries,
      diff,
      failed,
    });
  }
  if (result.failed) throw result.failed.error;
}

async function runGet(source: string, ctx: Context) {
  const profile = await readProfile(source);
  const { readActual, stateOf } = await import("../ras/profile.ts");
  ctx.result({ entries: profile.entries.map((e) => stateOf(readActual(e))) });
}

async function runExport(names: string[], options: Record<string, unknown>, ctx: Context) {
  const where = phonebookOf(options as { phonebook?: string; allUsers?: boolean });
  const { exportProfile } = await import("../ras/profile.ts");
  const { allUsersPhonebook } = await import("../ras/phonebook.ts");
  const phonebook = where.allUsers ? allUsersPhonebook() : where.phonebook;
  const profile = exportProfile({
    ...(names.length ? { names } : {}),
    ...(phonebook !== undefined ? { phonebook } : {}),
  });
  if (options.yaml) {
    const { stringify } = await import("yaml");
    ctx.text(stringify(profile).trimEnd());
  } else {
    ctx.result(profile);
  }
}

const MODE_OPTION = {
  flags: "--mode <mode>",
  description: "output for an engine: json (default), intune, ansible or configmgr",
};

/** The `profile` command group. */
export const spec: CommandSpec = {
  name: "profile",
  description: "desired state for entries: get, test, set and export profiles (JSON or YAML)",
  subcommands: [
    {
      name: "schema",
      description: "print the profile's JSON Schema",
      run: async (_, ctx) => {
        const { profileJsonSchema } = await import("../ras/profile_schema.ts");
        ctx.result(profileJsonSchema());
      },
    },
    {
      name: "get",
      description: "print the actual state of the entries a profile names (FILE or - for stdin)",
      args: ["<file>"],
      run: ({ args: [file] }, ctx) => runGet(file!, ctx),
    },
    {
      name: "test",
      description:
        `compare with the profile: exit 0 in the desired state, ${EXIT_NOT_IN_DESIRED_STATE} ` +
        "when not (intune: 1)",
      args: ["<file>"],
      options: [MODE_OPTION],
      run: ({ args: [file], options }, ctx) => runTest(file!, options, ctx),
    },
    {
      name: "set",
      description: "make the entries as the profile says (create, change what differs, remove)",
      args: ["<file>"],
      options: [
        MODE_OPTION,
        { flags: "--what-if", description: "say what would change; change nothing" },
      ],
      run: ({ args: [file], options }, ctx) => runSet(file!, options, ctx),
    },
    {
      name: "export",
      description: "print a profile of the entries on this machine (all, or those named)",
      args: ["[names...]"],
      options: [...PHONEBOOK_OPTIONS, {
        flags: "--yaml",
        description: "print YAML instead of JSON",
      }],
      run: ({ rest, options }, ctx) => runExport(rest ?? [], options, ctx),
    },
  ],
};
