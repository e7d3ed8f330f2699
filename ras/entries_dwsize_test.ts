/**
 * The decoded dwSize never overrides the negotiated one (ras/entries.ts writeStruct). Windows
 * returns the dwSize it was given, so a struct read and written in one process agree unless
 * the size negotiated for the write differs from the read's: the simulator's test control
 * `switchWindowsAfterGets` turns Windows 10 into Windows 7 between the read and the write
 * (tests/sim/README.md), and the write must then send 5680 in dwSize, not the 6724 it read.
 *
 * @module
 */
import { equal } from "node:assert/strict";
import { resetNegotiatedSizes } from "../ffi/negotiate.ts";
import { createSimHome } from "../tests/sim/harness.ts";
import { createEntry, getEntry, updateEntry } from "./entries.ts";

Deno.test("updateEntry writes the dwSize it negotiates for the write, not the one it read", async () => {
  await using home = await createSimHome({ world: { machine: { windows: "win10" } } });
  home.activate();
  resetNegotiatedSizes();
  const phonebook = home.userPbk;
  await createEntry("Corp", { server: "vpn.example.com" }, { phonebook });
  equal(home.query().lastSizes.RASENTRY, 6724, "created on Windows 10 at its size");
  // updateEntry reads twice (the lookup, then the struct with its alternates) at 6724; after
  // the second read the machine is Windows 7, which refuses 6724 with 632.
  await home.writeWorld({
    machine: { windows: "win10", switchWindowsAfterGets: 2, switchWindowsTo: "win7" },
  });
  const changed = await updateEntry("Corp", { dnsSuffix: "corp.example" }, { phonebook });
  equal(changed.dnsSuffix, "corp.example");
  equal(home.query().lastSizes.RASENTRY, 5680, "written at Windows 7's size");
  equal(getEntry("Corp", { phonebook }).dnsSuffix, "corp.example");
  resetNegotiatedSizes();
});
