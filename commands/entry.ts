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
import {
  checkedName,
  LOCK_OPTIONS,
  PHONEBOOK_OPTIONS,
  phonebookOf,
  phonebookWait,
} from "./_options.ts";
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
      options: PHONEBOOK_OPTIONS,
      run: ({ options }, ctx) => ctx.result(listEntries(phonebookOf(options as PhonebookInput))),
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
      options: [...PHONEBOOK_OPTIONS, ...SETTINGS_OPTIONS, ...LOCK_OPTIONS],
      run: async ({ args: [name], options }, ctx) => {
        const { where, settings } = await settingsInput(name!, options);
        using wait = phonebookWait(options, ctx);
        ctx.result(await createEntry(name!, settings, { ...where, ...wait }));
      },
    },
    {
      name: "set",
      description: "change only the given settings",
      args: ["<name>"],
      options: [...PHONEBOOK_OPTIONS, ...SETTINGS_OPTIONS, ...LOCK_OPTIONS],
      run: async ({ args: [name], options }, ctx) => {
        const { where, settings } = await settingsInput(name!, options);
        if (Object.keys(settings).length === 0) {
          throw new UsageError(
            "entry set needs at least one setting to change (see rasctl entry set --help)",
          );
        }
        using wait = phonebookWait(options, ctx);
        ctx.result(await updateEntry(name!, settings, { ...where, ...wait }));
      },
    },
    {
      name: "remove",
      description: "delete an entry",
      args: ["<name>"],
      options: [...PHONEBOOK_OPTIONS, ...LOCK_OPTIONS],
      run: async ({ args: [name], options }, ctx) => {
        const where = phonebookOf(options as PhonebookInput);
        using wait = phonebookWait(options, ctx);
        ctx.result(await deleteEntry(checkedName(name!), { ...where, ...wait }));
      },
    },
    {
      name: "rename",
      description: "rename an entry",
      args: ["<name>", "<new-name>"],
      options: [...PHONEBOOK_OPTIONS, ...LOCK_OPTIONS],
      run: async ({ args: [name, newName], options }, ctx) => {
        checkedName(name!);
        checkedName(newName!, "new-name");
        const where = phonebookOf(options as PhonebookInput);
        using wait = phonebookWait(options, ctx);
        ctx.result(await renameEntry(name!, newName!, { ...where, ...wait }));
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
