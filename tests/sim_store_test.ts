/**
 * The simulator as a faithful witness of phone-book integrity (tests/sim/README.md): its
 * credential store is owner-only (0600), a save that would pass the store's or a book's size
 * limit fails instead of dropping records or writing what cannot be read back, and temporary
 * files of an interrupted save are removed by the next save.
 *
 * @module
 */

import { deepEqual, equal, ok } from "node:assert/strict";
import { cliHome, rasctl } from "./_support/cli.ts";

const LIMIT = 4 * 1024 * 1024;

Deno.test("the simulator's credential store is readable by its owner only (0600)", async () => {
  await using home = await cliHome();
  const pb = ["--phonebook", `${home.path}/c.pbk`];
  equal((await rasctl(home, ["entry", "new", "A", ...pb, "--server", "vpn.example.com"])).code, 0);
  const set = await rasctl(home, ["creds", "set", "A", ...pb, "--user", "u"]);
  equal(set.code, 0, set.stderr);
  equal((await Deno.stat(`${home.path}/credentials.state`)).mode! & 0o777, 0o600);
});

Deno.test("the next save removes the temporary files an interrupted save left", async () => {
  await using home = await cliHome();
  const book = `${home.path}/t.pbk`;
  const pb = ["--phonebook", book];
  equal((await rasctl(home, ["entry", "new", "A", ...pb, "--server", "vpn.example.com"])).code, 0);
  const debris = [`${book}.tmp4242.0a0b0c0d`, `${home.path}/credentials.state.tmp4243.01020304`];
  for (const d of debris) await Deno.writeTextFile(d, "half a save");
  equal((await rasctl(home, ["entry", "set", "A", ...pb, "--redial-attempts", "4"])).code, 0);
  equal((await rasctl(home, ["creds", "set", "A", ...pb, "--user", "u"])).code, 0);
  for (const d of debris) {
    await Deno.stat(d).then(
      () => ok(false, `${d} is still there`),
      (e) => ok(e instanceof Deno.errors.NotFound),
    );
  }
});

Deno.test("a credential save past the store's limit fails and keeps every record", async () => {
  await using home = await cliHome();
  const book = `${home.path}/s.pbk`;
  const pb = ["--phonebook", book];
  equal((await rasctl(home, ["entry", "new", "A", ...pb, "--server", "vpn.example.com"])).code, 0);
  // Records of other entries filling the store to just under its limit.
  const line = (i: number) => `${book}\tOther${i}\t1\t${"u".repeat(200)}\t\t\t\talice\n`;
  let text = "";
  for (let i = 0; text.length + line(i).length < LIMIT - 1000; i++) text += line(i);
  // One last record brings the store to exactly 100 bytes under the limit.
  const last = `${book}\tLast\t1\t\t\t\t\talice\n`;
  text += last.replace("\t1\t", `\t1\t${"u".repeat(LIMIT - 100 - text.length - last.length)}`);
  equal(text.length, LIMIT - 100);
  const store = `${home.path}/credentials.state`;
  await Deno.writeTextFile(store, text);
  const before = await Deno.readFile(store);
  const run = await rasctl(home, ["creds", "set", "A", ...pb, "--user", "x".repeat(200)]);
  equal(run.error?.code, 8, run.stderr);
  deepEqual(await Deno.readFile(store), before);
  // A store past the limit cannot be read: it is never replaced by one holding a single record.
  await Deno.writeTextFile(store, text + line(999999).repeat(20));
  const big = await Deno.readFile(store);
  const again = await rasctl(home, ["creds", "set", "A", ...pb, "--user", "y"]);
  equal(again.error?.code, 8, again.stderr);
  deepEqual(await Deno.readFile(store), big);
});

Deno.test("a phone-book save past the size the simulator reads fails with 624 and keeps the book", async () => {
  await using home = await cliHome();
  const book = `${home.path}/big.pbk`;
  let text = "[Pad]\r\n";
  const pad = `RasSim.pad=${"0".repeat(1000)}\r\n`;
  while (text.length + pad.length < LIMIT - 200) text += pad;
  await Deno.writeTextFile(book, text);
  const list = await rasctl(home, ["entry", "list", "--phonebook", book]);
  equal(list.code, 0, list.stderr);
  const run = await rasctl(home, [
    "entry",
    "new",
    "A",
    "--phonebook",
    book,
    "--server",
    "vpn.example.com",
  ]);
  equal(run.error?.code, 624, run.stderr);
  equal(await Deno.readTextFile(book), text);
});
