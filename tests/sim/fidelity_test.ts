/**
 * Entries Windows accepts, and the Windows versions (tests/sim/README.md "Behaviours and their
 * sources"): devices must be ones RasEnumDevices lists, RasGetEntryProperties(pbk, "") is the
 * default entry, RASET_Direct is gone, and each emulated version accepts exactly its dwSize
 * values (../shared/abi/rasapi32.x64.json sizes_by_winver).
 *
 * @module
 */
import { deepEqual, equal } from "node:assert/strict";
import { RASDIALPARAMSW, RASENTRYW } from "../../ffi/structs.ts";
import { cstr } from "../../ffi/wstr.ts";
import { loadAbiFacts } from "../_abi.ts";
import { buildSim, createSimHome, type SimHome, type SimWindows } from "./harness.ts";
import { dword, getEntry, modemEntry, ras, setEntry, vpnEntry } from "./_ras.ts";

await buildSim();

async function emptyBook(h: SimHome): Promise<string> {
  const book = h.userPbk;
  await Deno.mkdir(book.slice(0, book.lastIndexOf("/")), { recursive: true });
  await Deno.writeTextFile(book, "");
  return book;
}

Deno.test("RasSetEntryProperties refuses a device RasEnumDevices does not list with 87, and accepts a listed one in any case", async () => {
  await using h = await createSimHome();
  h.activate();
  const book = await emptyBook(h);
  // A name no device of this machine has, and a listed name under the wrong type.
  equal(setEntry("A", vpnEntry("a.example", { szDeviceName: "WAN Miniport (IKEv3)" }), book), 87);
  equal(setEntry("B", vpnEntry("b.example", { szDeviceType: "modem" }), book), 87);
  equal(setEntry("C", modemEntry("555", { szDeviceName: "Modem" }), book), 87);
  equal(await Deno.readTextFile(book), "", "nothing was written");
  equal(setEntry("D", vpnEntry("d.example", { szDeviceName: "wan miniport (sstp)" }), book), 0);
  equal(setEntry("E", modemEntry("555"), book), 0);
  // Changing an existing entry to a device that does not exist is refused too ...
  equal(setEntry("E", modemEntry("555", { szDeviceName: "Modem" }), book), 87);
});

Deno.test("RasSetEntryProperties writes back an existing entry with the device its book holds, listed or not", async () => {
  await using h = await createSimHome({
    userPbk: "[Old]\r\nEncoding=1\r\nType=2\r\n\r\nMEDIA=rastapi\r\nPort=VPN2-0\r\n" +
      "Device=WAN-Miniport (IKEv2)\r\n\r\nDEVICE=vpn\r\nPhoneNumber=old.example\r\n",
  });
  h.activate();
  const read = getEntry("Old", h.userPbk);
  equal(read.rc, 0);
  equal(read.entry!.szDeviceName, "WAN-Miniport (IKEv2)", "a German machine's name");
  equal(setEntry("Old", { ...read.entry!, szDnsSuffix: "corp.example" }, h.userPbk), 0);
  equal(getEntry("Old", h.userPbk).entry!.szDnsSuffix, "corp.example");
});

Deno.test("RasGetEntryProperties with an empty entry name returns the default entry, with world.ini's [default entry] values", async () => {
  await using h = await createSimHome({
    world: {
      defaultEntry: { IdleDisconnectSeconds: 900, RedialAttempts: 7, IpDnsSuffix: "d.example" },
    },
  });
  h.activate();
  const d = getEntry("");
  equal(d.rc, 0);
  const e = d.entry!;
  equal(e.dwIdleDisconnectSeconds, 900);
  equal(e.dwRedialCount, 7);
  equal(e.szDnsSuffix, "d.example");
  // The template's own values (Windows 10's keys for a new entry).
  equal(e.dwType, 2, "Type=2");
  equal(e.dwRedialPause, 60, "RedialSeconds=60");
  equal(e.dwSize, RASENTRYW.size, "dwSize as given");
  // Without the section: the template.
  await h.writeWorld({});
  equal(getEntry("").entry!.dwIdleDisconnectSeconds, 0);
});

Deno.test("RASET_Direct is refused with 87 on every emulated version (gone since Windows Vista)", async () => {
  await using h = await createSimHome();
  h.activate();
  const book = await emptyBook(h);
  for (const windows of ["win7", "win8", "win81", "win10-1709", "win10"] as const) {
    await h.writeWorld({ machine: { windows } });
    const size = windows === "win10" ? 6724 : 5680;
    equal(setEntry("Cable", modemEntry("555", { dwType: 3 }), book, size), 87, windows);
    equal(setEntry("Phone", modemEntry("555", { dwType: 1 }), book, size), 0, windows);
  }
});

type Abi = { structs: Record<string, { sizes_by_winver: Record<string, number> }> };

/** The dwSize values a version accepts: every level up to its own (rasapi32.x64.json). */
function accepted(abi: Abi, struct: string, level: number, except: number[] = []): number[] {
  const sizes = Object.entries(abi.structs[struct]!.sizes_by_winver)
    .filter(([winver]) => Number(winver) <= level)
    .map(([, size]) => size)
    .filter((s) => !except.includes(s));
  return [...new Set(sizes)].sort((a, b) => a - b);
}

Deno.test("each Windows version accepts exactly its dwSize values and refuses every other with 632", async () => {
  const abi = await loadAbiFacts("rasapi32.x64.json") as Abi;
  const versions: [SimWindows, number, number[]][] = [
    ["win7", 0x601, []],
    ["win8", 0x602, []],
    ["win81", 0x603, []],
    // SDK 16299's Ras.h has no 0xA00 RASENTRY block (../shared/abi/README.md disagreement 3).
    ["win10-1709", 0xA00, [6724]],
    ["win10", 0xA00, []],
    ["win11", 0xA00, []],
  ];
  await using h = await createSimHome();
  h.activate();
  const book = await emptyBook(h);
  equal(setEntry("E", vpnEntry("e.example"), book, 5680), 0);
  const candidates = (struct: string) => [
    ...new Set([
      ...Object.values(abi.structs[struct]!.sizes_by_winver),
      8,
      4000,
      6000,
      7000,
    ]),
  ];
  for (const [windows, level, except] of versions) {
    await h.writeWorld({ machine: { windows } });
    const entryOk = candidates("RASENTRYW").filter((s) => getEntry("E", book, s).rc === 0);
    deepEqual(entryOk.sort((a, b) => a - b), accepted(abi, "RASENTRYW", level, except), windows);
    for (const s of candidates("RASENTRYW")) {
      if (!entryOk.includes(s)) equal(getEntry("E", book, s).rc, 632, `${windows} ${s}`);
    }
    const paramsOk = candidates("RASDIALPARAMSW").filter((size) => {
      const p = RASDIALPARAMSW.encode({ szEntryName: "E" });
      new DataView(p.buffer).setUint32(0, size, true);
      const rc = ras().RasGetEntryDialParamsW(cstr(book), p, dword());
      return rc === 0;
    });
    deepEqual(paramsOk.sort((a, b) => a - b), accepted(abi, "RASDIALPARAMSW", level), windows);
    const namesOk = candidates("RASENTRYNAMEW").filter((size) => {
      const buf = new Uint8Array(Math.max(size, 4) * 4);
      new DataView(buf.buffer).setUint32(0, size, true);
      return ras().RasEnumEntriesW(null, cstr(book), buf, dword(buf.length), dword()) === 0;
    });
    deepEqual(namesOk.sort((a, b) => a - b), accepted(abi, "RASENTRYNAMEW", level), windows);
    // The newest RASENTRY size is what a NULL buffer asks for.
    const cb = dword(0);
    equal(ras().RasGetEntryPropertiesW(cstr(book), cstr("E"), null, cb, null, null), 603);
    equal(cb[0], Math.max(...accepted(abi, "RASENTRYW", level, except)), windows);
  }
});

Deno.test("RASSIM_WINVER picks the version for the process, over world.ini", async () => {
  await using h = await createSimHome({ world: { machine: { windows: "win10" } } });
  const book = await emptyBook(h);
  const script = `
    import { getEntry, setEntry, vpnEntry } from "./tests/sim/_ras.ts";
    const book = ${JSON.stringify(book)};
    console.log(JSON.stringify([setEntry("E", vpnEntry("e.example"), book, 5680),
      getEntry("E", book, 6724).rc, getEntry("E", book, 5680).rc]));`;
  const run = async (env: Record<string, string>) => {
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["eval", "--ext=ts", script],
      env: { ...h.env, ...env },
      cwd: new URL("../../", import.meta.url).pathname,
      stdout: "piped",
      stderr: "piped",
    }).output();
    equal(out.code, 0, new TextDecoder().decode(out.stderr));
    return JSON.parse(new TextDecoder().decode(out.stdout));
  };
  deepEqual(await run({ RASSIM_WINVER: "win10-1709" }), [0, 632, 0]);
  deepEqual(await run({ RASSIM_WINVER: "win7" }), [0, 632, 0]);
  deepEqual(await run({}), [0, 0, 0], "world.ini's win10 when RASSIM_WINVER is not set");
});
