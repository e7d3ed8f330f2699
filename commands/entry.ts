/**
 * `rasctl entry list | show | new | set | remove | rename | validate`.
 *
 * @module
 */

import { Command } from "commander";
import {
  createEntry,
  deleteEntry,
  getEntry,
  listEntries,
  renameEntry,
  updateEntry,
  validateEntryName,
} from "../ras/entries.ts";
import { withContext } from "./_context.ts";
import { phonebookOf, withPhonebook } from "./_options.ts";
import { checkedName, settingsFrom, withSettings } from "./_settings.ts";
import { UsageError } from "./_output.ts";

/** Builds the `entry` command group. */
export function command(): Command {
  const entry = new Command("entry").description("phone-book entries");

  withPhonebook(
    entry.command("list").description("list entries (JSON array of {name, scope, phonebook})"),
  )
    .action((options, cmd) =>
      withContext(cmd, (ctx) => ctx.result(listEntries(phonebookOf(options))))
    );

  withPhonebook(entry.command("show").description("show an entry's settings").argument("<name>"))
    .action((name, options, cmd) =>
      withContext(cmd, (ctx) => ctx.result(getEntry(checkedName(name), phonebookOf(options))))
    );

  withSettings(
    withPhonebook(entry.command("new").description("create an entry").argument("<name>")),
  )
    .action((name, options, cmd) =>
      withContext(cmd, async (ctx) => {
        checkedName(name);
        const where = phonebookOf(options);
        const settings = await settingsFrom(options);
        ctx.result(createEntry(name, settings, where));
      })
    );

  withSettings(
    withPhonebook(
      entry.command("set").description("change only the given settings").argument("<name>"),
    ),
  )
    .action((name, options, cmd) =>
      withContext(cmd, async (ctx) => {
        checkedName(name);
        const where = phonebookOf(options);
        const settings = await settingsFrom(options);
        if (Object.keys(settings).length === 0) {
          throw new UsageError(
            "entry set needs at least one setting to change (see rasctl entry set --help)",
          );
        }
        ctx.result(updateEntry(name, settings, where));
      })
    );

  withPhonebook(entry.command("remove").description("delete an entry").argument("<name>"))
    .action((name, options, cmd) =>
      withContext(cmd, (ctx) => ctx.result(deleteEntry(checkedName(name), phonebookOf(options))))
    );

  withPhonebook(
    entry.command("rename").description("rename an entry").argument("<name>").argument(
      "<new-name>",
    ),
  )
    .action((name, newName, options, cmd) =>
      withContext(cmd, (ctx) => {
        checkedName(name);
        checkedName(newName, "new-name");
        ctx.result(renameEntry(name, newName, phonebookOf(options)));
      })
    );

  withPhonebook(
    entry.command("validate").description("ask Windows whether a new entry may take this name")
      .argument("<name>"),
  )
    .action((name, options, cmd) =>
      withContext(cmd, (ctx) => {
        const result = validateEntryName(name, phonebookOf(options));
        ctx.result({ name: result.name, valid: result.valid, reason: result.reason });
      })
    );

  return entry;
}
