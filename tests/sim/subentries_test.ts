/**
 * RasGet/Set/DeleteSubEntryPropertiesW and alternate numbers in the simulator: subentry 1 is the
 * entry's own link, an unknown index adds one, the size protocol, alternates after the struct,
 * dwSubEntries counts the links, and RasSetEntryProperties writes the first link's alternates.
 */
import { deepEqual, equal } from "node:assert/strict";
import { RASENTRYW, RASSUBENTRYW } from "../../ffi/structs.ts";
import { cstr, decodeMultiString, encodeMultiString } from "../../ffi/wstr.ts";
import { buildSim, createSimHome } from "./harness.ts";
import { dword, getEntry, modemEntry, ras, sections, setEntry } from "./_ras.ts";

await buildSim();

const ERROR_INVALID_PARAMETER = 87;
const ERROR_BUFFER_TOO_SMALL = 603;
const ERROR_CANNOT_FIND_PHONEBOOK_ENTRY = 623;
const ERROR_INVALID_SIZE = 632;
const MODEM = "Standard 56000 bps Modem";

function subBytes(phone: string, alternates: string[] = [], type = "modem", name = MODEM) {
  const list = encodeMultiString(alternates);
  const size = RASSUBENTRYW.size;
  const buf = new Uint8Array(size + list.length);
  buf.set(RASSUBENTRYW.encode({
    dwSize: size,
    szDeviceType: type,
    szDeviceName: name,
    szLocalPhoneNumber: phone,
    dwAlternateOffset: list.length ? size : 0,
  }));
  buf.set(list, size);
  return buf;
}

function getSub(pbk: string, entry: string, index: number) {
  const size = dword(RASSUBENTRYW.size);
  const probe = RASSUBENTRYW.encode({ dwSize: RASSUBENTRYW.size });
  let rc = ras().RasGetSubEntryPropertiesW(cstr(pbk), cstr(entry), index, probe, size, null, null);
  if (rc !== ERROR_BUFFER_TOO_SMALL && rc !== 0) return { rc };
  const buf = new Uint8Array(size[0]!);
  buf.set(probe);
  rc = ras().RasGetSubEntryPropertiesW(cstr(pbk), cstr(entry), index, buf, size, null, null);
  const s = RASSUBENTRYW.decode(buf, 0, RASSUBENTRYW.size);
  return {
    rc,
    type: s.szDeviceType,
    name: s.szDeviceName,
    phone: s.szLocalPhoneNumber,
    alternates: s.dwAlternateOffset ? decodeMultiString(buf.subarray(s.dwAlternateOffset)) : [],
    size: size[0],
  };
}

function setSub(pbk: string, entry: string, index: number, bytes: Uint8Array<ArrayBuffer>) {
  return ras().RasSetSubEntryPropertiesW(
    cstr(pbk),
    cstr(entry),
    index,
    bytes,
    bytes.length,
    null,
    0,
  );
}

Deno.test("subentry 1 is the entry's own link; an unknown index adds a link; dwSubEntries counts them", async () => {
  await using home = await createSimHome({});
  home.activate();
  const pbk = home.userPbk;
  equal(setEntry("ISP", modemEntry("5551000", { szDeviceName: MODEM }), pbk), 0);
  equal(getEntry("ISP", pbk).entry!.dwSubEntries, 1);
  deepEqual(getSub(pbk, "ISP", 1), {
    rc: 0,
    type: "modem",
    name: MODEM,
    phone: "5551000",
    alternates: [],
    size: RASSUBENTRYW.size,
  });
  equal(getSub(pbk, "ISP", 2).rc, ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
  // Index 9 does not match an existing one: a new subentry, appended as index 2.
  equal(setSub(pbk, "ISP", 9, subBytes("5552000", ["5552001", "5552002"])), 0);
  equal(getEntry("ISP", pbk).entry!.dwSubEntries, 2);
  const second = getSub(pbk, "ISP", 2);
  deepEqual([second.rc, second.phone, second.alternates], [0, "5552000", ["5552001", "5552002"]]);
  // The size protocol: the struct, then the alternates (NUL-terminated, then one more NUL).
  equal(second.size, RASSUBENTRYW.size + ("5552001".length + 1 + "5552002".length + 1 + 1) * 2);
  const text = await Deno.readTextFile(pbk);
  const [, lines] = sections(text)[0]!;
  equal(lines.filter((l) => l.startsWith("MEDIA=")).length, 2);
  deepEqual(lines.filter((l) => l.startsWith("PhoneNumber=")), [
    "PhoneNumber=5551000",
    "PhoneNumber=5552000",
    "PhoneNumber=5552001",
    "PhoneNumber=5552002",
  ]);
  // Changing index 2 rewrites it in place.
  equal(setSub(pbk, "ISP", 2, subBytes("5553000")), 0);
  deepEqual(getSub(pbk, "ISP", 2).alternates, []);
  equal(getSub(pbk, "ISP", 2).phone, "5553000");
  equal(getEntry("ISP", pbk).entry!.dwSubEntries, 2);
});

Deno.test("RasDeleteSubEntry removes a link, later ones move down; the only link stays", async () => {
  await using home = await createSimHome({});
  home.activate();
  const pbk = home.userPbk;
  equal(setEntry("ISP", modemEntry("5551000", { szDeviceName: MODEM }), pbk), 0);
  equal(setSub(pbk, "ISP", 2, subBytes("5552000")), 0);
  equal(setSub(pbk, "ISP", 3, subBytes("5553000")), 0);
  equal(ras().RasDeleteSubEntryW(cstr(pbk), cstr("ISP"), 2), 0);
  equal(getEntry("ISP", pbk).entry!.dwSubEntries, 2);
  equal(getSub(pbk, "ISP", 2).phone, "5553000");
  equal(ras().RasDeleteSubEntryW(cstr(pbk), cstr("ISP"), 5), ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
  equal(ras().RasDeleteSubEntryW(cstr(pbk), cstr("ISP"), 2), 0);
  equal(ras().RasDeleteSubEntryW(cstr(pbk), cstr("ISP"), 1), ERROR_INVALID_PARAMETER);
  equal(getEntry("ISP", pbk).entry!.dwSubEntries, 1);
  equal(getSub(pbk, "ISP", 1).phone, "5551000");
});

Deno.test("subentry calls refuse a bad dwSize, a list past the buffer, a new link without a device, a missing entry", async () => {
  await using home = await createSimHome({});
  home.activate();
  const pbk = home.userPbk;
  equal(setEntry("ISP", modemEntry("5551000", { szDeviceName: MODEM }), pbk), 0);
  const bad = subBytes("1");
  new DataView(bad.buffer).setUint32(0, 100, true);
  equal(setSub(pbk, "ISP", 2, bad), ERROR_INVALID_SIZE);
  const past = subBytes("1", ["2"]);
  equal(
    ras().RasSetSubEntryPropertiesW(cstr(pbk), cstr("ISP"), 2, past, RASSUBENTRYW.size, null, 0),
    ERROR_INVALID_PARAMETER,
  );
  equal(setSub(pbk, "ISP", 2, subBytes("1", [], "modem", "")), ERROR_INVALID_PARAMETER);
  equal(setSub(pbk, "Missing", 2, subBytes("1")), ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
  equal(getSub(pbk, "Missing", 1).rc, ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
  equal(getEntry("ISP", pbk).entry!.dwSubEntries, 1);
});

Deno.test("RasSetEntryProperties writes the alternates that follow the struct, and none for offset 0", async () => {
  await using home = await createSimHome({});
  home.activate();
  const pbk = home.userPbk;
  const fields = modemEntry("5551000", { szDeviceName: MODEM });
  const withList = (alternates: string[]) => {
    const struct = setEntryBytes(fields, alternates);
    return ras().RasSetEntryPropertiesW(cstr(pbk), cstr("ISP"), struct, struct.length, null, 0);
  };
  equal(withList(["5551001", "5551002"]), 0);
  deepEqual(getSub(pbk, "ISP", 1).alternates, ["5551001", "5551002"]);
  const text = await Deno.readTextFile(pbk);
  equal(withList(["5551001", "5551002"]), 0);
  equal(await Deno.readTextFile(pbk), text, "the same list leaves the book's lines as they are");
  equal(withList(["5551009"]), 0);
  deepEqual(getSub(pbk, "ISP", 1).alternates, ["5551009"]);
  equal(withList([]), 0);
  deepEqual(getSub(pbk, "ISP", 1).alternates, []);
  const [, lines] = sections(await Deno.readTextFile(pbk))[0]!;
  deepEqual(lines.filter((l) => l.startsWith("PhoneNumber=")), ["PhoneNumber=5551000"]);
});

/** A RASENTRYW followed by its alternates, dwAlternateOffset pointing at them. */
function setEntryBytes(fields: ReturnType<typeof modemEntry>, alternates: string[]) {
  const size = RASENTRYW.size;
  const list = encodeMultiString(alternates);
  const buf = new Uint8Array(size + list.length);
  buf.set(
    RASENTRYW.encode({ ...fields, dwAlternateOffset: list.length ? size : 0 }, { size }),
  );
  buf.set(list, size);
  return buf;
}
