/**
 * The real phone books of ../shared/pbk (read in place, never copied into the project): each
 * is loaded into a simulated machine, exported as a profile, set into an empty machine, and
 * exported again; the two exports must be equal. Each entry's keys that no API reaches are
 * reported by name (`notCarried`), and the test lists them per book.
 *
 * The custom authentication data (EAP configuration, book 01) is carried as `customAuthData`.
 * Not covered: alternate numbers, subentries.
 */

import assert from "node:assert/strict";
import { cliHome, rasctl } from "./_support/cli.ts";
import { REACHED_PBK_KEYS } from "../ras/phonebook_keys.ts";

const BOOKS = new URL("../../shared/pbk/", import.meta.url);
const books = [...Deno.readDirSync(BOOKS)].map((f) => f.name).filter((n) => n.endsWith(".pbk"))
  .sort();

Deno.test("there are real phone books to round-trip", () => {
  assert.ok(books.length >= 6, books.join(", "));
});

interface Device {
  type: string;
  name: string;
}

function sameType(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The entries a book keeps without a `Device=` line, read from its text. */
function withoutDeviceName(text: string): string[] {
  return text.split(/\r?\n(?=\[)/).flatMap((section) => {
    const name = /^\uFEFF?\[(.*)\]\r?$/m.exec(section)?.[1];
    return name !== undefined && !/^Device=./m.test(section) ? [name] : [];
  });
}

/** Each section's keys, read from the book's text (name -> keys in order, each once). */
function keysBySection(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let keys: string[] | null = null;
  for (const line of text.replace(/^\uFEFF/, "").split(/\r?\n/)) {
    const header = /^\[(.*)\]$/.exec(line);
    if (header) out.set(header[1]!, keys = []);
    else {
      const key = /^([^=]+)=/.exec(line)?.[1];
      if (keys && key !== undefined && !keys.includes(key)) keys.push(key);
    }
  }
  return out;
}

/** What the report of not-carried keys showed per book (printed once all books ran). */
const report: Record<string, Record<string, string[]>> = {};

for (const book of books) {
  Deno.test(`${book}: export, set into an empty machine, export again gives the same profile`, async () => {
    const text = await Deno.readTextFile(new URL(book, BOOKS));
    await using source = await cliHome({ userPbk: text });
    const first = await rasctl(source, ["profile", "export"]);
    assert.equal(first.code, 0, first.stderr);
    const exported = first.json as {
      entries: { name: string; device: Device; notCarried?: string[] }[];
    };
    assert.ok(exported.entries.length > 0);
    // Every key of the entry's section that is not reached is named, none is dropped.
    const sections = keysBySection(text);
    report[book] = {};
    for (const entry of exported.entries) {
      const keys = sections.get(entry.name);
      assert.ok(keys, `${entry.name} is a section of the book`);
      const expected = keys.filter((k) => !Object.hasOwn(REACHED_PBK_KEYS, k));
      assert.deepEqual(entry.notCarried, expected, `${entry.name}: keys not carried`);
      report[book][entry.name] = expected;
    }
    await using target = await cliHome();
    const file = `${target.path}/profile.json`;
    await Deno.writeTextFile(file, first.stdout);
    const set = await rasctl(target, ["profile", "set", file]);
    assert.equal(set.code, 0, set.stderr);
    const second = await rasctl(target, ["profile", "export"]);
    assert.equal(second.code, 0, second.stderr);
    // An entry its book keeps without a device name (no Device=) cannot be created so:
    // RasSetEntryProperties requires szDeviceName, so it gets a device of its type.
    const devices = (await rasctl(target, ["devices"])).json as { name: string; type: string }[];
    const again = second.json as typeof exported;
    const filled: string[] = [];
    exported.entries.forEach((entry, i) => {
      const now = again.entries[i]?.device;
      if (entry.device.name !== "" || !now) return;
      assert.ok(
        devices.some((d) => d.name === now.name && sameType(d.type, now.type)),
        `${entry.name}: ${JSON.stringify(now)} is no listed device of its type`,
      );
      filled.push(entry.name);
      now.name = "";
    });
    // The new book holds only what was carried (and Windows' own keys for a new entry), so
    // its report differs; the settings must not.
    const settings = (p: typeof exported) => p.entries.map(({ notCarried: _, ...rest }) => rest);
    assert.deepEqual(settings(again), settings(exported));
    assert.deepEqual(filled, withoutDeviceName(text), "the entries given a device");
    const test = await rasctl(target, ["profile", "test", file]);
    assert.equal(test.code, 0, test.stdout);
  });
}

Deno.test("book 01 (AOVPN) reports its NRPT rules and trusted networks as not carried", async () => {
  const name = books.find((b) => b.startsWith("01-"));
  assert.ok(name, books.join(", "));
  const text = await Deno.readTextFile(new URL(name, BOOKS));
  await using home = await cliHome({ userPbk: text });
  const out = await rasctl(home, ["profile", "export"]);
  assert.equal(out.code, 0, out.stderr);
  const [entry] = (out.json as { entries: { name: string; notCarried: string[] }[] }).entries;
  assert.equal(entry?.name, "Turner AlwaysOn VPN");
  for (const key of ["NumNrptRules", "NrptRules", "NumTrustedNetworks", "TrustedNetworks"]) {
    assert.ok(entry.notCarried.includes(key), `${key} in ${entry.notCarried.join(", ")}`);
  }
  // Its EAP configuration is carried: customAuthData is the bytes of its CustomAuthData lines.
  const hex = [...text.matchAll(/^CustomAuthData=(.*?)\r?$/gm)].map((m) => m[1]).join("");
  assert.ok(hex.length > 0);
  const bytes = (entry as { customAuthData?: string }).customAuthData;
  assert.equal(
    bytes && [...atob(bytes)].map((c) => c.charCodeAt(0).toString(16).padStart(2, "0")).join(""),
    hex.toLowerCase(),
  );
  assert.ok(!entry.notCarried.includes("CustomAuthData"));
  // get names them too.
  const file = `${home.path}/p.json`;
  await Deno.writeTextFile(file, JSON.stringify({ entries: [{ name: entry.name }] }));
  const got = await rasctl(home, ["profile", "get", file]);
  assert.equal(got.code, 0, got.stderr);
  const [state] = (got.json as { entries: { notCarried: string[] }[] }).entries;
  assert.deepEqual(state?.notCarried, entry.notCarried);
});

Deno.test({
  name: "report: the keys each real book's entries do not carry",
  // Runs last (tests run in file order), after every book above filled `report`.
  fn() {
    assert.deepEqual(Object.keys(report).sort(), books);
    for (const [book, entries] of Object.entries(report)) {
      const keys = [...new Set(Object.values(entries).flat())];
      console.log(`${book}: ${keys.length ? keys.join(", ") : "(none)"}`);
    }
  },
});
