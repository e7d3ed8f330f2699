/**
 * `rasctl dsc get | test | set | delete | export | manifest`: the Microsoft DSC v3 command
 * resource `RasCtl/VpnEntry` (manifest: `rasctl.dsc.resource.json`, beside rasctl.exe). DSC
 * passes one instance as JSON on stdin; each operation prints JSON Lines on stdout as the DSC
 * v3.1 stdout schemas say, and on failure one `{"error": "message"}` line on stderr (the
 * trace-message form DSC reads from resources) and a non-zero exit status.
 *
 * An instance is a profile entry (see `rasctl profile schema`) with DSC's `_exist` instead of
 * `ensure`; credentials may come from an environment variable or a file, not stdin (stdin holds
 * the instance).
 *
 * @module
 */

import type { Context } from "./_context.ts";
import { asciiJson, writeText } from "./_output.ts";
import { describeError } from "./_report.ts";
import { UsageError } from "./_errors.ts";
import { checkProfile, secretReader, stdinText } from "./_profile_input.ts";
import { command, type CommandModule, flag } from "./_spec.ts";
import type { ProfileEntry } from "../ras/profile_schema.ts";
import type { Change } from "../ras/profile.ts";
import config from "../deno.json" with { type: "json" };

/** The resource type name. */
export const DSC_TYPE = "RasCtl/VpnEntry";

/** DSC's canonical property schemas (v3.1.0), referenced by the embedded instance schema. */
const EXIST_REF = "https://aka.ms/dsc/schemas/v3.1.0/resource/properties/exist.json";
const IN_DESIRED_STATE_REF =
  "https://aka.ms/dsc/schemas/v3.1.0/resource/properties/inDesiredState.json";

/** The instance from stdin, as a one-entry profile (checked as `profile set` checks one). */
async function readInstance(ctx: Context): Promise<ProfileEntry> {
  return await readInstanceText(await stdinText(ctx));
}

async function readInstanceText(text: string): Promise<ProfileEntry> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`the instance on stdin is not JSON: ${(error as Error).message}`, null);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new UsageError("the instance on stdin must be one JSON object", null);
  }
  const { _exist, _inDesiredState: _ignored, ...entry } = value as Record<string, unknown>;
  if (_exist !== undefined && typeof _exist !== "boolean") {
    throw new UsageError("_exist must be true or false", "_exist");
  }
  if ("ensure" in entry) {
    throw new UsageError("a DSC instance says _exist, not ensure", "ensure");
  }
  const withEnsure = _exist === false ? { ...entry, ensure: "absent" } : entry;
  try {
    const profile = await checkProfile({ entries: [withEnsure] }, "instance", true);
    return profile.entries[0]!;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const strip = (s: string) => s.replace(/entries\.0\.?/g, "");
    throw new UsageError(strip(error.message), error.field ? strip(error.field) : null);
  }
}

/** A state object with `ensure` turned into DSC's `_exist`. */
function dscState(state: Record<string, unknown>): Record<string, unknown> {
  const { ensure, ...rest } = state;
  return { ...rest, _exist: ensure !== "absent" };
}

/** The top-level property names a diff touches (DSC's diff line), `ensure` as `_exist`. */
function propertyNames(diff: Change[]): string[] {
  const names = diff.map((d) => d.path === "ensure" ? "_exist" : d.path.split(".")[0]!);
  return [...new Set(names)];
}

function line(ctx: Context, value: unknown): void {
  ctx.print(asciiJson(value, 0));
}

/** Runs an operation; a failure becomes DSC's `{"error": "..."}` line and the exit status. */
async function operation(ctx: Context, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    const { report, status } = describeError(error);
    ctx.log("error", { error: report });
    writeText(ctx.io.stderr, asciiJson({ error: report.message }, 0) + "\n", "stderr");
    ctx.exitStatus = status;
  }
}

const get = command({
  path: ["dsc", "get"],
  summary: `DSC ${DSC_TYPE} get: the instance on stdin, as it is (one JSON line)`,
  args: [],
  options: {},
  examples: ["rasctl dsc get < instance.json"],
  run: (_, ctx) =>
    operation(ctx, async () => {
      const entry = await readInstance(ctx);
      const { readActual, stateOf } = await import("../ras/profile.ts");
      line(ctx, dscState(stateOf(readActual(entry))));
    }),
});

const test = command({
  path: ["dsc", "test"],
  summary: `DSC ${DSC_TYPE} test: the actual state with _inDesiredState, then the differing ` +
    "property names",
  args: [],
  options: {},
  examples: ["rasctl dsc test < instance.json"],
  run: (_, ctx) =>
    operation(ctx, async () => {
      const entry = await readInstance(ctx);
      const { compareEntry, stateOf } = await import("../ras/profile.ts");
      const comparison = compareEntry(entry);
      line(ctx, {
        ...dscState(stateOf(comparison.actual)),
        _inDesiredState: comparison.inDesiredState,
      });
      line(ctx, propertyNames(comparison.diff));
    }),
});

const set = command({
  path: ["dsc", "set"],
  summary: `DSC ${DSC_TYPE} set (and what-if): the state after, then the changed property names`,
  args: [],
  options: { whatIf: flag("--what-if", "print the state set would leave; change nothing") },
  examples: ["rasctl dsc set < instance.json", "rasctl dsc set --what-if < instance.json"],
  run: ({ options }, ctx) =>
    operation(ctx, async () => {
      const entry = await readInstance(ctx);
      const { compareEntry, readActual, setProfile, stateOf } = await import("../ras/profile.ts");
      const whatIf = options.whatIf === true;
      const result = await setProfile({ entries: [entry] }, {
        whatIf,
        secrets: secretReader(ctx),
      });
      if (result.failed) throw result.failed.error;
      const outcome = result.entries[0]!;
      let state: Record<string, unknown>;
      if (whatIf) {
        const plan = compareEntry(entry);
        state = plan.expected === null
          ? { name: entry.name, ...where(entry), ensure: "absent" }
          : { name: entry.name, ...where(entry), ensure: "present", ...plan.expected };
      } else {
        state = stateOf(readActual(entry));
      }
      line(ctx, dscState(state));
      line(ctx, propertyNames(outcome.diff));
    }),
});

function where(entry: ProfileEntry): Record<string, unknown> {
  if (entry.phonebook !== undefined) return { phonebook: entry.phonebook };
  return { scope: entry.scope ?? "user" };
}

const remove = command({
  path: ["dsc", "delete"],
  summary: `DSC ${DSC_TYPE} delete: remove the instance on stdin (nothing on stdout)`,
  args: [],
  options: {},
  examples: ["rasctl dsc delete < instance.json"],
  run: (_, ctx) =>
    operation(ctx, async () => {
      const entry = await readInstance(ctx);
      const { setProfile } = await import("../ras/profile.ts");
      const result = await setProfile({ entries: [{ ...entry, ensure: "absent" }] });
      if (result.failed) throw result.failed.error;
    }),
});

const exportCommand = command({
  path: ["dsc", "export"],
  summary: `DSC ${DSC_TYPE} export: every entry on this machine (or those matching the name of ` +
    "an instance on stdin), one JSON line each",
  args: [],
  options: {},
  examples: ["rasctl dsc export", "rasctl dsc export < filter.json"],
  run: (_, ctx) =>
    operation(ctx, async () => {
      // DSC may pass a filter instance on stdin; an empty stdin exports everything.
      const text = ctx.stdinIsTerminal ? "" : (await stdinText(ctx)).trim();
      const filter = text === "" ? undefined : await readInstanceText(text);
      const { exportProfile } = await import("../ras/profile.ts");
      for (const entry of exportProfile().entries) {
        if (filter && entry.name.toLowerCase() !== filter.name.toLowerCase()) continue;
        line(ctx, dscState({ ...entry }));
      }
    }),
});

/**
 * The resource manifest (`rasctl.dsc.resource.json`), with the instance schema embedded: the
 * profile entry's schema with `_exist` and `_inDesiredState` instead of `ensure`.
 *
 * @param version rasctl's version.
 * @returns The manifest document.
 */
export async function dscManifest(version: string): Promise<Record<string, unknown>> {
  const { profileEntryJsonSchema } = await import("../ras/profile_schema.ts");
  const schema = profileEntryJsonSchema() as {
    properties: Record<string, unknown>;
    [key: string]: unknown;
  };
  const { ensure: _ensure, ...properties } = schema.properties;
  const stdin = (args: string[]) => ({ executable: "rasctl", args, input: "stdin" });
  return {
    $schema: "https://raw.githubusercontent.com/PowerShell/DSC/main/schemas/v3.1.0/bundled/" +
      "resource/manifest.json",
    type: DSC_TYPE,
    version,
    description: "A Windows VPN or dial-up phone-book entry (rasphone.pbk), managed by rasctl",
    tags: ["Windows", "VPN", "RAS", "rasphone"],
    get: stdin(["dsc", "get"]),
    set: {
      ...stdin(["dsc", "set"]),
      implementsPretest: false,
      handlesExist: true,
      return: "stateAndDiff",
    },
    whatIf: { ...stdin(["dsc", "set", "--what-if"]), return: "stateAndDiff" },
    test: { ...stdin(["dsc", "test"]), return: "stateAndDiff" },
    delete: stdin(["dsc", "delete"]),
    export: stdin(["dsc", "export"]),
    exitCodes: {
      "0": "Success",
      "1": "Error (timeout, interrupted, internal, rasapi32.dll not found)",
      "2": "Invalid input: the instance JSON or a value in it (checked before any change)",
      "3": "RAS error (outside Windows; on Windows the exit code is the RAS error code itself)",
      "5": "Access denied (ERROR_ACCESS_DENIED): writing the all-users book needs an administrator",
      "623": "ERROR_CANNOT_FIND_PHONEBOOK_ENTRY",
    },
    schema: {
      embedded: {
        ...schema,
        title: DSC_TYPE,
        description: "A phone-book entry: name and phone book, any entry settings, credential " +
          "sources (never secrets)",
        properties: {
          ...properties,
          _exist: { $ref: EXIST_REF },
          _inDesiredState: { $ref: IN_DESIRED_STATE_REF },
        },
      },
    },
  };
}

const manifest = command({
  path: ["dsc", "manifest"],
  summary: "print the DSC resource manifest (what rasctl.dsc.resource.json holds)",
  args: [],
  options: {},
  examples: ["rasctl dsc manifest > rasctl.dsc.resource.json"],
  run: async (_, ctx) => {
    ctx.print(asciiJson(await dscManifest(config.version)));
  },
});

/** The `dsc` commands. */
export const commands: CommandModule["commands"] = [
  get,
  test,
  set,
  remove,
  exportCommand,
  manifest,
];
