/**
 * Alternate numbers and multilink subentries in profiles, end to end on the simulator: set from
 * nothing, a no-op second run, drift found and repaired, subentries removed, a failure rolled
 * back, and an export set on another machine giving the same entry.
 */

import assert from "node:assert/strict";
import { cliHome, rasctl } from "./_support/cli.ts";
import type { SimHome } from "./sim/harness.ts";

const MODEM = "Standard 56000 bps Modem";

const ENTRY = {
  name: "Branch Dial-up",
  scope: "user",
  type: "phone",
  server: "5551000",
  device: { type: "modem", name: MODEM },
  alternates: ["5551001", "5551002"],
  subEntries: [
    { device: { type: "modem", name: MODEM }, server: "5552000", alternates: ["5552001"] },
    { device: { type: "modem", name: MODEM }, server: "5553000", alternates: [] },
  ],
};

async function writeProfile(home: SimHome, profile: unknown, name = "links.json") {
  const path = `${home.path}/${name}`;
  await Deno.writeTextFile(path, JSON.stringify(profile));
  return path;
}

type Exported = { entries: Record<string, unknown>[] };

Deno.test("alternates and subentries: set from nothing, no-op again, stored as MEDIA/DEVICE blocks", async () => {
  await using home = await cliHome();
  const file = await writeProfile(home, { entries: [ENTRY] });
  const first = await rasctl(home, ["profile", "set", file]);
  assert.equal(first.code, 0, first.stderr);
  const again = await rasctl(home, ["profile", "set", file]);
  assert.equal((again.json as { changed: boolean }).changed, false, again.stdout);
  assert.equal((await rasctl(home, ["profile", "test", file])).code, 0);
  // rasphone.pbk: one MEDIA block per link, each DEVICE block's PhoneNumber groups its numbers.
  const text = await Deno.readTextFile(home.userPbk);
  assert.equal(text.match(/^MEDIA=/gm)?.length, 3, text);
  const numbers = [...text.matchAll(/^PhoneNumber=(.*)\r$/gm)].map((m) => m[1]);
  assert.deepEqual(numbers, ["5551000", "5551001", "5551002", "5552000", "5552001", "5553000"]);
  const show = (await rasctl(home, ["entry", "show", ENTRY.name])).json as Record<string, unknown>;
  assert.deepEqual(show.alternates, ENTRY.alternates);
  assert.deepEqual(show.subEntries, ENTRY.subEntries);
  assert.equal((show.raw as { dwSubEntries: number }).dwSubEntries, 3);
});

Deno.test("alternates and subentries: drift is found by path and repaired; extra links removed", async () => {
  await using home = await cliHome();
  const file = await writeProfile(home, { entries: [ENTRY] });
  assert.equal((await rasctl(home, ["profile", "set", file])).code, 0);
  const drifted = {
    ...ENTRY,
    alternates: ["5551009"],
    subEntries: [ENTRY.subEntries[0], ENTRY.subEntries[1], {
      device: { type: "modem", name: MODEM },
      server: "5554000",
      alternates: [],
    }],
  };
  assert.equal(
    (await rasctl(home, [
      "profile",
      "set",
      await writeProfile(home, { entries: [drifted] }, "d.json"),
    ]))
      .code,
    0,
  );
  const test = await rasctl(home, ["profile", "test", file]);
  assert.equal(test.code, 4, test.stdout);
  const [comparison] = (test.json as { entries: { differing: string[]; diff: unknown[] }[] })
    .entries;
  assert.deepEqual(comparison!.differing, ["alternates", "subEntries", "raw.dwSubEntries"]);
  const set = await rasctl(home, ["profile", "set", file]);
  assert.equal(set.code, 0, set.stderr);
  assert.equal((await rasctl(home, ["profile", "test", file])).code, 0);
  const text = await Deno.readTextFile(home.userPbk);
  assert.equal(text.match(/^MEDIA=/gm)?.length, 3, text);
  assert.doesNotMatch(text, /5554000|5551009/);
  // No alternates and no subentries: back to one link with one number.
  const bare = { ...ENTRY, alternates: [], subEntries: [] };
  assert.equal(
    (await rasctl(home, [
      "profile",
      "set",
      await writeProfile(home, { entries: [bare] }, "b.json"),
    ]))
      .code,
    0,
  );
  const after = await Deno.readTextFile(home.userPbk);
  assert.equal(after.match(/^MEDIA=/gm)?.length, 1, after);
  assert.deepEqual([...after.matchAll(/^PhoneNumber=(.*)\r$/gm)].map((m) => m[1]), ["5551000"]);
});

Deno.test("a failed set puts alternates and subentries back as they were", async () => {
  // A standard user may not save default credentials: ERROR_ACCESS_DENIED after the entry,
  // its alternates and its subentries were written.
  await using home = await cliHome({ identity: { elevated: false } });
  const file = await writeProfile(home, { entries: [ENTRY] });
  assert.equal((await rasctl(home, ["profile", "set", file])).code, 0);
  const before = await Deno.readTextFile(home.userPbk);
  const failing = {
    ...ENTRY,
    alternates: ["5559999"],
    subEntries: [ENTRY.subEntries[1]],
    credentials: { user: "alice", password: { env: "PW" }, default: true },
  };
  const set = await rasctl(
    home,
    ["profile", "set", await writeProfile(home, { entries: [failing] }, "f.json")],
    { env: { PW: "pw" } },
  );
  assert.notEqual(set.code, 0);
  const out = set.json as { entries: { done: string[] }[] };
  assert.deepEqual(out.entries[0]!.done, ["updated", "rolled back"]);
  assert.equal((await rasctl(home, ["profile", "test", file])).code, 0);
  assert.equal(await Deno.readTextFile(home.userPbk), before);
});

Deno.test("an export with alternates and subentries, set on an empty machine, exports the same", async () => {
  await using home = await cliHome();
  assert.equal(
    (await rasctl(home, ["profile", "set", await writeProfile(home, { entries: [ENTRY] })])).code,
    0,
  );
  const exported = await rasctl(home, ["profile", "export"]);
  assert.equal(exported.code, 0, exported.stderr);
  const [entry] = (exported.json as Exported).entries;
  assert.deepEqual(entry!.alternates, ENTRY.alternates);
  assert.deepEqual(entry!.subEntries, ENTRY.subEntries);
  await using other = await cliHome();
  const file = `${other.path}/machine.json`;
  await Deno.writeTextFile(file, exported.stdout);
  const set = await rasctl(other, ["profile", "set", file]);
  assert.equal(set.code, 0, set.stderr);
  const again = (await rasctl(other, ["profile", "export"])).json as Exported;
  const strip = (p: Exported) => p.entries.map(({ notCarried: _n, ...e }) => e);
  assert.deepEqual(strip(again), strip(exported.json as Exported));
});

Deno.test("a profile's alternates and subentries are checked before anything changes", async () => {
  await using home = await cliHome();
  const cases: [unknown, RegExp][] = [
    [
      { ...ENTRY, alternates: ["555 1001"] },
      /entries\.0\.alternates\.0: alternates entries must not contain spaces/,
    ],
    [{ ...ENTRY, alternates: [""] }, /entries\.0\.alternates\.0/],
    [
      {
        ...ENTRY,
        subEntries: [{ device: { type: "modem", name: "" }, server: "1", alternates: [] }],
      },
      /entries\.0\.subEntries\.0\.device\.name/,
    ],
    [
      { ...ENTRY, subEntries: [{ server: "1", alternates: [], extra: 1 }] },
      /entries\.0\.subEntries\.0/,
    ],
  ];
  for (const [entry, message] of cases) {
    const run = await rasctl(home, [
      "profile",
      "set",
      await writeProfile(home, { entries: [entry] }),
    ]);
    assert.equal(run.code, 2, run.stderr);
    assert.match(String(run.error!.message), message);
  }
  assert.equal(((await rasctl(home, ["entry", "list"])).json as unknown[]).length, 0);
});
