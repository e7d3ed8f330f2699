/**
 * rasctl against the Windows the simulator can be (tests/sim/README.md): it negotiates dwSize
 * on each version, starts new entries from Windows' default entry, names devices the machine
 * has, refuses --type direct where Windows has no such type, and writes a standard user's new
 * entry to the user's own phone book.
 *
 * @module
 */

import { deepEqual, equal, ok } from "node:assert/strict";
import { CLI_VPN_PASSWORD, cliHome, rasctl } from "./_support/cli.ts";
import type { SimWindows } from "./sim/harness.ts";

type Json = Record<string, unknown>;
const PW = CLI_VPN_PASSWORD;

// The dwSize each version negotiates down to (../shared/abi/rasapi32.x64.json): RASENTRYW
// 6724 only with the WINVER 0xA00 block (not in SDK 16299, Windows 10 1709), RASDIALPARAMSW
// 2112 on Windows 7 and 2120 from Windows 8.
const VERSIONS: [SimWindows, { RASENTRY: number; RASDIALPARAMS: number }][] = [
  ["win7", { RASENTRY: 5680, RASDIALPARAMS: 2112 }],
  ["win8", { RASENTRY: 5680, RASDIALPARAMS: 2120 }],
  ["win81", { RASENTRY: 5680, RASDIALPARAMS: 2120 }],
  ["win10-1709", { RASENTRY: 5680, RASDIALPARAMS: 2120 }],
  ["win10", { RASENTRY: 6724, RASDIALPARAMS: 2120 }],
];

for (const [windows, sizes] of VERSIONS) {
  Deno.test(`on ${windows} rasctl negotiates its sizes: entry new, show, list, dial and hangup work`, async () => {
    await using home = await cliHome();
    const env = { RASSIM_WINVER: windows, PW };
    const made = await rasctl(home, [
      "-q",
      "entry",
      "new",
      "Corp",
      "--server",
      "vpn.example.com",
      "--dns-suffix",
      "corp.example",
    ], { env });
    equal(made.code, 0, made.stderr);
    equal(home.query().lastSizes.RASENTRY, sizes.RASENTRY, "RasSetEntryProperties' dwSize");
    const shown = await rasctl(home, ["entry", "show", "Corp"], { env });
    equal(shown.code, 0, shown.stderr);
    equal((shown.json as Json).server, "vpn.example.com");
    equal((shown.json as Json).dnsSuffix, "corp.example");
    const list = await rasctl(home, ["entry", "list"], { env });
    equal(list.code, 0, list.stderr);
    deepEqual((list.json as Json[]).map((e) => e.name), ["Corp"]);
    const dial = await rasctl(home, [
      "-q",
      "dial",
      "Corp",
      "--user",
      "alice",
      "--password-env",
      "PW",
    ], {
      env,
    });
    equal(dial.code, 0, dial.stderr);
    equal(home.query().lastSizes.RASDIALPARAMS, sizes.RASDIALPARAMS, "RasDial's dwSize");
    const status = await rasctl(home, ["status", "Corp"], { env });
    equal(status.code, 0, status.stderr);
    equal((status.json as Json).state, "connected");
    const hang = await rasctl(home, ["hangup", "Corp"], { env });
    equal(hang.code, 0, hang.stderr);
    equal(home.query().counters.openHandles, 0);
  });
}

Deno.test("entry new starts from Windows' default entry (RasGetEntryProperties with an empty name), then the options", async () => {
  await using home = await cliHome({
    world: {
      machine: { ipNetwork: true },
      defaultEntry: { IdleDisconnectSeconds: 900, RedialAttempts: 7, RedialSeconds: 45 },
    },
  });
  const made = await rasctl(home, [
    "entry",
    "new",
    "Corp",
    "--server",
    "vpn.example.com",
    "--redial-pause",
    "30",
  ]);
  equal(made.code, 0, made.stderr);
  const e = made.json as Json;
  equal(e.idleDisconnectSeconds, 900, "Windows' default");
  deepEqual(
    { attempts: (e.redial as Json).attempts, pauseSeconds: (e.redial as Json).pauseSeconds },
    { attempts: 7, pauseSeconds: 30 },
    "Windows' default attempts, the option's pause",
  );
  equal(e.type, "vpn");
  deepEqual(e.device, { type: "vpn", name: "WAN Miniport (IKEv2)" });
});

Deno.test("entry new --type direct is a usage error naming --type: Windows 7 and later have no direct entries", async () => {
  await using home = await cliHome();
  for (const windows of ["win7", "win10"]) {
    const r = await rasctl(home, ["entry", "new", "Cable", "--type", "direct"], {
      env: { RASSIM_WINVER: windows },
    });
    equal(r.code, 2, r.stderr);
    equal(r.error?.name, "UsageError");
    equal(r.error?.field, "--type");
    ok(String(r.error?.message).includes("--type") && /direct/.test(String(r.error?.message)));
  }
  const list = await rasctl(home, ["entry", "list"]);
  deepEqual(list.json, []);
});

Deno.test("entry new --device-name that is not one of this machine's devices is a usage error naming --device-name", async () => {
  await using home = await cliHome();
  const r = await rasctl(home, [
    "entry",
    "new",
    "ISP",
    "--type",
    "phone",
    "--server",
    "5551234",
    "--device-name",
    "Modem",
  ]);
  equal(r.code, 2, r.stderr);
  equal(r.error?.field, "--device-name");
  ok(String(r.error?.message).includes("Standard 56000 bps Modem"), String(r.error?.message));
  const set = await rasctl(home, ["-q", "entry", "new", "V", "--server", "vpn.example.com"]);
  equal(set.code, 0, set.stderr);
  const bad = await rasctl(home, ["entry", "set", "V", "--device-name", "WAN Miniport (IKEv3)"]);
  equal(bad.code, 2, bad.stderr);
  equal(bad.error?.field, "--device-name");
});

Deno.test("entry new --from a file naming another machine's device takes this machine's device of that type", async () => {
  await using home = await cliHome();
  const file = `${home.path}/corp.json`;
  await Deno.writeTextFile(
    file,
    JSON.stringify({
      type: "vpn",
      server: "vpn.example.com",
      strategy: "sstp-only",
      device: { type: "vpn", name: "WAN-Miniport (SSTP)" },
    }),
  );
  const r = await rasctl(home, ["entry", "new", "Corp", "--from", file]);
  equal(r.code, 0, r.stderr);
  deepEqual((r.json as Json).device, { type: "vpn", name: "WAN Miniport (SSTP)" });
});

Deno.test("a standard user's entry new without --phonebook goes to the user's own book; --all-users needs an administrator (5)", async () => {
  await using home = await cliHome();
  const env = { RASSIM_ELEVATED: "0" };
  const mine = await rasctl(home, ["entry", "new", "Mine", "--server", "vpn.example.com"], { env });
  equal(mine.code, 0, mine.stderr);
  equal((mine.json as Json).phonebook, home.userPbk);
  const listed = await rasctl(home, ["entry", "list"], { env });
  deepEqual(listed.json, [{ name: "Mine", scope: "user", phonebook: home.userPbk }]);
  const changed = await rasctl(home, ["entry", "set", "Mine", "--dns-suffix", "a.example"], {
    env,
  });
  equal(changed.code, 0, changed.stderr);
  const shared = await rasctl(home, [
    "entry",
    "new",
    "Shared",
    "--server",
    "vpn.example.com",
    "--all-users",
  ], { env });
  equal(shared.code, 3, shared.stderr);
  equal(shared.error?.code, 5);
  ok(/administrator/i.test(String(shared.error?.hint)), String(shared.error?.hint));
});
