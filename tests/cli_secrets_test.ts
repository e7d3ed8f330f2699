/**
 * No secret given to rasctl ever shows up in what it prints or logs: not on stdout, not on
 * stderr (with --progress-json), not in --log-file, in any encoding a leak could take (raw,
 * JSON-escaped, UTF-16, base64). Every run also checks that the command did its job, so a
 * command that leaks nothing because it did nothing does not pass.
 *
 * @module
 */

import { Buffer } from "node:buffer";
import { deepEqual, equal, ok } from "node:assert/strict";
import { type CliOptions, type CliRun, rasctlProcess as rasctl } from "./_support/cli.ts";
import { cliWorld, CORP_VPN, CORP_VPN_ARGS, ISP_ARGS } from "./_support/fixtures.ts";
import { createSimHome, type SimHome, type WorldSpec } from "./sim/harness.ts";

const VPN_PASSWORD = "Zx9-ÜNIQUE-s3cr3t-Ω";
const PSK = "Psk-Ωmega-ÜNIQUE-key-7q";
const ISP_PASSWORD = "isp-Plain-ASCII-9Kq2wLm";
const WRONG_PASSWORD = "Wr0ng-ÜNIQUE-guess-Ж";
const ALL_SECRETS = [VPN_PASSWORD, PSK, ISP_PASSWORD, WRONG_PASSWORD];

/** A world whose server and dial-up number accept exactly these secrets. */
function world(ipNetwork: boolean): WorldSpec {
  return cliWorld({
    machine: { ipNetwork },
    vpnPassword: VPN_PASSWORD,
    psk: PSK,
    ispPassword: ISP_PASSWORD,
  });
}

/** A home with "Corp VPN" (IKEv2), "Corp L2TP" (L2TP with a pre-shared key) and "ISP". */
async function secretsHome(ipNetwork = true): Promise<SimHome> {
  const home = await createSimHome({ world: world(ipNetwork) });
  for (
    const args of [
      [CORP_VPN, ...CORP_VPN_ARGS],
      ["Corp L2TP", "--server", "vpn.example.com", "--strategy", "l2tp-only", "--use-psk"],
      ["ISP", ...ISP_ARGS],
    ]
  ) {
    const run = await rasctl(home, ["entry", "new", ...args]);
    equal(run.code, 0, run.stderr);
  }
  return home;
}

/** Every form in which a secret could leak into text. */
function leakForms(secret: string): string[] {
  const forms = new Set<string>([secret]);
  const escaped = JSON.stringify(secret).slice(1, -1);
  forms.add(escaped);
  const lower = escaped.replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  forms.add(lower);
  forms.add(lower.replace(/\\u([0-9a-f]{4})/g, (_, h: string) => `\\u${h.toUpperCase()}`));
  // The longest ASCII run, for leaks that mangle the rest (e.g. a wrong code page).
  const core = secret.match(/[\x21-\x7e]{6,}/g)?.sort((a, b) => b.length - a.length)[0];
  if (core) forms.add(core);
  // UTF-16LE as text (NULs between ASCII characters), and its ASCII core.
  forms.add(Buffer.from(secret, "utf16le").toString("latin1"));
  if (core) forms.add(Buffer.from(core, "utf16le").toString("latin1"));
  // Hex of the UTF-8 and UTF-16LE bytes.
  forms.add(Buffer.from(secret, "utf8").toString("hex"));
  forms.add(Buffer.from(secret, "utf16le").toString("hex"));
  // Base64 of the UTF-8 and UTF-16LE bytes, at each of the three alignments.
  for (const encoding of ["utf8", "utf16le"] as const) {
    const bytes = Buffer.from(secret, encoding);
    for (let shift = 0; shift < 3; shift++) {
      const b64 = Buffer.concat([Buffer.alloc(shift, 0x41), bytes]).toString("base64");
      const start = shift === 0 ? 0 : 4;
      const core64 = b64.slice(start, b64.length - 4);
      if (core64.length >= 8) forms.add(core64);
      forms.add(b64.replace(/=+$/, "").slice(start, -4 || undefined));
    }
    forms.add(bytes.toString("base64"));
    forms.add(bytes.toString("base64url"));
  }
  return [...forms].filter((f) => f.length >= 6);
}

/** stdout, stderr and the log file of one run, as text (the log also as raw bytes). */
function surfaces(run: CliRun, log: Uint8Array): Record<string, string> {
  return {
    stdout: run.stdout,
    stderr: run.stderr,
    "log file": new TextDecoder().decode(log),
    "log file (bytes as latin1)": Buffer.from(log).toString("latin1"),
  };
}

let logCounter = 0;

/**
 * Runs rasctl with --progress-json and a fresh --log-file, checks no secret leaked and the log
 * recorded events, and returns the run with its log events.
 */
async function run(
  home: SimHome,
  args: string[],
  options: CliOptions = {},
): Promise<CliRun & { events: Record<string, unknown>[] }> {
  const logFile = `${home.path}/rasctl-${++logCounter}.log`;
  const result = await rasctl(home, ["--progress-json", "--log-file", logFile, ...args], options);
  let log: Uint8Array;
  try {
    log = await Deno.readFile(logFile);
  } catch {
    log = new Uint8Array();
  }
  ok(log.length > 0, `the log file of "${args.join(" ")}" recorded events`);
  for (const [where, text] of Object.entries(surfaces(result, log))) {
    for (const secret of ALL_SECRETS) {
      for (const form of leakForms(secret)) {
        ok(
          !text.includes(form),
          `"${args.join(" ")}" leaked a secret (${JSON.stringify(form)}) in ${where}`,
        );
      }
    }
  }
  const lines = new TextDecoder().decode(log).split("\n").filter((l) => l !== "");
  const events = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  equal(events[0]?.event, "start", "the log starts with a start event");
  return { ...result, events };
}

function eventsNamed(events: Record<string, unknown>[], name: string) {
  return events.filter((e) => e.event === name);
}

interface Conn {
  entry: string;
  state: string;
  handle: string;
}
interface Creds {
  entry: string;
  user: string;
  passwordSaved: boolean;
  pskSaved: boolean;
}

Deno.test("the leak forms of a secret include its JSON-escaped, UTF-16 and base64 forms", () => {
  const forms = leakForms(VPN_PASSWORD);
  ok(forms.includes("Zx9-\\u00dcNIQUE-s3cr3t-\\u03a9"));
  ok(forms.includes("Zx9-\\u00DCNIQUE-s3cr3t-\\u03A9"));
  ok(forms.includes(Buffer.from(VPN_PASSWORD, "utf8").toString("base64")));
  ok(forms.includes(Buffer.from(VPN_PASSWORD, "utf16le").toString("latin1")));
  ok(forms.includes("N\0I\0Q\0U\0E\0-\0s\x003\0c\0r\x003\0t\0-\0"));
  // And the check finds a leak where there is one.
  const leaked = JSON.stringify({ note: Buffer.from(`xx${VPN_PASSWORD}`).toString("base64") });
  ok(forms.some((f) => leaked.includes(f)));
});

Deno.test("creds set --password-stdin --psk-stdin saves both and prints neither", async () => {
  await using home = await secretsHome();
  const set = await run(home, [
    "creds",
    "set",
    "Corp L2TP",
    "--user",
    "alice",
    "--password-stdin",
    "--psk-stdin",
  ], { stdin: `${VPN_PASSWORD}\n${PSK}\n` });
  equal(set.code, 0, set.stderr);
  const saved = set.json as Creds;
  equal(saved.entry, "Corp L2TP");
  equal(saved.user, "alice");
  equal(saved.passwordSaved, true);
  equal(saved.pskSaved, true);
  equal(eventsNamed(set.events, "result").length, 1);

  const show = await run(home, ["creds", "show", "Corp L2TP"]);
  equal(show.code, 0, show.stderr);
  deepEqual(
    [(show.json as Creds).user, (show.json as Creds).passwordSaved, (show.json as Creds).pskSaved],
    ["alice", true, true],
  );

  // The saved password and PSK are the right ones: L2TP with PSK connects on them alone.
  const dial = await run(home, ["dial", "Corp L2TP"]);
  equal(dial.code, 0, dial.stderr);
  const connections = dial.json as Conn[];
  equal(connections.at(-1)?.entry, "Corp L2TP");
  equal(connections.at(-1)?.state, "connected");
  ok(dial.stderr.includes('{"progress":'), "progress on stderr as JSON lines");
  ok(eventsNamed(dial.events, "state").length > 0, "the log recorded dial states");
});

Deno.test("creds set --password-env saves the password without printing it", async () => {
  await using home = await secretsHome();
  const set = await run(
    home,
    ["creds", "set", "Corp VPN", "--user", "alice", "--password-env", "RASCTL_TEST_SECRET"],
    { env: { RASCTL_TEST_SECRET: VPN_PASSWORD } },
  );
  equal(set.code, 0, set.stderr);
  equal((set.json as Creds).passwordSaved, true);
  equal((set.json as Creds).pskSaved, false);

  const show = await run(home, ["creds", "show", "Corp VPN"]);
  equal(show.code, 0, show.stderr);
  equal((show.json as Creds).user, "alice");
  equal((show.json as Creds).passwordSaved, true);

  const dial = await run(home, ["dial", "Corp VPN"]); // the saved credentials
  equal(dial.code, 0, dial.stderr);
  equal((dial.json as Conn[]).at(-1)?.state, "connected");
});

Deno.test("dial --password-stdin connects; status and connections print no secret", async () => {
  await using home = await secretsHome();
  const dial = await run(home, ["dial", "Corp VPN", "--user", "alice", "--password-stdin"], {
    stdin: `${VPN_PASSWORD}\n`,
  });
  equal(dial.code, 0, dial.stderr);
  const [vpn] = (dial.json as Conn[]).filter((c) => c.entry === "Corp VPN");
  equal(vpn?.state, "connected");
  ok(eventsNamed(dial.events, "state").length > 0, "the log recorded dial states");

  const status = await run(home, ["status", "Corp VPN"]);
  equal(status.code, 0, status.stderr);
  equal((status.json as Conn).state, "connected");
  equal((status.json as Conn).handle, vpn.handle);

  const all = await run(home, ["status"]);
  equal(all.code, 0, all.stderr);
  deepEqual((all.json as Conn[]).map((c) => c.entry), ["Corp VPN"]);

  const connections = await run(home, ["connections"]);
  equal(connections.code, 0, connections.stderr);
  deepEqual((connections.json as Conn[]).map((c) => [c.entry, c.state]), [[
    "Corp VPN",
    "connected",
  ]]);

  const hangup = await run(home, ["hangup", "Corp VPN"]);
  equal(hangup.code, 0, hangup.stderr);
  equal(home.query().counters.openHandles, 0);
});

Deno.test("dial with a wrong password fails with 691 and prints neither password", async () => {
  await using home = await secretsHome();
  const dial = await run(home, ["dial", "Corp VPN", "--user", "alice", "--password-stdin"], {
    stdin: `${WRONG_PASSWORD}\n`,
  });
  equal(dial.code, 3, dial.stderr);
  equal(dial.error?.code, 691);
  equal(dial.error?.entry, "Corp VPN");
  equal(dial.stdout, "");
  const logged = eventsNamed(dial.events, "error");
  equal(logged.length, 1, "the log recorded the error");
  equal((logged[0]!.error as { code: number }).code, 691);
  const state = home.query();
  equal(state.counters.leakedHandles, 0, "the failed dial's handle was hung up");
  deepEqual(state.connections.filter((c) => c.connected), []);
});

Deno.test("two-stage dial with --via-password-stdin connects ISP then the VPN, no secret shown", async () => {
  await using home = await secretsHome(false);
  const dial = await run(home, [
    "dial",
    "Corp VPN",
    "--user",
    "alice",
    "--password-stdin",
    "--via",
    "ISP",
    "--via-user",
    "isp",
    "--via-password-stdin",
  ], { stdin: `${VPN_PASSWORD}\n${ISP_PASSWORD}\n` });
  equal(dial.code, 0, dial.stderr);
  deepEqual((dial.json as Conn[]).map((c) => [c.entry, c.state]), [
    ["ISP", "connected"],
    ["Corp VPN", "connected"],
  ]);
  const progressEntries = new Set(
    dial.stderr.split("\n").filter((l) => l.startsWith('{"progress"')).map((l) =>
      (JSON.parse(l) as { progress: { entry: string } }).progress.entry
    ),
  );
  deepEqual([...progressEntries].sort(), ["Corp VPN", "ISP"]);

  const connections = await run(home, ["connections"]);
  equal(connections.code, 0, connections.stderr);
  deepEqual((connections.json as Conn[]).map((c) => c.entry).sort(), ["Corp VPN", "ISP"]);
});

Deno.test("ensure dials once with --password-stdin, then finds it connected; no secret shown", async () => {
  await using home = await secretsHome();
  const first = await run(home, ["ensure", "Corp VPN", "--user", "alice", "--password-stdin"], {
    stdin: `${VPN_PASSWORD}\n`,
  });
  equal(first.code, 0, first.stderr);
  const dialed = first.json as { entry: string; action: string; connections: Conn[] };
  equal(dialed.entry, "Corp VPN");
  equal(dialed.action, "dialed");
  equal(dialed.connections.at(-1)?.state, "connected");

  const again = await run(home, ["ensure", "Corp VPN", "--user", "alice", "--password-stdin"], {
    stdin: `${VPN_PASSWORD}\n`,
  });
  equal(again.code, 0, again.stderr);
  equal((again.json as { action: string }).action, "none");
  equal(home.query().counters.dials, 1, "the second ensure did not dial");
});

Deno.test("dial reports the final connected state in --progress-json and --log-file", async () => {
  // Scripts watching progress must see the dial end in "connected", not stop at "projected".
  await using home = await secretsHome();
  const dial = await run(home, ["dial", "Corp VPN", "--user", "alice", "--password-stdin"], {
    stdin: `${VPN_PASSWORD}\n`,
  });
  equal(dial.code, 0, dial.stderr);
  const progress = dial.stderr.split("\n").filter((l) => l.startsWith('{"progress"')).map((l) =>
    (JSON.parse(l) as { progress: { state: string; stateCode: number } }).progress
  );
  deepEqual(progress.at(-1), { entry: "Corp VPN", state: "connected", stateCode: 8192 });
  const states = eventsNamed(dial.events, "state");
  equal(states.at(-1)?.state, "connected", "the log's last state is connected");
});

/** Every command path whose help must be checked. */
const HELP_PATHS = [
  [],
  ["entry"],
  ...["list", "show", "new", "set", "remove", "rename", "validate"].map((s) => ["entry", s]),
  ["dial"],
  ["hangup"],
  ["status"],
  ["connections"],
  ["stats"],
  ["creds"],
  ...["show", "set", "clear"].map((s) => ["creds", s]),
  ["devices"],
  ["error"],
  ["ensure"],
  ["task"],
  ...["install", "show", "remove"].map((s) => ["task", s]),
];

Deno.test("no --help documents an option that takes a password or key as its value", async () => {
  await using home = await secretsHome();
  const helps = await Promise.all(
    HELP_PATHS.map(async (path) => ({ path, run: await rasctl(home, [...path, "--help"]) })),
  );
  for (const { path, run: help } of helps) {
    const where = `rasctl ${[...path, "--help"].join(" ")}`;
    equal(help.code, 0, `${where}: ${help.stderr}`);
    ok(help.stdout.includes("Usage:"), `${where} printed help`);
    ok(
      !/--(?:via-)?(?:password|psk|secret|key)[ =]*[<[]/i.test(help.stdout),
      `${where} documents a secret-valued option:\n${help.stdout}`,
    );
  }
  const setHelp = helps.find((h) => h.path.join(" ") === "creds set")!.run.stdout;
  ok(setHelp.includes("--password-stdin") && setHelp.includes("--psk-stdin"));
  const dialHelp = helps.find((h) => h.path.join(" ") === "dial")!.run.stdout;
  ok(dialHelp.includes("--password-stdin") && dialHelp.includes("--via-password-stdin"));
});

Deno.test("a password typed on the command line (rasdial's habit) is refused without being repeated", async () => {
  await using home = await secretsHome();
  for (
    const args of [
      ["dial", "Corp VPN", "--user", "alice", `--password=${VPN_PASSWORD}`],
      ["dial", "Corp VPN", "--user", "alice", "--password", VPN_PASSWORD],
      ["dial", "Corp VPN", "--via", "ISP", `--via-password=${ISP_PASSWORD}`],
      ["creds", "set", "Corp L2TP", `--psk-value=${PSK}`],
      ["dial", "Corp VPN", "alice", VPN_PASSWORD], // rasdial's NAME USER PASSWORD
      ["ensure", "ISP", "isp", ISP_PASSWORD],
    ]
  ) {
    const r = await rasctl(home, args);
    equal(r.code, 2, `${args[0]}: ${r.stderr}`);
    equal(r.stdout, "");
    equal(r.error?.name, "UsageError");
    for (const secret of ALL_SECRETS) {
      for (const form of leakForms(secret)) {
        ok(!r.stderr.includes(form), `${args.join(" ")} repeated a secret in stderr`);
      }
    }
  }
  const typed = await rasctl(home, ["dial", "Corp VPN", `--password=${VPN_PASSWORD}`]);
  equal(typed.error?.field, "--password");
  ok(
    /--password-stdin or --password-env/.test(String(typed.error?.hint)),
    String(typed.error?.hint),
  );
  const positional = await rasctl(home, ["dial", "Corp VPN", "alice", VPN_PASSWORD]);
  ok(/--password-stdin/.test(String(positional.error?.hint)), String(positional.error?.hint));
  deepEqual(home.query().connections, [], "nothing was dialed");
});
