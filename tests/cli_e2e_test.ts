/**
 * One end-to-end test per command as a real rasctl process (the compiled exe's permissions,
 * its own stdin/stdout/stderr and exit status), beside the in-process CLI tests: what they set
 * up runs in-process, the command under test runs as a child. The secrets suite
 * (tests/cli_secrets_test.ts) is all processes.
 *
 * @module
 */

import { deepEqual, equal, ok } from "node:assert/strict";
import { COMMANDS } from "../commands/_registry.ts";
import { CLI_VPN_PASSWORD, type CliRun, rasctl, rasctlProcess } from "./_support/cli.ts";
import { CORP_VPN, corpVpnHome, dialCorpVpn, type Json, jsonLines } from "./_support/fixtures.ts";
import type { SimHome } from "./sim/harness.ts";

function succeeded(run: CliRun): Json | Json[] {
  equal(run.code, 0, run.stderr);
  return run.json as Json | Json[];
}

/** The spawned run of each top-level command, and what it must show. */
const E2E: Record<keyof typeof COMMANDS, (home: SimHome) => Promise<void>> = {
  async entry(home) {
    succeeded(await rasctlProcess(home, ["entry", "new", "Other", "--server", "vpn.example.com"]));
    const names = (succeeded(await rasctl(home, ["entry", "list"])) as Json[]).map((e) => e.name);
    deepEqual(names.toSorted(), [CORP_VPN, "Other"]);
  },
  async dial(home) {
    const run = await rasctlProcess(home, [
      "-q",
      "dial",
      CORP_VPN,
      "--user",
      "alice",
      "--password-stdin",
    ], {
      stdin: `${CLI_VPN_PASSWORD}\n`,
    });
    equal((succeeded(run) as Json[]).at(-1)!.state, "connected");
    equal(home.query().connections.length, 1);
  },
  async hangup(home) {
    await connect(home);
    succeeded(await rasctlProcess(home, ["-q", "hangup", CORP_VPN]));
    equal(home.query().connections.length, 0);
  },
  async status(home) {
    await connect(home);
    const status = succeeded(await rasctlProcess(home, ["status", CORP_VPN])) as Json;
    equal(status.state, "connected");
  },
  async connections(home) {
    await connect(home);
    const list = succeeded(await rasctlProcess(home, ["connections"])) as Json[];
    deepEqual(list.map((c) => c.entry), [CORP_VPN]);
  },
  async stats(home) {
    await connect(home);
    const stats = succeeded(await rasctlProcess(home, ["stats", CORP_VPN])) as Json;
    equal(typeof stats.bytesReceived, "number", JSON.stringify(stats));
  },
  async creds(home) {
    const set = await rasctl(home, [
      "creds",
      "set",
      CORP_VPN,
      "--user",
      "bob",
      "--password-env",
      "PW",
    ], {
      env: { PW: "pw" },
    });
    succeeded(set);
    const shown = succeeded(await rasctlProcess(home, ["creds", "show", CORP_VPN])) as Json;
    equal(shown.user, "bob");
  },
  async devices(home) {
    const devices = succeeded(await rasctlProcess(home, ["devices"])) as Json[];
    ok(devices.length > 0 && devices.every((d) => typeof d.name === "string"));
  },
  async error(home) {
    const explained = succeeded(await rasctlProcess(home, ["error", "691"])) as Json;
    equal(explained.name, "ERROR_AUTHENTICATION_FAILURE");
  },
  async ensure(home) {
    const run = await rasctlProcess(home, [
      "-q",
      "ensure",
      CORP_VPN,
      "--user",
      "alice",
      "--password-stdin",
    ], {
      stdin: `${CLI_VPN_PASSWORD}\n`,
    });
    succeeded(run);
    equal(home.query().connections.length, 1);
  },
  async profile(home) {
    const exported = succeeded(await rasctlProcess(home, ["profile", "export"])) as Json;
    deepEqual((exported.entries as Json[]).map((e) => e.name), [CORP_VPN]);
  },
  async dsc(home) {
    const manifest = succeeded(await rasctlProcess(home, ["dsc", "manifest"])) as Json;
    equal(manifest.type, "RasCtl/VpnEntry");
  },
  async watch(home) {
    const run = await rasctlProcess(home, ["watch", "--timeout", "0.3"]);
    equal(run.code, 0, run.stderr);
    const lines = jsonLines(run.stdout);
    equal(lines.at(-1)!.event, "stopped");
  },
  async task(home) {
    const run = await rasctlProcess(home, ["task", "install", CORP_VPN, "--at-logon", "--xml"]);
    equal(run.code, 0, run.stderr);
    ok(run.stdout.includes("<Arguments>ensure"), run.stdout.slice(0, 400));
  },
  async completion(home) {
    const run = await rasctlProcess(home, ["completion", "bash"]);
    equal(run.code, 0, run.stderr);
    ok(run.stdout.includes("complete -F _rasctl rasctl rasctl.exe"), run.stdout.slice(-200));
  },
};

const connect = (home: SimHome) => dialCorpVpn(rasctl, home);

Deno.test("every command has a spawned end-to-end test", () => {
  deepEqual(Object.keys(E2E).toSorted(), Object.keys(COMMANDS).toSorted());
});

for (const [command, check] of Object.entries(E2E)) {
  Deno.test(`rasctl ${command} works as a process of its own`, async () => {
    await using home = await corpVpnHome(rasctl);
    await check(home);
  });
}
