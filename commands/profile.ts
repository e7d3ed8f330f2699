/**
 * `rasctl profile schema | get | test | set | export`: desired state for entries, with the
 * output each fleet engine reads (`--mode json|intune|ansible|configmgr`).
 *
 * @module
 */

import type { Context } from "./_context.ts";
import { describeError } from "./_report.ts";
import { UsageError } from "./_errors.ts";
import { readProfile, secretReader } from "./_profile_input.ts";
import { PHONEBOOK_OPTIONS, phonebookOf } from "./_options.ts";
import { argument, command, type CommandModule, flag, option, types } from "./_spec.ts";
import type { Change, EntryComparison, SetResult } from "../ras/profile.ts";

/** Exit status of `profile test` when an entry is not in the desired state (JSON mode). */
export const EXIT_NOT_IN_DESIRED_STATE = 4;
/** Intune keeps the last line of a detection script's stdout, up to 2,048 characters. */
const INTUNE_MAX = 2048;

/** Text for stdout, non-ASCII escaped as \uXXXX (stdout is ASCII, as the JSON is). */
function asciiLine(text: string): string {
  return text.replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
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

type Mode = "json" | "intune" | "ansible" | "configmgr";

/** `--mode`: the output an engine reads. */
const MODE = {
  mode: option(
    "--mode",
    types.choice(["json", "intune", "ansible", "configmgr"]),
    "output for an engine: json (default), intune, ansible or configmgr",
  ),
} as const;

const FILE = argument("file", "the profile: a JSON or YAML file, or - for stdin");

async function runTest(source: string, mode: Mode, ctx: Context) {
  const profile = await readProfile(source, ctx);
  const { testProfile } = await import("../ras/profile.ts");
  const { inDesiredState, entries } = testProfile(profile);
  if (mode === "intune") {
    ctx.print(asciiLine(oneLine(driftSummary(entries))));
    ctx.exitStatus = inDesiredState ? 0 : 1;
    return;
  }
  if (mode === "configmgr") {
    ctx.print(inDesiredState ? "Compliant" : "NonCompliant");
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

async function runSet(source: string, mode: Mode, whatIf: boolean, ctx: Context) {
  if (mode === "configmgr" && whatIf) {
    throw new UsageError("--what-if has no ConfigMgr output", "--what-if", "use --mode json");
  }
  const profile = await readProfile(source, ctx);
  const { setProfile } = await import("../ras/profile.ts");
  const result = await setProfile(profile, { whatIf, secrets: secretReader(ctx) });
  const failed = result.failed
    ? { name: result.failed.name, error: describeError(result.failed.error).report }
    : null;
  const diff = result.entries.flatMap((e) => e.diff.map((d) => ({ entry: e.name, ...d })));
  if (mode === "intune") ctx.print(asciiLine(oneLine(setSummary(result))));
  else if (mode === "configmgr") ctx.print(result.failed ? "NonCompliant" : "Compliant");
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

const schema = command({
  path: ["profile", "schema"],
  summary: "print the profile document's JSON Schema (generated from the rules that check it)",
  args: [],
  options: {},
  examples: ["rasctl profile schema > rasctl.profile.schema.json"],
  run: async (_, ctx) => {
    const { profileJsonSchema } = await import("../ras/profile_schema.ts");
    ctx.result(profileJsonSchema());
  },
});

const get = command({
  path: ["profile", "get"],
  summary: "print the actual state of the entries a profile names",
  args: [FILE],
  options: {},
  examples: ["rasctl profile get corp.yaml", "Get-Content corp.json | rasctl profile get -"],
  run: async ({ args }, ctx) => {
    const profile = await readProfile(args.file!, ctx);
    const { readActual, stateOf } = await import("../ras/profile.ts");
    ctx.result({ entries: profile.entries.map((e) => stateOf(readActual(e))) });
  },
});

const test = command({
  path: ["profile", "test"],
  summary: "compare the machine with a profile: exit 0 in the desired state, " +
    `${EXIT_NOT_IN_DESIRED_STATE} when not`,
  details: "--mode intune prints one summary line and exits 1 on drift; --mode configmgr " +
    "prints Compliant or NonCompliant; --mode ansible prints changed, diff and msg.",
  args: [FILE],
  options: MODE,
  examples: [
    "rasctl profile test corp.yaml",
    "rasctl profile test corp.yaml --mode intune",
    "rasctl profile test corp.yaml --mode configmgr",
  ],
  run: ({ args, options }, ctx) => runTest(args.file!, options.mode ?? "json", ctx),
});

const set = command({
  path: ["profile", "set"],
  summary: "make the entries as a profile says: create, change only what differs, remove absent",
  details: "One entry at a time; an entry whose change fails is put back as it was. " +
    "Secrets come from the sources the profile names (environment, a file only you can " +
    "read, lines of stdin in document order).",
  args: [FILE],
  options: {
    ...MODE,
    whatIf: flag("--what-if", "say what would change; change nothing"),
  },
  examples: [
    "rasctl profile set corp.yaml --what-if",
    "$env:VPN_PW | rasctl profile set corp.yaml",
    "rasctl profile set corp.yaml --mode intune",
  ],
  run: ({ args, options }, ctx) =>
    runSet(args.file!, options.mode ?? "json", options.whatIf === true, ctx),
});

const exportCommand = command({
  path: ["profile", "export"],
  summary: "print a profile of the entries on this machine (all, or those named)",
  args: [
    argument("name", "only these entries (default: all)", {
      required: false,
      variadic: true,
      type: types.entryName(),
    }),
  ],
  options: {
    ...PHONEBOOK_OPTIONS,
    yaml: flag("--yaml", "print YAML instead of JSON"),
  },
  examples: [
    "rasctl profile export > machine.json",
    'rasctl profile export "Corp VPN" --all-users --yaml',
    'rasctl profile export "Corp VPN" "Branch VPN" > two.json',
  ],
  run: async ({ lists, options }, ctx) => {
    const where = phonebookOf(options);
    const { exportProfile } = await import("../ras/profile.ts");
    const { allUsersPhonebook } = await import("../ras/phonebook.ts");
    const phonebook = where.allUsers ? allUsersPhonebook() : where.phonebook;
    const profile = exportProfile({
      ...(lists?.name?.length ? { names: lists.name } : {}),
      ...(phonebook !== undefined ? { phonebook } : {}),
    });
    if (options.yaml) {
      const { stringify } = await import("yaml");
      // Every string double-quoted, so the \uXXXX escapes of non-ASCII are YAML escapes.
      const text = stringify(profile, {
        defaultStringType: "QUOTE_DOUBLE",
        defaultKeyType: "PLAIN",
      });
      ctx.print(asciiLine(text.trimEnd()));
    } else {
      ctx.result(profile);
    }
  },
});

/** The `profile` commands. */
export const commands: CommandModule["commands"] = [schema, get, test, set, exportCommand];
