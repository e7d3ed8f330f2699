/**
 * `rasctl completion SHELL`: prints a completion script for bash, zsh or PowerShell, generated
 * from the command declarations (commands/_completion.ts).
 *
 * @module
 */

import { completionScript, type Shell, SHELLS } from "./_completion.ts";
import { allCommands } from "./_registry.ts";
import { command, type CommandModule, types } from "./_spec.ts";

const completion = command({
  path: ["completion"],
  summary: "print a shell completion script (bash, zsh or PowerShell)",
  args: [{
    name: "shell",
    required: true,
    type: types.choice(SHELLS),
    description: "bash, zsh or powershell",
  }],
  options: {},
  examples: [
    "rasctl completion powershell | Out-String | Invoke-Expression",
    "source <(rasctl completion bash)",
  ],
  run: async ({ args }, ctx) => {
    ctx.print(completionScript(args.shell as Shell, await allCommands()));
  },
});

/** The `completion` command. */
export const commands: CommandModule["commands"] = [completion];
