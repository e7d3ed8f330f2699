import assert from "node:assert/strict";
import fc from "fast-check";
import { assertWellFormed, cstr, cstrOrNull, fromCstr, readWchars, writeWchars } from "./wstr.ts";

/** Well-formed text without NUL, astral characters included. */
const text = fc.array(
  fc.oneof(
    fc.integer({ min: 0x01, max: 0xd7ff }),
    fc.integer({ min: 0xe000, max: 0xffff }),
    fc.integer({ min: 0x10000, max: 0x10ffff }),
  ),
  { maxLength: 64 },
).map((cps) => String.fromCodePoint(...cps));

function unitsOf(bytes: Uint8Array): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Array.from({ length: bytes.byteLength / 2 }, (_, i) => view.getUint16(i * 2, true));
}

Deno.test("cstr() writes UTF-16LE code units and one terminating NUL", () => {
  const bytes = cstr("A\u00e9\u{1F600}");
  assert.deepEqual(Array.from(bytes), [0x41, 0, 0xe9, 0, 0x3d, 0xd8, 0x00, 0xde, 0, 0]);
});

Deno.test("fromCstr(cstr(s)) is s for any well-formed string", () => {
  fc.assert(
    fc.property(text, (s) => {
      const bytes = cstr(s);
      assert.equal(bytes.byteLength, (s.length + 1) * 2);
      const units = Array.from({ length: s.length }, (_, i) => s.charCodeAt(i));
      assert.deepEqual(unitsOf(bytes), [...units, 0]);
      assert.equal(fromCstr(bytes), s);
    }),
  );
});

Deno.test("fromCstr() honours a view's byte offset and ignores an odd trailing byte", () => {
  const backing = new Uint8Array(16).fill(0x41);
  backing.set(cstr("hi"), 4);
  assert.equal(fromCstr(backing.subarray(4, 10)), "hi");
  assert.equal(fromCstr(new Uint8Array([0x41, 0, 0x42])), "A");
});

Deno.test("cstr() refuses NUL and lone surrogates, naming the argument", () => {
  assert.throws(() => cstr("a\0b", "lpszEntry"), /lpszEntry must not contain a NUL/);
  assert.throws(() => cstr("\ud800", "lpszEntry"), /lpszEntry contains a lone UTF-16 surrogate/);
  assert.throws(() => cstr("x\udc00", "lpszEntry"), /at position 1/);
});

Deno.test("cstrOrNull() maps undefined and the empty string to NULL, text to a buffer", () => {
  assert.equal(cstrOrNull(undefined), null);
  assert.equal(cstrOrNull(""), null);
  assert.equal(fromCstr(cstrOrNull("C:\\pbk\\rasphone.pbk")!), "C:\\pbk\\rasphone.pbk");
});

Deno.test("readWchars() stops at the first NUL", () => {
  const view = new DataView(new ArrayBuffer(20));
  [0x61, 0x62, 0, 0x63, 0x64].forEach((u, i) => view.setUint16(i * 2, u, true));
  assert.equal(readWchars(view, 0, 10), "ab");
  assert.equal(readWchars(view, 4, 3), "");
  assert.equal(readWchars(view, 6, 2), "cd");
});

Deno.test("readWchars() reads a full field without NUL and nothing past it", () => {
  const view = new DataView(new ArrayBuffer(10));
  [0x61, 0x62, 0x63, 0x64, 0x65].forEach((u, i) => view.setUint16(i * 2, u, true));
  assert.equal(readWchars(view, 0, 3), "abc");
  assert.equal(readWchars(view, 2, 4), "bcde");
});

Deno.test("readWchars() decodes long fields (more units than one argument list holds)", () => {
  const count = 20000;
  const view = new DataView(new ArrayBuffer(count * 2));
  for (let i = 0; i < count; i++) view.setUint16(i * 2, 0x41 + (i % 26), true);
  const out = readWchars(view, 0, count);
  assert.equal(out.length, count);
  assert.equal(out.slice(4094, 4100), "MNOPQR");
});

Deno.test("readWchars() reads a field at an odd address as at an even one", () => {
  const text = "Zürich VPN \u{1F310}";
  for (const start of [0, 1]) {
    const view = new DataView(new ArrayBuffer(64));
    writeWchars(view, start + 2, 20, text, "field");
    assert.equal(readWchars(view, start + 2, 20), text, `start ${start}`);
    assert.equal(readWchars(new DataView(view.buffer, start + 2), 0, 20), text);
  }
});

Deno.test("writeWchars() clears the whole field after the text", () => {
  const view = new DataView(new ArrayBuffer(12));
  for (let i = 0; i < 12; i++) view.setUint8(i, 0xff);
  writeWchars(view, 0, 5, "ab", "f");
  assert.deepEqual(unitsOf(new Uint8Array(view.buffer)), [0x61, 0x62, 0, 0, 0, 0xffff]);
});

Deno.test("writeWchars() takes capacity-1 code units and refuses capacity", () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 40 }), (capacity) => {
      const view = new DataView(new ArrayBuffer(capacity * 2));
      writeWchars(view, 0, capacity, "x".repeat(capacity - 1), "szX");
      assert.equal(readWchars(view, 0, capacity), "x".repeat(capacity - 1));
      assert.throws(
        () => writeWchars(view, 0, capacity, "x".repeat(capacity), "szX"),
        new RangeError(`szX is ${capacity} UTF-16 code units long; the limit is ${capacity - 1}`),
      );
    }),
  );
});

Deno.test("assertWellFormed() accepts pairs and refuses any lone surrogate", () => {
  assertWellFormed("\u{10FFFF}\u{1F600}ok", "f");
  fc.assert(
    fc.property(text, text, fc.integer({ min: 0xd800, max: 0xdfff }), (a, b, unit) => {
      const lone = String.fromCharCode(unit);
      // Keep the lone unit from pairing with a neighbour.
      const s = `${a}x${lone}x${b}`;
      assert.throws(() => assertWellFormed(s, "f"), RangeError);
    }),
  );
});
