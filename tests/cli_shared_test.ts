/**
 * Connections are shared and counted, as on Windows (tests/sim/README.md): dropped links stay
 * visible and releasable, hang-up releases every reference, concurrent dials of one entry end
 * with the one connection, ensure never hangs up another dial, hangup --all carries on.
 *
 * @module
 */

import { fileURLToPath } from "node:url";
import { deepEqual, equal, ok } from "node:assert/strict";
import {
  CLI_VPN_PASSWORD,
  cliEnv,
  cliHome,
  parseRun,
  rasctl,
  spawnRasctl,
} from "./_support/cli.ts";
import { dialCorpVpn, type Json, newCorpVpn } from "./_support/fixtures.ts";
import type { SimHome } from "./sim/harness.ts";

const PW = CLI_VPN_PASSWORD;
const creds = ["--user", "alice", "--password-env", "PW"];

const vpn = (home: SimHome, name = "V") => newCorpVpn(rasctl, home, { name });

async function dialed(home: SimHome, name = "V"): Promise<string> {
  return String((await dialCorpVpn(rasctl, home, name)).at(-1)!.handle);
}

/** Polls for a condition, bounded generously (a child's start-up takes seconds under load). */
async function until(what: string, fn: () => boolean): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!fn()) {
    if (Date.now() > deadline) throw new Error(`never: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

Deno.test("a dropped link: status shows its error, connections lists it, hangup NAME releases it", async () => {
  await using home = await cliHome();
  await vpn(home);
  const handle = await dialed(home);
  home.command(`drop ${handle} 629`);
  const status = await rasctl(home, ["status", "V"]);
  equal(status.code, 0, status.stderr);
  const s = status.json as Json;
  equal(s.handle, handle);
  equal(s.state, "disconnected");
  equal((s.error as Json).code, 629);
  const list = await rasctl(home, ["connections"]);
  deepEqual((list.json as Json[]).map((c) => c.handle), [handle]);
  const hang = await rasctl(home, ["hangup", "V"]);
  equal(hang.code, 0, hang.stderr);
  deepEqual(hang.json, [{ entry: "V", handle, released: true }]);
  equal(home.query().counters.openHandles, 0);
});

Deno.test("hangup NAME releases a connection another process's dial also references", async () => {
  await using home = await cliHome();
  await vpn(home);
  const handle = await dialed(home);
  // A second dial from another process references the same connection (RasDial remarks).
  const child = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      fileURLToPath(new URL("sim/_child.ts", import.meta.url)),
      "dialkeep",
      "V",
      "alice",
      PW,
    ],
    env: cliEnv(home),
    stdout: "piped",
  }).output();
  deepEqual(JSON.parse(new TextDecoder().decode(child.stdout)), { rc: 0, handle });
  equal(home.query().connections[0]!.refs, 2);
  const hang = await rasctl(home, ["hangup", "V", "--timeout", "60"]); // a bound, not a speed check
  equal(hang.code, 0, hang.stderr);
  equal(home.query().counters.openHandles, 0);
});

Deno.test("two dials of one entry at once end with the one connection, both succeeding", async () => {
  await using home = await cliHome({
    world: {
      // 13 states of 300 ms: the second run starts while the first dial is still under way,
      // even when the machine is slow to notice that it started.
      machine: { ipNetwork: true, dialStepMs: 300, releaseDelayMs: 50 },
      servers: { "vpn.example.com": { user: "alice", password: PW } },
    },
  });
  await vpn(home);
  const a = spawnRasctl(home, ["-q", "dial", "V", ...creds], { env: { PW } });
  await until("the first dial started", () => home.query().connections.length === 1);
  const b = await rasctl(home, ["-q", "dial", "V", ...creds], { env: { PW } });
  const first = parseRun(await a.output());
  equal(first.code, 0, first.stderr);
  equal(b.code, 0, b.stderr);
  const h1 = (first.json as Json[]).at(-1)!.handle;
  equal((b.json as Json[]).at(-1)!.handle, h1);
  equal(home.query().connections.length, 1);
});

Deno.test("ensure never hangs up a connection that is still being dialed: it waits for it", async () => {
  await using home = await cliHome({
    world: {
      // 13 states of 300 ms: the second run starts while the first dial is still under way,
      // even when the machine is slow to notice that it started.
      machine: { ipNetwork: true, dialStepMs: 300, releaseDelayMs: 50 },
      servers: { "vpn.example.com": { user: "alice", password: PW } },
    },
  });
  await vpn(home);
  const person = spawnRasctl(home, ["-q", "dial", "V", ...creds], { env: { PW } });
  await until("the person's dial started", () => home.query().connections.length === 1);
  const ensure = await rasctl(home, ["-q", "ensure", "V", ...creds], { env: { PW } });
  equal(ensure.code, 0, ensure.stderr);
  const dial = parseRun(await person.output());
  equal(dial.code, 0, `the person's dial was hung up: ${dial.stderr}`);
  equal(home.query().counters.hangups, 0);
  equal((ensure.json as Json).action, "none");
});

Deno.test("hangup --all carries on past a connection that does not release, and reports each", async () => {
  await using home = await cliHome({
    world: {
      machine: { ipNetwork: true, dialStepMs: 1, releaseDelayMs: 60_000 },
      servers: { "vpn.example.com": { user: "alice", password: PW } },
    },
  });
  await vpn(home, "A");
  await vpn(home, "B");
  await dialed(home, "A");
  await dialed(home, "B");
  const r = await rasctl(home, ["hangup", "--all", "--timeout", "0.2"]);
  ok(r.code !== 0, "a connection that did not release is a failure");
  const report = r.json as Json[];
  deepEqual(report.map((c) => [c.entry, c.released]), [["B", false], ["A", false]]);
  deepEqual(home.query().connections.map((c) => c.hungUp), [true, true], "both were hung up");
});

Deno.test("a dial that would send no password stops with a usage error before RasDial", async () => {
  await using home = await cliHome();
  await vpn(home);
  const r = await rasctl(home, ["dial", "V", "--user", "alice"]); // stdin closed: no prompt
  equal(r.code, 2, r.stderr);
  equal(r.error?.name, "UsageError");
  ok(String(r.error?.message).includes("needs a password"), String(r.error?.message));
  equal(home.query().counters.dials, 0, "RasDial was never called");
});

Deno.test("entry new picks its device from RasEnumDevices by type (a modem entry names the modem)", async () => {
  await using home = await cliHome();
  const made = await rasctl(home, [
    "-q",
    "entry",
    "new",
    "ISP",
    "--type",
    "phone",
    "--server",
    "5551234",
  ]);
  equal(made.code, 0, made.stderr);
  const shown = await rasctl(home, ["entry", "show", "ISP"]);
  equal(shown.code, 0, shown.stderr);
  deepEqual((shown.json as Json).device, { type: "modem", name: "Standard 56000 bps Modem" });
});

Deno.test("a name in both the all-users and the user's book stops and lists both; --phonebook chooses", async () => {
  await using home = await cliHome();
  for (const where of [["--all-users"], ["--phonebook", home.userPbk]]) {
    const r = await rasctl(home, [
      "-q",
      "entry",
      "new",
      "Corp",
      "--server",
      "vpn.example.com",
      ...where,
    ]);
    equal(r.code, 0, r.stderr);
  }
  const both = await rasctl(home, ["entry", "show", "Corp"]);
  equal(both.code, 2, both.stderr);
  equal(both.error?.name, "UsageError");
  const message = String(both.error?.message);
  ok(message.includes(home.allUsersPbk) && message.includes(home.userPbk), message);
  const mine = await rasctl(home, ["entry", "show", "Corp", "--phonebook", home.userPbk]);
  equal(mine.code, 0, mine.stderr);
  equal((mine.json as Json).phonebook, home.userPbk);
});
