/**
 * `rasctl entry list`, apart from the other entry commands (commands/entry.ts) so that listing
 * loads only RasEnumEntries' code: not the entry-settings table that `entry new` and
 * `entry set` declare as options, nor the phone-book lock (`deno task bench` measures it).
 *
 * @module
 */

import { listEntries } from "../ras/entry_list.ts";
import { load } from "./_load.ts";
import { PHONEBOOK_OPTIONS, phonebookOf } from "./_options.ts";
import { command, type CommandModule, flag } from "./_spec.ts";

const list = command({
  path: ["entry", "list"],
  summary: "list entries (JSON array of {name, scope, phonebook})",
  args: [],
  options: {
    ...PHONEBOOK_OPTIONS,
    // One process for the RasCtl module's Get-RasEntry, instead of one `entry show` per entry.
    details: flag("--details", "print each entry's settings, as entry show does"),
  },
  examples: [
    "rasctl entry list",
    "rasctl entry list --all-users --format table",
    "rasctl entry list --details",
  ],
  run: async ({ options }, ctx) => {
    const listed = listEntries(phonebookOf(options));
    if (!options.details) return ctx.result(listed);
    const { getEntry } = await load<typeof import("../ras/entries.ts")>("../ras/entries.ts");
    ctx.result(listed.map((e) => getEntry(e.name, { phonebook: e.phonebook })));
  },
});

/** The `entry list` command. */
export const commands: CommandModule["commands"] = [list];
