/**
 * One writer at a time across processes: 3 rounds of 20 concurrent rasctl processes on one
 * phone book (7 `entry set` of different fields of one entry, 7 `entry new` of one name, and
 * 3 `entry set` racing 3 `entry remove`). Every change that exited 0 is in the book, exactly one
 * `entry new` of the name succeeds (the others fail with 183), and no removed entry comes back.
 * Bounded by count, not by time.
 *
 * @module
 */

import { deepEqual, equal, ok } from "node:assert/strict";
import { cliHome, type CliRun, rasctlProcess as rasctl } from "./_support/cli.ts";
import type { Entry } from "../ras/entry.ts";

const ROUNDS = 3;

/** The fields the `entry set` processes change, each its own, and where `entry show` has it. */
const FIELDS: { flag: string; read: (e: Entry) => unknown }[] = [
  { flag: "--redial-attempts", read: (e) => e.redial.attempts },
  { flag: "--redial-pause", read: (e) => e.redial.pauseSeconds },
  { flag: "--idle-disconnect", read: (e) => e.idleDisconnectSeconds },
  { flag: "--metric", read: (e) => e.ipv4.metric },
  { flag: "--ipv6-metric", read: (e) => e.ipv6.metric },
  { flag: "--ipv6-prefix-length", read: (e) => e.ipv6.prefixLength },
  { flag: "--dns-suffix", read: (e) => e.dnsSuffix },
];

Deno.test("20 concurrent writers x 3 rounds lose no change, make one entry of a name and bring back no removed entry", async () => {
  await using home = await cliHome();
  const book = `${home.path}/busy.pbk`;
  const pb = ["--phonebook", book];
  const made = await rasctl(home, ["entry", "new", "Shared", ...pb, "--server", "vpn.example.com"]);
  equal(made.code, 0, made.stderr);
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < 3; i++) {
      const r = await rasctl(home, [
        "entry",
        "new",
        `Doomed ${round}-${i}`,
        ...pb,
        "--server",
        "x.example.com",
      ]);
      equal(r.code, 0, r.stderr);
    }
    const value = (k: number) => k === 6 ? `r${round}.example.com` : String(10 + round * 10 + k);
    const sets = FIELDS.map((f, k) =>
      rasctl(home, ["entry", "set", "Shared", ...pb, f.flag, value(k)])
    );
    const news = Array.from(
      { length: 7 },
      (_, k) =>
        rasctl(home, ["entry", "new", `Same ${round}`, ...pb, "--server", `s${k}.example.com`]),
    );
    const racingSets = Array.from(
      { length: 3 },
      (_, i) =>
        rasctl(home, ["entry", "set", `Doomed ${round}-${i}`, ...pb, "--redial-attempts", "9"]),
    );
    const removes = Array.from(
      { length: 3 },
      (_, i) => rasctl(home, ["entry", "remove", `Doomed ${round}-${i}`, ...pb]),
    );
    const [setRuns, newRuns, raceRuns, removeRuns] = await Promise.all([
      Promise.all(sets),
      Promise.all(news),
      Promise.all(racingSets),
      Promise.all(removes),
    ]);
    const label = (r: CliRun) => `round ${round}: ${r.stderr}`;
    const shown = await rasctl(home, ["entry", "show", "Shared", ...pb]);
    const entry = shown.json as Entry;
    FIELDS.forEach((f, k) => {
      const run = setRuns[k]!;
      equal(run.code, 0, label(run));
      const expected = k === 6 ? value(k) : Number(value(k));
      equal(f.read(entry), expected, `round ${round}: ${f.flag} was lost`);
    });
    const winners = newRuns.filter((r) => r.code === 0);
    equal(winners.length, 1, `round ${round}: ${winners.length} entry new of one name succeeded`);
    for (const r of newRuns.filter((r) => r.code !== 0)) equal(r.error?.code, 183, label(r));
    for (const r of removeRuns) equal(r.code, 0, label(r));
    for (const r of raceRuns) ok(r.code === 0 || r.error?.code === 623, label(r));
    const list = await rasctl(home, ["entry", "list", ...pb]);
    const names = (list.json as { name: string }[]).map((e) => e.name);
    deepEqual(
      names.filter((n) => n.startsWith("Doomed")),
      [],
      `round ${round}: removed entries came back`,
    );
    equal(names.filter((n) => n === `Same ${round}`).length, 1);
    const same = await rasctl(home, ["entry", "show", `Same ${round}`, ...pb]);
    deepEqual(
      (same.json as { server: string }).server,
      (winners[0]!.json as { server: string }).server,
    );
  }
});

Deno.test("a writer waiting for the phone book gives up with TimeoutError after --timeout", async () => {
  await using home = await cliHome();
  const book = `${home.path}/held.pbk`;
  const made = await rasctl(home, [
    "entry",
    "new",
    "Held",
    "--phonebook",
    book,
    "--server",
    "vpn.example.com",
  ]);
  equal(made.code, 0, made.stderr);
  const { phonebookLockPath } = await import("../ras/phonebook_lock.ts");
  const before = await Deno.readFile(book);
  // Hold the lock as another rasctl would, from this process (the env names the lock folder).
  const lockPath = await withEnv(
    { ProgramData: `${home.path}/ProgramData` },
    () => phonebookLockPath(book),
  );
  using file = await Deno.open(lockPath, { read: true, write: true });
  await file.lock(true);
  const run = await rasctl(home, [
    "entry",
    "set",
    "Held",
    "--phonebook",
    book,
    "--dns-suffix",
    "x",
    "--timeout",
    "1",
  ]);
  equal(run.code, 1, run.stderr);
  equal(run.error?.name, "TimeoutError");
  ok(String(run.error?.message).includes("waiting for another rasctl"));
  deepEqual(await Deno.readFile(book), before);
  await file.unlock();
  const after = await rasctl(home, [
    "entry",
    "set",
    "Held",
    "--phonebook",
    book,
    "--dns-suffix",
    "x",
  ]);
  equal(after.code, 0, after.stderr);
});

Deno.test("a failed entry new leaves no folders and no file behind", async () => {
  await using home = await cliHome({ identity: { elevated: false } });
  // The all-users book of a machine that never had one: rasctl makes its folders, the sim
  // refuses the write without elevation (ERROR_ACCESS_DENIED), and everything made is taken back.
  const run = await rasctl(home, [
    "entry",
    "new",
    "Corp",
    "--all-users",
    "--server",
    "vpn.example.com",
  ]);
  equal(run.error?.code, 5, run.stderr);
  const left: string[] = [];
  for await (const e of Deno.readDir(`${home.path}/ProgramData`)) left.push(e.name);
  deepEqual(left, ["rasctl"]);
  const bad = await rasctl(home, [
    "entry",
    "new",
    "Corp",
    "--phonebook",
    `${home.path}/world.ini/x.pbk`,
    "--server",
    "vpn.example.com",
  ]);
  equal(bad.code, 2, bad.stderr);
  equal(bad.error?.name, "UsageError");
  equal(bad.error?.field, "--phonebook");
});

async function withEnv<T>(env: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const old = Object.fromEntries(Object.keys(env).map((k) => [k, Deno.env.get(k)]));
  for (const [k, v] of Object.entries(env)) Deno.env.set(k, v);
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(old)) {
      v === undefined ? Deno.env.delete(k) : Deno.env.set(k, v);
    }
  }
}
