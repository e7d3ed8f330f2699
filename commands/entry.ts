/**
 * `rasctl entry list | show | new | set | remove | rename | validate`.
 *
 * @module
 */

import {
  createEntry,
  deleteEntry,
  getEntry,
  listEntries,
  renameEntry,
  updateEntry,
  validateEntryName,
} from "../ras/entries.ts";
import { checkedName, PHONEBOOK_OPTIONS, phonebookOf } from "./_options.ts";
import { SETTINGS_OPTIONS, settingsFrom } from "./_settings.ts";
import { UsageError } from "./_output.ts";
import type { CommandSpec } from "./_spec.ts";

type PhonebookInput = { phonebook?: string; allUsers?: boolean };

/** The name, phone book and settings of `entry new` / `entry set`, all checked. */
async function settingsInput(name: string, options: Record<string, unknown>) {
  checkedName(name);
  const where = phonebookOf(options as PhonebookInput);
  return { where, settings: await settingsFrom(options) };
}

/** The `entry` command group. */
export const spec: CommandSpec = {
  name: "entry",
  description: "phone-book entries",
  subcommands: [
    {
      name: "list",
      description: "list entries (JSON array of {name, scope, phonebook})",
      options: [
        ...PHONEBOOK_OPTIONS,
        // One process for the RasCtl module's Get-RasEntry, instead of one `entry show` per entry.
        { flags: "--details", description: "print each entry's settings, as entry show does" },
      ],
      run: ({ options }, ctx) => {
        const listed = listEntries(phonebookOf(options as PhonebookInput));
        ctx.result(
          options["details"]
            ? listed.map((e) => getEntry(e.name, { phonebook: e.phonebook }))
            : listed,
        );
      },
    },
    {
      name: "show",
      description: "show an entry's settings",
      args: ["<name>"],
      options: PHONEBOOK_OPTIONS,
      run: ({ args: [name], options }, ctx) =>
        ctx.result(getEntry(checkedName(name!), phonebookOf(options as PhonebookInput))),
    },
    {
      name: "new",
      description: "create an entry",
      args: ["<name>"],
      options: [...PHONEBOOK_OPTIONS, ...SETTINGS_OPTIONS],
      run: async ({ args: [name], options }, ctx) => {
        const { where, settings } = await settingsInput(name!, options);
        ctx.result(createEntry(name!, settings, where));
      },
    },
    {
      name: "set",
      description: "change only the given settings",
      args: ["<name>"],
      options: [...PHONEBOOK_OPTIONS, ...SETTINGS_OPTIONS],
      run: async ({ args: [name], options }, ctx) => {
        const { where, settings } = await settingsInput(name!, options);
        if (Object.keys(settings).length === 0) {
          throw new UsageError(
            "entry set needs at least one setting to change (see rasctl entry set --help)",
          );
        }
        ctx.result(updateEntry(name!, settings, where));
      },
    },
    {
      name: "remove",
      description: "delete an entry",
      args: ["<name>"],
      options: PHONEBOOK_OPTIONS,
      run: ({ args: [name], options }, ctx) =>
        ctx.result(deleteEntry(checkedName(name!), phonebookOf(options as PhonebookInput))),
    },
    {
      name: "rename",
      description: "rename an entry",
      args: ["<name>", "<new-name>"],
      options: PHONEBOOK_OPTIONS,
      run: ({ args: [name, newName], options }, ctx) => {
        checkedName(name!);
        checkedName(newName!, "new-name");
        ctx.result(renameEntry(name!, newName!, phonebookOf(options as PhonebookInput)));
      },
    },
    {
      name: "validate",
      description: "ask Windows whether a new entry may take this name",
      args: ["<name>"],
      options: PHONEBOOK_OPTIONS,
      run: ({ args: [name], options }, ctx) => {
        const result = validateEntryName(name!, phonebookOf(options as PhonebookInput));
        ctx.result({ name: result.name, valid: result.valid, reason: result.reason });
      },
    },
  ],
};
