// `entry list --details`: every entry's settings in one run (the RasCtl module's Get-RasEntry).
import { deepEqual, equal } from "node:assert/strict";
import { cliHome, rasctl } from "./_support/cli.ts";

Deno.test("entry list --details prints each entry as entry show does, in one run", async () => {
  await using home = await cliHome();
  for (const [name, server] of [["Corp", "vpn.example.com"], ["Home", "home.example.com"]]) {
    const made = await rasctl(home, ["entry", "new", name!, "--server", server!]);
    equal(made.code, 0, made.stderr);
  }
  const details = await rasctl(home, ["entry", "list", "--details"]);
  equal(details.code, 0, details.stderr);
  const shown = [];
  for (const name of ["Corp", "Home"]) {
    shown.push((await rasctl(home, ["entry", "show", name])).json);
  }
  const listed = details.json as { name: string }[];
  deepEqual([...listed].sort((a, b) => a.name.localeCompare(b.name)), shown);
  equal((listed.find((e) => e.name === "Home") as { server?: string }).server, "home.example.com");
});

Deno.test("entry list without --details still prints only names, scopes and phone books", async () => {
  await using home = await cliHome();
  await rasctl(home, ["entry", "new", "Corp", "--server", "vpn.example.com"]);
  const r = await rasctl(home, ["entry", "list"]);
  deepEqual(Object.keys((r.json as object[])[0]!).sort(), ["name", "phonebook", "scope"]);
});
