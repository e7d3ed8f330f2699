/**
 * rasctl as different Windows accounts (tests/sim/README.md "Who is calling"): default
 * (all-user) credentials for machine tasks, and what needs an elevated prompt.
 *
 * @module
 */

import { deepEqual, equal, ok } from "node:assert/strict";
import { CLI_VPN_PASSWORD, cliHome, rasctlProcess as rasctl } from "./_support/cli.ts";
import type { SimHome } from "./sim/harness.ts";

const standardAlice = { RASSIM_USER: "alice", RASSIM_ELEVATED: "0" };
const elevatedAlice = { RASSIM_USER: "alice", RASSIM_ELEVATED: "1" };
const localSystem = { RASSIM_USER: "SYSTEM", RASSIM_ELEVATED: "0" };

async function sharedVpn(home: SimHome): Promise<void> {
  const r = await rasctl(home, [
    "-q",
    "entry",
    "new",
    "Shared",
    "--server",
    "vpn.example.com",
    "--all-users",
  ], { env: elevatedAlice });
  equal(r.code, 0, r.stderr);
}

Deno.test("creds set --default from a standard prompt is refused with ERROR_ACCESS_DENIED and a hint", async () => {
  await using home = await cliHome();
  await sharedVpn(home);
  const r = await rasctl(
    home,
    ["creds", "set", "Shared", "--all-users", "--default", "--user", "alice", "--password-stdin"],
    { stdin: `${CLI_VPN_PASSWORD}\n`, env: standardAlice },
  );
  equal(r.code, 3, r.stderr);
  equal(r.error?.name, "ERROR_ACCESS_DENIED");
  ok(String(r.error?.hint).includes("Run as administrator"), String(r.error?.hint));
  ok(!r.stderr.includes(CLI_VPN_PASSWORD));
});

Deno.test("creds set --default saves all-user credentials that LocalSystem dials with; show reports both kinds", async () => {
  await using home = await cliHome();
  await sharedVpn(home);
  const set = await rasctl(
    home,
    ["creds", "set", "Shared", "--all-users", "--default", "--user", "alice", "--password-stdin"],
    { stdin: `${CLI_VPN_PASSWORD}\n`, env: elevatedAlice },
  );
  equal(set.code, 0, set.stderr);
  const saved = set.json as Record<string, unknown>;
  // alice's own are not touched; the default ones are saved.
  deepEqual([saved.user, saved.passwordSaved], [null, false]);
  deepEqual(saved.default, { user: "alice", domain: null, passwordSaved: true });

  const shown = await rasctl(home, ["creds", "show", "Shared"], { env: standardAlice });
  equal(shown.code, 0, shown.stderr);
  deepEqual((shown.json as Record<string, unknown>).default, {
    user: "alice",
    domain: null,
    passwordSaved: true,
  });

  const dial = await rasctl(home, ["dial", "Shared"], { env: localSystem });
  equal(dial.code, 0, dial.stderr);
  const hang = await rasctl(home, ["hangup", "Shared"], { env: localSystem });
  equal(hang.code, 0, hang.stderr);
});

Deno.test("creds set --default on a per-user entry is refused (default credentials are for all-user entries)", async () => {
  await using home = await cliHome();
  const made = await rasctl(home, [
    "-q",
    "entry",
    "new",
    "Mine",
    "--server",
    "vpn.example.com",
    "--phonebook",
    home.userPbk,
  ]);
  equal(made.code, 0, made.stderr);
  const r = await rasctl(
    home,
    ["creds", "set", "Mine", "--phonebook", home.userPbk, "--default", "--user", "alice"],
    { env: elevatedAlice },
  );
  equal(r.code, 3, r.stderr);
  equal(r.error?.name, "ERROR_ACCESS_DENIED");
  const show = await rasctl(home, ["creds", "show", "Mine", "--phonebook", home.userPbk]);
  equal((show.json as Record<string, unknown>).default, null);
});

Deno.test("task install of a machine task without default credentials stops and says how to save them", async () => {
  await using home = await cliHome();
  await sharedVpn(home);
  const r = await rasctl(home, [
    "task",
    "install",
    "Shared",
    "--at-startup",
    "--exe",
    "C:\\rasctl\\rasctlw.exe",
  ]);
  equal(r.code, 2, r.stderr);
  equal(r.error?.name, "UsageError");
  const message = String(r.error?.message);
  ok(message.includes("LocalSystem"), message);
  ok(message.includes('rasctl creds set "Shared" --all-users --default'), message);
});

Deno.test("task install of a machine task passes the check once default credentials are saved", async () => {
  await using home = await cliHome();
  await sharedVpn(home);
  const set = await rasctl(
    home,
    ["creds", "set", "Shared", "--all-users", "--default", "--user", "alice", "--password-stdin"],
    { stdin: `${CLI_VPN_PASSWORD}\n`, env: elevatedAlice },
  );
  equal(set.code, 0, set.stderr);
  const r = await rasctl(home, [
    "task",
    "install",
    "Shared",
    "--at-startup",
    "--exe",
    "C:\\rasctl\\rasctlw.exe",
  ]);
  // Past the credentials check, registering needs Windows' schtasks.exe.
  equal(r.code, 2, r.stderr);
  ok(String(r.error?.message).includes("schtasks"), String(r.error?.message));
});

Deno.test("entry new --all-users from a standard prompt is refused (the all-users book is an administrator's)", async () => {
  await using home = await cliHome();
  const r = await rasctl(home, [
    "entry",
    "new",
    "Shared",
    "--server",
    "vpn.example.com",
    "--all-users",
  ], { env: standardAlice });
  equal(r.code, 3, r.stderr);
  equal(r.error?.name, "ERROR_ACCESS_DENIED");
});
