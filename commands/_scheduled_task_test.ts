import assert from "node:assert/strict";
import { findElements, parseXml, type XmlElement } from "../scripts/_ps_parse.ts";
import {
  buildTaskXml,
  disconnectSubscription,
  encodeTaskXml,
  ensureArgs,
  ensureCommandLine,
  quoteWindowsArg,
  taskName,
  type TaskOptions,
} from "./_scheduled_task.ts";

// --- CommandLineToArgvW, as a reference to check quoting against -------------------------------

/**
 * Splits the part of a Windows command line after the program name the way CommandLineToArgvW
 * and the MSVC runtime (2008+) do: whitespace separates arguments outside quotes; 2n backslashes
 * before a quote give n backslashes and the quote toggles quoting; 2n+1 give n backslashes and a
 * literal quote; backslashes not before a quote are literal; `""` inside quotes is a literal
 * quote (quoting continues).
 */
function commandLineToArgv(line: string): string[] {
  const args: string[] = [];
  let current: string | null = null;
  let quoted = false;
  for (let i = 0; i < line.length;) {
    const ch = line[i]!;
    if (!quoted && (ch === " " || ch === "\t")) {
      if (current !== null) args.push(current);
      current = null;
      i++;
      continue;
    }
    current ??= "";
    if (ch === "\\") {
      let n = 0;
      while (line[i] === "\\") {
        n++;
        i++;
      }
      if (line[i] === '"') {
        current += "\\".repeat(Math.floor(n / 2));
        if (n % 2 === 1) {
          current += '"';
          i++;
        }
      } else {
        current += "\\".repeat(n);
      }
      continue;
    }
    if (ch === '"') {
      if (quoted && line[i + 1] === '"') {
        current += '"';
        i += 2;
        continue;
      }
      quoted = !quoted;
      i++;
      continue;
    }
    current += ch;
    i++;
  }
  if (current !== null) args.push(current);
  return args;
}

Deno.test("commandLineToArgv() follows the documented examples", () => {
  // The table in Microsoft's "Parsing C command-line arguments".
  assert.deepEqual(commandLineToArgv('"abc" d e'), ["abc", "d", "e"]);
  assert.deepEqual(commandLineToArgv('a\\\\\\b d"e f"g h'), ["a\\\\\\b", "de fg", "h"]);
  assert.deepEqual(commandLineToArgv('a\\\\\\"b c d'), ['a\\"b', "c", "d"]);
  assert.deepEqual(commandLineToArgv('a\\\\\\\\"b c" d e'), ["a\\\\b c", "d", "e"]);
  assert.deepEqual(commandLineToArgv('a"b"" c d'), ['ab" c d']);
  assert.deepEqual(commandLineToArgv('""'), [""]);
});

// --- quoteWindowsArg ---------------------------------------------------------------------------

Deno.test("quoteWindowsArg() leaves plain words alone and quotes the rest", () => {
  assert.equal(quoteWindowsArg("Corp"), "Corp");
  assert.equal(quoteWindowsArg("C:\\dir\\"), "C:\\dir\\");
  assert.equal(quoteWindowsArg(""), '""');
  assert.equal(quoteWindowsArg("Corp VPN"), '"Corp VPN"');
  assert.equal(quoteWindowsArg('say "hi"'), '"say \\"hi\\""');
  assert.equal(quoteWindowsArg("C:\\my dir\\"), '"C:\\my dir\\\\"');
  assert.equal(quoteWindowsArg('a\\"b'), '"a\\\\\\"b"');
  assert.equal(quoteWindowsArg("Corp", { force: true }), '"Corp"');
});

Deno.test("quoteWindowsArg() round-trips through CommandLineToArgvW parsing", () => {
  const samples = [
    "",
    " ",
    "Corp",
    "Corp VPN",
    '"',
    '""',
    "\\",
    "\\\\",
    'tail\\"',
    "trailing\\",
    "trailing\\\\",
    "C:\\Program Files\\rasctl\\",
    'a "quoted" \\"name\\"',
    "tab\there",
    "new\nline",
    "Büro-VPN ✓ 東京 😀",
    "&<>|^%!",
    "--not-an-option",
  ];
  for (const force of [false, true]) {
    const line = samples.map((s) => quoteWindowsArg(s, { force })).join(" ");
    assert.deepEqual(commandLineToArgv(line), samples, `force=${force}: ${line}`);
  }
  // Every string over a small alphabet of the troublesome characters, up to length 5.
  const alphabet = ["a", " ", '"', "\\", "\t"];
  let words = [""];
  for (let len = 1; len <= 5; len++) {
    words = words.flatMap((w) => alphabet.map((c) => w + c));
    for (const w of words) {
      assert.deepEqual(commandLineToArgv(`x ${quoteWindowsArg(w)} y`), ["x", w, "y"], w);
    }
  }
});

Deno.test("quoteWindowsArg() refuses NUL", () => {
  assert.throws(() => quoteWindowsArg("a\0b"), RangeError);
});

// --- parseXml (the checker the XML tests rely on) ----------------------------------------------

Deno.test("parseXml() reads elements, attributes, text and references", () => {
  const doc = parseXml(
    '\uFEFF<?xml version="1.0" encoding="UTF-16"?>\r\n<!-- c --><a x="1" y=\'&lt;2&gt;\'>' +
      't&amp;u&#x41;&#66;<b/><![CDATA[<raw>]]><c z="a&#9;b">&quot;&apos;</c></a>\n',
  );
  assert.deepEqual(doc.declaration, { version: "1.0", encoding: "UTF-16" });
  assert.equal(doc.root.name, "a");
  assert.deepEqual(doc.root.attributes, { x: "1", y: "<2>" });
  assert.equal(doc.root.text, "t&uAB<raw>");
  assert.deepEqual(doc.root.children.map((c) => c.name), ["b", "c"]);
  assert.equal(doc.root.children[1]!.text, "\"'");
  assert.equal(doc.root.children[1]!.attributes["z"], "a\tb");
});

Deno.test("parseXml() rejects documents that are not well-formed", () => {
  const bad: Array<[string, RegExp]> = [
    ["<a><b></a></b>", /closes <b>/],
    ["<a>x & y</a>", /bare '&'/],
    ["<a>&nbsp;</a>", /undefined entity/],
    ["<a>&#0;</a>", /not an XML character/],
    ['<a x="<"/>', /'<' in an attribute/],
    ['<a x="1" x="2"/>', /duplicate attribute/],
    ["<a x=1/>", /quoted/],
    ['<a x="1"y="2"/>', /whitespace before an attribute/],
    ["<a/><b/>", /content after the root/],
    ["<a/>text", /content after the root/],
    ["text<a/>", /text before the root/],
    ["<a>", /never closed/],
    ["<a>]]></a>", /']]>' in text/],
    ["<a><!-- x -- y --></a>", /'--' inside a comment/],
    ["<a>\u0001</a>", /not allowed/],
    ["<a>\ud800</a>", /lone surrogate/],
    ["<!DOCTYPE a><a/>", /DOCTYPE/],
    ['<a/><?xml version="1.0"?>', /not at the start/],
    ["", /no root element/],
  ];
  for (const [text, message] of bad) {
    assert.throws(() => parseXml(text), message, JSON.stringify(text));
  }
});

// --- buildTaskXml ------------------------------------------------------------------------------

const EXE = "C:\\Program Files\\rasctl\\rasctlw.exe";

function build(options: Partial<TaskOptions> & { entry?: string }): XmlElement {
  const xml = buildTaskXml({ entry: "Corp", exePath: EXE, atLogon: true, ...options });
  return parseXml(xml).root;
}

function only(root: XmlElement, name: string): XmlElement {
  const found = findElements(root, name);
  assert.equal(found.length, 1, `exactly one <${name}>`);
  return found[0]!;
}

function triggerNames(root: XmlElement): string[] {
  return only(root, "Triggers").children.map((c) => c.name);
}

Deno.test("buildTaskXml() produces a well-formed Task Scheduler 1.2 document", () => {
  const xml = buildTaskXml({
    entry: "Corp",
    exePath: EXE,
    atLogon: true,
    atStartup: true,
    onDisconnect: true,
    everyMinutes: 15,
  });
  assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-16"?>\r\n'));
  const doc = parseXml(xml);
  assert.deepEqual(doc.declaration, { version: "1.0", encoding: "UTF-16" });
  assert.equal(doc.root.name, "Task");
  assert.equal(doc.root.attributes["version"], "1.2");
  assert.equal(
    doc.root.attributes["xmlns"],
    "http://schemas.microsoft.com/windows/2004/02/mit/task",
  );
  assert.deepEqual(
    doc.root.children.map((c) => c.name),
    ["RegistrationInfo", "Triggers", "Principals", "Settings", "Actions"],
  );
  assert.equal(only(doc.root, "URI").text, "\\RasCtl\\Corp");
  // ASCII only: whatever encoding the file is written in, the document reads the same.
  assert.match(xml, /^[\x20-\x7e\r\n]*$/);
});

Deno.test("buildTaskXml() includes each trigger only when asked", () => {
  assert.deepEqual(triggerNames(build({ atLogon: true })), ["LogonTrigger"]);
  assert.deepEqual(triggerNames(build({ atLogon: false, atStartup: true })), ["BootTrigger"]);
  assert.deepEqual(triggerNames(build({ atLogon: false, onDisconnect: true })), ["EventTrigger"]);
  assert.deepEqual(triggerNames(build({ atLogon: false, everyMinutes: 5 })), ["TimeTrigger"]);
  assert.deepEqual(
    triggerNames(build({ atStartup: true, onDisconnect: true, everyMinutes: 30 })),
    ["LogonTrigger", "BootTrigger", "EventTrigger", "TimeTrigger"],
  );
});

Deno.test("buildTaskXml() refuses a task without trigger", () => {
  assert.throws(
    () => buildTaskXml({ entry: "Corp", exePath: EXE }),
    (e) => e instanceof TypeError && /at least one trigger/.test(e.message),
  );
});

Deno.test("buildTaskXml() subscribes to RasClient event 20226, escaped inside the XML", () => {
  const xml = buildTaskXml({ entry: "Corp", exePath: EXE, onDisconnect: true });
  const subscription = only(parseXml(xml).root, "Subscription").text;
  assert.equal(
    subscription,
    '<QueryList><Query Id="0" Path="Application"><Select Path="Application">' +
      "*[System[Provider[@Name='RasClient'] and EventID=20226]]</Select></Query></QueryList>",
  );
  assert.equal(subscription, disconnectSubscription());
  assert.ok(xml.includes("&lt;QueryList&gt;&lt;Query Id=&quot;0&quot;"));
  // The subscription itself is a well-formed XML document.
  assert.equal(parseXml(subscription).root.name, "QueryList");
});

Deno.test("buildTaskXml() repeats the time trigger every N minutes", () => {
  const root = build({ atLogon: false, everyMinutes: 20 });
  assert.equal(only(root, "Interval").text, "PT20M");
  assert.equal(only(root, "StartBoundary").text, "2000-01-01T00:00:00");
  for (const bad of [0, -1, 1.5, 44641, Number.NaN]) {
    assert.throws(() => build({ everyMinutes: bad }), RangeError, String(bad));
  }
});

Deno.test("buildTaskXml() settings: IgnoreNew, StartWhenAvailable, on batteries, hidden", () => {
  const root = build({});
  const settings = only(root, "Settings");
  const value = (name: string) => only(settings, name).text;
  assert.equal(value("MultipleInstancesPolicy"), "IgnoreNew");
  assert.equal(value("StartWhenAvailable"), "true");
  assert.equal(value("DisallowStartIfOnBatteries"), "false");
  assert.equal(value("StopIfGoingOnBatteries"), "false");
  assert.equal(value("Hidden"), "true");
  assert.equal(value("ExecutionTimeLimit"), "PT1H");
  assert.equal(only(build({ keep: true }), "ExecutionTimeLimit").text, "PT0S");
  assert.equal(only(build({ executionTimeLimit: "PT10M" }), "ExecutionTimeLimit").text, "PT10M");
  assert.throws(() => build({ executionTimeLimit: "10 minutes" }), RangeError);
});

Deno.test("buildTaskXml() runs a user task as that user with least privilege", () => {
  const root = build({ userTask: true, userId: "CONTOSO\\ann" });
  const principal = only(root, "Principal");
  assert.equal(principal.attributes["id"], "Author");
  assert.equal(only(principal, "UserId").text, "CONTOSO\\ann");
  assert.equal(only(principal, "LogonType").text, "InteractiveToken");
  assert.equal(only(principal, "RunLevel").text, "LeastPrivilege");
  assert.equal(only(only(root, "LogonTrigger"), "UserId").text, "CONTOSO\\ann");
  assert.equal(only(root, "Actions").attributes["Context"], "Author");
  assert.throws(() => build({ userTask: true }), /needs userId/);
  assert.throws(
    () => build({ userTask: true, userId: "CONTOSO\\ann", atStartup: true }),
    /atStartup needs a machine task/,
  );
});

Deno.test("buildTaskXml() runs a machine task as SYSTEM against the all-users phone book", () => {
  const root = build({});
  const principal = only(root, "Principal");
  assert.equal(only(principal, "UserId").text, "S-1-5-18");
  assert.equal(findElements(principal, "LogonType").length, 0);
  assert.equal(findElements(only(root, "LogonTrigger"), "UserId").length, 0);
  assert.equal(only(root, "Arguments").text, 'ensure "Corp" --all-users --quiet');
  // An explicit phone book replaces --all-users.
  assert.equal(
    only(build({ phonebook: "C:\\ProgramData\\pbk\\corp.pbk" }), "Arguments").text,
    'ensure "Corp" --phonebook "C:\\ProgramData\\pbk\\corp.pbk" --quiet',
  );
});

Deno.test("buildTaskXml() execs the exe with the ensure command line", () => {
  const root = build({
    keep: true,
    checkIntervalSeconds: 30,
    timeoutSeconds: 60,
    retries: 3,
    user: "ann",
    domain: "CONTOSO",
    via: "Dialup",
    viaUser: "isp",
    logFile: "C:\\logs\\ras ctl.log",
  });
  assert.equal(only(root, "Command").text, EXE);
  assert.equal(only(root, "WorkingDirectory").text, "C:\\Program Files\\rasctl");
  const args = only(root, "Arguments").text;
  assert.equal(
    args,
    'ensure "Corp" --all-users --user "ann" --domain "CONTOSO" --via "Dialup" --via-user "isp" ' +
      '--timeout 60 --retries 3 --keep --check-interval 30 --log-file "C:\\logs\\ras ctl.log" --quiet',
  );
  assert.deepEqual(commandLineToArgv(args), [
    "ensure",
    "Corp",
    "--all-users",
    "--user",
    "ann",
    "--domain",
    "CONTOSO",
    "--via",
    "Dialup",
    "--via-user",
    "isp",
    "--timeout",
    "60",
    "--retries",
    "3",
    "--keep",
    "--check-interval",
    "30",
    "--log-file",
    "C:\\logs\\ras ctl.log",
    "--quiet",
  ]);
});

Deno.test("buildTaskXml() gives tricky entry names back exactly through XML and argv parsing", () => {
  const cases: Array<[string, string]> = [
    ["Corp VPN", 'ensure "Corp VPN" --all-users --quiet'],
    ['Say "hi"', 'ensure "Say \\"hi\\"" --all-users --quiet'],
    ["Ends with\\", 'ensure "Ends with\\\\" --all-users --quiet'],
    ["Büro ✓ 東京 😀", 'ensure "Büro ✓ 東京 😀" --all-users --quiet'],
    ["R&D <lab> 'x'", "ensure \"R&D <lab> 'x'\" --all-users --quiet"],
    ["-starts-with-dash", 'ensure --all-users --quiet -- "-starts-with-dash"'],
  ];
  for (const [entry, expected] of cases) {
    const xml = buildTaskXml({ entry, exePath: EXE, atLogon: true });
    const root = parseXml(xml).root;
    const args = only(root, "Arguments").text;
    assert.equal(args, expected, entry);
    assert.equal(args, ensureCommandLine({ entry, exePath: EXE, atLogon: true }));
    const argv = commandLineToArgv(args);
    assert.equal(argv.at(-1) === entry || argv[1] === entry, true, entry);
    assert.deepEqual(argv.filter((a) => a === entry), [entry]);
    assert.equal(only(root, "URI").text, taskName(entry));
    assert.match(xml, /^[\x20-\x7e\r\n]*$/, "non-ASCII and specials are escaped");
  }
  const xml = buildTaskXml({ entry: "R&D <lab>", exePath: EXE, atLogon: true });
  assert.ok(xml.includes("R&amp;D &lt;lab&gt;"));
  assert.ok(
    buildTaskXml({ entry: "Büro", exePath: EXE, atLogon: true }).includes("B&#xFC;ro"),
  );
  assert.ok(
    buildTaskXml({ entry: "😀", exePath: EXE, atLogon: true }).includes("&#x1F600;"),
  );
});

Deno.test("buildTaskXml() keeps CR, LF and tab in values as character references", () => {
  const root = build({ description: "line1\r\nline2\tend" });
  assert.equal(only(root, "Description").text, "line1\r\nline2\tend");
});

Deno.test("buildTaskXml() refuses every option that could carry a secret", () => {
  const secrets = [
    "password",
    "viaPassword",
    "passwordEnv",
    "passwordStdin",
    "psk",
    "pskEnv",
    "preSharedKey",
    "secret",
    "credential",
    "token",
    "pwd",
  ];
  for (const key of secrets) {
    const options = { entry: "Corp", exePath: EXE, atLogon: true, [key]: "hunter2" };
    assert.throws(
      () => buildTaskXml(options as TaskOptions),
      (e) => e instanceof TypeError && /looks like a secret/.test(e.message),
      key,
    );
    assert.throws(() => ensureArgs(options as TaskOptions), TypeError, key);
  }
  assert.throws(
    () => buildTaskXml({ entry: "Corp", exePath: EXE, atLogon: true, extra: 1 } as TaskOptions),
    /Unknown task option "extra"/,
  );
});

Deno.test("buildTaskXml() refuses values Task Scheduler or XML would change", () => {
  assert.throws(() => build({ entry: "" }), RangeError);
  assert.throws(() => build({ entry: "%USERNAME%" }), /Task Scheduler would expand/);
  assert.throws(() => build({ logFile: "C:\\%TEMP%\\x.log" }), /Task Scheduler would expand/);
  assert.equal(only(build({ entry: "100% up" }), "Arguments").text.includes("100% up"), true);
  assert.throws(() => build({ entry: "bell\u0007" }), /control character/);
  assert.throws(() => build({ entry: "half\ud83d" }), /lone UTF-16 surrogate/);
  assert.throws(() => build({ exePath: "rasctlw.exe" }), /absolute Windows path/);
  assert.doesNotThrow(() => build({ exePath: "\\\\server\\share\\rasctlw.exe" }));
});

Deno.test("taskName() puts the task in \\RasCtl\\ and encodes forbidden characters", () => {
  assert.equal(taskName("Corp VPN"), "\\RasCtl\\Corp VPN");
  assert.equal(taskName("a/b\\c:d"), "\\RasCtl\\a%2Fb%5Cc%3Ad");
  assert.equal(taskName('x*?"<>|'), "\\RasCtl\\x%2A%3F%22%3C%3E%7C");
  assert.equal(taskName("50%"), "\\RasCtl\\50%25");
  assert.equal(taskName("dot."), "\\RasCtl\\dot%2E");
  assert.notEqual(taskName("a/b"), taskName("a%2Fb"));
  assert.throws(() => taskName(""), RangeError);
});

Deno.test("encodeTaskXml() writes UTF-16LE with a byte-order mark", () => {
  const bytes = encodeTaskXml("<a>é😀</a>");
  assert.deepEqual([...bytes.slice(0, 4)], [0xff, 0xfe, 0x3c, 0x00]);
  assert.equal(new TextDecoder("utf-16le").decode(bytes.slice(2)), "<a>é😀</a>");
  const xml = buildTaskXml({ entry: "Büro", exePath: EXE, atLogon: true });
  const encoded = encodeTaskXml(xml);
  assert.equal(encoded.length, 2 + xml.length * 2);
  assert.equal(new TextDecoder("utf-16le", { ignoreBOM: true }).decode(encoded), "\uFEFF" + xml);
});

Deno.test("the task's argument list parses back, with rasctl's own parser, to what was baked", async () => {
  const { parseLine } = await import("./_parse.ts");
  const { ENSURE_COMMAND } = await import("./ensure.ts");
  const options: TaskOptions = {
    entry: '-Corp "VPN"',
    exePath: EXE,
    atLogon: true,
    phonebook: "C:\\Users\\ann\\My Books\\corp.pbk",
    user: "ann",
    domain: "CONTOSO",
    via: "ISP",
    viaUser: "isp-user",
    viaDomain: "ISPDOM",
    timeoutSeconds: 45,
    retries: 3,
    keep: true,
    checkIntervalSeconds: 30,
    logFile: "C:\\ProgramData\\rasctl\\corp log.jsonl",
  };
  const argv = commandLineToArgv(ensureCommandLine(options));
  assert.deepEqual(argv, ensureArgs(options));
  const parsed = parseLine(argv, ENSURE_COMMAND, new Set([0]));
  assert.equal(argv[0], "ensure");
  assert.deepEqual(parsed.args, { name: options.entry });
  const o = parsed.options;
  assert.deepEqual(
    [o.phonebook, o.user, o.domain, o.via, o.viaUser, o.viaDomain, o.timeout, o.retries],
    ["C:\\Users\\ann\\My Books\\corp.pbk", "ann", "CONTOSO", "ISP", "isp-user", "ISPDOM", 45, 3],
  );
  assert.deepEqual([o.keep, o.checkInterval, o.logFile, o.quiet], [
    true,
    30,
    "C:\\ProgramData\\rasctl\\corp log.jsonl",
    true,
  ]);
  const machine = parseLine(
    ensureArgs({ entry: "Corp", exePath: EXE, atLogon: true }),
    ENSURE_COMMAND,
    new Set([0]),
  );
  assert.equal(machine.options.allUsers, true, "a machine task dials the all-users book");
});
