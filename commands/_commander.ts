/**
 * The slow path: commander parses the command line. It renders `--help`, reports usage errors
 * in its own words (which rasctl wraps as a JSON error, exit 2), and handles everything the
 * fast parser leaves to it. Loaded only when needed: commander pulls in Deno's Node
 * compatibility layer, which costs more start-up time than all of rasctl's own code.
 *
 * @module
 */

import { Command, CommanderError } from "commander";
import { asciiJson, type ErrorReport, EXIT, printError, reportError } from "./_output.ts";
import { runWithContext } from "./_context.ts";
import { type CommandSpec, GLOBAL_OPTIONS, type OptionSpec, subcommandName } from "./_spec.ts";
import type { CommandEntry } from "./main.ts";

function addOptions(command: Command, options: OptionSpec[]): void {
  for (const o of options) {
    if (o.default !== undefined) command.option(o.flags, o.description, o.default);
    else command.option(o.flags, o.description);
  }
}

/**
 * Builds the commander command for a spec (recursively), quiet on errors so rasctl reports
 * them as JSON.
 *
 * @param spec The command.
 * @returns The commander command.
 */
export function toCommander(
  spec: CommandSpec,
  onStatus: (status: number) => void = () => {},
): Command {
  const command = new Command(spec.name).description(spec.description);
  for (const arg of spec.args ?? []) command.argument(arg);
  addOptions(command, spec.options ?? []);
  for (const sub of spec.subcommands ?? []) command.addCommand(toCommander(sub, onStatus));
  command.exitOverride().configureOutput({ writeErr: () => {} })
    .configureHelp({ showGlobalOptions: true });
  const run = spec.run;
  if (run) {
    command.action((...params: unknown[]) => {
      const self = params.at(-1) as Command;
      const positional = params.slice(0, -2) as (string | string[] | undefined)[];
      const variadic = spec.args?.at(-1)?.includes("...") ?? false;
      const args = (variadic ? positional.slice(0, -1) : positional) as (string | undefined)[];
      const rest = variadic ? { rest: (positional.at(-1) ?? []) as string[] } : {};
      const options = self.optsWithGlobals();
      return runWithContext(spec.name, options, (ctx) => run({ args, options, ...rest }, ctx)).then(
        onStatus,
      );
    });
  }
  return command;
}

/**
 * The root command with the global options.
 *
 * @param version The version `--version` prints.
 * @returns The root command.
 */
export function rootCommand(version: string): Command {
  const root = new Command("rasctl")
    .description("Manage Windows dial-up and VPN connections from scripts. JSON on stdout.")
    .version(version, "-V, --version");
  addOptions(root, GLOBAL_OPTIONS);
  return root.exitOverride().configureOutput({ writeErr: () => {} });
}

/**
 * Parses and runs with commander.
 *
 * @param args The command line.
 * @param spec The subcommand named in it, if any.
 * @param commands Every subcommand, for the root help.
 * @param version rasctl's version.
 * @returns The exit status.
 */
export async function parseWithCommander(
  args: string[],
  spec: CommandSpec | undefined,
  commands: Record<string, CommandEntry>,
  version: string,
): Promise<number> {
  const program = rootCommand(version);
  let status: number = EXIT.ok;
  const command = spec ? toCommander(spec, (s) => (status = s)) : undefined;
  try {
    if (command) {
      program.addCommand(command);
    } else {
      for (const [n, { summary }] of Object.entries(commands)) {
        program.command(n).description(summary);
      }
      const name = subcommandName(args);
      if (name !== undefined && name !== "help") {
        throw new CommanderError(
          2,
          "commander.unknownCommand",
          `unknown command "${name}"; see rasctl --help`,
        );
      }
    }
    await program.parseAsync(args, { from: "user" });
    return status;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT.ok; // --help, --version
      if (error.code === "commander.help") {
        // No (sub)command given; commander wrote its help to the silenced stderr.
        (command ?? program).outputHelp();
        return EXIT.usage;
      }
      const message = withoutTypedValues(error.message.replace(/^error: /, ""));
      const field = /(?:option|argument) '([^'= ]+)/.exec(message)?.[1] ?? null;
      const report: ErrorReport = {
        code: null,
        name: "UsageError",
        message,
        hint: usageHint(field, error.code, spec?.name),
        operation: null,
        entry: null,
        field,
      };
      printError(asciiJson({ error: report }, 0));
      return EXIT.usage;
    }
    return reportError(error);
  }
}

/**
 * Commander's message without what the user typed as a value: it quotes an unknown
 * `--password=secret` as typed and lists surplus arguments (`rasdial NAME USER PASSWORD`).
 */
function withoutTypedValues(message: string): string {
  return message.replace(/'(--[^'=\s]+)=[^']*'/g, "'$1=...'")
    .replace(/^(too many arguments.*?got \d+): .*$/s, "$1.");
}

/** What to do instead; rasdial habits (a password as an argument) get a pointed answer. */
function usageHint(field: string | null, code: string, command: string | undefined): string {
  if (field !== null && /^--(via-)?password$/.test(field)) {
    return `rasctl takes no secret on the command line (other users can read it); use ` +
      `${field}-stdin or ${field}-env VARIABLE`;
  }
  if (code === "commander.excessArguments") {
    return command === "dial" || command === "ensure"
      ? "rasctl reads no user or password from plain arguments (rasdial's NAME USER PASSWORD); " +
        "give --user, and the password with --password-stdin or --password-env VARIABLE"
      : 'quote a name that has spaces: "Corp VPN"';
  }
  return "see rasctl --help";
}
