/**
 * The real phone books of ../shared/pbk (read in place, never copied into the project): each
 * is loaded into a simulated machine, exported as a profile, set into an empty machine, and
 * exported again; the two exports must be equal. Each entry's keys that no API reaches are
 * reported by name (`notCarried`), and the test lists them per book.
 *
 * The custom authentication data (EAP configuration, book 01) is carried as `customAuthData`;
 * alternate numbers as `alternates` and multilink subentries as `subEntries`, each checked
 * against the book's own MEDIA/DEVICE blocks. None of the real books has alternates or
 * subentries, so `tests/fixtures/pbk/` adds one synthetic book that has both (written by hand in
 * FORMAT.md's layout), round-tripped the same way.
 */

import assert from "node:assert/strict";
import { cliHome, rasctl } from "./_support/cli.ts";
import { REACHED_PBK_KEYS } from "../ras/phonebook_keys.ts";

const BOOKS = new URL("../../shared/pbk/", import.meta.url);
const SYNTHETIC = new URL("./fixtures/pbk/", import.meta.url);
const pbkFiles = (dir: URL) =>
  [...Deno.readDirSync(dir)].map((f) => f.name).filter((n) => n.endsWith(".pbk")).sort();
const books = pbkFiles(BOOKS);
/** Every book round-tripped: the real ones, then the synthetic one(s). */
const allBooks = [
  ...books.map((name) => ({ name, url: new URL(name, BOOKS) })),
  ...pbkFiles(SYNTHETIC).map((name) => ({ name, url: new URL(name, SYNTHETIC) })),
];

Deno.test("there are real phone books to round-trip", () => {
  assert.ok(books.length >= 6, books.join(", "));
  assert.ok(allBooks.length > books.length, "and the synthetic book with alternates and links");
});

/** One link of an entry as its book writes it: a MEDIA block's Device= and its DEVICE block. */
interface Link {
  device: Device;
  numbers: string[];
}

/** Each section's links (MEDIA blocks), read from the book's text. */
function linksBySection(text: string): Map<string, Link[]> {
  const out = new Map<string, Link[]>();
  let links: Link[] = [];
  for (const line of text.replace(/^\uFEFF/, "").split(/\r?\n/)) {
    const header = /^\[(.*)\]$/.exec(line);
    if (header) out.set(header[1]!, links = []);
    else if (line.startsWith("MEDIA=")) links.push({ device: { type: "", name: "" }, numbers: [] });
    else if (links.length && line.startsWith("Device=")) links.at(-1)!.device.name = line.slice(7);
    else if (links.length && line.startsWith("DEVICE=")) links.at(-1)!.device.type = line.slice(7);
    else if (links.length && line.startsWith("PhoneNumber=")) {
      links.at(-1)!.numbers.push(line.slice(12));
    }
  }
  return out;
}

/** How many alternates and subentries each book carried (printed by the report). */
const carried: Record<string, { alternates: number; subEntries: number }> = {};

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

for (const { name: book, url } of allBooks) {
  Deno.test(`${book}: export, set into an empty machine, export again gives the same profile`, async () => {
    const text = await Deno.readTextFile(url);
    await using source = await cliHome({ userPbk: text });
    const first = await rasctl(source, ["profile", "export"]);
    assert.equal(first.code, 0, first.stderr);
    const exported = first.json as {
      entries: {
        name: string;
        device: Device;
        notCarried?: string[];
        alternates: string[];
        subEntries: { device: Device; server: string; alternates: string[] }[];
      }[];
    };
    assert.ok(exported.entries.length > 0);
    // The alternates and subentries are the book's own: its first link's numbers after the
    // first, and its later MEDIA blocks.
    const linked = linksBySection(text);
    carried[book] = { alternates: 0, subEntries: 0 };
    for (const entry of exported.entries) {
      const links = linked.get(entry.name) ?? [];
      assert.deepEqual(entry.alternates, links[0]?.numbers.slice(1) ?? [], `${entry.name}`);
      assert.deepEqual(
        entry.subEntries,
        links.slice(1).map((l) => ({
          device: l.device,
          server: l.numbers[0] ?? "",
          alternates: l.numbers.slice(1),
        })),
        `${entry.name}: subEntries`,
      );
      carried[book].alternates += entry.alternates.length +
        entry.subEntries.reduce((n, sub) => n + sub.alternates.length, 0);
      carried[book].subEntries += entry.subEntries.length;
    }
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
    assert.deepEqual(Object.keys(report).sort(), allBooks.map((b) => b.name).sort());
    for (const [book, entries] of Object.entries(report)) {
      const keys = [...new Set(Object.values(entries).flat())];
      const { alternates, subEntries } = carried[book]!;
      console.log(
        `${book}: carried ${alternates} alternate number(s), ${subEntries} subentr(y/ies); ` +
          `not carried: ${keys.length ? keys.join(", ") : "(none)"}`,
      );
    }
    // The synthetic book is there for what the real ones lack.
    const synthetic = allBooks.filter((b) => !books.includes(b.name)).map((b) => carried[b.name]!);
    assert.ok(synthetic.some((c) => c.alternates > 0 && c.subEntries > 0));
  },
});
