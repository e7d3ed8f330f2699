/**
 * `entry set` writes an entry back with its alternate phone numbers: dwAlternateOffset is only
 * written together with the list it points at (RASENTRYW dwAlternateOffset: "The alternate phone
 * number strings are stored in memory following the structure"), and dwSize is the negotiated
 * one.
 *
 * @module
 */

import { equal, ok } from "node:assert/strict";
import { cliHome, rasctl } from "./_support/cli.ts";

Deno.test("entry set of an entry with alternate numbers writes them back with the struct and keeps them", async () => {
  await using home = await cliHome();
  const book = `${home.path}/alt.pbk`;
  const made = await rasctl(home, [
    "-q",
    "entry",
    "new",
    "ISP",
    "--phonebook",
    book,
    "--type",
    "phone",
    "--server",
    "5551234",
    "--device-name",
    "Standard 56000 bps Modem",
  ]);
  equal(made.code, 0, made.stderr);
  // rasphone.pbk lists one PhoneNumber group per number; the ones after the first are the
  // alternates RasGetEntryProperties returns after the struct.
  const text = await Deno.readTextFile(book);
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const first = `PhoneNumber=5551234${eol}`;
  ok(text.includes(first), text);
  await Deno.writeTextFile(book, text.replace(first, `${first}PhoneNumber=5559999${eol}`));
  const set = await rasctl(home, [
    "-q",
    "entry",
    "set",
    "ISP",
    "--phonebook",
    book,
    "--dns-suffix",
    "corp.example",
  ]);
  equal(set.code, 0, set.stderr);
  const after = await Deno.readTextFile(book);
  ok(after.includes(`${first}PhoneNumber=5559999${eol}`), after);
  const show = await rasctl(home, ["entry", "show", "ISP", "--phonebook", book]);
  equal(show.code, 0, show.stderr);
  equal((show.json as { dnsSuffix: string }).dnsSuffix, "corp.example");
  equal((show.json as { server: string }).server, "5551234");
});
