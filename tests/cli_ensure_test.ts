/**
 * End-to-end tests of `rasctl ensure` (and `ensure --keep`) against the simulator.
 *
 * @module
 */

import { deepEqual, equal, ok } from "node:assert/strict";
import { CLI_VPN_PASSWORD, cliHome, Lines, parseRun, rasctl, spawnRasctl } from "./_cli.ts";
import type { SimHome } from "./sim/harness.ts";

type Json = Record<string, unknown>;

const PW = CLI_VPN_PASSWORD;

async function vpnHome(): Promise<SimHome> {
  const home = await cliHome();
  const r = await rasctl(home, [
    "-q",
    "entry",
    "new",
    "Corp VPN",
    "--server",
    "vpn.example.com",
    "--strategy",
    "ikev2-only",
  ]);
  equal(r.code, 0, r.stderr);
  return home;
}

Deno.test("ensure when already connected does not dial (action none)", async () => {
  await using home = await vpnHome();
  const d = await rasctl(home, [
    "-q",
    "dial",
    "Corp VPN",
    "--user",
    "alice",
    "--password-env",
    "PW",
  ], {
    env: { PW },
  });
  equal(d.code, 0, d.stderr);
  const dials = home.query().counters.dials;
  const r = await rasctl(home, [
    "-q",
    "ensure",
    "Corp VPN",
    "--user",
    "alice",
    "--password-env",
    "PW",
  ], {
    env: { PW },
  });
  equal(r.code, 0, r.stderr);
  const out = r.json as Json;
  equal(out.entry, "Corp VPN");
  equal(out.action, "none");
  deepEqual((out.connections as Json[]).map((c) => [c.entry, c.state]), [[
    "Corp VPN",
    "connected",
  ]]);
  equal(home.query().counters.dials, dials);
});

Deno.test("ensure when not connected dials (action dialed)", async () => {
  await using home = await vpnHome();
  const r = await rasctl(home, [
    "-q",
    "ensure",
    "Corp VPN",
    "--user",
    "alice",
    "--password-env",
    "PW",
  ], {
    env: { PW },
  });
  equal(r.code, 0, r.stderr);
  const out = r.json as Json;
  equal(out.entry, "Corp VPN");
  equal(out.action, "dialed");
  const conns = out.connections as Json[];
  deepEqual(conns.map((c) => [c.entry, c.state]), [["Corp VPN", "connected"]]);
  equal(home.query().counters.dials, 1);
  equal(home.query().connections[0]!.connected, true);
});

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  Deno.test(`ensure --keep redials a dropped link, logs it, and stops on ${signal}`, async () => {
    await using home = await vpnHome();
    const log = `${home.path}/ensure.log`;
    const child = spawnRasctl(home, [
      "-q",
      "--log-file",
      log,
      "ensure",
      "Corp VPN",
      "--keep",
      "--check-interval",
      "0.2",
      "--user",
      "alice",
      "--password-env",
      "PW",
    ], { env: { PW } });
    const stderr = new Response(child.stderr).text();
    const lines = new Lines(child.stdout);
    let stopped = false;
    try {
      const first = await lines.waitFor(() => true);
      equal(first.event, "dialed");
      equal(first.entry, "Corp VPN");
      home.command("drop Corp VPN 628");
      const dropped = await lines.waitFor((e) => e.event === "dropped");
      equal(dropped.entry, "Corp VPN");
      const redialed = await lines.waitFor((e) => e.event === "redialed");
      equal(redialed.entry, "Corp VPN");
      deepEqual(
        (redialed.connections as Json[]).map((c) => [c.entry, c.state]),
        [["Corp VPN", "connected"]],
      );
      child.kill(signal);
      stopped = true;
      const status = await child.status;
      const events = await lines.rest();
      equal(status.code, 0, await stderr);
      deepEqual(events.at(-1), { event: "stopped", entry: "Corp VPN" });
      const order = events.map((e) => e.event);
      ok(order.indexOf("dropped") < order.indexOf("redialed"), order.join(","));
      const logged = (await Deno.readTextFile(log)).trim().split("\n").map((l) =>
        JSON.parse(l) as Json
      );
      const text = JSON.stringify(logged);
      const kinds = logged.map((e) => e.event).filter((e) => e !== "state");
      const drop = kinds.indexOf("dropped");
      ok(drop > 0, `log has no dropped event: ${kinds}`);
      // The redial is logged after the drop (as "redialed", or as the dial's own "dialed" record).
      ok(
        kinds.slice(drop + 1).some((e) => e === "redialed" || e === "dialed"),
        `log has no redial after the drop: ${kinds}`,
      );
      ok(!text.includes("s3cret"), "the password was logged");
      const state = home.query();
      equal(state.counters.dials, 2);
      equal(state.connections.filter((c) => c.connected).length, 1);
      // The dropped link's handle was hung up, not left behind.
      equal(state.counters.leakedHandles, 0);
    } finally {
      if (!stopped) {
        child.kill("SIGKILL");
        await child.status;
      }
      await stderr.catch(() => {});
    }
  });
}

Deno.test("ensure --keep with a wrong password exits 3 after one dial (no retry storm)", async () => {
  await using home = await vpnHome();
  const child = spawnRasctl(home, [
    "-q",
    "ensure",
    "Corp VPN",
    "--keep",
    "--check-interval",
    "0.1",
    "--retries",
    "3",
    "--user",
    "alice",
    "--password-env",
    "PW",
  ], { env: { PW: "wrong" } });
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  const r = parseRun(await child.output());
  clearTimeout(timer);
  equal(r.code, 3, r.stderr);
  equal(r.error?.code, 691);
  const state = home.query();
  ok(state.counters.dials <= 2, `dials: ${state.counters.dials}`);
  equal(state.counters.dials, 1);
  equal(state.counters.leakedHandles, 0);
});
