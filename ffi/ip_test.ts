import assert from "node:assert/strict";
import fc from "fast-check";
import { formatIPv4, formatIPv6, parseIPv4, parseIPv6 } from "./ip.ts";

const words = (bytes: Uint8Array) =>
  Array.from({ length: 8 }, (_, i) => (bytes[i * 2]! << 8) | bytes[i * 2 + 1]!);

/**
 * Checks RFC 5952 section 4 on `text` for the address `bytes`, independently of formatIPv6:
 * lower case, no leading zeros, `::` only for the longest (first on a tie) run of two or more
 * zero groups.
 */
function assertRfc5952(text: string, bytes: Uint8Array): void {
  const ws = words(bytes);
  assert.match(text, /^[0-9a-f:]+$/, "lower-case hex only");
  assert.ok(text.split("::").length <= 2, "at most one ::");
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; i++) {
    let j = i;
    while (j < 8 && ws[j] === 0) j++;
    if (j - i > bestLen) [bestStart, bestLen] = [i, j - i];
  }
  if (bestLen >= 2) {
    const left = ws.slice(0, bestStart).map((w) => w.toString(16)).join(":");
    const right = ws.slice(bestStart + bestLen).map((w) => w.toString(16)).join(":");
    assert.equal(text, `${left}::${right}`);
  } else {
    assert.equal(text, ws.map((w) => w.toString(16)).join(":"));
  }
}

Deno.test("parseIPv4() reads dotted quads into four bytes", () => {
  assert.deepEqual(parseIPv4("10.0.0.1", "f"), [10, 0, 0, 1]);
  assert.deepEqual(parseIPv4("255.255.255.255", "f"), [255, 255, 255, 255]);
  assert.deepEqual(parseIPv4("0.0.0.0", "f"), [0, 0, 0, 0]);
});

Deno.test("formatIPv4(parseIPv4(x)) is x for every IPv4 address", () => {
  fc.assert(
    fc.property(fc.ipV4(), (text) => {
      assert.equal(formatIPv4(parseIPv4(text, "f")), text);
    }),
  );
});

Deno.test("parseIPv4(formatIPv4(bytes)) gives back the bytes", () => {
  fc.assert(
    fc.property(fc.uint8Array({ minLength: 4, maxLength: 4 }), (bytes) => {
      assert.deepEqual(parseIPv4(formatIPv4(bytes), "f"), Array.from(bytes));
    }),
  );
});

Deno.test("parseIPv4() refuses what is not a plain dotted quad, naming the field", () => {
  for (
    const bad of [
      "256.0.0.1",
      "1.2.3",
      "01.2.3.4",
      "1.2.3.4.5",
      "",
      "1.2.3.-1",
      " 1.2.3.4",
      "a.b.c.d",
      "1..2.3",
      "0x1.2.3.4",
    ]
  ) {
    assert.throws(
      () => parseIPv4(bad, "ipaddrDns"),
      (e: unknown) =>
        e instanceof RangeError && e.message.startsWith("ipaddrDns must be an IPv4 address"),
      JSON.stringify(bad),
    );
  }
});

Deno.test("formatIPv6() writes RFC 5952 canonical text for known addresses", () => {
  const cases: [string, string][] = [
    ["2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"],
    ["2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"],
    ["2001:0:0:1:0:0:0:1", "2001:0:0:1::1"],
    ["2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"],
    ["FD00::5", "fd00::5"],
    ["::", "::"],
    ["::1", "::1"],
    ["1::", "1::"],
    ["1:0:0:0:0:0:0:0", "1::"],
    ["::ffff:10.0.0.1", "::ffff:a00:1"],
    ["1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0"],
    ["1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:102:304"],
  ];
  for (const [input, canonical] of cases) {
    assert.equal(formatIPv6(parseIPv6(input, "f")), canonical, input);
  }
});

Deno.test("parseIPv6() reads groups in network byte order", () => {
  assert.deepEqual(
    Array.from(parseIPv6("102:304:506:708:90a:b0c:d0e:f10", "f")),
    Array.from({ length: 16 }, (_, i) => i + 1),
  );
  assert.deepEqual(Array.from(parseIPv6("::ffff:10.0.0.1", "f").subarray(10)), [
    0xff,
    0xff,
    10,
    0,
    0,
    1,
  ]);
});

Deno.test("formatIPv6(parseIPv6(x)) is the canonical form of any IPv6 text", () => {
  fc.assert(
    fc.property(fc.ipV6(), (text) => {
      const bytes = parseIPv6(text, "f");
      const canonical = formatIPv6(bytes);
      assertRfc5952(canonical, bytes);
      assert.deepEqual(parseIPv6(canonical, "f"), bytes);
    }),
  );
});

Deno.test("parseIPv6(formatIPv6(bytes)) gives back any 16 bytes, and the text is RFC 5952", () => {
  const zeroHeavy = fc.array(fc.constantFrom(0, 0, 0, 1, 0xff), { minLength: 16, maxLength: 16 })
    .map((a) => Uint8Array.from(a));
  fc.assert(
    fc.property(fc.oneof(fc.uint8Array({ minLength: 16, maxLength: 16 }), zeroHeavy), (bytes) => {
      const text = formatIPv6(bytes);
      assertRfc5952(text, bytes);
      assert.deepEqual(parseIPv6(text, "f"), bytes);
    }),
  );
});

Deno.test("parseIPv6() refuses malformed text, naming the field", () => {
  const bad = [
    "",
    "::1::",
    "gggg::",
    "1:2:3:4:5:6:7:8:9",
    "1:2:3:4:5:6:7",
    "1:2:3:4:5:6:7:8::",
    ":1:2:3:4:5:6:7",
    "1::2:",
    ":::",
    "12345::",
    "fe80::1%eth0",
    "1.2.3.4",
    "::1.2.3",
    "::256.0.0.1",
    "1.2.3.4::",
    "1:2:1.2.3.4::",
    "::1.2.3.4:5",
    " ::1",
  ];
  for (const text of bad) {
    assert.throws(
      () => parseIPv6(text, "ipv6addrDns"),
      (e: unknown) => e instanceof RangeError && e.message.startsWith("ipv6addrDns must be an"),
      JSON.stringify(text),
    );
  }
});
