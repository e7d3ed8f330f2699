/**
 * Commands as data. Each subcommand module exports a {@link CommandSpec}; two interpreters read
 * it: {@link fastParse}, a small parser for the plain command lines scripts run (no Node
 * compatibility layer, so start-up stays close to Deno's own), and commander (loaded only for
 * `--help`, usage errors and anything the fast parser does not handle), which stays the
 * authority on help text and error messages. A test checks both parse alike.
 *
 * @module
 */

import type { Context } from "./_context.ts";

/** One option, in commander's flag syntax: `--server <host>`, `-q, --quiet`, `--no-x`. */
export interface OptionSpec {
  flags: string;
  description: string;
  default?: string;
}

/** What an action receives: positional arguments and every option (globals included). */
export interface Invocation {
  args: (string | undefined)[];
  options: Record<string, unknown>;
  /** The values of a variadic last argument (`[names...]`), when the command declares one. */
  rest?: string[];
}

/** A command or command group. */
export interface CommandSpec {
  name: string;
  description: string;
  /**
   * Positional arguments: `<name>` (required) or `[name]` (optional); the last may be variadic
   * (`[names...]`), its values in {@link Invocation.rest}.
   */
  args?: string[];
  options?: OptionSpec[];
  subcommands?: CommandSpec[];
  run?: (invocation: Invocation, context: Context) => Promise<void> | void;
}

/** The options every command accepts. */
export const GLOBAL_OPTIONS: OptionSpec[] = [
  { flags: "--json", description: "print JSON (the default when stdout is not a terminal)" },
  { flags: "--format <format>", description: "json or table" },
  { flags: "-q, --quiet", description: "no progress on stderr" },
  { flags: "--progress-json", description: "progress on stderr as JSON lines" },
  { flags: "--log-file <path>", description: "append one JSON line per event to this file" },
];

interface ParsedFlag {
  long: string;
  short: string | undefined;
  key: string;
  takesValue: boolean;
  negate: boolean;
}

function camel(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Reads commander's flag syntax. Only the forms rasctl uses: `-s, --long`, `<value>`, `--no-`. */
export function parseFlags(flags: string): ParsedFlag {
  const m = /^(?:-(\w), )?--([a-z0-9-]+)(?: <[\w-]+>)?$/.exec(flags);
  if (!m) throw new Error(`unsupported option syntax: ${flags}`);
  const long = m[2]!;
  const negate = long.startsWith("no-");
  return {
    long,
    short: m[1],
    key: camel(negate ? long.slice(3) : long),
    takesValue: flags.includes("<"),
    negate,
  };
}

/** The option defaults commander would set: declared defaults, and `true` for a lone `--no-x`. */
function defaults(options: OptionSpec[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const flags = options.map((o) => ({ ...parseFlags(o.flags), value: o.default }));
  for (const f of flags) {
    if (f.value !== undefined) out[f.key] = f.value;
    else if (f.negate && !flags.some((g) => g.key === f.key && !g.negate)) out[f.key] = true;
  }
  return out;
}

/**
 * Parses a plain command line against a spec, or says it cannot (returns undefined) so that
 * commander parses it instead: help, unknown options, missing or extra arguments, `--`,
 * bundled short flags and option values that start with a dash all go to commander.
 *
 * @param spec The subcommand named first in `argv` (after global options).
 * @param argv The command line without the program name.
 * @returns The command to run and what it receives, or undefined.
 */
export function fastParse(
  spec: CommandSpec,
  argv: string[],
): { command: CommandSpec; invocation: Invocation } | undefined {
  let command: CommandSpec | undefined;
  const positionals: string[] = [];
  const given: Record<string, unknown> = {};
  const globals = GLOBAL_OPTIONS.map((o) => parseFlags(o.flags));
  const known = () => [...globals, ...(command?.options ?? []).map((o) => parseFlags(o.flags))];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--" || arg === "-h" || arg === "--help") return undefined;
    if (arg.startsWith("-") && arg !== "-") {
      const [name, inline] = arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
      const flag = known().find((f) =>
        `--${f.long}` === name || (f.short && `-${f.short}` === name)
      );
      if (!flag) return undefined;
      if (flag.takesValue) {
        const value = inline ?? argv[++i];
        if (value === undefined || (inline === undefined && value.startsWith("-"))) {
          return undefined;
        }
        given[flag.key] = value;
      } else {
        if (inline !== undefined) return undefined;
        given[flag.key] = !flag.negate;
      }
      continue;
    }
    if (command === undefined) {
      command = arg === spec.name ? spec : undefined;
      if (!command) return undefined;
      continue;
    }
    const sub = command.subcommands?.find((s) => s.name === arg);
    if (sub && positionals.length === 0 && !command.run) {
      command = sub;
      continue;
    }
    positionals.push(arg);
  }
  if (!command?.run) return undefined;
  const all = command.args ?? [];
  const variadic = all.at(-1)?.includes("...") ?? false;
  const declared = variadic ? all.slice(0, -1) : all;
  const required = declared.filter((a) => a.startsWith("<")).length;
  if (positionals.length < required || (!variadic && positionals.length > declared.length)) {
    return undefined;
  }
  const args = declared.map((_, i) => positionals[i]);
  const options = { ...defaults([...GLOBAL_OPTIONS, ...(command.options ?? [])]), ...given };
  const rest = variadic ? { rest: positionals.slice(declared.length) } : {};
  return { command, invocation: { args, options, ...rest } };
}

/**
 * The subcommand a command line names: its first word that is neither a global option nor
 * such an option's value (`--format json dial` names dial).
 */
export function subcommandName(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (GLOBALS_WITH_VALUE.has(arg)) i++;
    else if (!arg.startsWith("-")) return arg;
  }
  return undefined;
}

/** Global options whose next word is their value, not the subcommand. */
const GLOBALS_WITH_VALUE = new Set(
  GLOBAL_OPTIONS.map((o) => parseFlags(o.flags)).filter((f) => f.takesValue).map((f) =>
    `--${f.long}`
  ),
);
