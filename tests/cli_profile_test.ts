/**
 * `rasctl profile` end to end on the simulator: create from nothing, a no-op second run, drift
 * found and repaired, absent removes, what-if changes nothing, a failure leaves the machine as
 * it was, concurrent runs, and each engine's output contract.
 */

import assert from "node:assert/strict";
import { cliHome, rasctl, rasctlProcess } from "./_support/cli.ts";
import type { SimHome } from "./sim/harness.ts";

const PROFILE = {
  entries: [
    {
      name: "Corp VPN",
      scope: "user",
      server: "vpn.example.com",
      strategy: "ikev2-only",
      splitTunnel: true,
      ipv4: { dns: ["10.0.0.53"] },
      dnsSuffix: "corp.example.com",
    },
    { name: "Old VPN", ensure: "absent" },
  ],
};

async function writeProfile(home: SimHome, profile: unknown, name = "profile.json") {
  const path = `${home.path}/${name}`;
  await Deno.writeTextFile(path, JSON.stringify(profile));
  return path;
}

async function pbk(home: SimHome): Promise<string> {
  try {
    return await Deno.readTextFile(home.userPbk);
  } catch {
    return "";
  }
}

type SetOut = {
  changed: boolean;
  whatIf: boolean;
  entries: { name: string; action: string; changed: boolean; done: string[] }[];
  diff: { entry: string; path: string; before: unknown; after: unknown }[];
  failed: null | { name: string; error: Record<string, unknown> };
};

Deno.test("profile set creates from nothing, then a second set changes nothing", async () => {
  await using home = await cliHome();
  const file = await writeProfile(home, PROFILE);
  const first = await rasctl(home, ["profile", "set", file]);
  assert.equal(first.code, 0, first.stderr);
  const out = first.json as SetOut;
  assert.equal(out.changed, true);
  assert.deepEqual(out.entries.map((e) => [e.name, e.action, e.done]), [
    ["Corp VPN", "create", ["created"]],
    ["Old VPN", "none", []],
  ]);
  const shown = (await rasctl(home, ["entry", "show", "Corp VPN", "--phonebook", home.userPbk]))
    .json as Record<string, unknown>;
  assert.equal(shown.server, "vpn.example.com");
  assert.equal(shown.strategy, "ikev2-only");
  assert.equal(shown.splitTunnel, true);
  assert.equal(shown.dnsSuffix, "corp.example.com");
  assert.deepEqual((shown.ipv4 as { dns: string[] }).dns, ["10.0.0.53"]);
  const book = await pbk(home);
  const second = await rasctl(home, ["profile", "set", file]);
  assert.equal(second.code, 0, second.stderr);
  assert.equal((second.json as SetOut).changed, false);
  assert.deepEqual((second.json as SetOut).diff, []);
  assert.equal(await pbk(home), book, "a no-op set does not rewrite the phone book");
});

Deno.test("profile test: exit 0 in state, 4 with the differing properties on drift; set repairs it", async () => {
  await using home = await cliHome();
  const file = await writeProfile(home, PROFILE);
  assert.equal((await rasctl(home, ["profile", "set", file])).code, 0);
  const clean = await rasctl(home, ["profile", "test", file]);
  assert.equal(clean.code, 0, clean.stderr);
  assert.equal((clean.json as { inDesiredState: boolean }).inDesiredState, true);
  // Someone changes the entry by hand.
  assert.equal(
    (await rasctl(home, [
      "entry",
      "set",
      "Corp VPN",
      "--server",
      "vpn2.example.com",
      "--no-split-tunnel",
    ])).code,
    0,
  );
  const drift = await rasctl(home, ["profile", "test", file]);
  assert.equal(drift.code, 4);
  const t = drift.json as {
    inDesiredState: boolean;
    entries: { name: string; inDesiredState: boolean; differing: string[]; diff: unknown[] }[];
  };
  assert.equal(t.inDesiredState, false);
  assert.deepEqual(t.entries[0]!.differing, ["server", "splitTunnel", "raw.dwfOptions"]);
  assert.deepEqual(t.entries[0]!.diff[0], {
    path: "server",
    before: "vpn2.example.com",
    after: "vpn.example.com",
  });
  assert.equal(t.entries[1]!.inDesiredState, true);
  const repair = await rasctl(home, ["profile", "set", file]);
  assert.equal(repair.code, 0, repair.stderr);
  const r = repair.json as SetOut;
  assert.deepEqual(r.entries[0]!.done, ["updated"]);
  assert.deepEqual(r.diff.map((d) => d.path), ["server", "splitTunnel", "raw.dwfOptions"]);
  assert.equal((await rasctl(home, ["profile", "test", file])).code, 0);
});

Deno.test("profile set removes an absent entry, and what-if changes nothing", async () => {
  await using home = await cliHome();
  assert.equal(
    (await rasctl(home, [
      "entry",
      "new",
      "Old VPN",
      "--phonebook",
      home.userPbk,
      "--server",
      "old.example.com",
    ])).code,
    0,
  );
  const file = await writeProfile(home, PROFILE);
  const before = await pbk(home);
  const whatIf = await rasctl(home, ["profile", "set", file, "--what-if"]);
  assert.equal(whatIf.code, 0, whatIf.stderr);
  const w = whatIf.json as SetOut;
  assert.equal(w.whatIf, true);
  assert.equal(w.changed, true);
  assert.deepEqual(w.entries.map((e) => [e.action, e.done]), [["create", []], ["remove", []]]);
  assert.equal(await pbk(home), before, "what-if changed the phone book");
  const set = await rasctl(home, ["profile", "set", file]);
  assert.equal(set.code, 0, set.stderr);
  assert.deepEqual((set.json as SetOut).entries[1]!.done, ["removed"]);
  const names = ((await rasctl(home, ["entry", "list"])).json as { name: string }[]).map((e) =>
    e.name
  );
  assert.deepEqual(names, ["Corp VPN"]);
});

Deno.test("profile set hangs up a connected entry before removing it", async () => {
  await using home = await cliHome();
  assert.equal(
    (await rasctl(home, [
      "entry",
      "new",
      "Old VPN",
      "--phonebook",
      home.userPbk,
      "--server",
      "vpn.example.com",
    ])).code,
    0,
  );
  const dial = await rasctl(home, ["dial", "Old VPN", "--user", "alice", "--password-env", "PW"], {
    env: { PW: "s3cret-Pässwörd" },
  });
  assert.equal(dial.code, 0, dial.stderr);
  const file = await writeProfile(home, { entries: [{ name: "Old VPN", ensure: "absent" }] });
  const set = await rasctl(home, ["profile", "set", file]);
  assert.equal(set.code, 0, set.stderr);
  assert.deepEqual((set.json as SetOut).entries[0]!.done, ["hung up", "removed"]);
  assert.deepEqual(home.query().connections, []);
});

Deno.test("a failure while setting an entry leaves it as it was and lists what was done", async () => {
  // A standard user may not save default (all-user) credentials: ERROR_ACCESS_DENIED after
  // the entry's settings were written.
  await using home = await cliHome({ identity: { elevated: false } });
  assert.equal(
    (await rasctl(home, [
      "entry",
      "new",
      "Corp VPN",
      "--phonebook",
      home.userPbk,
      "--server",
      "vpn.example.com",
    ])).code,
    0,
  );
  const before = await pbk(home);
  const file = await writeProfile(home, {
    entries: [
      { name: "First", server: "first.example.com" },
      {
        name: "Corp VPN",
        server: "vpn9.example.com",
        credentials: { user: "alice", password: { env: "PW" }, default: true },
      },
      { name: "Never", server: "never.example.com" },
    ],
  });
  const set = await rasctl(home, ["profile", "set", file], { env: { PW: "pw" } });
  assert.notEqual(set.code, 0);
  const out = set.json as SetOut;
  assert.deepEqual(out.entries.map((e) => [e.name, e.done]), [
    ["First", ["created"]],
    ["Corp VPN", ["updated", "rolled back"]],
  ]);
  assert.equal(out.failed!.name, "Corp VPN");
  assert.equal(out.failed!.error.name, "ERROR_ACCESS_DENIED");
  assert.equal(set.error!.name, "ERROR_ACCESS_DENIED");
  const shown = (await rasctl(home, ["entry", "show", "Corp VPN", "--phonebook", home.userPbk]))
    .json as { server: string };
  assert.equal(shown.server, "vpn.example.com");
  const names = ((await rasctl(home, ["entry", "list"])).json as { name: string }[]).map((e) =>
    e.name
  );
  assert.deepEqual(names, ["Corp VPN", "First"]);
  assert.notEqual(await pbk(home), before);
});

Deno.test("a failure after RasSetEntryProperties and RasSetCustomAuthData puts both back", async () => {
  // The entry's settings and its EAP data are written, then saving default credentials fails
  // (a standard user, ERROR_ACCESS_DENIED): settings and custom auth data are back as they were.
  await using home = await cliHome({ identity: { elevated: false } });
  const eap = btoa(String.fromCharCode(...Array.from({ length: 70 }, (_, i) => (i * 3) & 0xff)));
  const entry = { name: "Corp VPN", server: "vpn.example.com", customAuthData: eap };
  const first = await rasctl(home, [
    "profile",
    "set",
    await writeProfile(home, { entries: [entry] }),
  ]);
  assert.equal(first.code, 0, first.stderr);
  const bookBefore = await pbk(home);
  const exportBefore = (await rasctl(home, ["profile", "export"])).json;
  const file = await writeProfile(home, {
    entries: [{
      ...entry,
      server: "vpn9.example.com",
      splitTunnel: true,
      customAuthData: btoa("other EAP configuration"),
      credentials: { user: "alice", password: { env: "PW" }, default: true },
    }],
  }, "fails.json");
  const set = await rasctl(home, ["profile", "set", file], { env: { PW: "pw" } });
  assert.notEqual(set.code, 0);
  const out = set.json as SetOut;
  assert.deepEqual(out.entries.map((e) => [e.name, e.done]), [
    ["Corp VPN", ["updated", "saved custom authentication data", "rolled back"]],
  ]);
  assert.equal(out.failed!.error.name, "ERROR_ACCESS_DENIED");
  // Read back: the same export (settings and customAuthData), and the same book, byte for byte.
  assert.deepEqual((await rasctl(home, ["profile", "export"])).json, exportBefore);
  assert.equal(
    ((exportBefore as { entries: { customAuthData?: string }[] }).entries[0]!).customAuthData,
    eap,
  );
  assert.equal(await pbk(home), bookBefore);
});

Deno.test("concurrent profile sets end as either alone", async () => {
  await using home = await cliHome();
  const file = await writeProfile(home, PROFILE);
  // Processes: the phone-book lock is what keeps separate rasctl processes apart.
  const runs = await Promise.all(
    [1, 2, 3].map(() => rasctlProcess(home, ["profile", "set", file])),
  );
  for (const run of runs) assert.equal(run.code, 0, run.stderr);
  const test = await rasctl(home, ["profile", "test", file]);
  assert.equal(test.code, 0, test.stdout);
  const names = ((await rasctl(home, ["entry", "list"])).json as { name: string }[]).map((e) =>
    e.name
  );
  assert.deepEqual(names, ["Corp VPN"]);
});

Deno.test("a profile is refused before anything changes: unknown key, secret, bad name, naming the path", async () => {
  await using home = await cliHome();
  const cases: [unknown, RegExp, string][] = [
    [
      { entries: [{ name: "A", server: "a", spltTunnel: true }] },
      /entries\.0\.spltTunnel: unknown key/,
      "entries.0.spltTunnel",
    ],
    [
      { entries: [{ name: "A", credentials: { user: "u", password: "hunter2" } }] },
      /entries\.0\.credentials\.password: a secret is never written into a profile/,
      "entries.0.credentials.password",
    ],
    [{ entries: [{ name: "bad|name" }] }, /entries\.0\.name: an entry name/, "entries.0.name"],
    [
      { entries: [{ name: "A", ipv4: { dns: ["10.0.0.300"] } }] },
      /entries\.0\.ipv4\.dns\.0/,
      "entries.0.ipv4.dns.0",
    ],
    [
      { entries: [{ name: "A" }, { name: "a" }] },
      /entries\.1\.name: "a" is already listed/,
      "entries.1.name",
    ],
  ];
  for (const [profile, message, field] of cases) {
    const file = await writeProfile(home, {
      entries: [{ name: "Z", server: "z" }, ...(profile as { entries: unknown[] }).entries],
    });
    const run = await rasctl(home, ["profile", "set", file]);
    assert.equal(run.code, 2, run.stderr);
    assert.match(
      String(run.error!.message),
      new RegExp(message.source.replace(/entries\\\.(\d)/, (_, n) => `entries\\.${Number(n) + 1}`)),
    );
    assert.equal(
      run.error!.field,
      field.replace(/^entries\.(\d)/, (_, n) => `entries.${Number(n) + 1}`),
    );
    assert.ok(!run.stderr.includes("hunter2"));
  }
  assert.equal(await pbk(home), "", "nothing was written");
});

Deno.test("profile export prints a profile that set accepts unchanged, in JSON and YAML", async () => {
  await using home = await cliHome();
  const file = await writeProfile(home, PROFILE);
  assert.equal((await rasctl(home, ["profile", "set", file])).code, 0);
  assert.equal(
    (await rasctl(home, [
      "entry",
      "new",
      "ISP",
      "--phonebook",
      home.userPbk,
      "--type",
      "phone",
      "--server",
      "5551234",
    ])).code,
    0,
  );
  const exported = await rasctl(home, ["profile", "export"]);
  assert.equal(exported.code, 0, exported.stderr);
  const profile = exported.json as { entries: Record<string, unknown>[] };
  assert.deepEqual(profile.entries.map((e) => [e.name, e.scope, e.ensure]), [
    ["Corp VPN", "user", "present"],
    ["ISP", "user", "present"],
  ]);
  const named = await rasctl(home, ["profile", "export", "ISP"]);
  assert.deepEqual((named.json as typeof profile).entries.map((e) => e.name), ["ISP"]);
  const yaml = await rasctl(home, ["profile", "export", "--yaml"]);
  assert.match(yaml.stdout, /^entries:\n {2}- name: "Corp VPN"\n/);
  for (const [text, name] of [[exported.stdout, "e.json"], [yaml.stdout, "e.yaml"]]) {
    const path = `${home.path}/${name}`;
    await Deno.writeTextFile(path, text!);
    const test = await rasctl(home, ["profile", "test", path]);
    assert.equal(test.code, 0, test.stdout);
    const set = await rasctl(home, ["profile", "set", path]);
    assert.equal((set.json as SetOut).changed, false);
  }
});

Deno.test("profile export takes several names, in machine order; unknown names are one clear error", async () => {
  await using home = await cliHome();
  for (const name of ["Alpha", "Beta", "Gamma"]) {
    const made = await rasctl(home, [
      "entry",
      "new",
      name,
      "--phonebook",
      home.userPbk,
      "--server",
      `${name.toLowerCase()}.example.com`,
    ]);
    assert.equal(made.code, 0, made.stderr);
  }
  const two = await rasctl(home, ["profile", "export", "gamma", "Alpha"]);
  assert.equal(two.code, 0, two.stderr);
  const entries = (two.json as { entries: { name: string; server: string }[] }).entries;
  assert.deepEqual(entries.map((e) => [e.name, e.server]), [
    ["Alpha", "alpha.example.com"],
    ["Gamma", "gamma.example.com"],
  ]);
  const unknown = await rasctl(home, ["profile", "export", "Alpha", "Nope", "Missing"]);
  assert.notEqual(unknown.code, 0);
  assert.equal(unknown.stdout, "");
  assert.equal(unknown.error!.name, "ERROR_CANNOT_FIND_PHONEBOOK_ENTRY");
  assert.match(String(unknown.error!.message), /"Nope", "Missing"/);
  assert.doesNotMatch(String(unknown.error!.message), /Alpha/);
});

Deno.test("profile get prints the actual state of the named entries", async () => {
  await using home = await cliHome();
  const file = await writeProfile(home, PROFILE);
  const get = await rasctl(home, ["profile", "get", file]);
  assert.equal(get.code, 0, get.stderr);
  assert.deepEqual(get.json, {
    entries: [
      { name: "Corp VPN", scope: "user", ensure: "absent" },
      { name: "Old VPN", scope: "user", ensure: "absent" },
    ],
  });
  await rasctl(home, ["profile", "set", file]);
  const after = (await rasctl(home, ["profile", "get", "-"], { stdin: JSON.stringify(PROFILE) }))
    .json as { entries: Record<string, unknown>[] };
  assert.equal(after.entries[0]!.ensure, "present");
  assert.equal(after.entries[0]!.server, "vpn.example.com");
});

Deno.test("Intune mode: one summary line, exit 1 on drift and 0 when compliant, nothing on stderr", async () => {
  await using home = await cliHome();
  const file = await writeProfile(home, PROFILE);
  const drift = await rasctl(home, ["profile", "test", file, "--mode", "intune"]);
  assert.equal(drift.code, 1);
  assert.equal(drift.stderr, "");
  assert.equal(drift.stdout, "NonCompliant: Corp VPN (ensure)\n");
  const fix = await rasctl(home, ["profile", "set", file, "--mode", "intune"]);
  assert.equal(fix.code, 0);
  assert.equal(fix.stderr, "");
  assert.equal(fix.stdout, "Remediated: changed Corp VPN (create: ensure)\n");
  const ok = await rasctl(home, ["profile", "test", file, "--mode", "intune"]);
  assert.deepEqual([ok.code, ok.stdout, ok.stderr], [
    0,
    "Compliant: 2 entries in desired state\n",
    "",
  ]);
});

Deno.test("Intune mode cuts the summary line to 2,048 characters", async () => {
  await using home = await cliHome();
  const entries = Array.from(
    { length: 60 },
    (_, i) => ({ name: `VPN number ${i} with a long name`, server: "v" }),
  );
  const file = await writeProfile(home, { entries });
  const run = await rasctl(home, ["profile", "test", file, "--mode", "intune"]);
  assert.equal(run.code, 1);
  const line = run.stdout.replace(/\n$/, "");
  assert.ok(!line.includes("\n"));
  assert.equal(line.length, 2048);
  assert.ok(line.endsWith("..."));
});

Deno.test("Ansible mode: changed, diff and msg", async () => {
  await using home = await cliHome();
  const file = await writeProfile(home, PROFILE);
  const set = await rasctl(home, ["profile", "set", file, "--mode", "ansible"]);
  assert.equal(set.code, 0, set.stderr);
  const a = set.json as { changed: boolean; failed: boolean; msg: string; diff: unknown[] };
  assert.equal(a.changed, true);
  assert.equal(a.failed, false);
  assert.equal(a.msg, "Remediated: changed Corp VPN (create: ensure)");
  assert.deepEqual(a.diff, [{
    before_header: "Corp VPN",
    after_header: "Corp VPN",
    before: { ensure: "absent" },
    after: { ensure: "present" },
  }]);
  const again = (await rasctl(home, ["profile", "set", file, "--mode", "ansible"]))
    .json as typeof a;
  assert.deepEqual([again.changed, again.diff], [false, []]);
});

Deno.test("ConfigMgr mode: Compliant or NonCompliant, exit 0", async () => {
  await using home = await cliHome();
  const file = await writeProfile(home, PROFILE);
  const before = await rasctl(home, ["profile", "test", file, "--mode", "configmgr"]);
  assert.deepEqual([before.code, before.stdout], [0, "NonCompliant\n"]);
  await rasctl(home, ["profile", "set", file]);
  const after = await rasctl(home, ["profile", "test", file, "--mode", "configmgr"]);
  assert.deepEqual([after.code, after.stdout], [0, "Compliant\n"]);
});

Deno.test("profile set saves credentials from their sources; secrets never reach the output", async () => {
  await using home = await cliHome();
  const pskFile = `${home.path}/psk.txt`;
  await Deno.writeTextFile(pskFile, "psk-Secret-1\n");
  await Deno.chmod(pskFile, 0o600);
  const file = await writeProfile(home, {
    entries: [{
      name: "Corp VPN",
      server: "vpn.example.com",
      credentials: {
        user: "alice",
        domain: "CORP",
        password: { stdin: true },
        psk: { file: pskFile },
      },
    }],
  });
  const set = await rasctl(home, ["profile", "set", file], { stdin: "pw-Secret-2\n" });
  assert.equal(set.code, 0, set.stderr);
  const out = set.json as SetOut;
  assert.deepEqual(out.entries[0]!.done, ["created", "saved credentials"]);
  for (const secret of ["pw-Secret-2", "psk-Secret-1"]) {
    assert.ok(!set.stdout.includes(secret) && !set.stderr.includes(secret));
  }
  const creds = (await rasctl(home, ["creds", "show", "Corp VPN"])).json as Record<string, unknown>;
  assert.deepEqual([creds.user, creds.domain, creds.passwordSaved, creds.pskSaved], [
    "alice",
    "CORP",
    true,
    true,
  ]);
  const test = await rasctl(home, ["profile", "test", file]);
  assert.equal(test.code, 0, test.stdout);
  // A file others can read is refused before anything changes.
  await Deno.chmod(pskFile, 0o644);
  const file2 = await writeProfile(home, {
    entries: [{ name: "Other", server: "x", credentials: { psk: { file: pskFile } } }],
  }, "p2.json");
  const refused = await rasctl(home, ["profile", "set", file2]);
  assert.equal(refused.code, 2);
  assert.match(String(refused.error!.message), /readable by others/);
  assert.equal(refused.error!.field, "entries.0.credentials.psk");
});

Deno.test("profile schema prints the JSON Schema generated from the zod rules", async () => {
  await using home = await cliHome();
  const run = await rasctl(home, ["profile", "schema"]);
  assert.equal(run.code, 0, run.stderr);
  const schema = run.json as {
    $schema: string;
    properties: {
      entries: {
        items: {
          properties: Record<string, unknown>;
          additionalProperties: boolean;
          required: string[];
        };
      };
    };
  };
  assert.equal(schema.$schema, "https://json-schema.org/draft/2020-12/schema");
  const entry = schema.properties.entries.items;
  assert.equal(entry.additionalProperties, false);
  assert.deepEqual(entry.required, ["name"]);
  assert.deepEqual(entry.properties.ensure, { type: "string", enum: ["present", "absent"] });
  assert.equal(
    (entry.properties.splitTunnel as { description: string }).description,
    "Only the remote network's traffic uses the connection (no default gateway)",
  );
});

Deno.test("customAuthData (EAP configuration) is set, found drifted, repaired and exported", async () => {
  await using home = await cliHome();
  const eap = btoa(String.fromCharCode(...Array.from({ length: 90 }, (_, i) => (i * 5) & 0xff)));
  const entry = { ...PROFILE.entries[0]!, customAuthData: eap };
  const file = await writeProfile(home, { entries: [entry] });
  const first = await rasctl(home, ["profile", "set", file]);
  assert.equal(first.code, 0, first.stderr);
  assert.ok((first.json as SetOut).entries[0]!.done.includes("saved custom authentication data"));
  assert.match(await pbk(home), /^CustomAuthData=00050A0F/m);
  const again = await rasctl(home, ["profile", "set", file]);
  assert.equal((again.json as SetOut).changed, false, again.stdout);
  // Drift: other data written in the book's place.
  const other = btoa("other");
  const drifted = await writeProfile(
    home,
    { entries: [{ ...entry, customAuthData: other }] },
    "d.json",
  );
  assert.equal((await rasctl(home, ["profile", "set", drifted])).code, 0);
  const test = await rasctl(home, ["profile", "test", file]);
  assert.equal(test.code, 4, test.stdout);
  const [comparison] =
    (test.json as { entries: { differing: string[]; diff: unknown[] }[] }).entries;
  assert.deepEqual(comparison!.differing, ["customAuthData"]);
  assert.deepEqual(comparison!.diff, [{ path: "customAuthData", before: other, after: eap }]);
  assert.equal((await rasctl(home, ["profile", "set", file])).code, 0);
  assert.equal((await rasctl(home, ["profile", "test", file])).code, 0);
  const exported = await rasctl(home, ["profile", "export"]);
  const [out] = (exported.json as { entries: { customAuthData?: string }[] }).entries;
  assert.equal(out!.customAuthData, eap);
});
