/**
 * Values that reach a phone book: every RASENTRYW text member, taken from the struct
 * declaration, is tried with CR, LF, NUL, U+0001 and U+007F through each way a user can set
 * it (its option, and its JSON path in `--from`): each is refused with exit 2 naming the option
 * or path, and the phone book stays byte-identical.
 *
 * @module
 */

import { deepEqual, equal, ok } from "node:assert/strict";
import { cliHome, rasctl } from "./_support/cli.ts";
import { ENTRY_TEXT_MEMBERS } from "../ras/entry_text.ts";

/** How a user sets a member: its option (with what it needs beside) and its JSON path. */
interface Reach {
  option?: { flag: string; extra?: string[] };
  json: string;
}

/**
 * Every text member of RASENTRYW, and how input reaches it. `null`: no option and no JSON path
 * writes it (rasctl keeps what the book holds). The keys must be exactly the members of the
 * declaration, so a new member fails this test until it is listed here.
 */
const REACH: Record<string, Reach | null> = {
  szAreaCode: { json: "raw.szAreaCode" },
  szLocalPhoneNumber: { option: { flag: "--server" }, json: "server" },
  szScript: { json: "raw.szScript" },
  szAutodialDll: null,
  szAutodialFunc: null,
  szDeviceType: { option: { flag: "--device-type" }, json: "device.type" },
  szDeviceName: { option: { flag: "--device-name" }, json: "device.name" },
  szX25PadType: null,
  szX25Address: null,
  szX25Facilities: null,
  szX25UserData: null,
  szCustomDialDll: { json: "raw.szCustomDialDll" },
  szDnsSuffix: { option: { flag: "--dns-suffix" }, json: "dnsSuffix" },
  szPrerequisitePbk: {
    option: { flag: "--prerequisite-phonebook", extra: ["--prerequisite", "ISP"] },
    json: "prerequisite.phonebook",
  },
  szPrerequisiteEntry: { option: { flag: "--prerequisite" }, json: "prerequisite.entry" },
  szIDi: { json: "raw.szIDi" },
  szIDr: { json: "raw.szIDr" },
};

const BAD = ["\r", "\n", "\0", "\u0001", "\u007f"];
const show = (c: string) => `U+${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** `{a: {b: value}}` for the path `a.b`; a prerequisite always has an entry. */
function settingsAt(path: string, value: string): Record<string, unknown> {
  if (path === "prerequisite.phonebook") {
    return { prerequisite: { entry: "ISP", phonebook: value } };
  }
  if (path === "prerequisite.entry") return { prerequisite: { entry: value, phonebook: null } };
  const keys = path.split(".");
  return keys.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value) as Record<
    string,
    unknown
  >;
}

Deno.test("the text-member table lists exactly RASENTRYW's WCHAR members", () => {
  deepEqual(Object.keys(REACH).sort(), [...ENTRY_TEXT_MEMBERS].sort());
  ok(ENTRY_TEXT_MEMBERS.includes("szDnsSuffix"));
  equal(ENTRY_TEXT_MEMBERS.length, 17);
});

Deno.test("every text member refuses CR, LF, NUL, U+0001 and U+007F with exit 2 and leaves the book byte-identical", async () => {
  await using home = await cliHome();
  const book = `${home.path}/text.pbk`;
  for (const name of ["Good", "ISP"]) {
    const made = await rasctl(home, [
      "entry",
      "new",
      name,
      "--phonebook",
      book,
      "--server",
      "vpn.example.com",
    ]);
    equal(made.code, 0, made.stderr);
  }
  const before = await Deno.readFile(book);
  const cases: { label: string; args: string[]; fields: string[] }[] = [];
  for (const member of ENTRY_TEXT_MEMBERS) {
    const reach = REACH[member];
    if (!reach) continue;
    for (const c of BAD) {
      const value = `a${c}b`;
      const file = `${home.path}/${member}-${show(c)}.json`;
      await Deno.writeTextFile(file, JSON.stringify(settingsAt(reach.json, value)));
      const fields = [reach.json, ...(reach.option ? [reach.option.flag] : [])];
      cases.push({
        label: `${member} ${show(c)} via --from ${reach.json}`,
        args: ["entry", "set", "Good", "--phonebook", book, "--from", file],
        fields,
      });
      // An argument cannot hold NUL (the OS ends it there), so NUL goes only through --from.
      if (reach.option && c !== "\0") {
        cases.push({
          label: `${member} ${show(c)} via ${reach.option.flag}`,
          args: [
            "entry",
            "set",
            "Good",
            "--phonebook",
            book,
            ...(reach.option.extra ?? []),
            reach.option.flag,
            value,
          ],
          fields,
        });
      }
    }
  }
  ok(cases.length >= 60, `only ${cases.length} cases`);
  for (let i = 0; i < cases.length; i += 4) {
    await Promise.all(
      cases.slice(i, i + 4).map(async (t) => {
        const run = await rasctl(home, t.args);
        equal(run.code, 2, `${t.label}: ${run.stderr}`);
        equal(run.stdout, "", t.label);
        equal(run.error?.name, "UsageError", t.label);
        ok(t.fields.includes(String(run.error?.field)), `${t.label}: field ${run.error?.field}`);
      }),
    );
    deepEqual(await Deno.readFile(book), before, cases[i]!.label);
  }
});

Deno.test("the issue's injection through --dns-suffix is refused by entry new and entry set", async () => {
  await using home = await cliHome();
  const book = `${home.path}/inject.pbk`;
  const made = await rasctl(home, [
    "entry",
    "new",
    "Good",
    "--phonebook",
    book,
    "--server",
    "vpn.example.com",
  ]);
  equal(made.code, 0, made.stderr);
  const before = await Deno.readFile(book);
  const evil = "corp\r\n[Injected]\r\nPhoneNumber=evil.example.com";
  for (const verb of ["set", "new"]) {
    const name = verb === "set" ? "Good" : "Other";
    const run = await rasctl(home, [
      "entry",
      verb,
      name,
      "--phonebook",
      book,
      "--server",
      "vpn.example.com",
      "--dns-suffix",
      evil,
    ]);
    equal(run.code, 2, run.stderr);
    equal(run.error?.field, "--dns-suffix");
    // The option's own type or the phone-book check refuses it; either names the rule.
    ok(String(run.error?.message).includes("control characters"), run.stderr);
  }
  deepEqual(await Deno.readFile(book), before);
  const list = await rasctl(home, ["entry", "list", "--phonebook", book]);
  deepEqual((list.json as { name: string }[]).map((e) => e.name), ["Good"]);
});
