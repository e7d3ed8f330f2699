/**
 * `rasctl entry show | new | set | remove | rename | validate` (`entry list` is
 * commands/entry_list.ts: listing loads none of the entry settings these declare).
 *
 * @module
 */

import {
  createEntry,
  deleteEntry,
  getEntry,
  readEntrySettings,
  renameEntry,
  updateEntry,
  validateEntryName,
} from "../ras/entries.ts";
import { LOCK_OPTIONS, PHONEBOOK_OPTIONS, phonebookOf, phonebookWait } from "./_options.ts";
import { SETTINGS_OPTIONS, settingsFrom } from "./_settings.ts";
import { UsageError } from "./_errors.ts";
import { argument, command, type CommandModule, types } from "./_spec.ts";

const NAME = argument("name", "the entry's name", { type: types.entryName() });

const show = command({
  path: ["entry", "show"],
  summary: "show an entry's settings",
  args: [NAME],
  options: PHONEBOOK_OPTIONS,
  examples: ['rasctl entry show "Corp VPN"', 'rasctl entry show "Corp VPN" > corp.json'],
  run: ({ args, options }, ctx) => ctx.result(getEntry(args.name!, phonebookOf(options))),
});

const create = command({
  path: ["entry", "new"],
  summary: "create an entry (a VPN entry unless --type says otherwise)",
  args: [NAME],
  options: { ...PHONEBOOK_OPTIONS, ...SETTINGS_OPTIONS, ...LOCK_OPTIONS },
  examples: [
    'rasctl entry new "Corp VPN" --server vpn.example.com --strategy ikev2-only',
    'rasctl entry new ISP --type phone --server 5551234 --device-name "Standard 56000 bps Modem"',
    'rasctl entry new "Corp VPN 2" --from corp.json',
  ],
  run: async ({ args, options }, ctx) => {
    const settings = await settingsFrom(args.name!, options);
    using wait = phonebookWait(options.timeout, ctx);
    // A --device-name the user typed must be one of this machine's; one from a --from file
    // written elsewhere gives way to the machine's device of its type.
    const exactDevice = (options as Record<string, unknown>).deviceName !== undefined;
    ctx.result(
      await createEntry(args.name!, settings, { ...phonebookOf(options), ...wait, exactDevice }),
    );
  },
});

const set = command({
  path: ["entry", "set"],
  summary: "change only the given settings",
  args: [NAME],
  options: { ...PHONEBOOK_OPTIONS, ...SETTINGS_OPTIONS, ...LOCK_OPTIONS },
  examples: [
    'rasctl entry set "Corp VPN" --dns 10.0.0.53,10.0.0.54 --dns-suffix corp.example.com',
    'rasctl entry set "Corp VPN" --no-split-tunnel',
  ],
  run: async ({ args, options }, ctx) => {
    const where = phonebookOf(options);
    const settings = await settingsFrom(
      args.name!,
      options,
      () => readEntrySettings(args.name!, ["type"], where).type,
    );
    if (Object.keys(settings).length === 0) {
      throw new UsageError(
        "entry set needs at least one setting to change",
        null,
        "see rasctl entry set --help",
      );
    }
    using wait = phonebookWait(options.timeout, ctx);
    const exactDevice = (options as Record<string, unknown>).deviceName !== undefined;
    ctx.result(await updateEntry(args.name!, settings, { ...where, ...wait, exactDevice }));
  },
});

const remove = command({
  path: ["entry", "remove"],
  summary: "delete an entry",
  args: [NAME],
  options: { ...PHONEBOOK_OPTIONS, ...LOCK_OPTIONS },
  examples: ['rasctl entry remove "Corp VPN"'],
  run: async ({ args, options }, ctx) => {
    using wait = phonebookWait(options.timeout, ctx);
    ctx.result(await deleteEntry(args.name!, { ...phonebookOf(options), ...wait }));
  },
});

const rename = command({
  path: ["entry", "rename"],
  summary: "rename an entry",
  args: [NAME, argument("new-name", "its new name", { type: types.entryName() })],
  options: { ...PHONEBOOK_OPTIONS, ...LOCK_OPTIONS },
  examples: ['rasctl entry rename "Corp VPN" "Corp VPN (old)"'],
  run: async ({ args, options }, ctx) => {
    using wait = phonebookWait(options.timeout, ctx);
    ctx.result(
      await renameEntry(args.name!, args["new-name"]!, { ...phonebookOf(options), ...wait }),
    );
  },
});

const validate = command({
  path: ["entry", "validate"],
  summary: "ask Windows whether a new entry may take this name",
  args: [argument("name", "the name to check", { type: types.anyText() })],
  options: PHONEBOOK_OPTIONS,
  examples: ['rasctl entry validate "Corp VPN"'],
  run: ({ args, options }, ctx) => {
    const result = validateEntryName(args.name!, phonebookOf(options));
    ctx.result({ name: result.name, valid: result.valid, reason: result.reason });
  },
});

/** The `entry` commands. */
export const commands: CommandModule["commands"] = [
  show,
  create,
  set,
  remove,
  rename,
  validate,
];
