/**
 * End-to-end tests of `rasctl dial`, `hangup`, `status`, `stats` and `connections` against the
 * simulator: the two-stage scenario (no LAN: dial-up first, then the VPN), credentials, retries,
 * timeouts, Ctrl+C and dropped links.
 *
 * @module
 */

import { deepEqual, equal, ok } from "node:assert/strict";
import {
  CHILD_SIGNALS_CATCHABLE,
  CLI_VPN_PASSWORD,
  cliHome,
  parseRun,
  rasctl,
  spawnRasctl,
} from "./_support/cli.ts";
import { cliWorld, dialCorpVpn, type Json, newCorpVpn, newIsp } from "./_support/fixtures.ts";
import type { SimHome, WorldSpec } from "./sim/harness.ts";
import { waitFor } from "./sim/_ras.ts";

const PW = CLI_VPN_PASSWORD;

/** A home with no LAN, the "ISP" dial-up entry and the "Corp VPN" entry. */
async function twoStageHome(
  machine: NonNullable<WorldSpec["machine"]> = {},
  vpnExtra: string[] = [],
): Promise<SimHome> {
  const home = await cliHome({ world: cliWorld({ machine: { ipNetwork: false, ...machine } }) });
  await newIsp(rasctl, home);
  await newCorpVpn(rasctl, home, { extra: vpnExtra });
  return home;
}

function names(list: unknown): string[] {
  return (list as Json[]).map((c) => c.entry as string);
}

function ipv4(connection: Json): unknown {
  return ((connection.projection as Json).ipv4 as Json).address;
}

async function dialBoth(home: SimHome): Promise<Json[]> {
  const r = await rasctl(home, [
    "-q",
    "dial",
    "Corp VPN",
    "--via",
    "ISP",
    "--via-user",
    "isp",
    "--via-password-stdin",
    "--user",
    "alice",
    "--password-stdin",
  ], { stdin: `${PW}\nisp-pw\n` });
  equal(r.code, 0, r.stderr);
  return r.json as Json[];
}

async function connections(home: SimHome): Promise<Json[]> {
  const r = await rasctl(home, ["connections"]);
  equal(r.code, 0, r.stderr);
  return r.json as Json[];
}

Deno.test("dialing the VPN with no IP network fails with 868 and leaves no handle", async () => {
  await using home = await twoStageHome();
  const r = await rasctl(home, ["-q", "dial", "Corp VPN", "--user", "alice", "--password-stdin"], {
    stdin: `${PW}\n`,
  });
  equal(r.code, 3);
  equal(r.error?.code, 868);
  equal(r.error?.name, "ERROR_DNSNAME_NOT_RESOLVABLE");
  equal(r.error?.entry, "Corp VPN");
  const state = home.query();
  equal(state.counters.leakedHandles, 0);
  equal(state.counters.openHandles, 0);
  deepEqual(state.connections, []);
});

Deno.test("dial --via dials the IP network first, then the VPN, each with its credentials", async () => {
  await using home = await twoStageHome();
  const list = await dialBoth(home);
  deepEqual(names(list), ["ISP", "Corp VPN"]);
  for (const c of list) {
    equal(c.state, "connected");
    equal(c.stateCode, 8192);
    equal(c.error, null);
  }
  equal(ipv4(list[0]!), "100.64.0.7");
  equal(ipv4(list[1]!), "10.8.0.5");
  equal(list[1]!.server, "vpn.example.com");
  deepEqual(list[1]!.device, { type: "vpn", name: "WAN Miniport (IKEv2)" });
  equal((list[1]!.projection as Json).kind, "ikev2");
  equal(home.query().counters.dials, 2);
});

for (const command of ["dial", "ensure"]) {
  Deno.test(`${command} --via ISP of a VPN entry that does not exist fails with 623 and dials nothing`, async () => {
    await using home = await twoStageHome();
    const r = await rasctl(home, [
      "-q",
      command,
      "No Such VPN",
      "--via",
      "ISP",
      "--via-user",
      "isp",
      "--via-password-env",
      "ISP_PW",
    ], { env: { ISP_PW: "isp-pw" } });
    equal(r.code, 3, r.stderr);
    equal(r.error?.code, 623);
    equal(r.error?.entry, "No Such VPN");
    ok(r.stderr.includes('"No Such VPN"'), r.stderr);
    const state = home.query();
    equal(state.counters.dials, 0);
    deepEqual(state.connections, []);
  });
}

Deno.test("hangup of the VPN leaves the IP connection up; hangup ISP ends it", async () => {
  await using home = await twoStageHome();
  const dialed = await dialBoth(home);
  const h = await rasctl(home, ["hangup", "Corp VPN"]);
  equal(h.code, 0, h.stderr);
  deepEqual(h.json, [{ entry: "Corp VPN", handle: dialed[1]!.handle, released: true }]);
  const left = await connections(home);
  deepEqual(names(left), ["ISP"]);
  equal(left[0]!.state, "connected");
  equal((await rasctl(home, ["hangup", "ISP"])).code, 0);
  deepEqual(await connections(home), []);
  equal(home.query().counters.leakedHandles, 0);
});

Deno.test("a configured prerequisite is dialed without --via, with its saved credentials", async () => {
  await using home = await twoStageHome({}, ["--prerequisite", "ISP"]);
  const set = await rasctl(home, ["creds", "set", "ISP", "--user", "isp", "--password-stdin"], {
    stdin: "isp-pw\n",
  });
  equal(set.code, 0, set.stderr);
  const r = await rasctl(home, ["-q", "dial", "Corp VPN", "--user", "alice", "--password-stdin"], {
    stdin: `${PW}\n`,
  });
  equal(r.code, 0, r.stderr);
  deepEqual(names(r.json), ["ISP", "Corp VPN"]);
  equal(ipv4((r.json as Json[])[0]!), "100.64.0.7");
  deepEqual(names(await connections(home)).sort(), ["Corp VPN", "ISP"]);
});

Deno.test("--no-prerequisite skips the configured prerequisite", async () => {
  await using home = await twoStageHome({}, ["--prerequisite", "ISP"]);
  const before = home.query().counters.dials;
  const r = await rasctl(home, [
    "-q",
    "dial",
    "Corp VPN",
    "--no-prerequisite",
    "--user",
    "alice",
    "--password-env",
    "PW",
  ], { env: { PW } });
  equal(r.code, 3);
  equal(r.error?.code, 868);
  equal(home.query().counters.dials - before, 1);
  equal(home.query().counters.leakedHandles, 0);
});
Deno.test("--via-user and --via-password-stdin apply to the configured prerequisite", async () => {
  await using home = await twoStageHome({}, ["--prerequisite", "ISP"]);
  const r = await rasctl(home, [
    "-q",
    "dial",
    "Corp VPN",
    "--via-user",
    "isp",
    "--via-password-stdin",
    "--user",
    "alice",
    "--password-stdin",
  ], { stdin: `${PW}\nisp-pw\n` });
  equal(r.code, 0, r.stderr);
  deepEqual(names(r.json), ["ISP", "Corp VPN"]);
  deepEqual(names(await connections(home)).sort(), ["Corp VPN", "ISP"]);
});

Deno.test("hangup --with-prerequisite ends the VPN and its IP connection", async () => {
  await using home = await twoStageHome({}, ["--prerequisite", "ISP"]);
  await dialBoth(home);
  const r = await rasctl(home, ["hangup", "Corp VPN", "--with-prerequisite"]);
  equal(r.code, 0, r.stderr);
  deepEqual(names(r.json).sort(), ["Corp VPN", "ISP"]);
  ok((r.json as Json[]).every((x) => x.released === true));
  deepEqual(await connections(home), []);
  const state = home.query();
  deepEqual(state.connections, []);
  equal(state.counters.leakedHandles, 0);
});

Deno.test("hangup waits until the connection is released", async () => {
  await using home = await cliHome({ world: cliWorld({ machine: { releaseDelayMs: 600 } }) });
  equal((await rasctl(home, ["-q", "entry", "new", "V", "--server", "vpn.example.com"])).code, 0);
  const d = await rasctl(home, ["-q", "dial", "V", "--user", "alice", "--password-env", "PW"], {
    env: { PW },
  });
  equal(d.code, 0, d.stderr);
  const t0 = performance.now();
  const h = await rasctl(home, ["hangup", "V"]);
  const took = performance.now() - t0;
  equal(h.code, 0, h.stderr);
  deepEqual((h.json as Json[]).map((x) => x.released), [true]);
  // Right after hangup returns, the sim no longer has the link at all (not even lingering).
  deepEqual(home.query().connections, []);
  deepEqual(await connections(home), []);
  ok(took >= 500, `hangup returned after ${took} ms, before the 600 ms release`);
});

Deno.test("dial --password-env reads the password from the variable", async () => {
  await using home = await cliHome({ world: cliWorld() });
  equal((await rasctl(home, ["-q", "entry", "new", "V", "--server", "vpn.example.com"])).code, 0);
  const r = await rasctl(home, ["-q", "dial", "V", "--user", "alice", "--password-env", "VPN_PW"], {
    env: { VPN_PW: PW },
  });
  equal(r.code, 0, r.stderr);
  deepEqual(names(r.json), ["V"]);
  equal((r.json as Json[])[0]!.state, "connected");
});

Deno.test("dial uses saved credentials from creds set", async () => {
  await using home = await cliHome({ world: cliWorld() });
  equal((await rasctl(home, ["-q", "entry", "new", "V", "--server", "vpn.example.com"])).code, 0);
  const set = await rasctl(home, ["creds", "set", "V", "--user", "alice", "--password-stdin"], {
    stdin: `${PW}\n`,
  });
  equal(set.code, 0, set.stderr);
  const shown = await rasctl(home, ["creds", "show", "V"]);
  equal((shown.json as Json).user, "alice");
  equal((shown.json as Json).passwordSaved, true);
  ok(!shown.stdout.includes(PW) && !shown.stdout.includes("s3cret"));
  const r = await rasctl(home, ["-q", "dial", "V"]);
  equal(r.code, 0, r.stderr);
  equal((r.json as Json[])[0]!.state, "connected");
});

Deno.test("a wrong password fails with 691, exit 3, and is never retried", async () => {
  await using home = await cliHome({ world: cliWorld() });
  equal((await rasctl(home, ["-q", "entry", "new", "V", "--server", "vpn.example.com"])).code, 0);
  const before = home.query().counters.dials;
  const r = await rasctl(home, [
    "-q",
    "dial",
    "V",
    "--user",
    "alice",
    "--password-stdin",
    "--retries",
    "3",
    "--retry-delay",
    "10",
  ], { stdin: "wrong\n" });
  equal(r.code, 3);
  equal(r.error?.code, 691);
  equal(r.error?.name, "ERROR_AUTHENTICATION_FAILURE");
  ok(!r.stderr.includes("wrong"), "the password leaked into stderr");
  const state = home.query();
  equal(state.counters.dials - before, 1);
  equal(state.counters.leakedHandles, 0);
});

Deno.test("--retries retries an unreachable server and reports its error", async () => {
  await using home = await cliHome({ world: cliWorld() });
  await newCorpVpn(rasctl, home, { name: "V" });
  home.command("unreachable vpn.example.com");
  const r = await rasctl(home, [
    "-q",
    "dial",
    "V",
    "--user",
    "alice",
    "--password-env",
    "PW",
    "--retries",
    "2",
    "--retry-delay",
    "50",
  ], { env: { PW } });
  equal(r.code, 3);
  equal(r.error?.code, 809); // ERROR_VPN_TIMEOUT: single-protocol strategy, no answer
  const state = home.query();
  equal(state.counters.dials, 3);
  equal(state.counters.leakedHandles, 0);
  deepEqual(state.connections, []);
});

Deno.test("a retry succeeds once the server becomes reachable", async () => {
  await using home = await cliHome({ world: cliWorld() });
  await newCorpVpn(rasctl, home, { name: "V" });
  home.command("unreachable vpn.example.com");
  const child = spawnRasctl(home, [
    "-q",
    "dial",
    "V",
    "--user",
    "alice",
    "--password-env",
    "PW",
    "--retries",
    "5",
    "--retry-delay",
    "300",
  ], { env: { PW } });
  // Flip only once the first attempt has failed (rasctl hangs up every failed dial's handle),
  // however long the child takes to start; a fixed pause raced the child's start-up under load.
  await waitFor(() => home.query().counters.hangups >= 1, 60_000);
  ok(home.query().counters.dials >= 1);
  home.command("reachable vpn.example.com");
  const r = parseRun(await child.output());
  equal(r.code, 0, r.stderr);
  equal((r.json as Json[])[0]!.state, "connected");
  const state = home.query();
  ok(state.counters.dials >= 2, `dials ${state.counters.dials}`);
  equal(state.counters.leakedHandles, 0);
});

Deno.test("--timeout during a slow dial exits 1 and leaves no handle", async () => {
  // 13 states of 5 s: the dial itself would take over a minute, so ending well inside 30 s is
  // the --timeout (1 s) at work however slow the machine is (not a speed assertion).
  await using home = await cliHome({ world: cliWorld({ machine: { dialStepMs: 5000 } }) });
  equal((await rasctl(home, ["-q", "entry", "new", "V", "--server", "vpn.example.com"])).code, 0);
  const t0 = performance.now();
  const r = await rasctl(home, [
    "-q",
    "dial",
    "V",
    "--user",
    "alice",
    "--password-env",
    "PW",
    "--timeout",
    "1",
  ], { env: { PW } });
  const took = performance.now() - t0;
  equal(r.code, 1, r.stderr);
  ok(r.error !== undefined, "no error line on stderr");
  equal(r.error?.name, "TimeoutError", r.stderr);
  ok(took < 30_000, `took ${took} ms`);
  // The counters count handles not yet passed to RasHangUp and RasEnumConnections leaves out
  // hung-up links, so all of this holds the moment rasctl returns (no pause needed).
  const state = home.query();
  equal(state.counters.leakedHandles, 0);
  equal(state.counters.openHandles, 0);
  deepEqual(state.connections.filter((c) => !c.hungUp), []);
  deepEqual(await connections(home), []);
});

// SIGHUP is the console closing / the session ending on Linux terms (Windows' console close,
// logoff and shutdown events are not exposed by Deno beyond SIGINT/SIGBREAK: README).
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  Deno.test({
    name: `${signal} during a dial hangs up and leaves no handle`,
    ignore: !CHILD_SIGNALS_CATCHABLE,
  }, async () => {
    // 13 states of 2 s: the dial cannot finish before the signal lands, even under load.
    await using home = await cliHome({ world: cliWorld({ machine: { dialStepMs: 2000 } }) });
    equal((await rasctl(home, ["-q", "entry", "new", "V", "--server", "vpn.example.com"])).code, 0);
    const child = spawnRasctl(
      home,
      ["-q", "dial", "V", "--user", "alice", "--password-env", "PW"],
      {
        env: { PW },
      },
    );
    // The child's start-up is as slow as the machine: a generous bound, not a speed check.
    await waitFor(() => home.query().connections.length > 0, 60_000);
    child.kill(signal);
    const r = parseRun(await child.output());
    ok(r.code !== 0, `dial succeeded despite ${signal}`);
    // Caught and handled (hung up, reported), not the default action that kills the process.
    equal(r.error?.name, "InterruptedError", r.stderr);
    const state = home.query(); // true as soon as the child has exited (see --timeout above)
    equal(state.counters.leakedHandles, 0);
    equal(state.counters.openHandles, 0);
    deepEqual(await connections(home), []);
  });
}

Deno.test("status NAME and stats NAME describe the connection; stats grow; --clear resets", async () => {
  await using home = await twoStageHome();
  const dialed = await dialBoth(home);
  const s = await rasctl(home, ["status", "Corp VPN"]);
  equal(s.code, 0, s.stderr);
  const status = s.json as Json;
  equal(status.entry, "Corp VPN");
  equal(status.handle, dialed[1]!.handle);
  equal(status.state, "connected");
  equal(status.error, null);
  equal(ipv4(status), "10.8.0.5");
  const keys = [
    "entry",
    "handle",
    "bytesTransmitted",
    "bytesReceived",
    "framesTransmitted",
    "framesReceived",
    "crcErrors",
    "timeoutErrors",
    "alignmentErrors",
    "hardwareOverrunErrors",
    "framingErrors",
    "bufferOverrunErrors",
    "compressionRatioIn",
    "compressionRatioOut",
    "bps",
    "connectDurationMs",
  ];
  const a = (await rasctl(home, ["stats", "Corp VPN"])).json as Json;
  deepEqual(Object.keys(a).sort(), [...keys].sort());
  equal(a.entry, "Corp VPN");
  equal(a.handle, dialed[1]!.handle);
  await new Promise((r) => setTimeout(r, 300));
  const b = (await rasctl(home, ["stats", "Corp VPN"])).json as Json;
  ok((b.connectDurationMs as number) > (a.connectDurationMs as number));
  ok((b.bytesReceived as number) >= (a.bytesReceived as number));
  const cleared = await rasctl(home, ["stats", "Corp VPN", "--clear"]);
  equal(cleared.code, 0, cleared.stderr);
  const c = (await rasctl(home, ["stats", "Corp VPN"])).json as Json;
  ok((c.bytesReceived as number) < (b.bytesReceived as number), "--clear did not reset counters");
  ok((c.connectDurationMs as number) >= (b.connectDurationMs as number));
  const missing = await rasctl(home, ["status", "Nope"]);
  equal(missing.code, 3);
  equal(missing.error?.code, 668);
});

Deno.test("a dropped connection is still reported, with its error, until its handle is hung up", async () => {
  await using home = await twoStageHome({ ipNetwork: true });
  const dialed = await dialCorpVpn(rasctl, home);
  const handle = dialed[0]!.handle as string;
  home.command("drop Corp VPN 628");
  const dropped = home.query().connections;
  equal(dropped.length, 1);
  equal(dropped[0]!.dropped, true);
  equal(dropped[0]!.error, 628);
  // RasEnumConnections lists a link until RasHangUp ("Data is available until an application
  // calls RasHangUp", RasDial remarks), so status NAME shows the drop and its code.
  const s = await rasctl(home, ["status", "Corp VPN"]);
  equal(s.code, 0, s.stderr);
  equal((s.json as Json).state, "disconnected");
  equal(((s.json as Json).error as Json).code, 628);
  deepEqual((await connections(home)).map((c) => c.handle), [handle]);
  const h = await rasctl(home, ["hangup", "--handle", handle]);
  equal(h.code, 0, h.stderr);
  equal(home.query().counters.leakedHandles, 0);
});

Deno.test("hangup --all ends the VPN before the network it was dialed over", async () => {
  await using home = await twoStageHome();
  await dialBoth(home);
  const r = await rasctl(home, ["hangup", "--all"]);
  equal(r.code, 0, r.stderr);
  deepEqual(names(r.json), ["Corp VPN", "ISP"]);
  deepEqual(await connections(home), []);
});
