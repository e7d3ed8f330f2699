/**
 * The root command. Subcommand modules are imported only when used, so `rasctl entry list`
 * pays for entry listing and nothing else (start-up is rasctl's speed).
 *
 * @module
 */

import { Command, CommanderError } from "commander";
import { asciiJson, describeError, EXIT, printError } from "./_output.ts";

/** rasctl's version. */
export const VERSION = "0.1.0";

/** A subcommand module: it builds its commander Command. */
interface CommandModule {
  command(): Command;
}

/** Every subcommand: a one-line summary for the root help, and its module. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<CommandModule> }> = {
  entry: {
    summary: "list, show, create, change, remove, rename and validate phone-book entries",
    load: () => import("./entry.ts"),
  },
  dial: {
    summary: "connect an entry (and the entry that brings its IP network)",
    load: () => import("./dial.ts"),
  },
  hangup: {
    summary: "end a connection and wait until Windows has released it",
    load: () => import("./hangup.ts"),
  },
  status: {
    summary: "state, addresses and endpoints of connections",
    load: () => import("./status.ts"),
  },
  connections: { summary: "list active connections", load: () => import("./connections.ts") },
  stats: {
    summary: "a connection's byte, frame and error counters",
    load: () => import("./stats.ts"),
  },
  creds: {
    summary: "show, save or forget an entry's credentials",
    load: () => import("./creds.ts"),
  },
  devices: {
    summary: "list RAS devices (modems, WAN Miniports)",
    load: () => import("./devices.ts"),
  },
  error: {
    summary: "explain a RAS or Windows error code (works offline)",
    load: () => import("./error.ts"),
  },
  ensure: {
    summary: "connect unless connected; with --keep, stay connected (for scheduled tasks)",
    load: () => import("./ensure.ts"),
  },
  task: {
    summary: "install, show or remove a Task Scheduler task that runs `rasctl ensure`",
    load: () => import("./task.ts"),
  },
};

function root(): Command {
  return new Command("rasctl")
    .description("Manage Windows dial-up and VPN connections from scripts. JSON on stdout.")
    .version(VERSION, "-V, --version")
    .option("--json", "print JSON (the default when stdout is not a terminal)")
    .option("--format <format>", "json or table")
    .option("-q, --quiet", "no progress on stderr")
    .option("--progress-json", "progress on stderr as JSON lines")
    .option("--log-file <path>", "append one JSON line per event to this file")
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({ writeErr: () => {} });
}

/** Makes a command and its subcommands throw on usage errors instead of printing and exiting. */
function quietOnErrors(command: Command): Command {
  command.exitOverride().configureOutput({ writeErr: () => {} });
  for (const sub of command.commands) quietOnErrors(sub);
  return command;
}

/** The first word of argv that is not a global option (and its value). */
function subcommandName(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--format" || arg === "--log-file") i++;
    else if (!arg.startsWith("-")) return arg;
  }
  return undefined;
}

/**
 * Runs rasctl with the given arguments.
 *
 * @param args The command line without the program name.
 * @returns The exit status.
 */
export async function main(args: string[]): Promise<number> {
  const program = root();
  const name = subcommandName(args);
  const chosen = name === undefined ? undefined : COMMANDS[name];
  try {
    if (chosen) {
      program.addCommand(quietOnErrors((await chosen.load()).command()));
    } else {
      for (const [n, { summary }] of Object.entries(COMMANDS)) {
        program.command(n).description(summary);
      }
      if (name !== undefined) {
        throw new CommanderError(
          2,
          "commander.unknownCommand",
          `unknown command "${name}"; see rasctl --help`,
        );
      }
      if (args.length === 0) {
        program.outputHelp();
        return EXIT.usage;
      }
    }
    await program.parseAsync(args, { from: "user" });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT.ok; // --help, --version
      const message = error.message.replace(/^error: /, "");
      printError(
        asciiJson({
          error: {
            code: null,
            name: "UsageError",
            message,
            hint: "see rasctl --help",
            operation: null,
            entry: null,
          },
        }, 0),
      );
      return EXIT.usage;
    }
    const { report, status } = describeError(error);
    printError(asciiJson({ error: report }, 0));
    return status;
  }
}
