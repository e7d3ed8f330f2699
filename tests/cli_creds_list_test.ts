/**
 * `rasctl creds list`: what is saved for every entry of both default phone books (or of one),
 * in one run, never a secret.
 *
 * @module
 */

import { deepEqual, equal, ok } from "node:assert/strict";
import { CLI_VPN_PASSWORD, cliHome, rasctl } from "./_support/cli.ts";
import type { SimHome } from "./sim/harness.ts";

async function twoBooks(home: SimHome): Promise<void> {
  for (
    const args of [
      ["entry", "new", "Shared", "--server", "vpn.example.com", "--all-users"],
      ["entry", "new", "Mine", "--server", "vpn.example.com", "--phonebook", home.userPbk],
    ]
  ) {
    const r = await rasctl(home, ["-q", ...args]);
    equal(r.code, 0, r.stderr);
  }
  const set = await rasctl(
    home,
    [
      "-q",
      "creds",
      "set",
      "Mine",
      "--phonebook",
      home.userPbk,
      "--user",
      "alice",
      "--password-stdin",
    ],
    { stdin: `${CLI_VPN_PASSWORD}\n` },
  );
  equal(set.code, 0, set.stderr);
}

Deno.test("creds list shows every entry of both default books, all-users first, never a secret", async () => {
  await using home = await cliHome();
  await twoBooks(home);
  const r = await rasctl(home, ["creds", "list"]);
  equal(r.code, 0, r.stderr);
  const rows = r.json as Record<string, unknown>[];
  deepEqual(rows.map((c) => [c.entry, c.phonebook, c.user, c.passwordSaved]), [
    ["Shared", home.allUsersPbk, null, false],
    ["Mine", home.userPbk, "alice", true],
  ]);
  // Default credentials exist only for the all-users entry.
  deepEqual(rows[0]!.default, { user: null, domain: null, passwordSaved: false });
  equal(rows[1]!.default, null);
  ok(!r.stdout.includes(CLI_VPN_PASSWORD));
});

Deno.test("creds list --all-users and --phonebook list one book", async () => {
  await using home = await cliHome();
  await twoBooks(home);
  const all = await rasctl(home, ["creds", "list", "--all-users"]);
  equal(all.code, 0, all.stderr);
  deepEqual((all.json as Record<string, unknown>[]).map((c) => c.entry), ["Shared"]);
  const mine = await rasctl(home, ["creds", "list", "--phonebook", home.userPbk]);
  equal(mine.code, 0, mine.stderr);
  deepEqual((mine.json as Record<string, unknown>[]).map((c) => [c.entry, c.user]), [[
    "Mine",
    "alice",
  ]]);
});

Deno.test("creds list of empty books is an empty array", async () => {
  await using home = await cliHome();
  const r = await rasctl(home, ["creds", "list"]);
  equal(r.code, 0, r.stderr);
  deepEqual(r.json, []);
});
