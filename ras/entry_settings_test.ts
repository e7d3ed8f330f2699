import assert from "node:assert/strict";
import fc from "fast-check";
import { RASENTRYW } from "../ffi/structs.ts";
import { decodeMultiString, encodeMultiString } from "../ffi/wstr.ts";
import { subEntryBytes, subEntryFromBytes } from "./subentries.ts";
import { formatIPv6 } from "../ffi/ip.ts";
import { entrySettingsSchema } from "./entry_schema.ts";
import {
  diffEntries,
  ENTRY_SETTINGS,
  type EntrySettingsTable,
  getPath,
  readSettings,
  setPath,
  type Setting,
  SETTING_OPTIONS,
  type SubEntry,
  writeSettings,
} from "./entry_settings.ts";
import { type Entry, newEntryDefaults } from "./entry.ts";
import type { EntrySettings } from "./entry_schema.ts";
import type { EntryType } from "./constants.ts";
import { settingsTable, tableCells } from "../scripts/gen_settings_table.ts";

/** A generator of valid values for one setting, derived from its value type. */
function arbitraryFor(setting: Setting): fc.Arbitrary<unknown> {
  const v = setting.value;
  const text = (maxLength: number, minLength = 0, noSpaces = false) =>
    fc.string({ minLength, maxLength: Math.min(maxLength, 40) }).filter((s) =>
      !s.includes("\0") && (!noSpaces || !/\s/.test(s))
    );
  const ipv4 = fc.ipV4().filter((a) => a !== "0.0.0.0");
  const ipv6 = fc.uint8Array({ minLength: 16, maxLength: 16 }).map(formatIPv6).filter((a) =>
    a !== "::"
  );
  switch (v.kind) {
    case "boolean":
      return fc.boolean();
    case "string":
      return text(v.maxLength, v.minLength ?? 0, v.noSpaces ?? false);
    case "path":
      return text(259, 1);
    case "integer":
      return fc.integer({ min: v.min, max: v.max });
    case "choice":
      return fc.constantFrom(...v.choices);
    case "choices":
      return fc.subarray([...v.choices]);
    case "address":
      return fc.option(v.family === 4 ? ipv4 : ipv6, { nil: null });
    case "addresses":
      return fc.array(v.family === 4 ? ipv4 : ipv6, { maxLength: v.max });
    case "metric":
      return fc.option(fc.integer({ min: 0, max: 0xffffffff }), { nil: null });
    case "prerequisite":
      return fc.option(
        fc.record({
          entry: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ]{0,20}$/),
          phonebook: fc.option(fc.stringMatching(/^C:\\[a-z]{1,10}\.pbk$/), { nil: null }),
        }, { noNullPrototype: true }),
        { nil: null },
      );
    case "strings":
      return fc.array(phone, { maxLength: 4 });
    case "subentries":
      return fc.array(
        fc.record({
          device: fc.record({
            type: fc.constantFrom("modem", "isdn", "vpn"),
            name: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ()]{0,30}$/),
          }, { noNullPrototype: true }),
          server: phone,
          alternates: fc.array(phone, { maxLength: 3 }),
        }, { noNullPrototype: true }),
        { maxLength: 3 },
      );
  }
}

/** A phone number or server: what a PhoneNumber= line holds. */
const phone = fc.stringMatching(/^[0-9A-Za-z.+-]{1,30}$/);

/** A whole, valid settings document: one value for every setting in the table. */
const allSettings = fc.tuple(...ENTRY_SETTINGS.map(arbitraryFor)).map((values) => {
  const out: Record<string, unknown> = {};
  ENTRY_SETTINGS.forEach((s, i) => setPath(out, s.path, values[i]));
  return out;
});

/**
 * read(decode(encode(write(s)))): through the real bytes: RASENTRYW, the alternates' double-NUL
 * list after it, and each subentry's RASSUBENTRYW (with its own list).
 */
function roundTrip(settings: Record<string, unknown>): Record<string, unknown> {
  const { alternates, subEntries, ...fields } = writeSettings(newEntryDefaults("vpn"), settings);
  return readSettings({
    ...RASENTRYW.decode(RASENTRYW.encode(fields)),
    alternates: decodeMultiString(encodeMultiString(alternates ?? [])),
    subEntries: (subEntries ?? []).map((sub) => subEntryFromBytes(subEntryBytes(sub))),
  });
}

const named = ENTRY_SETTINGS.filter((s) => !s.raw);
const OPTION_WORDS = new Set(["raw.dwfOptions", "raw.dwfOptions2"]);

Deno.test("read(write(s)) gives back every named setting and every raw field but the option words", () => {
  fc.assert(
    fc.property(allSettings, (s) => {
      const back = roundTrip(s);
      for (const { path, readOnly } of ENTRY_SETTINGS) {
        if (OPTION_WORDS.has(path) || readOnly) continue;
        assert.deepEqual(getPath(back, path), getPath(s, path), path);
      }
      // Windows counts the links: the entry's own and the subentries.
      assert.equal(
        getPath(back, "raw.dwSubEntries"),
        1 + (getPath(s, "subEntries") as unknown[]).length,
      );
    }),
    { numRuns: 300 },
  );
});

Deno.test("read(write(s)) == s for every entry read back (the named settings win over raw option bits)", () => {
  fc.assert(
    fc.property(allSettings, (s) => {
      const read = roundTrip(s);
      assert.deepEqual(roundTrip(read), read);
      assert.deepEqual(diffEntries(read, roundTrip(read)), []);
    }),
    { numRuns: 300 },
  );
});

Deno.test("the zod schema derived from the table accepts every entry read back", () => {
  fc.assert(
    fc.property(allSettings, (s) => {
      const read = roundTrip(s);
      const parsed = entrySettingsSchema.safeParse(read);
      assert.ok(parsed.success, JSON.stringify(parsed.error?.issues[0]));
      assert.deepEqual(parsed.data, read);
    }),
    { numRuns: 100 },
  );
});

Deno.test("the schema refuses an unknown key, naming its path", () => {
  const parsed = entrySettingsSchema.safeParse({ ipv4: { metrc: 3 } });
  assert.equal(parsed.success, false);
  assert.deepEqual(parsed.error!.issues[0]!.path, ["ipv4"]);
  assert.match(parsed.error!.issues[0]!.message, /metrc/);
});

Deno.test("the schema refuses a value out of the table's limits, naming the setting", () => {
  const parsed = entrySettingsSchema.safeParse({ redial: { pauseSeconds: 86401 } });
  assert.equal(parsed.success, false);
  assert.deepEqual(parsed.error!.issues[0]!.path, ["redial", "pauseSeconds"]);
  const server = entrySettingsSchema.safeParse({ server: "a b" });
  assert.equal(server.error!.issues[0]!.message, "server must not contain spaces");
});

Deno.test("a boolean setting sets and clears exactly its own bit", () => {
  const base = newEntryDefaults("vpn");
  const on = writeSettings(base, { registerDns: true });
  const off = writeSettings(on, { registerDns: false });
  assert.equal((on.dwfOptions2! ^ base.dwfOptions2!) >>> 0, 0x4000); // RASEO2_RegisterIpWithDNS
  assert.equal(off.dwfOptions2, base.dwfOptions2);
  assert.equal(on.dwfOptions, base.dwfOptions);
});

Deno.test("an inverted flag: splitTunnel true clears RASEO_RemoteDefaultGateway", () => {
  const s = writeSettings({ dwfOptions: 0x10 }, { splitTunnel: true });
  assert.equal(s.dwfOptions, 0);
  assert.equal(writeSettings(s, { splitTunnel: false }).dwfOptions, 0x10);
});

Deno.test("a named setting overrides the bit it owns in raw.dwfOptions", () => {
  const s = writeSettings({}, { raw: { dwfOptions: 0x10 }, splitTunnel: true });
  assert.equal(s.dwfOptions, 0);
});

Deno.test("diffEntries() lists the differing settings by path, in table order", () => {
  const a = roundTrip({});
  const b = { ...a, server: "vpn2.example.com", ipv4: { ...(a.ipv4 as object), metric: 5 } };
  assert.deepEqual(diffEntries(a, b), [
    { path: "server", before: a.server, after: "vpn2.example.com" },
    { path: "ipv4.metric", before: null, after: 5 },
  ]);
});

Deno.test("every setting path is unique and every option flag maps to settings", () => {
  const paths = ENTRY_SETTINGS.map((s) => s.path);
  assert.equal(new Set(paths).size, paths.length);
  const flags = SETTING_OPTIONS.map((o) => o.flag);
  assert.equal(new Set(flags).size, flags.length);
  assert.deepEqual(SETTING_OPTIONS.find((o) => o.flag === "--dns")!.paths, [
    "ipv4.dns",
    "ipv6.dns",
  ]);
  const pause = SETTING_OPTIONS.find((o) => o.flag === "--redial-pause")!;
  assert.deepEqual([pause.type, pause.min, pause.max, pause.key], [
    "seconds",
    0,
    86400,
    "redialPause",
  ]);
  assert.deepEqual(
    SETTING_OPTIONS.find((o) => o.flag === "--prerequisite-phonebook")!.requires,
    ["--prerequisite"],
  );
});

Deno.test("the named settings cover every key entry show prints", () => {
  const read = roundTrip({});
  const leaves = named.map((s) => s.path.split(".")[0]);
  assert.deepEqual(
    Object.keys(read).filter((k) => k !== "raw"),
    [...new Set(leaves)],
  );
});

Deno.test("README's settings table is the one scripts/gen_settings_table.ts writes", async () => {
  const readme = await Deno.readTextFile(new URL("../README.md", import.meta.url));
  assert.deepEqual(
    tableCells(readme),
    tableCells(settingsTable()),
    "run scripts/gen_settings_table.ts",
  );
  assert.equal(tableCells(readme).length, ENTRY_SETTINGS.length + 1);
});

/** True when two types are the same (checked when this file is type-checked, before it runs). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true
  : false;
/** The top-level keys the table's paths give (`ipv4.metric` -> `ipv4`). */
type TopKeys<P> = P extends `${infer H}.${string}` ? H : P;

Deno.test("the public Entry and EntrySettings types are derived from the table, key by key", () => {
  // Type-level: `deno test` type-checks this file, so a hand-written or stale type fails here.
  const keys: Equal<
    keyof Entry,
    "name" | "phonebook" | TopKeys<EntrySettingsTable[number]["path"]>
  > = true;
  const metric: Equal<Entry["ipv4"]["metric"], number | null> = true;
  const links: Equal<Entry["subEntries"], SubEntry[]> = true;
  const raw: Equal<Entry["raw"]["dwfOptions"], number> = true;
  const patchType: Equal<NonNullable<EntrySettings["type"]>, EntryType> = true;
  const patchKeys: Equal<keyof EntrySettings, TopKeys<EntrySettingsTable[number]["path"]>> = true;
  assert.deepEqual([keys, metric, links, raw, patchType, patchKeys], [
    true,
    true,
    true,
    true,
    true,
    true,
  ]);
  // And at run time: an entry read through the table has exactly those keys.
  const read = readSettings(RASENTRYW.decode(RASENTRYW.encode(newEntryDefaults("vpn"))));
  assert.deepEqual(
    Object.keys(read).sort(),
    [...new Set(ENTRY_SETTINGS.map((s) => s.path.split(".")[0]!))].sort(),
  );
});
