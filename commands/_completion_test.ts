import { deepEqual, equal, ok } from "node:assert/strict";
import { main } from "./main.ts";
import { allCommands, COMMANDS } from "./_registry.ts";
import { completionData } from "./_completion.ts";
import { VPN_STRATEGIES } from "../ras/constants.ts";
import { testIO } from "../tests/_support/io.ts";

/** The script `rasctl completion SHELL` prints, in a temporary file. */
async function script(shell: string, dir: string): Promise<string> {
  const io = testIO();
  equal(await main(["completion", shell], io), 0, io.stderrText());
  const file = `${dir}/rasctl.${shell === "powershell" ? "ps1" : shell}`;
  await Deno.writeTextFile(file, io.stdoutText());
  return file;
}

const STRATEGIES = Object.keys(VPN_STRATEGIES).toSorted();
const ENTRY_COMMANDS = ["list", "show", "new", "set", "remove", "rename", "validate"].toSorted();

/** A command line being typed (the cursor at its end) and the words that complete it. */
function cases(dir: string): [string, string[]][] {
  return [
    ["rasctl ", [...Object.keys(COMMANDS), "help"].toSorted()],
    ["rasctl en", ["entry", "ensure"]],
    ["rasctl entry ", ENTRY_COMMANDS],
    ["rasctl --log-file x.log entry ", ENTRY_COMMANDS],
    ["rasctl entry new Corp --strategy ", STRATEGIES],
    ["rasctl entry new Corp --strategy ikev2", STRATEGIES.filter((s) => s.startsWith("ikev2"))],
    ["rasctl dial Corp --password-", ["--password-env", "--password-stdin"]],
    ["rasctl --format ", ["json", "table"]],
    ["rasctl completion ", ["bash", "powershell", "zsh"]],
    [`rasctl entry list --phonebook ${dir}/bo`, [`${dir}/book.pbk`]],
  ];
}

Deno.test("completion data comes from the declarations: every command, option and choice", async () => {
  const commands = await allCommands();
  const data = completionData(commands);
  deepEqual(data.commands, [...Object.keys(COMMANDS), "help"]);
  for (const c of commands) {
    const options = data.options[c.path.join(" ")]!;
    for (const o of Object.values(c.options)) ok(options.includes(o.flag), `${c.path} ${o.flag}`);
    ok(options.includes("--json") && options.includes("-q"), "the global options too");
  }
  deepEqual(data.values["entry new --strategy"]!.toSorted(), STRATEGIES);
  ok(data.paths.includes("--phonebook") && data.paths.includes("--log-file"));
  ok(data.takesValue.includes("--server") && !data.takesValue.includes("--json"));
});

Deno.test("the bash script completes command words, options and choice values in bash", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(`${dir}/book.pbk`, "");
    const file = await script("bash", dir);
    for (const [line, expected] of cases(dir)) {
      // COMP_WORDS as bash splits the line; an empty last word when it ends in a space.
      const words = line.split(" ");
      const program = `source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); ` +
        `_rasctl; printf '%s\\n' "\${COMPREPLY[@]}"`;
      const out = await new Deno.Command("bash", {
        args: ["-c", program, "bash", file, ...words],
        stdout: "piped",
        stderr: "piped",
      }).output();
      equal(new TextDecoder().decode(out.stderr), "", line);
      const got = new TextDecoder().decode(out.stdout).split("\n").filter((w) => w !== "");
      deepEqual(got.toSorted(), expected.toSorted(), line);
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("the zsh script loads the same completer through bashcompinit", async () => {
  const io = testIO();
  equal(await main(["completion", "zsh"], io), 0);
  const text = io.stdoutText();
  ok(text.includes("autoload -U +X bashcompinit && bashcompinit"));
  ok(text.includes("complete -F _rasctl rasctl rasctl.exe"));
});

/** PowerShell 7 as `deno task pester` restores it (dotnet tool), if this machine has it. */
function pwsh(): string[] | null {
  try {
    const out = new Deno.Command("dotnet", {
      args: ["tool", "run", "pwsh", "--", "-NoProfile", "-Command", "1"],
      stdout: "null",
      stderr: "null",
    }).outputSync();
    return out.success ? ["dotnet", "tool", "run", "pwsh", "--"] : null;
  } catch {
    return null;
  }
}

const PWSH = pwsh();

Deno.test({
  name: "the PowerShell script completes through Register-ArgumentCompleter and TabExpansion2",
  ignore: PWSH === null,
  async fn() {
    const dir = await Deno.makeTempDir();
    try {
      await Deno.writeTextFile(`${dir}/book.pbk`, "");
      const file = await script("powershell", dir);
      const lines = cases(dir).filter(([line]) => !line.includes("--phonebook"));
      const program = `. '${file}'\n` +
        `$lines = ConvertFrom-Json '${JSON.stringify(lines.map(([l]) => l))}'\n` +
        `$out = foreach ($line in $lines) {\n` +
        `  ,@((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches |` +
        ` ForEach-Object CompletionText)\n}\n` +
        `ConvertTo-Json -Compress -Depth 3 @($out)`;
      const [command, ...args] = PWSH!;
      const out = await new Deno.Command(command!, {
        args: [...args, "-NoProfile", "-NonInteractive", "-Command", program],
        stdout: "piped",
        stderr: "piped",
      }).output();
      equal(out.code, 0, new TextDecoder().decode(out.stderr));
      const got = JSON.parse(new TextDecoder().decode(out.stdout)) as (string[] | string)[];
      lines.forEach(([line, expected], i) => {
        const words = got[i] === undefined ? [] : [got[i]!].flat();
        deepEqual(words.toSorted(), expected.toSorted(), line);
      });
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
