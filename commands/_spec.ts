/**
 * Commands as data. Every option is declared once, here or beside its command: its value type
 * (a small {@link ValueType} that parses and checks one text), its limits (from `LIMITS`), its
 * choices (from the constant group) and its relations (conflicts, requires). The parser
 * (`_parse.ts`), `--help` and `rasctl help --json` (`_help.ts`) and every usage error are
 * derived from these declarations; a command's `run` receives its options typed.
 *
 * @module
 */

import type { Context } from "./_context.ts";
import { UsageError } from "./_errors.ts";
import { entryNameProblem } from "../ras/entry_name.ts";
import { ipFamily, isUnspecifiedAddress, LIMITS } from "../ras/values.ts";

/** How one option value (or argument) is read from its text. */
export interface ValueType<T> {
  /** The type's name in `rasctl help --json`: `seconds`, `count`, `host`, `choice` ... */
  readonly name: string;
  /** The placeholder in help: `SECONDS`, `PATH`. */
  readonly metavar: string;
  readonly choices?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  readonly maxLength?: number;
  /** Parses and checks the text, or throws a UsageError whose field is `flag`. */
  parse(text: string, flag: string): T;
}

/** One option. The record key it is declared under is its key in the command's options. */
export interface Option<T = unknown> {
  /** The long flag, `--server`. */
  readonly flag: string;
  /** A one-letter alias, `-q`. */
  readonly short?: string;
  /** The value's type; a switch (no value) has none. */
  readonly type?: ValueType<T>;
  /** For a switch: the `--no-x` flag that sets it false. */
  readonly negation?: string;
  readonly description: string;
  /** The value when the option is not given (already parsed). */
  readonly default?: T;
  /** Flags that may not be given with this one; `--format=table` names one value of a flag. */
  readonly conflicts?: readonly string[];
  /** Flags that must be given with this one. */
  readonly requires?: readonly string[];
  /** The option makes rasctl read a secret (from stdin, an environment variable). */
  readonly secret?: boolean;
}

/** A positional argument. */
export interface Argument {
  /** Its name in messages and `field`: `name`, `new-name`, `code`. */
  readonly name: string;
  readonly required: boolean;
  readonly type: ValueType<string>;
  readonly description: string;
  /** The last argument may take any number of words (`watch [NAME ...]`): see Input.lists. */
  readonly variadic?: boolean;
}

/** A record of options, by key. */
export type Options = Readonly<Record<string, Option<unknown>>>;

/** The value an option gives its command: with a default it is always there. */
type ValueOf<O> = O extends Option<infer T> ? O extends { default: unknown } ? T : T | undefined
  : never;

/** The typed options a command receives. */
export type Parsed<O extends Options> = { -readonly [K in keyof O]: ValueOf<O[K]> };

/** What a command's `run` receives: its arguments by name and its options, typed. */
export interface Input<O extends Options> {
  args: Record<string, string | undefined>;
  /** A variadic argument's every word, by name (its first is also in `args`). */
  lists?: Record<string, string[]>;
  options: Parsed<O> & GlobalValues;
}

/** A runnable command (a leaf: `entry new`, `dial`). */
export interface Command<O extends Options = Options> {
  /** The words that name it: `["entry", "new"]`. */
  readonly path: readonly string[];
  /** One line for `rasctl help` and the top of its own help. */
  readonly summary: string;
  /** More text for its help (what it prints, what it needs). */
  readonly details?: string;
  readonly args: readonly Argument[];
  readonly options: O;
  /** At least one command line, each shown under `Examples:`. */
  readonly examples: readonly string[];
  run(input: Input<O>, ctx: Context): Promise<void> | void;
}

/**
 * Declares a command, keeping its options' types for `run`.
 *
 * @param command The declaration.
 * @returns The same declaration.
 */
export function command<const O extends Options>(command: Command<O>): Command<O> {
  return command;
}

/** What a command module exports: its commands (a group exports several). */
export interface CommandModule {
  readonly commands: readonly Command<Options>[];
}

/**
 * A switch: `--keep`, or with a negation `--split-tunnel`/`--no-split-tunnel` (then its value is
 * true, false or, when neither is given, undefined).
 */
export function flag<const E extends Omit<Option<boolean>, "flag" | "description" | "type">>(
  name: string,
  description: string,
  extra?: E,
): Option<boolean> & E {
  return { flag: name, description, ...extra } as Option<boolean> & E;
}

/** An option that takes a value of the given type. */
export function option<
  T,
  const E extends Omit<Option<T>, "flag" | "description" | "type"> = Record<never, never>,
>(name: string, type: ValueType<T>, description: string, extra?: E): Option<T> & E {
  return { flag: name, type, description, ...extra } as Option<T> & E;
}

/** A required (`<name>`) or optional argument. */
export function argument(
  name: string,
  description: string,
  options: { required?: boolean; type?: ValueType<string>; variadic?: boolean } = {},
): Argument {
  return {
    name,
    description,
    required: options.required ?? true,
    type: options.type ?? types.text({ maxLength: LIMITS.path }),
    ...(options.variadic ? { variadic: true } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Value types

function refuse(flag: string, takes: string, text: string, echo = true): never {
  const got = echo ? `, got ${JSON.stringify(text)}` : "";
  throw new UsageError(`${flag} takes ${takes}${got}`, flag);
}

// deno-lint-ignore no-control-regex -- control characters (C0, DEL, C1) are what is refused
const CONTROL = /[\0-\x1f\x7f-\x9f]/;

/** The value types options and arguments are declared with. */
export const types = {
  /** Seconds, a whole or decimal number, such as `30` or `0.5`. */
  seconds(limits: { min?: number; max?: number } = {}): ValueType<number> {
    const min = limits.min ?? 0.1;
    const max = limits.max ?? 86400;
    return {
      name: "seconds",
      metavar: "SECONDS",
      min,
      max,
      parse(text, flag) {
        const n = Number(text);
        if (!/^\d{1,6}(\.\d{1,3})?$/.test(text) || n < min || n > max) {
          refuse(flag, `seconds from ${min} to ${max}`, text);
        }
        return n;
      },
    };
  },

  /** A whole number. */
  count(limits: { min?: number; max: number; metavar?: string }): ValueType<number> {
    const min = limits.min ?? 0;
    return {
      name: "count",
      metavar: limits.metavar ?? "N",
      min,
      max: limits.max,
      parse(text, flag) {
        if (!/^\d{1,10}$/.test(text) || Number(text) < min || Number(text) > limits.max) {
          refuse(flag, `a whole number from ${min} to ${limits.max}`, text);
        }
        return Number(text);
      },
    };
  },

  /** A whole number, or `auto` (null: let Windows choose). */
  countOrAuto(limits: { max: number; metavar?: string }): ValueType<number | null> {
    const count = types.count(limits);
    return {
      ...count,
      name: "count-or-auto",
      parse(text, flag) {
        if (text === "auto") return null;
        if (!/^\d{1,10}$/.test(text) || Number(text) > limits.max) {
          refuse(flag, `a whole number from 0 to ${limits.max}, or auto`, text);
        }
        return Number(text);
      },
    };
  },

  /** A connection handle as `connections` prints it: `0x10001`. */
  handle(): ValueType<string> {
    return {
      name: "handle",
      metavar: "HANDLE",
      parse(text, flag) {
        if (!/^0x[0-9a-f]{1,16}$/i.test(text)) {
          refuse(flag, "a handle as `rasctl connections` prints it, such as 0x10001", text);
        }
        return text.toLowerCase();
      },
    };
  },

  /** An entry name, checked with Windows' rules. */
  entryName(): ValueType<string> {
    return {
      name: "entry-name",
      metavar: "ENTRY",
      maxLength: LIMITS.entryName,
      parse(text, flag) {
        const problem = entryNameProblem(text);
        if (problem) throw new UsageError(`${flag} "${text}" ${problem}`, flag);
        return text;
      },
    };
  },

  /** An IP address literal (not the unspecified address), or `auto` when allowed. */
  ipAddress(options: { family?: 4 | 6; auto?: boolean } = {}): ValueType<string | null> {
    const what = options.family ? `an IPv${options.family} address` : "an IP address";
    const example = options.family === 6 ? "fd00::1" : "10.0.0.1";
    const takes = `${what} such as ${example}${options.auto ? ", or auto" : ""}`;
    return {
      name: "ip-address",
      metavar: "ADDRESS",
      maxLength: options.family === 4 ? LIMITS.ipAddressText : LIMITS.ipv6AddressText,
      parse(text, flag) {
        if (options.auto && text === "auto") return null;
        const family = ipFamily(text);
        if (family === null || (options.family && family !== options.family)) {
          refuse(flag, takes, text);
        }
        if (isUnspecifiedAddress(text)) refuse(flag, `${takes} (not ${text})`, text);
        return text;
      },
    };
  },

  /** Comma-separated IP addresses (neither `0.0.0.0` nor `::`), or `auto` (an empty list). */
  ipList(): ValueType<string[]> {
    const one = types.ipAddress();
    return {
      name: "ip-list",
      metavar: "ADDRESSES",
      parse(text, flag) {
        if (text === "auto") return [];
        const parts = text.split(",").map((s) => s.trim());
        if (parts.some((p) => p === "")) {
          refuse(flag, "comma-separated addresses such as 10.0.0.53,fd00::53, or auto", text);
        }
        return parts.map((p) => one.parse(p, flag)!);
      },
    };
  },

  /** A file path (1 to LIMITS.path characters). */
  path(): ValueType<string> {
    return {
      name: "path",
      metavar: "PATH",
      maxLength: LIMITS.path,
      parse(text, flag) {
        if (text === "" || text.length > LIMITS.path || text.includes("\0")) {
          refuse(flag, `a path of 1 to ${LIMITS.path} characters`, text);
        }
        return text;
      },
    };
  },

  /** A server: host name, address or phone number; no URL scheme, port, path or spaces. */
  host(): ValueType<string> {
    const max = LIMITS.phoneNumber;
    const takes = `a host name or address such as vpn.example.com (or a phone number), ` +
      `at most ${max} characters, without scheme, port or path`;
    return {
      name: "host",
      metavar: "HOST",
      maxLength: max,
      parse(text, flag) {
        const bad = text === "" || text.length > max || text.startsWith("-") ||
          /[\s/\\@]/.test(text) || CONTROL.test(text) ||
          (text.includes(":") && ipFamily(text.replace(/^\[(.*)\]$/, "$1")) !== 6);
        if (bad) refuse(flag, takes, text);
        return text.replace(/^\[(.*)\]$/, "$1");
      },
    };
  },

  /** One of a constant group's names (`VPN_STRATEGIES`). */
  choice<const K extends string>(
    group: Readonly<Record<K, unknown>> | readonly K[],
  ): ValueType<K> {
    const choices = (Array.isArray(group) ? group : Object.keys(group)) as K[];
    return {
      name: "choice",
      metavar: "CHOICE",
      choices,
      parse(text, flag) {
        if (!choices.includes(text as K)) refuse(flag, `one of ${choices.join(", ")}`, text);
        return text as K;
      },
    };
  },

  /** A non-empty comma-separated list of a constant group's names. */
  choiceList<K extends string>(group: Readonly<Record<K, unknown>>): ValueType<K[]> {
    const one = types.choice(group);
    return {
      name: "choice-list",
      metavar: "LIST",
      choices: one.choices!,
      parse(text, flag) {
        const parts = text.split(",").map((s) => s.trim());
        if (parts.some((p) => p === "")) {
          refuse(flag, `a comma-separated list of ${one.choices!.join(", ")}`, text);
        }
        return [...new Set(parts.map((p) => one.parse(p, flag)))];
      },
    };
  },

  /** Any text at all (what `entry validate` asks Windows about). */
  anyText(): ValueType<string> {
    return { name: "string", metavar: "TEXT", parse: (text) => text };
  },

  /** Plain text of at most `maxLength` characters, no control characters. */
  text(limits: { maxLength: number; metavar?: string; empty?: boolean }): ValueType<string> {
    return {
      name: "string",
      metavar: limits.metavar ?? "TEXT",
      maxLength: limits.maxLength,
      parse(text, flag) {
        if (text.length > limits.maxLength || CONTROL.test(text) || (!limits.empty && !text)) {
          refuse(
            flag,
            `${limits.empty ? "at most" : "1 to"} ${limits.maxLength} characters ` +
              `without control characters`,
            text,
          );
        }
        return text;
      },
    };
  },

  /**
   * The name of an environment variable. What was typed is never repeated: a password typed
   * here by mistake must not reach stderr or the log.
   */
  envName(): ValueType<string> {
    return {
      name: "env-name",
      metavar: "VARIABLE",
      parse(text, flag) {
        if (!/^[A-Za-z_][A-Za-z0-9_]{0,254}$/.test(text)) {
          refuse(flag, "an environment variable name (letters, digits and _)", text, false);
        }
        return text;
      },
    };
  },
};

// ---------------------------------------------------------------------------------------------
// Global options

/** The options every command accepts. */
export const GLOBAL_OPTIONS = {
  json: flag("--json", "print JSON (the default when stdout is not a terminal)", {
    conflicts: ["--format=table"],
  }),
  format: option("--format", types.choice(["json", "table"]), "json or table"),
  quiet: flag("--quiet", "no progress on stderr", { short: "-q" }),
  progressJson: flag("--progress-json", "progress on stderr as JSON lines"),
  logFile: option("--log-file", types.path(), "append one JSON line per event to this file"),
  help: flag("--help", "show this help", { short: "-h" }),
  version: flag("--version", "print rasctl's version", { short: "-V" }),
} as const satisfies Options;

/** The global options' values, which every command receives. */
export type GlobalValues = Parsed<typeof GLOBAL_OPTIONS>;
