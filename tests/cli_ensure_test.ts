/**
 * End-to-end tests of `rasctl ensure` (and `ensure --keep`) against the simulator.
 *
 * @module
 */

import { deepEqual, equal, ok } from "node:assert/strict";
import {
  CHILD_SIGNALS_CATCHABLE,
  CLI_VPN_PASSWORD,
  cliHome,
  Lines,
  parseRun,
  rasctl,
  spawnRasctl,
} from "./_support/cli.ts";
import { corpVpnHome, dialCorpVpn, type Json } from "./_support/fixtures.ts";
import type { SimHome } from "./sim/harness.ts";

const PW = CLI_VPN_PASSWORD;

const vpnHome = () => corpVpnHome(rasctl);

/** `rasctl -q [before] ensure "Corp VPN" --keep [options] --user alice --password-env PW`. */
function keepArgs(options: string[], before: string[] = []): string[] {
  return [
    "-q",
    ...before,
    "ensure",
    "Corp VPN",
    "--keep",
    ...options,
    "--user",
    "alice",
    "--password-env",
    "PW",
  ];
}

Deno.test("ensure when already connected does not dial (action none)", async () => {
  await using home = await vpnHome();
  await dialCorpVpn(rasctl, home);
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
  Deno.test({
    name: `ensure --keep redials a dropped link, logs it, and stops on ${signal}`,
    ignore: !CHILD_SIGNALS_CATCHABLE,
  }, async () => {
    await using home = await vpnHome();
    const log = `${home.path}/ensure.log`;
    const child = spawnRasctl(home, keepArgs(["--check-interval", "0.2"], ["--log-file", log]), {
      env: { PW },
    });
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
  const child = spawnRasctl(home, keepArgs(["--check-interval", "0.1", "--retries", "3"]), {
    env: { PW: "wrong" },
  });
  // Only a backstop against a retry storm that never ends (not a speed check): generous, as the
  // child's start-up alone takes seconds on a loaded machine.
  const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
  const r = parseRun(await child.output());
  clearTimeout(timer);
  equal(r.code, 3, r.stderr);
  equal(r.error?.code, 691);
  const state = home.query();
  ok(state.counters.dials <= 2, `dials: ${state.counters.dials}`);
  equal(state.counters.dials, 1);
  equal(state.counters.leakedHandles, 0);
});

/** Runs `ensure --keep` with a check interval no test waits for: it must act on the event. */
function keepNotified(home: SimHome, extra: string[] = [], stdin?: string) {
  const child = spawnRasctl(
    home,
    [
      "-q",
      "ensure",
      "Corp VPN",
      "--keep",
      "--check-interval",
      "600",
      "--user",
      "alice",
      ...extra,
    ],
    stdin === undefined
      ? { env: { PW, ISP_PW: "isp-pw" } }
      : { env: { PW, ISP_PW: "isp-pw" }, stdin },
  );
  return { child, lines: new Lines(child.stdout), stderr: new Response(child.stderr).text() };
}

Deno.test("ensure --keep redials on the disconnection notification, not its check interval", async () => {
  await using home = await vpnHome();
  const { child, lines, stderr } = keepNotified(home, ["--password-env", "PW"]);
  try {
    const first = await lines.waitFor(() => true);
    equal(first.event, "dialed");
    home.command("drop Corp VPN 628");
    // The 600 s check interval is far beyond the 60 s bound: only the event can do this.
    const dropped = await lines.waitFor((e) => e.event === "dropped");
    deepEqual([dropped.entry, (dropped.error as Json).code], ["Corp VPN", 628]);
    const redialed = await lines.waitFor((e) => e.event === "redialed");
    deepEqual((redialed.connections as Json[]).map((c) => c.state), ["connected"]);
  } finally {
    child.kill("SIGTERM");
    await child.status;
    await stderr.catch(() => {});
  }
  equal(home.query().counters.leakedHandles, 0);
});

Deno.test("ensure --keep watches the IP-network link it dialed: a drop there redials both", async () => {
  await using home = await cliHome({
    world: {
      machine: { ipNetwork: false, dialStepMs: 5, releaseDelayMs: 50 },
      servers: { "vpn.example.com": { user: "alice", password: PW } },
      phones: { "5551234": { user: "isp", password: "isp-pw", ipv4: "100.64.0.7" } },
    },
  });
  for (
    const args of [
      [
        "entry",
        "new",
        "ISP",
        "--type",
        "phone",
        "--server",
        "5551234",
        "--device-name",
        "Standard 56000 bps Modem",
      ],
      ["entry", "new", "Corp VPN", "--server", "vpn.example.com", "--strategy", "ikev2-only"],
    ]
  ) {
    const r = await rasctl(home, ["-q", ...args]);
    equal(r.code, 0, r.stderr);
  }
  const { child, lines, stderr } = keepNotified(home, [
    "--password-env",
    "PW",
    "--via",
    "ISP",
    "--via-user",
    "isp",
    "--via-password-env",
    "ISP_PW",
  ]);
  try {
    const first = await lines.waitFor(() => true);
    deepEqual((first.connections as Json[]).map((c) => c.entry), ["ISP", "Corp VPN"]);
    home.command("drop ISP 628");
    const dropped = await lines.waitFor((e) => e.event === "dropped");
    equal(dropped.entry, "ISP");
    const redialed = await lines.waitFor((e) => e.event === "redialed");
    deepEqual((redialed.connections as Json[]).map((c) => [c.entry, c.state]), [
      ["ISP", "connected"],
      ["Corp VPN", "connected"],
    ]);
  } finally {
    child.kill("SIGTERM");
    await child.status;
    await stderr.catch(() => {});
  }
  const state = home.query();
  equal(state.counters.leakedHandles, 0);
  equal(state.connections.filter((c) => c.connected).length, 2);
});

Deno.test({
  name:
    "ensure --keep started before the network is up retries 868 with backoff, each attempt an event, then connects",
  ignore: !CHILD_SIGNALS_CATCHABLE,
}, async () => {
  const servers = { "vpn.example.com": { user: "alice", password: PW } };
  await using home = await cliHome({
    world: { machine: { ipNetwork: false, dialStepMs: 5, releaseDelayMs: 50 }, servers },
  });
  const made = await rasctl(home, [
    "-q",
    "entry",
    "new",
    "Corp VPN",
    "--server",
    "vpn.example.com",
    "--strategy",
    "ikev2-only",
  ]);
  equal(made.code, 0, made.stderr);
  const child = spawnRasctl(home, keepArgs(["--retry-delay", "50", "--check-interval", "0.2"]), {
    env: { PW },
  });
  const stderr = new Response(child.stderr).text();
  const lines = new Lines(child.stdout);
  try {
    const one = await lines.waitFor((e) => e.attempt === 1);
    const two = await lines.waitFor((e) => e.attempt === 2);
    deepEqual(lines.seen.slice(0, 2), [one, two]); // nothing before them: no exit, no dial
    for (const [i, e] of [one, two].entries()) {
      equal(e.event, "dial-failed", JSON.stringify(e));
      equal(e.entry, "Corp VPN");
      equal(e.attempt, i + 1);
      equal(e.code, 868);
    }
    equal(one.retryInMs, 50);
    equal(two.retryInMs, 100); // doubled: backoff
    // The network comes up (the LAN appears): the next attempt connects.
    await home.writeWorld({
      machine: { ipNetwork: true, dialStepMs: 5, releaseDelayMs: 50 },
      servers,
    });
    const dialed = await lines.waitFor((e) => e.event !== "dial-failed");
    equal(dialed.event, "dialed", JSON.stringify(dialed));
    // Every attempt before it was reported, numbered in order.
    const failed = lines.seen.slice(0, lines.seen.indexOf(dialed));
    deepEqual(
      failed.map((e) => [e.event, e.attempt]),
      failed.map((_, i) => ["dial-failed", i + 1]),
    );
    deepEqual(
      (dialed.connections as Json[]).map((c) => [c.entry, c.state]),
      [["Corp VPN", "connected"]],
    );
  } finally {
    try {
      child.kill("SIGTERM");
    } catch {
      // it had already ended (the failure above says why)
    }
  }
  const status = await child.status;
  equal(status.code, 0, await stderr);
  const state = home.query();
  ok(state.counters.dials >= 3, `dials: ${state.counters.dials}`);
  equal(state.connections.filter((c) => c.connected).length, 1);
  equal(state.counters.leakedHandles, 0);
});

Deno.test("ensure --keep started while a retry cannot help (691) ends at once without retrying", async () => {
  await using home = await vpnHome();
  const r = await rasctl(home, [
    "-q",
    "ensure",
    "Corp VPN",
    "--keep",
    "--retry-delay",
    "50",
    "--user",
    "alice",
    "--password-env",
    "PW",
  ], { env: { PW: "wrong" } });
  equal(r.code, 3, r.stderr);
  equal(r.error?.code, 691);
  ok(!r.stdout.includes("dial-failed"), r.stdout);
  equal(home.query().counters.dials, 1);
});

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  Deno.test({
    name: `ensure --keep stopped by ${signal} during a redial in progress hangs that redial up`,
    ignore: !CHILD_SIGNALS_CATCHABLE,
  }, async () => {
    await using home = await vpnHome();
    const child = spawnRasctl(home, keepArgs(["--check-interval", "0.2"]), { env: { PW } });
    const stderr = new Response(child.stderr).text();
    const lines = new Lines(child.stdout);
    let stopped = false;
    try {
      const first = await lines.waitFor((e) => e.event === "dialed");
      const firstHandle = (first.connections as Json[])[0]!.handle;
      // From now on a dial takes 13 steps of 2 s: the redial is still dialing when stopped.
      const world = await Deno.readTextFile(`${home.path}/world.ini`);
      await home.writeWorld(world.replace(/dialStepMs=\d+/, "dialStepMs=2000"));
      home.command("drop Corp VPN 628");
      await lines.waitFor((e) => e.event === "dropped");
      let redial: { handle: string; connected: boolean } | undefined;
      for (let i = 0; i < 2000 && !redial; i++) {
        redial = home.query().connections.find((c) => c.handle !== firstHandle && !c.hungUp);
        if (!redial) await new Promise((r) => setTimeout(r, 10));
      }
      ok(redial, "the redial started");
      equal(redial.connected, false, "the redial is still in progress");
      child.kill(signal);
      stopped = true;
      const status = await child.status;
      const events = await lines.rest();
      const err = await stderr;
      equal(events.some((e) => e.event === "redialed"), false, "the redial never finished");
      equal(status.code, 1, err); // README "Errors and exit status": Ctrl+C is 1
      equal(
        (JSON.parse(err.trim().split("\n").at(-1)!) as { error: Json }).error.name,
        "InterruptedError",
      );
      const state = home.query();
      equal(state.counters.dials, 2);
      equal(state.counters.openHandles, 0, "the redial was hung up");
      equal(state.counters.leakedHandles, 0);
      equal(
        state.connections.filter((c) => !c.hungUp).length,
        0,
        "nothing left connected or dialing",
      );
    } finally {
      if (!stopped) {
        child.kill("SIGKILL");
        await child.status;
      }
      await stderr.catch(() => {});
    }
  });
}
