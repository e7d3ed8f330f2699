/**
 * The DSC v3 resource RasCtl/VpnEntry: the shipped manifest and every operation's stdout are
 * valid against Microsoft's published DSC v3.1.0 schemas (../shared/dsc, read in place), and
 * each operation is driven as DSC drives a command resource (instance JSON on stdin, exit code,
 * JSON Lines on stdout) against the simulator.
 */

import assert from "node:assert/strict";
import Ajv2020 from "ajv/dist/2020.js";
import { cliHome, rasctl } from "./_support/cli.ts";
import type { SimHome } from "./sim/harness.ts";

const SHARED = new URL("../../shared/dsc/", import.meta.url);
const MANIFEST_FILE = new URL("../rasctl.dsc.resource.json", import.meta.url);

async function shared(path: string): Promise<Record<string, unknown>> {
  return JSON.parse(await Deno.readTextFile(new URL(path, SHARED)));
}

const ajv = new Ajv2020.default({ strict: false, allErrors: true });
// The manifest schema lets an embedded instance schema's properties follow any of three JSON
// Schema dialects (anyOf 2020-12, 2019-09, draft-07). rasctl's is 2020-12, which Ajv2020 knows;
// the other two are registered as schemas nothing satisfies, so only 2020-12 can pass.
ajv.addSchema({ $id: "https://json-schema.org/draft/2019-09/schema", not: {} });
ajv.addSchema({ $id: "http://json-schema.org/draft-07/schema#", not: {} });
const manifestSchema = await shared("resource/manifest.json");
ajv.addSchema(manifestSchema);
// The instance schema refers to DSC's canonical properties by their aka.ms addresses; the
// bundle holds the same documents under their raw.githubusercontent.com ids.
const defs = manifestSchema.$defs as Record<string, Record<string, unknown>>;
for (const name of ["exist", "inDesiredState"]) {
  const id =
    `https://raw.githubusercontent.com/PowerShell/DSC/main/schemas/v3.1.0/resource/properties/${name}.json`;
  ajv.addSchema({
    ...defs[id]!,
    $id: `https://aka.ms/dsc/schemas/v3.1.0/resource/properties/${name}.json`,
  });
}
const stdoutSchemas = Object.fromEntries(
  await Promise.all(
    ["get", "set", "test", "export", "delete"].map(async (op) => [
      op,
      ajv.compile(await shared(`resource/stdout/${op}.json`)),
    ]),
  ),
);

function valid(validate: ReturnType<typeof ajv.compile>, value: unknown, what: string): void {
  assert.ok(validate(value), `${what}: ${ajv.errorsText(validate.errors)}`);
}

/** Runs one operation as DSC does; returns its exit code and its stdout JSON Lines. */
async function operation(home: SimHome, op: string, instance?: unknown, extra: string[] = []) {
  const run = await rasctl(home, ["dsc", op, ...extra], {
    ...(instance === undefined ? {} : { stdin: JSON.stringify(instance) }),
  });
  const lines = run.stdout.split("\n").filter((l) => l !== "").map((l) => JSON.parse(l));
  return { code: run.code, lines, stderr: run.stderr };
}

const manifest = JSON.parse(await Deno.readTextFile(MANIFEST_FILE));
const instanceSchema = ajv.compile(manifest.schema.embedded);

Deno.test("rasctl.dsc.resource.json is valid against DSC's v3.1.0 manifest schema", () => {
  valid(ajv.getSchema(manifestSchema.$id as string)!, manifest, "manifest");
  assert.equal(manifest.type, "RasCtl/VpnEntry");
  assert.deepEqual(manifest.set.return, "stateAndDiff");
  assert.equal(manifest.set.handlesExist, true);
  assert.equal(manifest.get.input, "stdin");
  assert.equal(manifest.schema.embedded.properties._exist.$ref.endsWith("/exist.json"), true);
});

Deno.test("the shipped manifest is what rasctl dsc manifest prints", async () => {
  await using home = await cliHome();
  const run = await rasctl(home, ["dsc", "manifest"]);
  assert.equal(run.code, 0, run.stderr);
  assert.deepEqual(
    run.json,
    manifest,
    "regenerate: rasctl dsc manifest > rasctl.dsc.resource.json",
  );
});

Deno.test("the manifest schema refuses a manifest without its type (the validator can fail)", () => {
  const { type: _t, ...broken } = manifest;
  assert.equal(ajv.getSchema(manifestSchema.$id as string)!(broken), false);
});

Deno.test("DSC get, test, set, what-if, export and delete on the simulator, each stdout valid", async () => {
  await using home = await cliHome();
  const desired = {
    name: "Corp VPN",
    server: "vpn.example.com",
    strategy: "ikev2-only",
    splitTunnel: true,
  };

  const absent = await operation(home, "get", { name: "Corp VPN" });
  assert.equal(absent.code, 0, absent.stderr);
  assert.equal(absent.lines.length, 1);
  valid(stdoutSchemas.get!, absent.lines[0], "get");
  assert.deepEqual(absent.lines[0], { name: "Corp VPN", scope: "user", _exist: false });

  const before = await operation(home, "test", desired);
  assert.equal(before.code, 0, before.stderr);
  for (const l of before.lines) valid(stdoutSchemas.test!, l, "test");
  assert.equal(before.lines[0]._inDesiredState, false);
  assert.deepEqual(before.lines[1], ["_exist"]);

  const whatIf = await operation(home, "set", desired, ["--what-if"]);
  assert.equal(whatIf.code, 0, whatIf.stderr);
  for (const l of whatIf.lines) valid(stdoutSchemas.set!, l, "what-if");
  assert.equal(whatIf.lines[0].server, "vpn.example.com");
  assert.deepEqual(whatIf.lines[1], ["_exist"]);
  assert.equal((await operation(home, "get", { name: "Corp VPN" })).lines[0]._exist, false);

  const set = await operation(home, "set", desired);
  assert.equal(set.code, 0, set.stderr);
  assert.equal(set.lines.length, 2);
  for (const l of set.lines) valid(stdoutSchemas.set!, l, "set");
  assert.deepEqual(
    [set.lines[0]._exist, set.lines[0].server, set.lines[0].strategy, set.lines[0].splitTunnel],
    [true, "vpn.example.com", "ikev2-only", true],
  );
  assert.deepEqual(set.lines[1], ["_exist"]);
  valid(instanceSchema, set.lines[0], "set state against the instance schema");

  const again = await operation(home, "set", desired);
  assert.deepEqual(again.lines[1], [], "a second set changes nothing");
  const inState = await operation(home, "test", desired);
  assert.deepEqual([inState.lines[0]._inDesiredState, inState.lines[1]], [true, []]);

  const drifted = await operation(home, "test", { ...desired, server: "vpn2.example.com" });
  assert.equal(drifted.lines[0]._inDesiredState, false);
  assert.deepEqual(drifted.lines[1], ["server"]);

  const exported = await operation(home, "export");
  assert.equal(exported.code, 0, exported.stderr);
  assert.equal(exported.lines.length, 1);
  for (const l of exported.lines) {
    valid(stdoutSchemas.export!, l, "export");
    valid(instanceSchema, l, "export against the instance schema");
  }
  assert.equal(exported.lines[0].name, "Corp VPN");

  const deleted = await operation(home, "delete", { name: "Corp VPN" });
  assert.equal(deleted.code, 0, deleted.stderr);
  assert.deepEqual(deleted.lines, []);
  assert.equal((await operation(home, "get", { name: "Corp VPN" })).lines[0]._exist, false);

  const absentSet = await operation(home, "set", { name: "Corp VPN", _exist: false });
  assert.deepEqual(absentSet.lines[1], [], "set _exist:false on an absent entry changes nothing");
});

Deno.test('DSC: invalid input exits 2 with one {"error": message} line on stderr and nothing on stdout', async () => {
  await using home = await cliHome();
  for (const instance of [{ name: "A", sever: "x" }, { name: "bad|name" }, "not json"]) {
    const run = await rasctl(home, ["dsc", "set"], {
      stdin: typeof instance === "string" ? instance : JSON.stringify(instance),
    });
    assert.equal(run.code, 2, run.stderr);
    assert.equal(run.stdout, "");
    const lines = run.stderr.trim().split("\n");
    assert.equal(lines.length, 1);
    const message = JSON.parse(lines[0]!) as { error: unknown };
    assert.equal(typeof message.error, "string");
  }
  assert.match(
    JSON.parse((await rasctl(home, ["dsc", "test"], { stdin: '{"name":"A","sever":"x"}' })).stderr)
      .error,
    /^instance: sever: unknown key/,
  );
});
