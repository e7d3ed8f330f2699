/**
 * readEntrySettings() decodes only the struct members the asked settings read (a lazy
 * RASENTRYW, ffi/layout_lazy.ts decodeOnRead) and reads alternates and subentries only when asked:
 * for every entry of the real phone books (../shared/pbk, read in place) and of the synthetic
 * book with alternates and subentries, each whole setting must be what getEntry() gives.
 *
 * @module
 */
import { deepEqual, throws } from "node:assert/strict";
import { createSimHome } from "../tests/sim/harness.ts";
import { getEntry, readEntrySettings, type WholeSetting } from "./entries.ts";
import { listEntries } from "./entry_list.ts";
import { ENTRY_SETTINGS } from "./entry_settings.ts";
import { RasError } from "./errors.ts";

const dirs = [
  new URL("../../shared/pbk/", import.meta.url),
  new URL("../tests/fixtures/pbk/", import.meta.url),
];
const books = dirs.flatMap((dir) => {
  try {
    return [...Deno.readDirSync(dir)].filter((f) => f.name.endsWith(".pbk"))
      .map((f) => new URL(f.name, dir));
  } catch {
    return []; // a lone clone has no ../shared
  }
});
/** Every setting whose path is one key of an entry (all but the nested `ipv4.*`, `raw.*`, ...). */
const WHOLE = ENTRY_SETTINGS.map((s) => s.path).filter((p) => !p.includes(".")) as WholeSetting[];

Deno.test("readEntrySettings() gives each whole setting as getEntry() does, for every entry of every book", async () => {
  let compared = 0;
  for (const book of books) {
    await using home = await createSimHome({ userPbk: await Deno.readTextFile(book) });
    home.activate();
    const phonebook = home.userPbk;
    for (const { name } of listEntries({ phonebook })) {
      const whole = getEntry(name, { phonebook }) as unknown as Record<string, unknown>;
      const some = readEntrySettings(name, WHOLE, { phonebook });
      deepEqual(
        some,
        Object.fromEntries(WHOLE.map((p) => [p, whole[p]])),
        `${book.pathname}: ${name}`,
      );
      // One at a time, as a dial asks: the same value.
      deepEqual(
        readEntrySettings(name, ["prerequisite"], { phonebook }).prerequisite,
        whole.prerequisite,
      );
      compared++;
    }
  }
  deepEqual(compared > 0, books.length > 0, `${compared} entries in ${books.length} books`);
});

Deno.test("readEntrySettings() of a missing entry is 623, and of a setting an entry lacks a RangeError", async () => {
  await using home = await createSimHome({ userPbk: "[Corp]\r\nMEDIA=rastapi\r\nDEVICE=vpn\r\n" });
  home.activate();
  throws(
    () => readEntrySettings("Nope", ["prerequisite"], { phonebook: home.userPbk }),
    (e: unknown) => e instanceof RasError && e.code === 623,
  );
  throws(
    () => readEntrySettings("Corp", ["nope" as WholeSetting], { phonebook: home.userPbk }),
    /an entry has no setting nope/,
  );
});
