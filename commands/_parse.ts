/**
 * The one command-line parser, driven by the declarations in `_spec.ts`: it finds the command
 * a line names, reads every option by its declared type (so every value is checked, used or
 * not), applies defaults, checks conflicts and requirements, and reads the arguments. Every
 * refusal is a UsageError naming the option as typed; no value the user typed after `=` in
 * an unknown option, and no surplus argument, is ever repeated (either may be a password).
 *
 * A small parser of its own rather than `node:util`'s `parseArgs` or commander: both load
 * Deno's Node compatibility layer, which costs more start-up than all of rasctl's own code,
 * and neither knows value types, conflicts or requirements, which would then be checked in a
 * second place.
 *
 * @module
 */

import { UsageError } from "./_errors.ts";
import { type Command, GLOBAL_OPTIONS, type Option, type Options } from "./_spec.ts";

/** What a command line asks for. */
export interface ParsedLine {
  command: Command;
  args: Record<string, string | undefined>;
  /** A variadic (last) argument's words, by name. */
  lists: Record<string, string[]>;
  options: Record<string, unknown>;
}

/** A declared option with its key. */
interface Known {
  key: string;
  option: Option;
}

function index(options: Options): Map<string, Known & { negated: boolean }> {
  const byFlag = new Map<string, Known & { negated: boolean }>();
  for (const [key, option] of Object.entries(options)) {
    byFlag.set(option.flag, { key, option, negated: false });
    if (option.short) byFlag.set(option.short, { key, option, negated: false });
    if (option.negation) byFlag.set(option.negation, { key, option, negated: true });
  }
  return byFlag;
}

const GLOBAL_INDEX = index(GLOBAL_OPTIONS);

/** The words of a command line that name its command (the first bare words), by index. */
export function commandWords(argv: readonly string[]): { word: string; at: number }[] {
  const words: { word: string; at: number }[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") break;
    if (arg.startsWith("-") && arg !== "-") {
      const known = GLOBAL_INDEX.get(arg);
      if (known?.option.type) i++; // `--format json dial`: json is a value
      continue;
    }
    words.push({ word: arg, at: i });
  }
  return words;
}

/** `--password=...`: an unknown option is repeated without anything after `=`. */
function nameOf(arg: string): string {
  const eq = arg.indexOf("=");
  return eq < 0 ? arg : arg.slice(0, eq);
}

/** What to say about an option rasctl does not have; rasdial habits get a pointed answer. */
function unknownOption(name: string, command: string): UsageError {
  if (/^--(via-)?password$/.test(name) || /^--psk$/.test(name)) {
    return new UsageError(
      `rasctl takes no secret on the command line (other users can read it)`,
      name,
      `use ${name}-stdin or ${name}-env VARIABLE`,
    );
  }
  return new UsageError(
    `unknown option "${name}" for "${command}"`,
    name,
    `see ${command} --help`,
  );
}

/**
 * Parses a command line for a command already chosen.
 *
 * @param argv The whole command line (without the program name).
 * @param command The command its first words name.
 * @param skip The indices of those words.
 * @returns The command, its arguments by name and its options (globals included).
 * @throws {UsageError} For anything the declarations refuse.
 */
export function parseLine(
  argv: readonly string[],
  command: Command,
  skip: ReadonlySet<number>,
): ParsedLine {
  const known = new Map([...GLOBAL_INDEX, ...index(command.options)]);
  const all: Options = { ...GLOBAL_OPTIONS, ...command.options };
  const title = `rasctl ${command.path.join(" ")}`;
  const given = new Map<string, { flag: string; text: string | undefined }>();
  const options: Record<string, unknown> = {};
  const positionals: string[] = [];
  let rest = false;
  for (let i = 0; i < argv.length; i++) {
    if (skip.has(i)) continue;
    const arg = argv[i]!;
    if (rest || arg === "-" || !arg.startsWith("-")) {
      positionals.push(arg);
      continue;
    }
    if (arg === "--") {
      rest = true;
      continue;
    }
    const name = arg.startsWith("--") ? nameOf(arg) : arg;
    const inline = name.length < arg.length ? arg.slice(name.length + 1) : undefined;
    const found = known.get(name);
    if (!found) throw unknownOption(name, title);
    const { key, option, negated } = found;
    const previous = given.get(key);
    if (previous) {
      throw new UsageError(
        previous.flag === name
          ? `${name} is given twice; give it once`
          : `give ${previous.flag} or ${name}, not both`,
        name,
      );
    }
    let text: string | undefined;
    if (option.type) {
      text = inline ?? argv[i + 1];
      const next = inline === undefined ? argv[i + 1] : undefined;
      if (text === undefined || (next !== undefined && known.has(nameOf(next)))) {
        throw new UsageError(`${name} needs a value (${option.type.metavar})`, name);
      }
      if (inline === undefined) i++;
      options[key] = option.type.parse(text, name);
    } else {
      if (inline !== undefined) throw new UsageError(`${name} takes no value`, name);
      options[key] = !negated;
    }
    given.set(key, { flag: name, text });
  }
  if (options.help || options.version) return { command, args: {}, lists: {}, options };

  for (const [key, { flag }] of given) {
    const option = all[key]!;
    for (const other of option.conflicts ?? []) {
      const [otherFlag, value] = other.split("=");
      const match = [...given.values()].find((g) =>
        (g.flag === otherFlag || known.get(g.flag)?.option.flag === otherFlag) &&
        (value === undefined || g.text === value)
      );
      if (match) {
        const shown = value === undefined ? match.flag : `${match.flag} ${value}`;
        throw new UsageError(`give ${flag} or ${shown}, not both`, flag);
      }
    }
    for (const needed of option.requires ?? []) {
      const neededKey = [...known.values()].find((k) => k.option.flag === needed)?.key;
      if (neededKey === undefined || !given.has(neededKey)) {
        throw new UsageError(`${flag} needs ${needed}`, flag);
      }
    }
  }
  for (const [key, option] of Object.entries(all)) {
    if (!(key in options) && option.default !== undefined) options[key] = option.default;
  }

  const args: Record<string, string | undefined> = {};
  const declared = command.args;
  const lists: Record<string, string[]> = {};
  const variadic = declared.at(-1)?.variadic ? declared.at(-1) : undefined;
  if (variadic) {
    const words = positionals.splice(declared.length - 1);
    lists[variadic.name] = words.map((w) => variadic.type.parse(w, variadic.name));
    if (words[0] !== undefined) positionals.push(words[0]);
  }
  if (positionals.length > declared.length) {
    const takes = declared.length === 0
      ? "no arguments"
      : `${declared.length} argument${declared.length > 1 ? "s" : ""} (${
        declared.map((a) => a.name.toUpperCase()).join(" ")
      })`;
    const rasdial = command.path[0] === "dial" || command.path[0] === "ensure";
    throw new UsageError(
      `too many arguments: ${title} takes ${takes}, got ${positionals.length}`,
      null,
      rasdial
        ? "rasctl reads no user or password from plain arguments (rasdial's NAME USER " +
          "PASSWORD); give --user, and the password with --password-stdin or --password-env " +
          "VARIABLE"
        : 'quote a name that has spaces: "Corp VPN"',
    );
  }
  declared.forEach((a, i) => {
    const text = positionals[i];
    if (text === undefined) {
      if (a.required) {
        throw new UsageError(
          `${title} needs ${a.name.toUpperCase()} (${a.description})`,
          a.name,
          `see ${title} --help`,
        );
      }
      return;
    }
    args[a.name] = a.type.parse(text, a.name);
  });
  return { command, args, lists, options };
}
