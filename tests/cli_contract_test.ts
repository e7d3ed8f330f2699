/**
 * The command layer's contracts, mostly in-process through the Context's IO seam: the
 * machine-readable description (`rasctl help --json`), `--version --json`, the error report of
 * a bug (InternalError), the hidden prompt, secrets at a terminal; and as real processes what
 * only a process shows: a closed stdout, a usage error in --log-file, a hang-up timeout.
 *
 * @module
 */

import { deepEqual, equal, ok } from "node:assert/strict";
import { BARE, main } from "../commands/main.ts";
import { allCommands, COMMANDS } from "../commands/_registry.ts";
import { describeError } from "../commands/_report.ts";
import { Context } from "../commands/_context.ts";
import { secretFromPrompt } from "../commands/_secrets.ts";
import { TimeoutError } from "../commands/_errors.ts";
import { testIO } from "./_support/io.ts";
import {
  CLI_VPN_PASSWORD,
  cliEnv,
  cliHome,
  rasctl,
  rasctlProcess,
  spawnRasctl,
} from "./_support/cli.ts";
import { corpVpnHome } from "./_support/fixtures.ts";
import { RUN_PERMISSIONS } from "../scripts/compile.ts";

type Json = Record<string, unknown>;

Deno.test("help --json describes every command and option in the shape the module reads", async () => {
  const io = testIO();
  equal(await main(["help", "--json"], io), 0);
  const cli = JSON.parse(io.stdoutText()) as Json;
  equal(cli.name, "rasctl");
  equal(typeof cli.version, "string");
  const commands = cli.commands as Json[];
  deepEqual(
    commands.map((c) => (c.path as string[]).join(" ")),
    (await allCommands()).map((c) => c.path.join(" ")),
  );
  const newEntry = commands.find((c) => (c.path as string[]).join(" ") === "entry new")!;
  deepEqual(newEntry.args, [{ name: "name", required: true, variadic: false, type: "entry-name" }]);
  const options = newEntry.options as Json[];
  const server = options.find((o) => o.flag === "--server")!;
  for (const key of ["flag", "short", "key", "takesValue", "type", "choices", "min", "max"]) {
    ok(key in server, `option has ${key}`);
  }
  for (const key of ["maxLength", "conflicts", "requires", "secret", "description"]) {
    ok(key in server, `option has ${key}`);
  }
  equal(server.key, "server");
  equal(server.type, "host");
  equal(server.maxLength, 128);
  // An address option takes as much text as its family's longest address.
  const length = (flag: string) => options.find((o) => o.flag === flag)!.maxLength;
  deepEqual([length("--ipv4-address"), length("--ipv6-address")], [15, 45]);
  const strategy = options.find((o) => o.flag === "--strategy")!;
  ok((strategy.choices as string[]).includes("ikev2-only"));
  const dial = commands.find((c) => (c.path as string[])[0] === "dial")!;
  const stdin = (dial.options as Json[]).find((o) => o.flag === "--password-stdin")!;
  equal(stdin.secret, true);
  deepEqual(stdin.conflicts, ["--password-env"]);
  const timeout = (dial.options as Json[]).find((o) => o.flag === "--timeout")!;
  deepEqual([timeout.type, timeout.min, timeout.max], ["seconds", 0.1, 86400]);
  for (const c of commands) ok((c.examples as string[]).length > 0, `${c.path} has examples`);
  const globals = (cli.globalOptions as Json[]).map((o) => o.flag);
  ok(globals.includes("--log-file") && globals.includes("--json"));
});

Deno.test("every command's --help has an Examples section, and help lists one line each", async () => {
  for (const command of await allCommands()) {
    const io = testIO();
    equal(await main([...command.path, "--help"], io), 0);
    const text = io.stdoutText();
    ok(text.startsWith(`Usage: rasctl ${command.path.join(" ")}`), text);
    ok(/\nExamples:\n {2}rasctl|\nExamples:\n {2}\$env/.test(text), `${command.path}: ${text}`);
  }
  const io = testIO();
  equal(await main(["help"], io), 0);
  const lines = io.stdoutText().split("\n");
  for (const command of await allCommands()) {
    equal(lines.filter((l) => l.startsWith(`  ${command.path.join(" ")}  `)).length, 1);
  }
});

Deno.test("--version --json prints JSON, --version plain text", async () => {
  const json = testIO();
  equal(await main(["--version", "--json"], json), 0);
  deepEqual(Object.keys(JSON.parse(json.stdoutText())), ["name", "version"]);
  const plain = testIO();
  equal(await main(["-V"], plain), 0);
  ok(/^\d+\.\d+\.\d+\n$/.test(plain.stdoutText()), plain.stdoutText());
});

Deno.test("a plain `error CODE` (answered without the parser) prints what the error command prints", async () => {
  for (const code of ["691", "0", "1460", "13801", "54321", "4294967295"]) {
    const quick = testIO();
    equal(await main(["error", code], quick), 0);
    // `--json` makes the line the parser's: the same command, through _run.ts.
    const parsed = testIO();
    equal(await main(["error", code, "--json"], parsed), 0);
    equal(quick.stdoutText(), parsed.stdoutText(), code);
    equal(JSON.parse(quick.stdoutText()).code, Number(code));
  }
  // What is not a CODE goes to the parser, which reports it as the declaration says.
  for (const code of ["4294967296", "-1", "0x2b3", "6.9"]) {
    const io = testIO();
    equal(await main(["error", code], io), 2, code);
    equal(JSON.parse(io.stderrText()).error.name, "UsageError");
    const message = JSON.parse(io.stderrText()).error.message as string;
    // "-1" reads as an option; the others reach CODE's own check.
    ok(code === "-1" || message.includes("from 0 to 4294967295"), `${code}: ${message}`);
  }
  // At a terminal the answer is a table, from the parser's path.
  const person = testIO({ terminal: { stdout: true } });
  equal(await main(["error", "691"], person), 0);
  ok(person.stdoutText().includes("ERROR_AUTHENTICATION_FAILURE"));
  ok(!person.stdoutText().trimStart().startsWith("{"), person.stdoutText());
});

Deno.test("a read command given bare (answered without the parser) prints what the command prints", async () => {
  await using home = await corpVpnHome(rasctl);
  const bare = Object.keys(BARE).map((line) => line.split(" "));
  deepEqual(bare.map((a) => a.join(" ")), ["entry list", "devices"]);
  for (const args of bare) {
    const quick = await rasctl(home, args);
    // `--json` makes the line the parser's: the same command, through _run.ts.
    const parsed = await rasctl(home, [...args, "--json"]);
    equal(quick.code, 0, args.join(" "));
    equal(quick.stdout, parsed.stdout, args.join(" "));
    ok((quick.json as unknown[]).length > 0, quick.stdout);
    // The same as a process, where cli.ts ends with the status.
    const child = await rasctlProcess(home, args);
    equal(child.code, 0);
    equal(child.stdout, parsed.stdout);
  }
  ok(JSON.stringify((await rasctl(home, ["entry", "list"])).json).includes("Corp VPN"));
  // A bare read that fails is left to the full path, which reports it as it reports any.
  const kept = BARE.devices!;
  BARE.devices = ["../ras/devices.ts", "noSuchFunction"];
  try {
    const again = await rasctl(home, ["devices"]);
    equal(again.code, 0);
    equal(again.stdout, (await rasctl(home, ["devices", "--json"])).stdout);
  } finally {
    BARE.devices = kept;
  }
  // Anything more than the bare words is the parser's; a word that is only a name on every
  // object (constructor, toString) is no command, bare or not (it was an InternalError).
  for (
    const args of [
      ["entry", "list", "extra"],
      ["devices", "list"],
      ["entry", "constructor"],
      ["constructor"],
      ["toString", "list"],
      ["entry list"],
    ]
  ) {
    const run = await rasctl(home, args);
    equal(run.code, 2, args.join(" "));
    equal(run.error?.name, "UsageError", args.join(" "));
  }
});

Deno.test("running `entry list` loads only its own module; the group's help and command list have all", async () => {
  const only = await COMMANDS.entry!.load("list");
  deepEqual(only.commands.map((c) => c.path.join(" ")), ["entry list"]);
  const all = ["list", "show", "new", "set", "remove", "rename", "validate"];
  for (const word of [undefined, "show", "new", "bogus"]) {
    const group = await COMMANDS.entry!.load(word);
    deepEqual(group.commands.map((c) => c.path[1]), all, String(word));
  }
  deepEqual(
    (await allCommands()).filter((c) => c.path[0] === "entry").map((c) => c.path[1]),
    all,
  );
});

Deno.test("a JavaScript error is reported as InternalError (exit 1) asking for a report", () => {
  for (const error of [new TypeError("x is undefined"), new RangeError("bad"), "thrown text"]) {
    const { report, status } = describeError(error, "linux");
    equal(report.name, "InternalError");
    equal(status, 1);
    ok(/report/.test(String(report.hint)), String(report.hint));
  }
  const permission = describeError(new Deno.errors.PermissionDenied("Requires env access"));
  equal(permission.report.name, "InternalError");
});

Deno.test("an error at a terminal is text for a person; piped, it is one JSON line", async () => {
  const person = testIO({ terminal: { stdout: true, stderr: true } });
  equal(await main(["error", "abc"], person), 2);
  ok(person.stderrText().startsWith("rasctl: CODE must be"), person.stderrText());
  const piped = testIO({ terminal: { stderr: true } });
  equal(await main(["error", "abc"], piped), 2);
  equal((JSON.parse(piped.stderrText()) as { error: Json }).error.name, "UsageError");
});

Deno.test("--password-stdin at a terminal refuses with a hint instead of echoing", async () => {
  const io = testIO({ terminal: { stdin: true } });
  equal(await main(["creds", "set", "Corp VPN", "--password-stdin"], io), 2);
  const error = (JSON.parse(io.stderrText()) as { error: Json }).error;
  equal(error.field, "--password-stdin");
  ok(/terminal/.test(String(error.message)), String(error.message));
  ok(/--password-env/.test(String(error.hint)), String(error.hint));
});

Deno.test("the hidden prompt edits by characters and ignores Ctrl+D", async () => {
  const io = testIO({ terminal: { stdin: true } });
  const ctx = new Context(io, {}, "dial");
  const answer = secretFromPrompt(ctx, "Password: ");
  io.type("pä\x04ß"); // Ctrl+D is not part of the password
  io.type("x\x7f"); // Backspace removes the last character, not its last byte
  io.type("€\r");
  equal(await answer, "päß€");
  equal(io.raw(), false, "raw mode is switched off again");
  ok(io.stderrText().startsWith("Password: "));
});

Deno.test("the hidden prompt ends with the command's own error on Ctrl+C and on --timeout", async () => {
  const io = testIO({ terminal: { stdin: true } });
  const ctx = new Context(io, {}, "dial");
  const cancelled = secretFromPrompt(ctx, "Password: ");
  io.type("ab\x03");
  const ctrlC = await cancelled.catch((e) => e);
  equal(ctrlC.name, "InterruptedError");
  const io2 = testIO({ terminal: { stdin: true } });
  const controller = new AbortController();
  const waiting = secretFromPrompt(new Context(io2, {}, "dial"), "Password: ", controller.signal);
  controller.abort(new TimeoutError("timed out after 1 s"));
  const timedOut = await waiting.catch((e) => e);
  equal(timedOut.name, "TimeoutError");
  equal(io2.raw(), false);
});

Deno.test("a closed stdout ends quietly with the same status for | head and | true", async () => {
  await using home = await cliHome();
  const statuses: number[] = [];
  for (const reader of ["head -c 1", "true"]) {
    const script = `"$0" run ${RUN_PERMISSIONS.join(" ")} cli.ts help --json | ${reader} ` +
      `>/dev/null; echo "\${PIPESTATUS[0]}"`;
    const out = await new Deno.Command("bash", {
      args: ["-c", script, Deno.execPath()],
      env: cliEnv(home),
      stdout: "piped",
      stderr: "piped",
    }).output();
    const stderr = new TextDecoder().decode(out.stderr);
    equal(stderr, "", `nothing on stderr with | ${reader}`);
    statuses.push(Number(new TextDecoder().decode(out.stdout).trim()));
  }
  deepEqual(statuses, [0, 0]);
});

Deno.test("a usage error is also written to --log-file (a task with wrong arguments leaves a trace)", async () => {
  await using home = await cliHome();
  const log = `${home.path}/task.log`;
  const r = await rasctl(home, ["ensure", "Corp VPN", "--log-file", log, "--timeout", "0"]);
  equal(r.code, 2);
  const lines = (await Deno.readTextFile(log)).trim().split("\n").map((l) => JSON.parse(l) as Json);
  equal(lines.length, 1);
  equal(lines[0]!.event, "error");
  equal((lines[0]!.error as Json).field, "--timeout");
});

Deno.test("a hang-up that runs out of time is a TimeoutError (exit 1), like a dial's", async () => {
  await using home = await cliHome({
    world: {
      // A release that takes a minute: the 0.2 s limit runs out first however slow the machine.
      machine: { ipNetwork: true, dialStepMs: 5, releaseDelayMs: 60_000 },
      servers: {
        "vpn.example.com": { protocols: ["ikev2"], user: "alice", password: CLI_VPN_PASSWORD },
      },
    },
  });
  const made = await rasctl(home, ["entry", "new", "V", "--server", "vpn.example.com"]);
  equal(made.code, 0, made.stderr);
  const dial = await rasctl(home, ["dial", "V", "--user", "alice", "--password-stdin"], {
    stdin: `${CLI_VPN_PASSWORD}\n`,
  });
  equal(dial.code, 0, dial.stderr);
  const r = await rasctl(home, ["hangup", "V", "--timeout", "0.2"]);
  equal(r.code, 1, r.stderr);
  equal(r.error?.name, "TimeoutError");
  ok(String(r.error?.message).includes("0.2 s"), String(r.error?.message));
});

Deno.test("task install --xml works off Windows, names the default exe and declares UTF-8", async () => {
  await using home = await cliHome();
  const child = spawnRasctl(home, ["task", "install", "Corp VPN", "--at-logon", "--xml"]);
  const out = await child.output();
  equal(out.code, 0, new TextDecoder().decode(out.stderr));
  const xml = new TextDecoder().decode(out.stdout);
  ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>'), xml.slice(0, 60));
  ok(xml.includes("C:\\Program Files\\rasctl\\rasctlw.exe"), "the default install location");
  ok(new TextDecoder().decode(out.stderr).includes("C:\\Program Files\\rasctl\\rasctlw.exe"));
});
