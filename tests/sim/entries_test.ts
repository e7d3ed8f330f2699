import { fileURLToPath } from "node:url";
import { deepEqual, equal, notEqual, ok } from "node:assert/strict";
import { RASDEVINFOW, RASENTRYNAMEW, RASENTRYW } from "../../ffi/structs.ts";
import { cstr, fromCstr } from "../../ffi/wstr.ts";
import { buildSim, createSimHome } from "./harness.ts";
import {
  dword,
  enumEntries,
  getEntry,
  keyValue,
  ras,
  sectionNames,
  sections,
  setEntry,
  vpnEntry,
} from "./_ras.ts";

// The real phone books are read where they live, beside the project (CI has them); a lone
// clone (the GitHub workflow's) skips the tests that need them.
const PBK_DIR = new URL("../../../shared/pbk/", import.meta.url);
const NO_REAL_BOOKS = !(() => {
  try {
    return Deno.statSync(PBK_DIR).isDirectory;
  } catch {
    return false;
  }
})();
const REAL_BOOKS = NO_REAL_BOOKS
  ? []
  : [...Deno.readDirSync(PBK_DIR)].map((e) => e.name).filter((n) => n.endsWith(".pbk")).sort();

await buildSim();

Deno.test("RasEnumEntriesW: the default books merge all-users then user with REN_ flags", async () => {
  await using home = await createSimHome({
    allUsersPbk: "[Shared VPN]\r\nMEDIA=rastapi\r\nDEVICE=vpn\r\nPhoneNumber=a.example\r\n",
    userPbk: "[Mine]\nMEDIA=rastapi\nDEVICE=vpn\nPhoneNumber=b.example\n",
  });
  home.activate();
  const { rc, entries } = enumEntries();
  equal(rc, 0);
  deepEqual(entries.map((e) => [e.szEntryName, e.dwFlags, e.szPhonebookPath]), [
    ["Shared VPN", 1, home.allUsersPbk],
    ["Mine", 0, home.userPbk],
  ]);
});

Deno.test("RasEnumEntriesW: a NULL buffer gets ERROR_BUFFER_TOO_SMALL with the needed size", async () => {
  await using home = await createSimHome({ userPbk: "[A]\n[B]\n[C]\n" });
  home.activate();
  const cb = dword(0);
  const count = dword(0);
  equal(ras().RasEnumEntriesW(null, null, null, cb, count), 603);
  equal(cb[0], 3 * RASENTRYNAMEW.size);
  equal(count[0], 3);
  const small = new Uint8Array(RASENTRYNAMEW.size);
  new DataView(small.buffer).setUint32(0, RASENTRYNAMEW.size, true);
  const cb2 = dword(small.length);
  equal(ras().RasEnumEntriesW(null, null, small, cb2, count), 603);
  equal(cb2[0], 3 * RASENTRYNAMEW.size);
});

Deno.test("RasEnumEntriesW: no books at all is success with zero entries", async () => {
  await using home = await createSimHome();
  home.activate();
  const cb = dword(0);
  const count = dword(7);
  equal(ras().RasEnumEntriesW(null, null, null, cb, count), 0);
  deepEqual([cb[0], count[0]], [0, 0]);
});

Deno.test("RasEnumEntriesW: the first element's dwSize decides the element size (520 = NT4)", async () => {
  await using home = await createSimHome({ userPbk: "[One]\n[Two]\n" });
  home.activate();
  const { rc, entries } = enumEntries(undefined, 520);
  equal(rc, 0);
  deepEqual(entries.map((e) => [e.dwSize, e.szEntryName, e.szPhonebookPath]), [
    [520, "One", ""],
    [520, "Two", ""],
  ]);
  const bad = new Uint8Array(2000);
  new DataView(bad.buffer).setUint32(0, 1000, true);
  equal(ras().RasEnumEntriesW(null, null, bad, dword(2000), dword()), 632);
});

Deno.test("RasEnumEntriesW: an explicit missing phone book is ERROR_CANNOT_OPEN_PHONEBOOK", async () => {
  await using home = await createSimHome();
  home.activate();
  equal(enumEntries(`${home.path}/nope.pbk`).rc, 621);
});

Deno.test("RasEnumEntriesW: grow-next-enum makes the fetch call see more entries", async () => {
  await using home = await createSimHome({ userPbk: "[A]\n" });
  home.activate();
  home.command("grow-next-enum entries 2");
  const cb = dword(0);
  const count = dword(0);
  equal(ras().RasEnumEntriesW(null, null, null, cb, count), 603);
  equal(count[0], 1);
  const buf = new Uint8Array(cb[0]!);
  new DataView(buf.buffer).setUint32(0, RASENTRYNAMEW.size, true);
  equal(ras().RasEnumEntriesW(null, null, buf, cb, count), 603, "grew between the calls");
  equal(cb[0], 3 * RASENTRYNAMEW.size);
  deepEqual(enumEntries().entries.map((e) => e.szEntryName), [
    "A",
    "Grown Entry 1",
    "Grown Entry 2",
  ]);
});

for (const file of REAL_BOOKS) {
  Deno.test(`real phone book ${file}: RasEnumEntriesW lists exactly its sections`, async () => {
    await using home = await createSimHome();
    home.activate();
    const path = fileURLToPath(new URL(file, PBK_DIR));
    const expected = sectionNames(await Deno.readTextFile(path));
    const { rc, entries } = enumEntries(path);
    equal(rc, 0);
    deepEqual(entries.map((e) => e.szEntryName), expected);
    ok(entries.every((e) => e.szPhonebookPath === path));
  });

  Deno.test(`real phone book ${file}: RasGetEntryPropertiesW returns server, type, strategy`, async () => {
    await using home = await createSimHome();
    home.activate();
    const path = fileURLToPath(new URL(file, PBK_DIR));
    for (const [name, lines] of sections(await Deno.readTextFile(path))) {
      const { rc, entry } = getEntry(name, path);
      equal(rc, 0, name);
      equal(entry!.szLocalPhoneNumber, keyValue(lines, "PhoneNumber") ?? "", `${name} server`);
      const device = keyValue(lines, "DEVICE");
      const type = Number(
        keyValue(lines, "Type") ?? (device === "vpn" ? 2 : device === "PPPoE" ? 5 : 1),
      );
      equal(entry!.dwType, type, `${name} type`);
      equal(entry!.dwVpnStrategy, Number(keyValue(lines, "VpnStrategy") ?? 0), `${name} strategy`);
      equal(entry!.szDeviceType, device ?? "", `${name} device type`);
      equal(entry!.szDeviceName, keyValue(lines, "Device") ?? "", `${name} device`);
    }
  });

  Deno.test(`real phone book ${file}: writing every entry back keeps the file equivalent`, async () => {
    await using home = await createSimHome();
    home.activate();
    const original = await Deno.readTextFile(new URL(file, PBK_DIR));
    const copy = `${home.path}/copy.pbk`;
    await Deno.writeTextFile(copy, original);
    for (const [name] of sections(original)) {
      const { rc, bytes } = getEntry(name, copy);
      equal(rc, 0, name);
      equal(setEntry(name, bytes! as Uint8Array<ArrayBuffer>, copy), 0, name);
    }
    const rewritten = await Deno.readTextFile(copy);
    deepEqual(sections(rewritten), sections(original));
    ok(!/[^\r]\n/.test(rewritten), "written with CRLF");
  });
}

Deno.test({
  name: "RasGetEntryPropertiesW maps FORMAT.md keys onto RASENTRYW",
  ignore: NO_REAL_BOOKS,
}, async () => {
  await using home = await createSimHome();
  home.activate();
  const path = fileURLToPath(
    new URL("04-utf8-cjk-name-pppoe-plus-two-ikev2-static-ipv6.pbk", PBK_DIR),
  );
  const pppoe = getEntry("宽带连接", path).entry!;
  equal(pppoe.dwType, 5);
  equal(pppoe.szDeviceType, "PPPoE");
  equal(pppoe.dwEncryptionType, 3, "DataEncryption=8 is ET_Optional");
  // AuthRestrictions=552 = PAP(8) + CHAP(32) + MSCHAPv2(512).
  const RASEO_RequirePAP = 0x40000,
    RASEO_RequireCHAP = 0x8000000,
    RASEO_RequireMsCHAP2 = 0x20000000;
  equal(
    pppoe.dwfOptions & (RASEO_RequirePAP | RASEO_RequireCHAP | RASEO_RequireMsCHAP2),
    RASEO_RequirePAP | RASEO_RequireCHAP | RASEO_RequireMsCHAP2,
  );
  const v6 = getEntry("pub.6tu.me", path).entry!;
  equal(v6.dwEncryptionType === 1 || v6.dwEncryptionType === 2, true);
  equal(v6.dwIPv6PrefixLength, 64);
  ok(v6.dwfOptions2 & 0x100000, "Ipv6Assign=2 is RASEO2_SpecificIPv6Addr");
  ok(v6.dwfOptions2 & 0x80000, "DisableClassBasedDefaultRoute=1");
  const aliyun = getEntry("aliyun-hk", path).entry!;
  equal(aliyun.dwEncryptionType, 2, "DataEncryption=512 is ET_RequireMax");
  const corp = getEntry(
    "Turner AlwaysOn VPN",
    fileURLToPath(new URL("01-aovpn-sstp-peap-nrpt-trustednet.pbk", PBK_DIR)),
  ).entry!;
  equal(corp.dwCustomAuthKey, 25);
  equal(corp.guidId, "{7EE2D1D9-B7FE-418B-A04E-C73CB42765C5}");
  ok(corp.dwfOptions2 & 0x20000000, "AlwaysOnCapable=1 is RASEO2_IsAlwaysOn");
});

Deno.test("RasSetEntryPropertiesW then RasGetEntryPropertiesW returns the same bytes", async () => {
  await using home = await createSimHome();
  home.activate();
  const fields = vpnEntry("vpn.example.com", {
    dwfOptions: (0x10 | 0x4 | 0x1000000 | 0x40 | 0x80000000) >>> 0, // incl. bits without a key
    dwfOptions2: 0x8 | 0x2000000 | 0x20, // DontUseRasCredentials, CacheCredentials, Internet
    dwfOptions3: 0x5,
    ipaddrDns: "10.1.2.3",
    ipaddrDnsAlt: "10.1.2.4",
    ipv6addrDns: "fd00::53",
    szDnsSuffix: "corp.example",
    szScript: "C:\\script.scp",
    szX25Address: "x25",
    dwRedialCount: 4,
    dwRedialPause: 30,
    dwIdleDisconnectSeconds: 600,
    dwCustomAuthKey: 26,
    dwIPv4InterfaceMetric: 5,
    dwNetworkOutageTime: 1800,
    szPrerequisiteEntry: "Dial-up",
    szPrerequisitePbk: "C:\\x.pbk",
    guidId: "{11223344-5566-7788-99AA-BBCCDDEEFF00}",
    szIDi: "client@corp",
    szIDr: "server.corp",
    IdiType: 2,
    fDisableIKEv2Fragmentation: 1,
    dwfNetProtocols: 4 | 1,
  });
  equal(setEntry("Corp VPN", fields), 0);
  const sent = RASENTRYW.encode(fields);
  const { rc, bytes } = getEntry("Corp VPN");
  equal(rc, 0);
  // dwSubEntries is the entry's count of links, not stored ("When calling
  // RasSetEntryProperties, set this member to zero", RASENTRYW): one link here.
  deepEqual(RASENTRYW.decode(bytes!), { ...RASENTRYW.decode(sent), dwSubEntries: 1 });
  const text = await Deno.readTextFile(home.allUsersPbk);
  ok(text.includes("PrerequisiteEntry=Dial-up\r\n"));
  ok(text.includes("IpDnsAddress=10.1.2.3\r\n"));
  ok(text.includes("IpNameAssign=2\r\n"));
  ok(text.includes("PhoneNumber=vpn.example.com\r\n"));
  ok(text.includes("Port=VPN2-0\r\n"));
});

Deno.test("RasSetEntryPropertiesW keeps unknown keys and untouched lines of an entry", async () => {
  const book = [
    "[Old]",
    "Encoding=1",
    "Type=2",
    "VpnStrategy=7",
    "FutureKey=keep me",
    "CustomAuthData=AAAA",
    "CustomAuthData=BBBB",
    "",
    "MEDIA=rastapi",
    "Port=VPN2-0",
    "Device=WAN Miniport (IKEv2)",
    "",
    "DEVICE=vpn",
    "PhoneNumber=old.example.com",
    "",
  ].join("\n");
  await using home = await createSimHome({ userPbk: book });
  home.activate();
  const { entry } = getEntry("Old");
  equal(setEntry("Old", { ...entry!, szLocalPhoneNumber: "new.example.com", dwVpnStrategy: 5 }), 0);
  const lines = sections(await Deno.readTextFile(home.userPbk))[0]![1];
  deepEqual(lines, [
    "Encoding=1",
    "Type=2",
    "VpnStrategy=5",
    "FutureKey=keep me",
    "CustomAuthData=AAAA",
    "CustomAuthData=BBBB",
    "MEDIA=rastapi",
    "Port=VPN2-0",
    "Device=WAN Miniport (IKEv2)",
    "DEVICE=vpn",
    "PhoneNumber=new.example.com",
  ]);
});

Deno.test("dwSize negotiation: Windows 10 accepts 6724, Windows 7 refuses it with 632", async () => {
  await using home = await createSimHome({ world: { machine: { windows: "win10" } } });
  home.activate();
  equal(setEntry("E", vpnEntry("a.example")), 0);
  for (const size of [3468, 3496, 4048, 5616, 5656, 5680, 6724]) {
    equal(getEntry("E", undefined, size).rc, 0, `win10 ${size}`);
  }
  equal(getEntry("E", undefined, 6000).rc, 632);
  await home.writeWorld({ machine: { windows: "win7" } });
  equal(getEntry("E", undefined, 6724).rc, 632, "win7 refuses the Windows 10 size");
  equal(getEntry("E", undefined, 5680).rc, 0);
  equal(getEntry("E", undefined, 5680).entry!.szLocalPhoneNumber, "a.example");
  equal(setEntry("F", vpnEntry("b.example"), undefined, 6724), 632);
  const cb = dword(0);
  equal(ras().RasGetEntryPropertiesW(null, cstr("E"), null, cb, null, null), 603);
  equal(cb[0], 5680, "the newest size on Windows 7");
});

Deno.test("RasValidateEntryNameW follows Windows' rules", async () => {
  await using home = await createSimHome({ userPbk: "[Corp VPN]\nMEDIA=rastapi\n" });
  home.activate();
  const v = (name: string) => ras().RasValidateEntryNameW(null, cstr(name));
  equal(v("New one"), 0);
  equal(v("Corp VPN"), 183, "ERROR_ALREADY_EXISTS");
  equal(v("corp vpn"), 183, "names compare case-insensitively");
  for (
    const bad of [
      "a|b",
      "a>b",
      "a<b",
      "a?b",
      "a*b",
      "a\\b",
      "a/b",
      "a:b",
      ".hidden",
      "  ",
      "---",
      "x".repeat(257),
      "",
    ]
  ) {
    equal(v(bad), 123, `ERROR_INVALID_NAME for ${JSON.stringify(bad.slice(0, 10))}`);
  }
  equal(v("x".repeat(256)), 0);
  equal(v("宽带"), 0, "CJK letters count as alphanumeric");
  equal(ras().RasValidateEntryNameW(cstr(`${home.path}/none.pbk`), cstr("x")), 621);
});

Deno.test("RasDeleteEntryW and RasRenameEntryW", async () => {
  await using home = await createSimHome({ userPbk: "[A]\nMEDIA=rastapi\n\n[B]\nMEDIA=rastapi\n" });
  home.activate();
  equal(ras().RasRenameEntryW(null, cstr("A"), cstr("b")), 183, "new name exists");
  equal(ras().RasRenameEntryW(null, cstr("Z"), cstr("Y")), 623, "old name missing");
  equal(ras().RasRenameEntryW(null, cstr("A"), cstr("bad:name")), 123);
  equal(ras().RasRenameEntryW(null, cstr("a"), cstr("C")), 0);
  deepEqual(enumEntries().entries.map((e) => e.szEntryName), ["C", "B"]);
  equal(ras().RasDeleteEntryW(null, cstr("nope")), 623);
  equal(ras().RasDeleteEntryW(null, cstr("c")), 0);
  deepEqual(enumEntries().entries.map((e) => e.szEntryName), ["B"]);
});

Deno.test("RasSetEntryPropertiesW creates the all-users book and its folders", async () => {
  await using home = await createSimHome();
  home.activate();
  equal(setEntry("First", vpnEntry("vpn.example.com")), 0);
  const text = await Deno.readTextFile(home.allUsersPbk);
  ok(text.startsWith("[First]\r\nEncoding=1\r\n"));
  equal(setEntry("Second", vpnEntry("x.example"), home.userPbk), 0);
  deepEqual(enumEntries().entries.map((e) => [e.szEntryName, e.dwFlags]), [
    ["First", 1],
    ["Second", 0],
  ]);
  equal(setEntry("bad|name", vpnEntry("x")), 123);
  notEqual(getEntry("First").entry!.guidId, "{00000000-0000-0000-0000-000000000000}");
});

const BAD_BOOKS: [string, () => Uint8Array][] = [
  [
    "truncated inside a section header",
    () => new TextEncoder().encode("[Good]\r\nType=2\r\n[Trunc"),
  ],
  [
    "binary garbage with NUL bytes",
    () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256),
  ],
  ["a section with no name", () => new TextEncoder().encode("[]\r\nType=2\r\n")],
  ["text before the first section", () => new TextEncoder().encode("garbage\r\n[A]\r\n")],
  ["invalid UTF-8", () => new Uint8Array([0x5b, 0x41, 0xff, 0xfe, 0x5d, 0x0a])],
  ["10 MB", () => new TextEncoder().encode("[Big]\n" + "Key=value\n".repeat(1_100_000))],
];

for (const [label, make] of BAD_BOOKS) {
  Deno.test(`a bad phone book (${label}) gives an error code, not a crash`, async () => {
    await using home = await createSimHome();
    home.activate();
    const path = `${home.path}/bad.pbk`;
    await Deno.writeFile(path, make());
    const rc = enumEntries(path).rc;
    ok([622, 625].includes(rc), `RasEnumEntriesW gave ${rc}`);
    equal(getEntry("Good", path).rc, rc);
    equal(setEntry("New", vpnEntry("x"), path), rc, "a bad book is never overwritten");
  });
}

Deno.test("a phone book cut off in the middle of a value still loads (as Windows' INI reader)", async () => {
  await using home = await createSimHome();
  home.activate();
  const path = `${home.path}/cut.pbk`;
  await Deno.writeTextFile(path, "[A]\r\nType=2\r\n\r\n[B]\r\nMEDIA=rast");
  deepEqual(enumEntries(path).entries.map((e) => e.szEntryName), ["A", "B"]);
});

Deno.test("RasEnumDevicesW lists the WAN Miniports and a modem", async () => {
  await using home = await createSimHome();
  home.activate();
  const cb = dword(0);
  const count = dword(0);
  equal(ras().RasEnumDevicesW(null, cb, count), 603);
  const buf = new Uint8Array(cb[0]!);
  new DataView(buf.buffer).setUint32(0, RASDEVINFOW.size, true);
  equal(ras().RasEnumDevicesW(buf, cb, count), 0);
  const devices = Array.from(
    { length: count[0]! },
    (_, i) => RASDEVINFOW.decode(buf, i * RASDEVINFOW.size),
  );
  deepEqual(devices.map((d) => `${d.szDeviceType}:${d.szDeviceName}`), [
    "vpn:WAN Miniport (SSTP)",
    "vpn:WAN Miniport (IKEv2)",
    "vpn:WAN Miniport (L2TP)",
    "vpn:WAN Miniport (PPTP)",
    "PPPoE:WAN Miniport (PPPOE)",
    "modem:Standard 56000 bps Modem",
  ]);
  home.command("grow-next-enum devices 1");
  equal(ras().RasEnumDevicesW(null, cb, count), 603);
  equal(ras().RasEnumDevicesW(buf, cb, count), 603, "grew between the calls");
  equal(count[0], 7);
});

Deno.test("RasGetErrorStringW returns raserror.h messages", async () => {
  await using home = await createSimHome();
  home.activate();
  const buf = new Uint8Array(1024);
  equal(ras().RasGetErrorStringW(691, buf, 512), 0);
  ok(fromCstr(buf).startsWith("The remote connection was denied because the user name"));
  equal(ras().RasGetErrorStringW(868, buf, 512), 0);
  equal(
    fromCstr(buf),
    "The remote connection was not made because the name of the remote access server did not resolve.",
  );
  equal(ras().RasGetErrorStringW(12345, buf, 512), 87);
  equal(ras().RasGetErrorStringW(691, buf, 10), 603);
});
