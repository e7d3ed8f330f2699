/**
 * Help, rendered from the declarations: a command's `--help` (usage, arguments, options with
 * their limits and relations, global options, examples), `rasctl help` (every command, one
 * line each) and `rasctl help --json` (the machine-readable description the PowerShell module
 * and its tests read).
 *
 * @module
 */

import { type Command, GLOBAL_OPTIONS, type Option, type Options } from "./_spec.ts";

/** One option in `rasctl help --json`. */
export interface OptionDescription {
  flag: string;
  short: string | null;
  negation: string | null;
  key: string;
  takesValue: boolean;
  type: string;
  metavar: string | null;
  choices: string[] | null;
  min: number | null;
  max: number | null;
  maxLength: number | null;
  default: unknown;
  conflicts: string[];
  requires: string[];
  secret: boolean;
  description: string;
}

/** One command in `rasctl help --json`. */
export interface CommandDescription {
  path: string[];
  summary: string;
  args: { name: string; required: boolean; variadic: boolean; type: string }[];
  options: OptionDescription[];
  examples: string[];
}

/** The description of one option. */
export function describeOption(key: string, o: Option): OptionDescription {
  const t = o.type;
  return {
    flag: o.flag,
    short: o.short ?? null,
    negation: o.negation ?? null,
    key,
    takesValue: t !== undefined,
    type: t?.name ?? "switch",
    metavar: t?.metavar ?? null,
    choices: t?.choices ? [...t.choices] : null,
    min: t?.min ?? null,
    max: t?.max ?? null,
    maxLength: t?.maxLength ?? null,
    default: o.default ?? null,
    conflicts: [...(o.conflicts ?? [])],
    requires: [...(o.requires ?? [])],
    secret: o.secret ?? false,
    description: o.description,
  };
}

function describeOptions(options: Options): OptionDescription[] {
  return Object.entries(options).map(([key, o]) => describeOption(key, o));
}

/** The whole CLI as data. */
export function describeCli(version: string, commands: readonly Command[]): unknown {
  return {
    name: "rasctl",
    version,
    globalOptions: describeOptions(GLOBAL_OPTIONS),
    stdinOrder: ["--password-stdin", "--via-password-stdin", "--psk-stdin"],
    commands: commands.map((c): CommandDescription => ({
      path: [...c.path],
      summary: c.summary,
      args: c.args.map((a) => ({
        name: a.name,
        required: a.required,
        variadic: a.variadic === true,
        type: a.type.name,
      })),
      options: describeOptions(c.options),
      examples: [...c.examples],
    })),
  };
}

/** `--server HOST`, `-q, --quiet`, `--split-tunnel, --no-split-tunnel`. */
function flagText(o: Option): string {
  const names = [o.short, o.flag, o.negation].filter((n) => n !== undefined).join(", ");
  return o.type ? `${names} ${o.type.metavar}` : names;
}

/** The option's description with what the declaration adds: choices, limits, relations. */
function optionText(o: Option): string {
  const t = o.type;
  const notes: string[] = [];
  if (t?.choices && t.choices.length <= 16) notes.push(`one of: ${t.choices.join(", ")}`);
  if (t?.min !== undefined && t.max !== undefined) notes.push(`${t.min} to ${t.max}`);
  else if (t?.maxLength !== undefined) notes.push(`at most ${t.maxLength} characters`);
  if (o.default !== undefined) notes.push(`default ${String(o.default)}`);
  if (o.requires?.length) notes.push(`needs ${o.requires.join(", ")}`);
  if (o.conflicts?.length) {
    notes.push(`not with ${o.conflicts.map((c) => c.replace("=", " ")).join(", ")}`);
  }
  return notes.length ? `${o.description} (${notes.join("; ")})` : o.description;
}

function table(rows: [string, string][]): string[] {
  const width = Math.min(34, Math.max(...rows.map(([a]) => a.length)));
  return rows.map(([a, b]) =>
    a.length > width ? `  ${a}\n  ${" ".repeat(width)}  ${b}` : `  ${a.padEnd(width)}  ${b}`
  );
}

function optionRows(options: Options): [string, string][] {
  return Object.values(options).map((o) => [flagText(o), optionText(o)]);
}

/** A command's `--help`. */
export function commandHelp(c: Command): string {
  const title = `rasctl ${c.path.join(" ")}`;
  const args = c.args.map((a) => {
    const word = a.variadic ? `${a.name.toUpperCase()} ...` : a.name.toUpperCase();
    return a.required ? word : `[${word}]`;
  });
  const lines = [`Usage: ${[title, ...args].join(" ")} [options]`, "", c.summary];
  if (c.details) lines.push("", c.details);
  if (c.args.length) {
    lines.push(
      "",
      "Arguments:",
      ...table(c.args.map((a) => [a.name.toUpperCase(), a.description])),
    );
  }
  if (Object.keys(c.options).length) lines.push("", "Options:", ...table(optionRows(c.options)));
  lines.push("", "Global options:", ...table(optionRows(GLOBAL_OPTIONS)));
  lines.push("", "Examples:", ...c.examples.map((e) => `  ${e}`));
  return lines.join("\n") + "\n";
}

/** `rasctl help`: every command, one line each. */
export function rootHelp(commands: readonly Command[]): string {
  const rows = commands.map((c): [string, string] => [c.path.join(" "), c.summary]);
  return [
    "Usage: rasctl COMMAND [options]",
    "",
    "Manage Windows dial-up and VPN connections from scripts. JSON on stdout.",
    "",
    "Commands:",
    ...table(rows),
    "",
    "Global options:",
    ...table(optionRows(GLOBAL_OPTIONS)),
    "",
    "Examples:",
    "  rasctl entry list",
    "  rasctl help dial            (or rasctl dial --help)",
    "  rasctl help --json          (every command and option, as data)",
  ].join("\n") + "\n";
}

/** The help of a command group (`rasctl entry --help`). */
export function groupHelp(group: string, commands: readonly Command[]): string {
  const rows = commands.map((c): [string, string] => [c.path.join(" "), c.summary]);
  return [
    `Usage: rasctl ${group} COMMAND [options]`,
    "",
    "Commands:",
    ...table(rows),
    "",
    `Examples:`,
    ...commands.slice(0, 3).map((c) => `  ${c.examples[0]}`),
  ].join("\n") + "\n";
}
