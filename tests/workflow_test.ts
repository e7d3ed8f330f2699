// Structure checks of the GitHub Actions workflows, which cannot run here.
import assert from "node:assert/strict";
import { parseDocument } from "yaml";
import { parsePowerShell, powerShellParser, syntaxProblems } from "../scripts/_ps_parse.ts";

const WORKFLOWS = new URL("../.github/workflows/", import.meta.url);

/**
 * Actions the workflows may use, at major versions confirmed to exist from each action's own
 * README/action.yml (looked up, not remembered): actions/checkout "Checkout V4" README;
 * actions/setup-node README "uses: actions/setup-node@v4"; actions/upload-artifact README "v4 -
 * What's new"; msys2/setup-msys2 action.yml (inputs msystem, install, path-type) used as @v2;
 * denoland/setup-deno README "uses: denoland/setup-deno@v2"; actions/setup-dotnet "uses:
 * actions/setup-dotnet@v4 with: dotnet-version" (GitHub docs reusable action-setup-dotnet.md).
 */
const ALLOWED_ACTIONS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["actions/checkout", new Set(["v4"])],
  ["actions/setup-node", new Set(["v4"])],
  ["actions/upload-artifact", new Set(["v4"])],
  ["msys2/setup-msys2", new Set(["v2"])],
  ["denoland/setup-deno", new Set(["v2"])],
  ["actions/setup-dotnet", new Set(["v4"])],
]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Step = { [key: string]: Json };

/** Parses YAML strictly: any error or warning (duplicate keys included) throws. */
function parseStrict(text: string, name: string): { [key: string]: Json } {
  const doc = parseDocument(text, { uniqueKeys: true, strict: true, prettyErrors: true });
  const issues = [...doc.errors, ...doc.warnings].map((e) => `${name}: ${e.message}`);
  if (issues.length > 0) throw new SyntaxError(issues.join("\n"));
  const value = doc.toJS() as Json;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new SyntaxError(`${name}: the document is not a mapping`);
  }
  return value;
}

/** Problems of one workflow's steps: missing uses/run, both, or an action not allowed. */
function stepProblems(workflow: { [key: string]: Json }): string[] {
  const problems: string[] = [];
  const jobs = workflow["jobs"] as { [key: string]: { steps?: Step[] } } | undefined;
  for (const [jobName, job] of Object.entries(jobs ?? {})) {
    (job.steps ?? []).forEach((step, i) => {
      const where = `${jobName} step ${i + 1}`;
      const hasUses = typeof step["uses"] === "string";
      const hasRun = typeof step["run"] === "string";
      if (hasUses === hasRun) problems.push(`${where}: needs exactly one of uses/run`);
      if (hasUses) {
        const m = /^([\w.-]+\/[\w.-]+)@(.+)$/.exec(step["uses"] as string);
        const versions = m && ALLOWED_ACTIONS.get(m[1]!);
        if (!m || !versions?.has(m[2]!)) {
          problems.push(`${where}: ${step["uses"]} is not an allowed action@version`);
        }
      }
    });
  }
  return problems;
}

async function workflows(): Promise<Array<{ name: string; text: string }>> {
  const found: Array<{ name: string; text: string }> = [];
  for await (const entry of Deno.readDir(WORKFLOWS)) {
    if (/\.ya?ml$/.test(entry.name)) {
      found.push({
        name: entry.name,
        text: await Deno.readTextFile(new URL(entry.name, WORKFLOWS)),
      });
    }
  }
  return found;
}

async function windowsWorkflow() {
  const text = await Deno.readTextFile(new URL("windows.yml", WORKFLOWS));
  const wf = parseStrict(text, "windows.yml");
  const jobs = wf["jobs"] as { [key: string]: { [key: string]: Json } };
  return { wf, jobs, text };
}

function steps(job: { [key: string]: Json }): Step[] {
  return job["steps"] as Step[];
}

function runScripts(job: { [key: string]: Json }): string {
  return steps(job).map((s) => (s["run"] as string | undefined) ?? "").join("\n");
}

Deno.test("parseStrict() rejects duplicate keys and syntax errors", () => {
  assert.throws(
    () => parseStrict("a: 1\na: 2\n", "dup.yml"),
    /dup\.yml:.*[Uu]nique|dup\.yml:.*[Dd]uplicate/,
  );
  assert.throws(() => parseStrict("a: [1, 2\n", "bad.yml"), SyntaxError);
  assert.throws(() => parseStrict("- a\n- b\n", "list.yml"), /not a mapping/);
  assert.deepEqual(parseStrict("on:\n  push:\n", "ok.yml"), { on: { push: null } });
});

Deno.test("stepProblems() flags unknown actions, unknown versions and malformed steps", () => {
  const wf = parseStrict(
    `jobs:
  a:
    steps:
      - uses: actions/checkout@v4
      - uses: actions/checkout@v99
      - uses: someone/unknown-action@v1
      - name: nothing to do
      - uses: actions/setup-node@v4
        run: echo both
`,
    "t.yml",
  );
  assert.deepEqual(stepProblems(wf), [
    "a step 2: actions/checkout@v99 is not an allowed action@version",
    "a step 3: someone/unknown-action@v1 is not an allowed action@version",
    "a step 4: needs exactly one of uses/run",
    "a step 5: needs exactly one of uses/run",
  ]);
});

Deno.test("every workflow is strict YAML with on/jobs and well-formed, allowed steps", async () => {
  const all = await workflows();
  assert.ok(all.some((w) => w.name === "windows.yml"));
  for (const { name, text } of all) {
    const wf = parseStrict(text, name);
    assert.ok(wf["on"] !== undefined, `${name}: has on`);
    assert.equal(typeof wf["jobs"], "object", `${name}: has jobs`);
    for (const [jobName, job] of Object.entries(wf["jobs"] as { [k: string]: Step })) {
      assert.equal(typeof job["runs-on"], "string", `${name} ${jobName}: runs-on`);
      assert.ok(
        Array.isArray(job["steps"]) && job["steps"].length > 0,
        `${name} ${jobName}: steps`,
      );
    }
    assert.deepEqual(stepProblems(wf), [], name);
    assert.doesNotMatch(text, /\$\{\{\s*secrets\./, `${name}: uses no secrets`);
  }
});

Deno.test("windows.yml runs on push and pull requests with a linux and a windows job", async () => {
  const { wf, jobs } = await windowsWorkflow();
  const on = wf["on"] as { [key: string]: Json };
  assert.ok("push" in on && "pull_request" in on);
  assert.equal(jobs["linux"]?.["runs-on"], "ubuntu-latest");
  assert.equal(jobs["windows"]?.["runs-on"], "windows-latest");
  assert.deepEqual(wf["permissions"], { contents: "read" });
});

Deno.test("the linux job checks out into main/ and runs .ci/run there", async () => {
  const { jobs } = await windowsWorkflow();
  const linux = steps(jobs["linux"]!);
  const checkout = linux.find((s) => s["uses"] === "actions/checkout@v4");
  assert.deepEqual(checkout?.["with"], { path: "main" });
  const ci = linux.find((s) => s["run"] === "bash .ci/run");
  assert.equal(ci?.["working-directory"], "main");
  assert.ok(linux.indexOf(ci!) > linux.findIndex((s) => s["run"] === "npm ci"));
});

Deno.test("the windows job builds the simulator, tests, compiles, smoke-runs and runs Pester twice", async () => {
  const { jobs } = await windowsWorkflow();
  const win = jobs["windows"]!;
  assert.deepEqual(win["defaults"], { run: { shell: "pwsh" } });
  const all = steps(win);
  const index = (test: (s: Step) => boolean, what: string) => {
    const i = all.findIndex(test);
    assert.ok(i >= 0, `windows job: ${what}`);
    return i;
  };
  const runs = (re: RegExp) => (s: Step) => typeof s["run"] === "string" && re.test(s["run"]);
  const order = [
    index((s) => s["uses"] === "actions/checkout@v4", "checkout"),
    index((s) => s["uses"] === "actions/setup-node@v4", "setup-node"),
    index(runs(/^npm ci$/m), "npm ci"),
    index((s) => s["uses"] === "actions/setup-dotnet@v4", "setup-dotnet (PowerShell tool, Pester)"),
    index(runs(/node_modules\/deno/), "deno.exe from the npm package"),
    index((s) => s["uses"] === "msys2/setup-msys2@v2", "MSYS2"),
    index(runs(/^bash tests\/sim\/build\.sh --windows$/m), "simulator build"),
    index(runs(/^deno task compile$/m), "compile"),
    index(runs(/dist\/rasctl\.exe --version/), "smoke --version"),
    index(runs(/^deno task test$/m), "deno task test (with Pester in PowerShell 7.6.9)"),
    index(runs(/deno test --allow-all tests\/windows\//), "Windows-only tests"),
    index(runs(/Invoke-RasCtlTests\.ps1/), "Pester in Windows PowerShell 5.1"),
    index((s) => s["uses"] === "actions/upload-artifact@v4", "artifact"),
  ];
  assert.deepEqual(order, [...order].sort((a, b) => a - b), "steps run in this order");

  const msys = all.find((s) => s["uses"] === "msys2/setup-msys2@v2")!;
  assert.match(String((msys["with"] as Step)["install"]), /mingw-w64-[\w-]*x86_64-gcc/);
  assert.equal(all.find(runs(/build\.sh --windows/))!["shell"], "msys2 {0}");

  const scripts = runScripts(win);
  // The smoke step lists a phone book it made (empty) first: on Windows a book that does not
  // exist is not an empty list.
  const made = scripts.search(/New-Item -ItemType File -Path \$book/);
  const listed = scripts.search(/dist\/rasctl\.exe entry list --phonebook \$book/);
  assert.ok(made >= 0 && listed > made, "the smoke step makes the book before listing it");
  assert.match(scripts, /\.Count -ne 0\) \{ throw/);
  // The same pinned Pester (5.7.1, restored from NuGet by the project's own file) in both editions:
  // PowerShell 7.6.9 through `deno task test`'s pester task, Windows PowerShell 5.1 explicitly.
  assert.doesNotMatch(scripts, /Install-Module/);
  const deno = JSON.parse(await Deno.readTextFile(new URL("../deno.json", import.meta.url)));
  assert.match(deno.tasks.test, /&& npx deno task pester$/);
  assert.match(deno.tasks.pester, /dotnet pwsh .*-File powershell\/tests\/Invoke-RasCtlTests\.ps1/);
  const pester51 = all.find(runs(/Invoke-RasCtlTests\.ps1/))!;
  assert.equal(pester51["shell"], "powershell");
  assert.match(
    String(pester51["run"]),
    /dotnet restore --verbosity quiet powershell\/tools\/restore\.csproj/,
  );
  for (const step of [pester51, all.find(runs(/^deno task test$/m))!]) {
    const env = step["env"] as Step;
    assert.match(String(env["RASCTL_EXE"]), /\\dist\\rasctl\.exe$/);
    assert.match(String(env["RASCTL_RASAPI32"]), /\\tests\\sim\\build\\rasapi32sim\.dll$/);
  }
  const upload = all.find((s) => s["uses"] === "actions/upload-artifact@v4")!;
  assert.equal((upload["with"] as Step)["path"], "dist/");
  // Native commands in pwsh steps do not fail the step by themselves: each is checked.
  for (const step of all.filter(runs(/^(deno|dist\/rasctl\.exe) /m))) {
    const natives = (step["run"] as string).split("\n").filter((l) =>
      /^(deno|dist\/rasctl\.exe) /.test(l)
    );
    const checks = (step["run"] as string).split("\n").filter((l) => l.includes("$LASTEXITCODE"));
    assert.ok(checks.length >= natives.length, `exit codes checked in: ${step["name"]}`);
  }
});

Deno.test("the exe smoke test asks every command for its help, so each is inside the exe", async () => {
  const { COMMANDS } = await import("../commands/_registry.ts");
  const { jobs } = await windowsWorkflow();
  const scripts = runScripts(jobs["windows"]!);
  const loop = /foreach \(\$command in ([^)]*)\)/.exec(scripts);
  assert.ok(loop, "a foreach over the commands");
  const named = [...loop[1]!.matchAll(/'([a-z]+)'/g)].map((m) => m[1]);
  assert.deepEqual(named.sort(), Object.keys(COMMANDS).sort());
  assert.match(scripts, /dist\/rasctl\.exe \$command --help/);
});

Deno.test("every PowerShell script of the windows job parses without a syntax error", async () => {
  const { jobs } = await windowsWorkflow();
  const parser = await powerShellParser();
  const powershell = steps(jobs["windows"]!).filter((s) =>
    typeof s["run"] === "string" && /^(pwsh|powershell)?$/.test(String(s["shell"] ?? ""))
  );
  assert.ok(powershell.length >= 6, `${powershell.length} PowerShell steps`);
  for (const step of powershell) {
    const problems = syntaxProblems(parsePowerShell(parser, step["run"] as string).rootNode);
    assert.deepEqual(problems, [], String(step["name"]));
  }
});

Deno.test("no test stops a child with a signal Windows cannot deliver unless it is ignored there", async () => {
  // Deno on Windows sends a child only SIGKILL or SIGTERM, both TerminateProcess there: a test that
  // sends SIGINT/SIGHUP (or a signal chosen at run time) is ignored on Windows.
  const offenders: string[] = [];
  for (const dir of ["../tests/", "../tests/sim/", "../ras/", "../ffi/", "../commands/"]) {
    for await (const e of Deno.readDir(new URL(dir, import.meta.url))) {
      if (!e.isFile || !e.name.endsWith("_test.ts")) continue;
      const text = await Deno.readTextFile(new URL(dir + e.name, import.meta.url));
      for (const chunk of text.split(/(?=Deno\.test\()/).slice(1)) {
        const kills = [...chunk.matchAll(/\.kill\(([^)]*)\)/g)].map((m) => m[1]!.trim());
        const catchable = kills.filter((k) => k !== '"SIGKILL"' && k !== '"SIGTERM"');
        if (catchable.length > 0 && !chunk.includes("ignore: !CHILD_SIGNALS_CATCHABLE")) {
          offenders.push(`${dir}${e.name}: ${chunk.slice(0, 80)}`);
        }
      }
    }
  }
  assert.deepEqual(offenders, []);
});

Deno.test("the smoke step's expectation holds against the simulator: an empty book lists []", async () => {
  const { cliHome, rasctl } = await import("./_support/cli.ts");
  await using home = await cliHome();
  const book = `${home.path}/t.pbk`;
  await Deno.writeFile(book, new Uint8Array(0));
  const r = await rasctl(home, ["entry", "list", "--phonebook", book]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.json, []);
});

Deno.test("tests/windows/ runs once: only its own step sets the switch every test there needs", async () => {
  // Read, not imported: importing a test module inside a test would register its tests.
  const source = await Deno.readTextFile(
    new URL("./windows/real_rasapi32_test.ts", import.meta.url),
  );
  const SWITCH = /export const SWITCH = "(\w+)";/.exec(source)?.[1];
  assert.ok(SWITCH, "tests/windows/real_rasapi32_test.ts exports SWITCH");
  const { jobs } = await windowsWorkflow();
  const all = Object.values(jobs).flatMap(steps);
  const withSwitch = all.filter((s) => (s["env"] as Step | undefined)?.[SWITCH] !== undefined);
  assert.deepEqual(withSwitch.map((s) => s["name"]), [
    "Windows-only tests against the real rasapi32.dll",
  ]);
  assert.equal((withSwitch[0]!["env"] as Step)[SWITCH], "1");
  assert.match(String(withSwitch[0]!["run"]), /^deno test --allow-all tests\/windows\/$/m);
  // The suite step's `deno test` (no paths) finds tests/windows/ too: nothing else may run it
  // with the switch, or name it.
  assert.doesNotMatch(
    all.filter((s) => !withSwitch.includes(s)).map((s) => String(s["run"] ?? "")).join("\n"),
    /tests\/windows/,
  );
  const deno = JSON.parse(await Deno.readTextFile(new URL("../deno.json", import.meta.url)));
  assert.doesNotMatch(JSON.stringify(deno.tasks), new RegExp(SWITCH));
  // Every test in tests/windows/ is ignored without the switch.
  for await (const file of Deno.readDir(new URL("./windows/", import.meta.url))) {
    if (!file.name.endsWith("_test.ts")) continue;
    const text = await Deno.readTextFile(new URL(`./windows/${file.name}`, import.meta.url));
    const tests = text.match(/Deno\.test\(/g)?.length ?? 0;
    const gated = text.match(/^\s+ignore,$/gm)?.length ?? 0;
    assert.ok(tests > 0, file.name);
    assert.equal(gated, tests, `${file.name}: every test has \`ignore,\` (the switch's gate)`);
    assert.match(
      text,
      /const ignore = Deno\.build\.os !== "windows" \|\| Deno\.env\.get\(SWITCH\) !== "1";/,
    );
  }
});

Deno.test("tests/windows/ covers both books, both kinds of credentials and an entry made with Windows' defaults", async () => {
  const text = await Deno.readTextFile(new URL("./windows/real_rasapi32_test.ts", import.meta.url));
  for (
    const needed of [
      /"--all-users"/,
      /userBook\(\)/,
      /"creds", "set"/,
      /"--default"/,
      /Windows' defaults/,
    ]
  ) {
    assert.match(text, needed);
  }
});
