/**
 * Shell completion scripts (bash, zsh, PowerShell) generated from the command declarations:
 * the command words, each command's options (with short forms and negations), the values of
 * every choice option, and which options take a path. Nothing here lists a command or an
 * option by hand; a new declaration completes without a change to this file.
 *
 * @module
 */

import type { Command, Option, Options } from "./_spec.ts";
import { GLOBAL_OPTIONS } from "./_spec.ts";

/** The shells `rasctl completion` writes a script for. */
export const SHELLS = ["bash", "zsh", "powershell"] as const;

/** One of {@link SHELLS}. */
export type Shell = typeof SHELLS[number];

/** What a completer needs to know, keyed by command path (`"entry new"`, `""` for none). */
export interface CompletionData {
  /** The top-level command words. */
  commands: string[];
  /** The subcommands of each group (`entry` -> `list`, `show`, ...). */
  subcommands: Record<string, string[]>;
  /** The global options (what completes before a command word). */
  globals: string[];
  /** The options of each command path, the global ones included. */
  options: Record<string, string[]>;
  /** The values of a choice option: `"<path> <flag>"`, or `"<flag>"` for a global option. */
  values: Record<string, string[]>;
  /** The values of a command's first argument, where it is a choice (`completion` -> shells). */
  arguments: Record<string, string[]>;
  /** Every option that takes a value (its next word is not a command word). */
  takesValue: string[];
  /** The options whose value is a file path. */
  paths: string[];
}

function names(o: Option): string[] {
  return [o.flag, o.short, o.negation].filter((n): n is string => n !== undefined);
}

function flags(options: Options): string[] {
  return Object.values(options).flatMap(names);
}

/**
 * Derives the completion data from the declarations.
 *
 * @param commands Every command (`allCommands()`).
 * @returns The data the scripts embed.
 */
export function completionData(commands: readonly Command[]): CompletionData {
  const data: CompletionData = {
    commands: [...new Set(commands.map((c) => c.path[0]!)), "help"],
    subcommands: {},
    globals: flags(GLOBAL_OPTIONS),
    options: {},
    values: {},
    arguments: {},
    takesValue: [],
    paths: [],
  };
  const add = (path: string, options: Options) => {
    for (const o of Object.values(options)) {
      if (!o.type) continue;
      data.takesValue.push(...names(o));
      if (o.type.name === "path") data.paths.push(o.flag);
      if (o.type.choices) data.values[path ? `${path} ${o.flag}` : o.flag] = [...o.type.choices];
    }
  };
  add("", GLOBAL_OPTIONS);
  for (const c of commands) {
    const [group, sub] = c.path;
    if (sub !== undefined) (data.subcommands[group!] ??= []).push(sub);
    const path = c.path.join(" ");
    data.options[path] = [...flags(c.options), ...flags(GLOBAL_OPTIONS)];
    add(path, c.options);
    const choices = c.args[0]?.type.choices;
    if (choices) data.arguments[path] = [...choices];
  }
  data.takesValue = [...new Set(data.takesValue)];
  data.paths = [...new Set(data.paths)];
  return data;
}

/** Single-quotes a word for bash (and zsh). */
function sh(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

function bashTable(name: string, table: Record<string, string[]>): string {
  const rows = Object.entries(table).map(([key, words]) => `  [${sh(key)}]=${sh(words.join(" "))}`);
  return `declare -gA ${name}=(\n${rows.join("\n")}\n)`;
}

/**
 * The bash completion script (`source <(rasctl completion bash)`).
 *
 * @param data From {@link completionData}.
 * @returns The script.
 */
export function bashScript(data: CompletionData): string {
  return `# rasctl completion for bash, generated from rasctl's declarations by
# \`rasctl completion bash\`. Load it with: source <(rasctl completion bash)
${bashTable("_rasctl_subcommands", data.subcommands)}
${bashTable("_rasctl_options", data.options)}
${bashTable("_rasctl_values", data.values)}
${bashTable("_rasctl_arguments", data.arguments)}
_rasctl_commands=${sh(data.commands.join(" "))}
_rasctl_globals=${sh(data.globals.join(" "))}
_rasctl_takes_value=${sh(` ${data.takesValue.join(" ")} `)}
_rasctl_paths=${sh(` ${data.paths.join(" ")} `)}

_rasctl() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="" path="" word i
  (( COMP_CWORD > 0 )) && prev="\${COMP_WORDS[COMP_CWORD-1]}"
  for (( i = 1; i < COMP_CWORD; i++ )); do
    word="\${COMP_WORDS[i]}"
    if [[ $word == -* ]]; then
      [[ $_rasctl_takes_value == *" $word "* ]] && (( i++ ))
      continue
    fi
    if [[ -z $path ]]; then
      path="$word"
    elif [[ " \${_rasctl_subcommands[$path]-} " == *" $word "* ]]; then
      path="$path $word"
    fi
  done
  COMPREPLY=()
  if [[ $prev == -* && $_rasctl_takes_value == *" $prev "* ]]; then
    if [[ -n \${_rasctl_values["$path $prev"]+set} ]]; then
      COMPREPLY=( $(compgen -W "\${_rasctl_values["$path $prev"]}" -- "$cur") )
    elif [[ -n \${_rasctl_values[$prev]+set} ]]; then
      COMPREPLY=( $(compgen -W "\${_rasctl_values[$prev]}" -- "$cur") )
    elif [[ $_rasctl_paths == *" $prev "* ]]; then
      COMPREPLY=( $(compgen -f -- "$cur") )
    fi
    return 0
  fi
  if [[ $cur == -* ]]; then
    COMPREPLY=( $(compgen -W "\${_rasctl_options[$path]-$_rasctl_globals}" -- "$cur") )
  elif [[ -z $path ]]; then
    COMPREPLY=( $(compgen -W "$_rasctl_commands" -- "$cur") )
  elif [[ -n \${_rasctl_subcommands[$path]+set} ]]; then
    COMPREPLY=( $(compgen -W "\${_rasctl_subcommands[$path]}" -- "$cur") )
  elif [[ -n \${_rasctl_arguments[$path]+set} ]]; then
    COMPREPLY=( $(compgen -W "\${_rasctl_arguments[$path]}" -- "$cur") )
  fi
  return 0
}
complete -F _rasctl rasctl rasctl.exe
`;
}

/**
 * The zsh completion script: the bash completer through zsh's bashcompinit
 * (`source <(rasctl completion zsh)`).
 *
 * @param data From {@link completionData}.
 * @returns The script.
 */
export function zshScript(data: CompletionData): string {
  return `# rasctl completion for zsh (bash's completer through bashcompinit), generated from
# rasctl's declarations by \`rasctl completion zsh\`. Load it with: source <(rasctl completion zsh)
autoload -U +X compinit && compinit
autoload -U +X bashcompinit && bashcompinit
${bashScript(data).split("\n").slice(2).join("\n")}`;
}

/** Single-quotes text for PowerShell. */
function ps(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * The PowerShell completion script, for Windows PowerShell 5.1 and PowerShell 7
 * (`rasctl completion powershell | Out-String | Invoke-Expression`).
 *
 * @param data From {@link completionData}.
 * @returns The script.
 */
export function powershellScript(data: CompletionData): string {
  return `# rasctl completion for PowerShell, generated from rasctl's declarations by
# \`rasctl completion powershell\`. Load it with:
#   rasctl completion powershell | Out-String | Invoke-Expression
Register-ArgumentCompleter -Native -CommandName rasctl, rasctl.exe -ScriptBlock {
  param($wordToComplete, $commandAst, $cursorPosition)
  $data = ConvertFrom-Json ${ps(JSON.stringify(data))}
  function Get-Entry($table, $key) {
    $property = $table.PSObject.Properties[$key]
    if ($property) { @($property.Value) } else { $null }
  }
  $words = @($commandAst.CommandElements | Select-Object -Skip 1 |
    Where-Object { $_.Extent.EndOffset -le $cursorPosition } | ForEach-Object { $_.ToString() })
  if ($wordToComplete -ne '' -and $words.Count -gt 0) { $words = @($words | Select-Object -SkipLast 1) }
  $path = ''
  $prev = ''
  for ($i = 0; $i -lt $words.Count; $i++) {
    $word = $words[$i]
    $prev = $word
    if ($word.StartsWith('-')) {
      if ($data.takesValue -contains $word) {
        if ($i + 1 -lt $words.Count) { $i++; $prev = $words[$i] }
      }
      continue
    }
    if ($path -eq '') { $path = $word }
    elseif ((Get-Entry $data.subcommands $path) -contains $word) { $path = "$path $word" }
  }
  $candidates = @()
  if ($prev.StartsWith('-') -and $data.takesValue -contains $prev -and $words[-1] -eq $prev) {
    $candidates = Get-Entry $data.values "$path $prev"
    if ($null -eq $candidates) { $candidates = Get-Entry $data.values $prev }
    if ($null -eq $candidates) {
      if ($data.paths -contains $prev) { return }
      $candidates = @()
    }
  } elseif ($wordToComplete.StartsWith('-')) {
    $candidates = Get-Entry $data.options $path
    if ($null -eq $candidates) { $candidates = $data.globals }
  } elseif ($path -eq '') {
    $candidates = $data.commands
  } else {
    $candidates = Get-Entry $data.subcommands $path
    if ($null -eq $candidates) { $candidates = Get-Entry $data.arguments $path }
    if ($null -eq $candidates) { $candidates = @() }
  }
  @($candidates) | Where-Object { $_ -like "$wordToComplete*" } | ForEach-Object {
    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
  }
}
`;
}

/**
 * The completion script of a shell.
 *
 * @param shell One of {@link SHELLS}.
 * @param commands Every command.
 * @returns The script.
 */
export function completionScript(shell: Shell, commands: readonly Command[]): string {
  const data = completionData(commands);
  return shell === "bash"
    ? bashScript(data)
    : shell === "zsh"
    ? zshScript(data)
    : powershellScript(data);
}
