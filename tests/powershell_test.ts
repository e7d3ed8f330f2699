// Static checks of the RasCtl PowerShell module (powershell/RasCtl; its Pester suite in
// powershell/tests runs it for real, `deno task pester`): every PowerShell file parses cleanly with
// the tree-sitter PowerShell grammar, and the module follows PowerShell's conventions (help,
// approved verbs, ShouldProcess, a Pester file per cmdlet).
import assert from "node:assert/strict";
import {
  findElements,
  functionsOf,
  manifestStrings,
  parsePowerShell,
  parseXml,
  powerShellParser,
  syntaxProblems,
} from "../scripts/_ps_parse.ts";

const POWERSHELL = new URL("../powershell/", import.meta.url);
const MODULE = new URL("RasCtl/", POWERSHELL);
const PESTER = new URL("tests/", POWERSHELL);

/** Get-Verb (Windows PowerShell 5.1 and PowerShell 7), by group. */
const APPROVED_VERBS: ReadonlySet<string> = new Set([
  // Common
  ..."Add Clear Close Copy Enter Exit Find Format Get Hide Join Lock Move New Open Optimize Pop Push Redo Remove Rename Reset Resize Search Select Set Show Skip Split Step Switch Undo Unlock Watch"
    .split(" "),
  // Communications
  ..."Connect Disconnect Read Receive Send Write".split(" "),
  // Data
  ..."Backup Checkpoint Compare Compress Convert ConvertFrom ConvertTo Dismount Edit Expand Export Group Import Initialize Limit Merge Mount Out Publish Restore Save Sync Unpublish Update"
    .split(" "),
  // Diagnostic
  ..."Debug Measure Ping Repair Resolve Test Trace".split(" "),
  // Lifecycle
  ..."Approve Assert Build Complete Confirm Deny Deploy Disable Enable Install Invoke Register Request Restart Resume Start Stop Submit Suspend Uninstall Unregister Wait"
    .split(" "),
  // Security
  ..."Block Grant Protect Revoke Unblock Unprotect".split(" "),
  // Other
  "Use",
]);

/** Verbs whose cmdlets change the system; they must support -WhatIf/-Confirm. */
const STATE_CHANGING_VERBS: ReadonlySet<string> = new Set([
  "New",
  "Set",
  "Remove",
  "Rename",
  "Connect",
  "Disconnect",
  "Clear",
  "Register",
  "Unregister",
]);

async function powerShellFiles(dir: URL): Promise<URL[]> {
  const found: URL[] = [];
  for await (const entry of Deno.readDir(dir)) {
    const url = new URL(entry.name + (entry.isDirectory ? "/" : ""), dir);
    if (entry.isDirectory) found.push(...await powerShellFiles(url));
    else if (/\.(ps1|psm1|psd1)$/i.test(entry.name)) found.push(url);
  }
  return found.sort((a, b) => a.href.localeCompare(b.href));
}

/** The .ps1 files of one module folder (Public/ or Private/), by name. */
async function folderFiles(folder: string): Promise<Map<string, string>> {
  const dir = new URL(`${folder}/`, MODULE);
  const files = new Map<string, string>();
  for await (const entry of Deno.readDir(dir)) {
    if (entry.isFile && entry.name.endsWith(".ps1")) {
      files.set(entry.name.slice(0, -4), await Deno.readTextFile(new URL(entry.name, dir)));
    }
  }
  return files;
}

/** Every source file of the module (.psm1, Private/, Public/), joined. */
async function moduleSource(): Promise<string> {
  const parts = [await Deno.readTextFile(new URL("RasCtl.psm1", MODULE))];
  for (const folder of ["Private", "Public"]) parts.push(...(await folderFiles(folder)).values());
  return parts.join("\n");
}

function relative(url: URL): string {
  return url.href.slice(new URL("../", import.meta.url).href.length);
}

/** The problems of one module: what the tests below assert is empty. */
function conventionProblems(
  exported: string[],
  psm1: string,
  parser: Awaited<ReturnType<typeof powerShellParser>>,
): string[] {
  const functions = new Map(
    functionsOf(parsePowerShell(parser, psm1).rootNode).map((f) => [f.name.toLowerCase(), f]),
  );
  const problems: string[] = [];
  for (const name of exported) {
    const fn = functions.get(name.toLowerCase());
    if (!fn) {
      problems.push(`${name}: exported but not defined in Public/`);
      continue;
    }
    const verb = name.split("-")[0]!;
    if (!APPROVED_VERBS.has(verb)) problems.push(`${name}: "${verb}" is not an approved verb`);
    for (const keyword of ["SYNOPSIS", "DESCRIPTION", "EXAMPLE", "OUTPUTS"]) {
      if (!fn.helpKeywords.has(keyword)) problems.push(`${name}: no .${keyword} in its help`);
    }
    for (const p of fn.parameters) {
      if (!fn.documentedParameters.has(p)) problems.push(`${name}: no .PARAMETER ${p}`);
    }
    if (STATE_CHANGING_VERBS.has(verb)) {
      if (!fn.cmdletBinding?.supportsShouldProcess) {
        problems.push(`${name}: changes state but lacks [CmdletBinding(SupportsShouldProcess)]`);
      }
      if (!fn.callsShouldProcess) {
        problems.push(`${name}: changes state but never calls $PSCmdlet.ShouldProcess`);
      }
    }
    if (verb === "Remove" && fn.cmdletBinding?.confirmImpact?.toLowerCase() !== "high") {
      problems.push(`${name}: deletes but ConfirmImpact is not High`);
    }
  }
  return problems;
}

Deno.test("the tree-sitter PowerShell grammar loads and parses", async () => {
  const parser = await powerShellParser();
  const tree = parsePowerShell(parser, "function Get-X {\n  param($A)\n  $A | Write-Output\n}\n");
  assert.equal(tree.rootNode.type, "program");
  assert.deepEqual(syntaxProblems(tree.rootNode), []);
});

Deno.test("syntaxProblems() finds ERROR and MISSING nodes in broken PowerShell", async () => {
  const parser = await powerShellParser();
  const broken = [
    "function Get-X {\n  if ($a) {\n}\n",
    "$x = @{ a = 1\n",
    "function Get-X { param([string]$A }",
    'Write-Output "unterminated\n',
  ];
  for (const source of broken) {
    const problems = syntaxProblems(parsePowerShell(parser, source).rootNode);
    assert.ok(problems.length > 0, `no problem found in ${JSON.stringify(source)}`);
    assert.ok(problems.every((p) => p.line >= 1 && p.column >= 1));
  }
});

Deno.test("every PowerShell file under powershell/ parses without ERROR or MISSING nodes", async () => {
  const parser = await powerShellParser();
  const files = await powerShellFiles(POWERSHELL);
  assert.ok(files.length >= 20, `expected the module and its tests, found ${files.length} files`);
  const report: string[] = [];
  for (const file of files) {
    const source = await Deno.readTextFile(file);
    for (const p of syntaxProblems(parsePowerShell(parser, source).rootNode)) {
      report.push(`${relative(file)}:${p.line}:${p.column}: ${p.kind} ${JSON.stringify(p.text)}`);
    }
  }
  assert.deepEqual(report, []);
});

Deno.test("the manifest names the module, the editions, 5.1 and the format file", async () => {
  const parser = await powerShellParser();
  const root = parsePowerShell(parser, await Deno.readTextFile(new URL("RasCtl.psd1", MODULE)))
    .rootNode;
  assert.deepEqual(manifestStrings(root, "RootModule"), ["RasCtl.psm1"]);
  assert.deepEqual(manifestStrings(root, "PowerShellVersion"), ["5.1"]);
  assert.deepEqual(manifestStrings(root, "CompatiblePSEditions"), ["Desktop", "Core"]);
  assert.deepEqual(manifestStrings(root, "FormatsToProcess"), ["RasCtl.format.ps1xml"]);
  assert.match(
    manifestStrings(root, "GUID")?.[0] ?? "",
    /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/,
  );
  assert.match(manifestStrings(root, "ModuleVersion")?.[0] ?? "", /^\d+\.\d+\.\d+$/);
  const exported = manifestStrings(root, "FunctionsToExport") ?? [];
  assert.ok(!exported.some((f) => f.includes("*")), "FunctionsToExport is an explicit list");
  for (
    const required of [
      "Get-RasEntry",
      "New-RasEntry",
      "Set-RasEntry",
      "Remove-RasEntry",
      "Rename-RasEntry",
      "Connect-RasEntry",
      "Disconnect-RasConnection",
      "Get-RasConnection",
      "Get-RasConnectionStatistics",
      "Get-RasDevice",
      "Get-RasCredential",
      "Set-RasCredential",
      "Clear-RasCredential",
      "Get-RasError",
      "Wait-RasConnection",
      "Register-RasTask",
    ]
  ) assert.ok(exported.includes(required), `${required} is exported`);
});

Deno.test("every exported cmdlet has help, an approved verb and ShouldProcess where it changes state", async () => {
  const parser = await powerShellParser();
  const manifest = parsePowerShell(
    parser,
    await Deno.readTextFile(new URL("RasCtl.psd1", MODULE)),
  ).rootNode;
  const exported = manifestStrings(manifest, "FunctionsToExport") ?? [];
  assert.ok(exported.length >= 16);
  const publicFiles = await folderFiles("Public");
  assert.deepEqual(conventionProblems(exported, [...publicFiles.values()].join("\n"), parser), []);
  // One list: the manifest's FunctionsToExport is exactly the files in Public/ (the .psm1 exports
  // what it dot-sourced from Public/, naming none).
  assert.deepEqual([...exported].sort(), [...publicFiles.keys()].sort());
  const psm1 = await Deno.readTextFile(new URL("RasCtl.psm1", MODULE));
  assert.doesNotMatch(psm1, /Export-ModuleMember -Function @\('/);
  assert.ok(psm1.split("\n").length < 40, "the .psm1 only dot-sources");
});

Deno.test("Public/ and Private/ hold one function a file, named after the file", async () => {
  const parser = await powerShellParser();
  const problems: string[] = [];
  for (const folder of ["Public", "Private"]) {
    for (const [name, source] of await folderFiles(folder)) {
      const names = functionsOf(parsePowerShell(parser, source).rootNode).map((fn) => fn.name);
      if (names.length !== 1 || names[0] !== name) {
        problems.push(`${folder}/${name}.ps1 defines ${JSON.stringify(names)}`);
      }
    }
  }
  assert.deepEqual(problems, []);
  // Exactly one helper starts rasctl.
  const starters = [...(await folderFiles("Private")).entries()]
    .filter(([, s]) => /New-Object System\.Diagnostics\.Process\b/.test(s)).map(([n]) => n);
  assert.deepEqual(starters, ["Invoke-RasCtl"]);
  for (const [name, source] of await folderFiles("Public")) {
    assert.doesNotMatch(source, /System\.Diagnostics\.Process|WriteError\(\$r\./, `${name}`);
  }
});

Deno.test("Private/Get-EntrySettingTable.ps1 is the one scripts/gen_ps_entry_settings.ts writes", async () => {
  const { entrySettingTable } = await import("../scripts/gen_ps_entry_settings.ts");
  const file = await Deno.readTextFile(new URL("Private/Get-EntrySettingTable.ps1", MODULE));
  assert.equal(file, entrySettingTable(), "run scripts/gen_ps_entry_settings.ts");
});

Deno.test("the module has an about_RasCtl help topic naming every cmdlet", async () => {
  const about = await Deno.readTextFile(new URL("en-US/about_RasCtl.help.txt", MODULE));
  assert.match(about, /^TOPIC\s+about_RasCtl/m);
  assert.match(about, /^SHORT DESCRIPTION/m);
  assert.match(about, /^LONG DESCRIPTION/m);
  for (const name of (await folderFiles("Public")).keys()) {
    assert.ok(about.includes(name), `about_RasCtl names ${name}`);
  }
});

Deno.test("the convention checks flag what is wrong", async () => {
  const parser = await powerShellParser();
  const bad = `
function Get-NoHelp { param($Name) }
function Fetch-Thing {
    <#
    .SYNOPSIS
    x
    .DESCRIPTION
    x
    .EXAMPLE
    Fetch-Thing
    .OUTPUTS
    None
    #>
    param()
}
function Remove-Thing {
    <#
    .SYNOPSIS
    x
    .DESCRIPTION
    x
    .PARAMETER Name
    x
    .EXAMPLE
    Remove-Thing
    .OUTPUTS
    None
    #>
    [CmdletBinding()]
    param($Name)
}
# .SYNOPSIS
# y
# .DESCRIPTION
# y
# .EXAMPLE
# Set-Thing
# .OUTPUTS
# None
function Set-Thing {
    [CmdletBinding(SupportsShouldProcess)]
    param()
    process { 'no ShouldProcess call' }
}
`;
  const problems = conventionProblems(
    ["Get-NoHelp", "Fetch-Thing", "Remove-Thing", "Set-Thing", "Get-Missing"],
    bad,
    parser,
  );
  const expected = [
    "Get-NoHelp: no .SYNOPSIS in its help",
    "Get-NoHelp: no .EXAMPLE in its help",
    "Get-NoHelp: no .PARAMETER name",
    'Fetch-Thing: "Fetch" is not an approved verb',
    "Remove-Thing: changes state but lacks [CmdletBinding(SupportsShouldProcess)]",
    "Remove-Thing: changes state but never calls $PSCmdlet.ShouldProcess",
    "Remove-Thing: deletes but ConfirmImpact is not High",
    "Set-Thing: changes state but never calls $PSCmdlet.ShouldProcess",
    "Get-Missing: exported but not defined in Public/",
  ];
  for (const e of expected) assert.ok(problems.includes(e), `expected problem: ${e}`);
  // Help in comments right before the function counts: Set-Thing has no help problem.
  assert.ok(!problems.some((p) => p.startsWith("Set-Thing: no .")));
});

Deno.test("every exported cmdlet has a Pester test file that exercises it", async () => {
  const parser = await powerShellParser();
  const manifest = parsePowerShell(
    parser,
    await Deno.readTextFile(new URL("RasCtl.psd1", MODULE)),
  ).rootNode;
  const missing: string[] = [];
  for (const name of manifestStrings(manifest, "FunctionsToExport") ?? []) {
    const file = new URL(`${name}.Tests.ps1`, PESTER);
    let text: string;
    try {
      text = await Deno.readTextFile(file);
    } catch {
      missing.push(`${name}: no powershell/tests/${name}.Tests.ps1`);
      continue;
    }
    if (!new RegExp(`Describe '${name}'`).test(text)) missing.push(`${name}: no Describe block`);
    const invocations = text.split(name).length - 1;
    if (invocations < 3) missing.push(`${name}: named only ${invocations} times in its tests`);
    if (!/\bShould\s+-(Be|BeExactly|Match|Contain|BeTrue|BeFalse|BeGreaterOrEqual)\b/.test(text)) {
      missing.push(`${name}: its tests assert no values`);
    }
  }
  assert.deepEqual(missing, []);
});

Deno.test("the format file is well-formed and has a table view for each object type", async () => {
  const xml = await Deno.readTextFile(new URL("RasCtl.format.ps1xml", MODULE));
  const { root } = parseXml(xml);
  assert.equal(root.name, "Configuration");
  const types = findElements(root, "TypeName").map((t) => t.text);
  for (
    const type of [
      "RasCtl.Entry",
      "RasCtl.Connection",
      "RasCtl.Statistics",
      "RasCtl.Device",
      "RasCtl.Credential",
      "RasCtl.Error",
    ]
  ) assert.ok(types.includes(type), `a view for ${type}`);
  for (const view of findElements(root, "View")) {
    const headers = findElements(view, "TableColumnHeader").length;
    const items = findElements(view, "TableColumnItem").length;
    assert.ok(headers > 0 && headers === items, `${view.children[0]?.text}: headers match items`);
  }
  // Every type the module emits has a view or is deliberately generic (RasCtl.Task).
  const psm1 = await moduleSource();
  const emitted = new Set([...psm1.matchAll(/-TypeName '(RasCtl\.[A-Za-z]+)'/g)].map((m) => m[1]));
  for (const type of emitted) {
    if (type !== "RasCtl.Task") assert.ok(types.includes(type!), `a view for emitted ${type}`);
  }
});

Deno.test("the module never puts a secret on a command line", async () => {
  const psm1 = await moduleSource();
  // Secrets only travel as -Secret (stdin); no password-env, no plain-text conversion.
  assert.doesNotMatch(psm1, /--password-env|--psk-env|--via-password-env/);
  assert.doesNotMatch(psm1, /ConvertFrom-SecureString|-AsPlainText/);
  assert.doesNotMatch(psm1, /\$OutputEncoding/);
  const stdinFlags = [...psm1.matchAll(/'--(?:via-)?(?:password|psk)-stdin'/g)].length;
  assert.ok(stdinFlags >= 4, "dial, via and creds use the stdin flags");
  assert.match(psm1, /New-Object System\.Text\.UTF8Encoding\(\$false\)/);
  assert.match(psm1, /ZeroFreeGlobalAllocUnicode/);
});
