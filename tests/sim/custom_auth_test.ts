/**
 * RasGetCustomAuthDataW / RasSetCustomAuthDataW in the simulator: per-entry data stored as
 * Windows stores it (CustomAuthData= lines of up to 128 hex characters, ../shared/pbk/FORMAT.md
 * §2), the size protocol of RasGetCustomAuthData, and removal with size 0.
 */
import { deepEqual, equal } from "node:assert/strict";
import { cstr } from "../../ffi/wstr.ts";
import { buildSim, createSimHome } from "./harness.ts";
import { dword, keyValue, ras, sections, setEntry, vpnEntry } from "./_ras.ts";

await buildSim();

const ERROR_BUFFER_TOO_SMALL = 603;
const ERROR_CANNOT_FIND_PHONEBOOK_ENTRY = 623;
const E_INVALIDARG = 0x80070057;

Deno.test("custom auth data: set, sized get, stored as CustomAuthData hex lines, removed by size 0", async () => {
  await using home = await createSimHome({});
  home.activate();
  const pbk = cstr(home.userPbk);
  equal(setEntry("EAP VPN", vpnEntry("vpn.example.com"), home.userPbk), 0);
  const entry = cstr("EAP VPN");
  const data = Uint8Array.from({ length: 100 }, (_, i) => (i * 7 + 3) & 0xff);
  equal(ras().RasSetCustomAuthDataW(pbk, entry, data, data.length), 0);

  const size = dword(10);
  equal(ras().RasGetCustomAuthDataW(pbk, entry, new Uint8Array(10), size), ERROR_BUFFER_TOO_SMALL);
  equal(size[0], 100);
  equal(ras().RasGetCustomAuthDataW(pbk, entry, null, dword(0)), ERROR_BUFFER_TOO_SMALL);
  equal(ras().RasGetCustomAuthDataW(pbk, entry, new Uint8Array(1), null), E_INVALIDARG);
  const out = new Uint8Array(200);
  const got = dword(200);
  equal(ras().RasGetCustomAuthDataW(pbk, entry, out, got), 0);
  equal(got[0], 100);
  deepEqual(out.slice(0, 100), data);

  const [, lines] = sections(await Deno.readTextFile(home.userPbk))[0]!;
  const hex = lines.filter((l) => l.startsWith("CustomAuthData=")).map((l) => l.slice(15));
  deepEqual(hex.map((h) => h.length), [128, 72]);
  equal(hex.join(""), [...data].map((b) => b.toString(16).toUpperCase().padStart(2, "0")).join(""));
  const keyAt = lines.findIndex((l) => l.startsWith("CustomAuthKey="));
  equal(lines.findIndex((l) => l.startsWith("CustomAuthData=")), keyAt + 1);
  equal(keyValue(lines, "Type"), "2");

  equal(ras().RasSetCustomAuthDataW(pbk, entry, new Uint8Array(1), 0), 0);
  const none = dword(8);
  equal(ras().RasGetCustomAuthDataW(pbk, entry, new Uint8Array(8), none), 0);
  equal(none[0], 0);
  equal(
    ras().RasGetCustomAuthDataW(pbk, cstr("Missing"), out, dword(200)),
    ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,
  );
});
