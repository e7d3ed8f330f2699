/**
 * End-to-end tests of rasctl's entry, devices, error and output contract, each against the
 * simulator in a fresh sim home.
 *
 * @module
 */

import { fileURLToPath } from "node:url";
import { deepEqual, equal, notEqual, ok } from "node:assert/strict";
import { cliEnv, cliHome, rasctl, rasctlProcess } from "./_support/cli.ts";
import type { SimHome } from "./sim/harness.ts";

type Json = Record<string, unknown>;

async function run(home: SimHome, args: string[], options = {}): Promise<Json> {
  const r = await rasctl(home, args, options);
  equal(r.code, 0, `rasctl ${args.join(" ")} failed: ${r.stderr}`);
  return r.json as Json;
}

async function show(home: SimHome, name: string, extra: string[] = []): Promise<Json> {
  return await run(home, ["entry", "show", name, ...extra]);
}

async function newVpn(home: SimHome, name: string, extra: string[] = []): Promise<Json> {
  return await run(home, ["-q", "entry", "new", name, "--server", "vpn.example.com", ...extra]);
}

/** The [NAME] section of a phone book, verbatim. */
function sectionOf(text: string, name: string): string {
  const start = text.indexOf(`[${name}]`);
  ok(start >= 0, `no [${name}] in the phone book`);
  const next = text.indexOf("\n[", start + 1);
  return next < 0 ? text.slice(start) : text.slice(start, next);
}

Deno.test("entry list prints [] when there are no entries", async () => {
  await using home = await cliHome();
  const r = await rasctl(home, ["entry", "list"]);
  equal(r.code, 0);
  deepEqual(r.json, []);
});

Deno.test("entry list names each entry with its scope and phone book", async () => {
  await using home = await cliHome();
  await newVpn(home, "Corp VPN");
  await run(home, ["entry", "new", "ISP", "--type", "phone", "--server", "5551234"]);
  const list = await run(home, ["entry", "list"]) as unknown as Json[];
  deepEqual(list.map((e) => e.name).sort(), ["Corp VPN", "ISP"]);
  // Without --phonebook/--all-users a new entry is the user's own (README "Which phone book").
  for (const e of list) {
    equal(e.scope, "user");
    equal(e.phonebook, home.userPbk);
  }
});

Deno.test("entry list --phonebook FILE reports scope file", async () => {
  await using home = await cliHome();
  const pbk = `${home.path}/custom.pbk`;
  await Deno.writeTextFile(pbk, "");
  await newVpn(home, "Branch", ["--phonebook", pbk]);
  const list = await run(home, ["entry", "list", "--phonebook", pbk]);
  deepEqual(list, [{ name: "Branch", scope: "file", phonebook: pbk }]);
  // It is not in the default books.
  deepEqual(await run(home, ["entry", "list"]), []);
});

Deno.test("entry list --all-users lists only the all-users book", async () => {
  await using home = await cliHome({
    userPbk: "[Mine]\r\nType=2\r\n\r\nMEDIA=rastapi\r\nDevice=WAN Miniport (IKEv2)\r\n\r\n" +
      "DEVICE=vpn\r\nPhoneNumber=vpn.example.com\r\n",
    allUsersPbk: "",
  });
  await newVpn(home, "Shared", ["--all-users"]);
  const all = await run(home, ["entry", "list"]) as unknown as Json[];
  deepEqual(
    all.map((e) => [e.name, e.scope]).sort(),
    [["Mine", "user"], ["Shared", "allUsers"]],
  );
  const allUsers = await run(home, ["entry", "list", "--all-users"]);
  deepEqual(allUsers, [{ name: "Shared", scope: "allUsers", phonebook: home.allUsersPbk }]);
});
Deno.test("entry new --all-users works before the all-users phone book file exists", async () => {
  await using home = await cliHome();
  const r = await rasctl(home, [
    "-q",
    "entry",
    "new",
    "Shared",
    "--all-users",
    "--server",
    "x.example",
  ]);
  equal(r.code, 0, r.stderr);
  deepEqual(await run(home, ["entry", "list", "--all-users"]), [
    { name: "Shared", scope: "allUsers", phonebook: home.allUsersPbk },
  ]);
});

Deno.test("entry show reports server, type, strategy, split tunnel, DNS and prerequisite", async () => {
  await using home = await cliHome();
  await run(home, ["-q", "entry", "new", "ISP", "--type", "phone", "--server", "5551234"]);
  await newVpn(home, "Corp VPN", [
    "--strategy",
    "ikev2-only",
    "--split-tunnel",
    "--dns",
    "10.0.0.53,10.0.0.54",
    "--prerequisite",
    "ISP",
  ]);
  const e = await show(home, "Corp VPN");
  equal(e.name, "Corp VPN");
  equal(e.type, "vpn");
  equal(e.server, "vpn.example.com");
  equal(e.strategy, "ikev2-only");
  equal(e.splitTunnel, true);
  deepEqual((e.ipv4 as Json).dns, ["10.0.0.53", "10.0.0.54"]);
  deepEqual(e.prerequisite, { entry: "ISP", phonebook: null });
  deepEqual(e.device, { type: "vpn", name: "WAN Miniport (IKEv2)" });
  const isp = await show(home, "ISP");
  equal(isp.type, "phone");
  equal(isp.server, "5551234");
  equal(isp.prerequisite, null);
});

Deno.test("entry new applies every given setting and entry show reflects it", async () => {
  await using home = await cliHome();
  const created = await newVpn(home, "Full", [
    "--strategy",
    "sstp-first",
    "--auth",
    "mschapv2,eap",
    "--encryption",
    "max",
    "--split-tunnel",
    "--dns",
    "10.1.1.1",
    "--dns-suffix",
    "corp.example.com",
    "--register-dns",
    "--ipv4-address",
    "10.9.9.9",
    "--metric",
    "25",
    "--idle-disconnect",
    "300",
    "--redial-attempts",
    "5",
    "--redial-pause",
    "30",
    "--reconnect-if-dropped",
    "--use-windows-logon",
  ]);
  const e = await show(home, "Full");
  deepEqual(e, created, "entry new prints what entry show reads back");
  equal(e.strategy, "sstp-first");
  deepEqual([...(e.authentication as string[])].sort(), ["eap", "mschapv2"]);
  equal(e.encryption, "max");
  equal(e.splitTunnel, true);
  deepEqual(e.ipv4, { address: "10.9.9.9", dns: ["10.1.1.1"], metric: 25 });
  equal(e.dnsSuffix, "corp.example.com");
  equal(e.registerDns, true);
  equal(e.idleDisconnectSeconds, 300);
  deepEqual(e.redial, { attempts: 5, pauseSeconds: 30, reconnectIfDropped: true });
  equal(e.useWindowsLogon, true);
});

Deno.test("entry new refuses an existing name with 183 (exit 3)", async () => {
  await using home = await cliHome();
  await newVpn(home, "Corp VPN");
  const r = await rasctl(home, ["entry", "new", "Corp VPN", "--server", "other.example"]);
  equal(r.code, 3);
  equal(r.error?.code, 183);
  equal((await show(home, "Corp VPN")).server, "vpn.example.com");
});

Deno.test("entry set changes only the given setting and leaves other entries' bytes alone", async () => {
  await using home = await cliHome();
  await newVpn(home, "A", ["--strategy", "ikev2-only", "--dns", "10.0.0.53"]);
  await newVpn(home, "B", ["--strategy", "sstp-only"]);
  const before = await show(home, "A");
  const bookBefore = await Deno.readTextFile(home.userPbk);
  const set = await run(home, ["entry", "set", "A", "--split-tunnel"]);
  const after = await show(home, "A");
  deepEqual(set, after);
  const changed = Object.keys(after).filter((k) =>
    JSON.stringify(after[k]) !== JSON.stringify(before[k])
  );
  // splitTunnel is the setting; raw.dwfOptions carries the same bit (RASEO_RemoteDefaultGateway).
  deepEqual(changed.filter((k) => k !== "raw"), ["splitTunnel"]);
  equal(after.splitTunnel, true);
  const rawBefore = before.raw as Json, rawAfter = after.raw as Json;
  deepEqual(
    Object.keys(rawAfter).filter((k) => rawAfter[k] !== rawBefore[k]).filter((k) =>
      k !== "dwfOptions"
    ),
    [],
  );
  const bookAfter = await Deno.readTextFile(home.userPbk);
  equal(sectionOf(bookAfter, "B"), sectionOf(bookBefore, "B"));
});

Deno.test("entry set --server changes only the server", async () => {
  await using home = await cliHome();
  await newVpn(home, "A", ["--strategy", "ikev2-only"]);
  const before = await show(home, "A");
  await run(home, ["entry", "set", "A", "--server", "vpn2.example.com"]);
  const after = await show(home, "A");
  deepEqual({ ...after, server: before.server }, before);
  equal(after.server, "vpn2.example.com");
});

Deno.test("entry show > file, entry new --from file makes an identical entry", async () => {
  await using home = await cliHome();
  await run(home, ["-q", "entry", "new", "ISP", "--type", "phone", "--server", "5551234"]);
  await newVpn(home, "A", [
    "--strategy",
    "ikev2-first",
    "--dns",
    "10.0.0.53",
    "--dns-suffix",
    "corp.example.com",
    "--split-tunnel",
    "--prerequisite",
    "ISP",
    "--idle-disconnect",
    "600",
  ]);
  const a = await rasctl(home, ["entry", "show", "A"]);
  equal(a.code, 0);
  const file = `${home.path}/a.json`;
  await Deno.writeTextFile(file, a.stdout);
  await run(home, ["-q", "entry", "new", "B", "--from", file]);
  const b = await show(home, "B");
  const strip = (e: Json) => {
    const { name: _n, guid: _g, ...rest } = e;
    const raw = { ...(rest.raw as Json) };
    delete raw.guidId;
    return { ...rest, raw };
  };
  equal(b.name, "B");
  deepEqual(strip(b), strip(a.json as Json));
});

Deno.test("entry remove deletes the entry and reports it", async () => {
  await using home = await cliHome();
  await newVpn(home, "Old");
  await newVpn(home, "Keep");
  const r = await run(home, ["entry", "remove", "Old"]);
  deepEqual(r, { removed: "Old", phonebook: home.userPbk });
  const list = await run(home, ["entry", "list"]) as unknown as Json[];
  deepEqual(list.map((e) => e.name), ["Keep"]);
  const again = await rasctl(home, ["entry", "remove", "Old"]);
  equal(again.code, 3);
  equal(again.error?.code, 623);
});

Deno.test("entry rename renames and keeps the settings", async () => {
  await using home = await cliHome();
  await newVpn(home, "A", ["--strategy", "l2tp-only"]);
  const before = await show(home, "A");
  const r = await run(home, ["entry", "rename", "A", "B"]);
  deepEqual(r, { from: "A", to: "B", phonebook: home.userPbk });
  const after = await show(home, "B");
  deepEqual({ ...after, name: "A" }, before);
  equal((await rasctl(home, ["entry", "show", "A"])).error?.code, 623);
});

Deno.test("entry validate: a free name, an existing one, an invalid one", async () => {
  await using home = await cliHome();
  await newVpn(home, "Corp VPN");
  deepEqual(await run(home, ["entry", "validate", "New One"]), {
    name: "New One",
    valid: true,
    reason: null,
  });
  deepEqual(await run(home, ["entry", "validate", "Corp VPN"]), {
    name: "Corp VPN",
    valid: false,
    reason: "an entry with this name already exists",
  });
  const bad = await run(home, ["entry", "validate", "a|b"]);
  equal(bad.name, "a|b");
  equal(bad.valid, false);
  equal(typeof bad.reason, "string");
  notEqual(bad.reason, "an entry with this name already exists");
});

Deno.test("devices lists the WAN Miniports", async () => {
  await using home = await cliHome();
  const devices = await run(home, ["devices"]) as unknown as Json[];
  const names = devices.map((d) => d.name);
  for (const n of ["WAN Miniport (IKEv2)", "WAN Miniport (SSTP)", "WAN Miniport (L2TP)"]) {
    ok(names.includes(n), `${n} missing from ${names}`);
  }
  deepEqual(devices.find((d) => d.name === "WAN Miniport (IKEv2)"), {
    name: "WAN Miniport (IKEv2)",
    type: "vpn",
  });
});

Deno.test("error 691 explains the code without rasapi32", async () => {
  await using home = await cliHome();
  const r = await rasctlProcess(home, ["error", "691"], { env: { RASCTL_RASAPI32: "" } });
  equal(r.code, 0, r.stderr);
  const e = r.json as Json;
  equal(e.code, 691);
  equal(e.name, "ERROR_AUTHENTICATION_FAILURE");
  ok(typeof e.message === "string" && e.message.length > 0);
  ok(typeof e.hint === "string" && (e.hint as string).length > 0);
});

Deno.test("--version prints the version", async () => {
  await using home = await cliHome();
  const r = await rasctl(home, ["--version"]);
  equal(r.code, 0);
  const text = r.stdout.trim();
  ok(/^\d+\.\d+\.\d+/.test(text), text);
  const cfg = JSON.parse(await Deno.readTextFile(new URL("../deno.json", import.meta.url)));
  if (cfg.version) equal(text, cfg.version);
});

Deno.test("mod.ts run as the main module is the same CLI", async () => {
  await using home = await cliHome();
  const mod = fileURLToPath(new URL("../mod.ts", import.meta.url));
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-all", mod, "error", "868"],
    env: cliEnv(home),
    stdout: "piped",
    stderr: "piped",
  }).output();
  equal(out.code, 0, new TextDecoder().decode(out.stderr));
  const info = JSON.parse(new TextDecoder().decode(out.stdout)) as Json;
  equal(info.name, "ERROR_DNSNAME_NOT_RESOLVABLE");
});

Deno.test("--format table prints a table, not JSON", async () => {
  await using home = await cliHome();
  await newVpn(home, "Corp VPN");
  const r = await rasctl(home, ["entry", "list", "--format", "table"]);
  equal(r.code, 0);
  equal(r.json, undefined);
  const lines = r.stdout.trim().split("\n");
  ok(/^name\s+scope\s+phonebook/.test(lines[0]!), lines[0]);
  ok(lines.some((l) => l.startsWith("Corp VPN") && /\buser\b/.test(l)), r.stdout);
});

Deno.test("--format table shows one object as field/value lines, nested fields dotted", async () => {
  await using home = await cliHome();
  await newVpn(home, "Corp VPN", ["--dns", "10.0.0.53"]);
  const r = await rasctl(home, ["entry", "show", "Corp VPN", "--format", "table"]);
  equal(r.code, 0, r.stderr);
  equal(r.json, undefined);
  const fields = new Map(
    r.stdout.trim().split("\n").map((line) => {
      const [key, ...rest] = line.split(/\s{2,}/);
      return [key!, rest.join("  ")];
    }),
  );
  equal(fields.get("name"), "Corp VPN");
  equal(fields.get("server"), "vpn.example.com");
  equal(fields.get("ipv4.dns"), "10.0.0.53");
  ok(![...fields.keys()].some((k) => k.startsWith("raw")), "raw words stay in the JSON");
});

Deno.test("output is ASCII-only with \\u escapes for a non-ASCII name", async () => {
  await using home = await cliHome();
  const created = await rasctl(home, ["-q", "entry", "new", "Büro VPN", "--server", "x.example"]);
  equal(created.code, 0, created.stderr);
  const out = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--allow-all",
      fileURLToPath(new URL("../mod.ts", import.meta.url)),
      "entry",
      "list",
    ],
    env: cliEnv(home),
    stdout: "piped",
    stderr: "piped",
  }).output();
  equal(out.code, 0);
  ok(out.stdout.every((b) => b < 0x80), "stdout has a non-ASCII byte");
  const text = new TextDecoder().decode(out.stdout);
  ok(text.includes("B\\u00fcro VPN"), text);
  deepEqual((JSON.parse(text) as Json[]).map((e) => e.name), ["Büro VPN"]);
  const s = await rasctl(home, ["entry", "show", "Büro VPN"]);
  ok([...s.stdout].every((c) => c.charCodeAt(0) < 0x80));
  equal((s.json as Json).name, "Büro VPN");
});

Deno.test("exit status 2 for invalid input, before any rasapi32 call", async () => {
  await using home = await cliHome();
  const r = await rasctl(home, ["entry", "new", "X", "--strategy", "bogus"]);
  equal(r.code, 2);
  equal(r.error?.name, "UsageError");
  const badAddr = await rasctl(home, ["entry", "new", "X", "--ipv4-address", "999.1.1.1"]);
  equal(badAddr.code, 2);
  deepEqual(await run(home, ["entry", "list"]), []);
  equal(home.query().counters.dials, 0);
});

Deno.test("exit status 2 for a missing argument or an unknown option", async () => {
  await using home = await cliHome();
  const missing = await rasctl(home, ["entry", "show"]);
  equal(missing.code, 2, `missing argument: ${missing.stderr}`);
  equal(missing.error?.name, "UsageError");
  const unknown = await rasctl(home, ["entry", "list", "--bogus"]);
  equal(unknown.code, 2, `unknown option: ${unknown.stderr}`);
  equal(unknown.error?.name, "UsageError");
});

Deno.test("exit status 3 for a RAS error, 0 for success", async () => {
  await using home = await cliHome();
  const r = await rasctl(home, ["entry", "show", "Nope"]);
  equal(r.code, 3);
  equal(r.error?.code, 623);
  equal(r.error?.name, "ERROR_CANNOT_FIND_PHONEBOOK_ENTRY");
  equal(r.error?.entry, "Nope");
  equal(r.stdout, "");
  equal((await rasctl(home, ["entry", "list"])).code, 0);
});

Deno.test("a --log-file that cannot be written is a usage error naming it (exit 2)", async () => {
  await using home = await cliHome();
  const bad = `${home.path}/no/such/folder/rasctl.log`;
  const r = await rasctl(home, ["entry", "list", "--log-file", bad]);
  equal(r.code, 2);
  equal(r.stdout, "");
  ok(String(r.error?.message).includes(bad), String(r.error?.message));
});

Deno.test("help NAME prints that command's help, with the global options", async () => {
  await using home = await cliHome();
  const r = await rasctl(home, ["help", "hangup"]);
  equal(r.code, 0);
  ok(r.stdout.includes("Usage: rasctl hangup"), r.stdout);
  ok(r.stdout.includes("--with-prerequisite"), r.stdout);
  ok(r.stdout.includes("--log-file"), r.stdout);
});
