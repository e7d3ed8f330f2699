import assert from "node:assert/strict";
import fc from "fast-check";
import { ALL_STRUCTS, RASCONNW, RASDIALPARAMSW, RASENTRYW } from "./structs.ts";
import { type FieldInfo, type FieldType, type StructLayout, WINVER_LEVELS } from "./layout.ts";
import { type UnionMembers, type UnionType } from "./layout_kinds.ts";
import { formatIPv6 } from "./ip.ts";
import { decodeOnRead } from "./layout_lazy.ts";

// ---------------------------------------------------------------------------------------------
// Arbitraries derived from field kinds. Each sample carries what to write (`input`), what the
// decoder must give back (`expected`), and how to reduce a decoded value to what was written
// (`project`: a union decodes every member, but only the member written is compared).

interface Sample {
  input: unknown;
  expected: unknown;
  project(decoded: unknown): unknown;
}

const LAYOUTS = ALL_STRUCTS as unknown as Record<string, StructLayout<unknown>>;

function leaf<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<Sample> {
  return arb.map((v) => ({ input: v, expected: v, project: (d) => d }));
}

/** A Unicode scalar value other than NUL: ASCII, the rest of the BMP, or astral. */
const codePoint = fc.oneof(
  fc.integer({ min: 0x20, max: 0x7e }),
  fc.integer({ min: 0x01, max: 0xd7ff }),
  fc.integer({ min: 0xe000, max: 0xffff }),
  fc.integer({ min: 0x10000, max: 0x10ffff }),
);

/** Well-formed text of at most `maxUnits` UTF-16 code units (astral chars count as two). */
function wcharText(maxUnits: number): fc.Arbitrary<string> {
  const fill = (cps: number[]) => {
    let text = "";
    for (const cp of cps) {
      const c = String.fromCodePoint(cp);
      if (text.length + c.length > maxUnits) break;
      text += c;
    }
    return text;
  };
  return fc.oneof(
    fc.array(codePoint, { maxLength: maxUnits }).map(fill),
    // Near the limit: fill the field as far as it goes.
    fc.array(codePoint, { minLength: maxUnits, maxLength: maxUnits }).map(fill),
  );
}

const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
const bytesOf = (n: number) => fc.uint8Array({ minLength: n, maxLength: n });

const guidSample: fc.Arbitrary<Sample> = fc.tuple(bytesOf(16), fc.boolean()).map(([b, upper]) => {
  const h = hex(b);
  const plain = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${
    h.slice(20)
  }`;
  return {
    input: upper ? `{${plain.toUpperCase()}}` : plain,
    expected: `{${plain.toUpperCase()}}`,
    project: (d) => d,
  };
});

const ipv4Sample: fc.Arbitrary<Sample> = leaf(bytesOf(4).map((b) => Array.from(b).join(".")));

const ipv6Sample: fc.Arbitrary<Sample> = fc.tuple(bytesOf(16), fc.integer({ min: 0, max: 2 })).map(
  ([b, form]) => {
    const words = Array.from({ length: 8 }, (_, i) => (b[i * 2]! << 8) | b[i * 2 + 1]!);
    const full = words.map((w) => w.toString(16).toUpperCase().padStart(4, "0"));
    const input = form === 0
      ? formatIPv6(b)
      : form === 1
      ? full.join(":")
      : `${full.slice(0, 6).join(":")}:${Array.from(b.slice(12)).join(".")}`;
    return { input, expected: formatIPv6(b), project: (d) => d };
  },
);

function sampleOf(type: FieldType<unknown>): fc.Arbitrary<Sample> {
  const kind = type.kind;
  let m: RegExpExecArray | null;
  switch (kind) {
    case "u8":
      return leaf(fc.integer({ min: 0, max: 0xff }));
    case "u16":
      return leaf(fc.integer({ min: 0, max: 0xffff }));
    case "u32":
      return leaf(fc.integer({ min: 0, max: 0xffffffff }));
    case "i32":
      return leaf(fc.integer({ min: -0x80000000, max: 0x7fffffff }));
    case "usize":
    case "pointer":
      return leaf(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }));
    case "luid":
      return leaf(fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n }));
    case "guid":
      return guidSample;
    case "union":
      return unionSample(type as UnionType<UnionMembers>);
  }
  if ((m = /^wchar\[(\d+)\]$/.exec(kind))) return leaf(wcharText(Number(m[1]) - 1));
  if ((m = /^u8\[(\d+)\]$/.exec(kind))) return leaf(bytesOf(Number(m[1])));
  if ((m = /^u16\[(\d+)\]$/.exec(kind))) {
    const n = Number(m[1]);
    return leaf(fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: n, maxLength: n }));
  }
  if ((m = /^struct:(.+)$/.exec(kind))) {
    // An address struct viewed as text shows it by its zero value; others are real nesting.
    const zero = type.zero();
    if (zero === "0.0.0.0") return ipv4Sample;
    if (zero === "::") return ipv6Sample;
    const nested = LAYOUTS[m[1]!];
    assert.ok(nested, `no layout for nested ${kind}`);
    return structSample(nested);
  }
  throw new Error(`no arbitrary for field kind ${kind}: teach layout_test.ts about it`);
}

function unionSample(type: UnionType<UnionMembers>): fc.Arbitrary<Sample> {
  return fc.oneof(
    ...Object.entries(type.members).map(([name, member]) =>
      sampleOf(member).map((s): Sample => ({
        input: { [name]: s.input },
        expected: { [name]: s.expected },
        project: (d) => ({ [name]: s.project((d as Record<string, unknown>)[name]) }),
      }))
    ),
  );
}

function structSample(layout: StructLayout<unknown>): fc.Arbitrary<Sample> {
  return fc.tuple(...layout.fields.map((f) => sampleOf(f.type))).map((samples) => ({
    input: Object.fromEntries(layout.fields.map((f, i) => [f.name, samples[i]!.input])),
    expected: Object.fromEntries(layout.fields.map((f, i) => [f.name, samples[i]!.expected])),
    project: (d) =>
      Object.fromEntries(
        layout.fields.map((f, i) => [
          f.name,
          samples[i]!.project((d as Record<string, unknown>)[f.name]),
        ]),
      ),
  }));
}

/** The field samples of a struct, kept per field (for tests that leave some fields out). */
function fieldSamples(layout: StructLayout<unknown>): fc.Arbitrary<Sample[]> {
  return fc.tuple(...layout.fields.map((f) => sampleOf(f.type)));
}

const fits = (f: FieldInfo, size: number) => f.offset + f.type.size <= size;

/**
 * Whether encode() fills `dwSize` in with the struct's size. RASDEVSPECIFICINFO's dwSize is the
 * byte count of the cookie pbDevSpecificInfo points at, not a struct version, so these tests
 * always give it explicitly and assert nothing about its default.
 */
function versionedBySize(name: string, layout: StructLayout<unknown>): boolean {
  return layout.fields[0]?.name === "dwSize" && name !== "RASDEVSPECIFICINFO";
}
const STRUCTS = Object.entries(LAYOUTS);

// ---------------------------------------------------------------------------------------------

for (const [name, layout] of STRUCTS) {
  Deno.test(`${name}: decode(encode(v)) gives back every field that was written`, () => {
    fc.assert(
      fc.property(structSample(layout), (s) => {
        const bytes = layout.encode(s.input as never);
        assert.equal(bytes.byteLength, layout.size);
        assert.deepEqual(s.project(layout.decode(bytes)), s.expected);
      }),
      { numRuns: 60 },
    );
  });

  Deno.test(`${name}: each older dwSize writes dwSize, that many bytes, and zeroes newer fields`, () => {
    const hasDwSize = versionedBySize(name, layout);
    fc.assert(
      fc.property(fieldSamples(layout), fc.constantFrom(...layout.dwSizes), (samples, size) => {
        const input = Object.fromEntries(
          layout.fields.filter((f) => !(hasDwSize && f.name === "dwSize")).map((f) => [
            f.name,
            samples[layout.fields.indexOf(f)]!.input,
          ]),
        );
        const bytes = layout.encode(input as never, { size });
        assert.equal(bytes.byteLength, size);
        const full = layout.encode(input as never);
        for (const [source, label] of [[bytes, "old"], [full, "newest"]] as const) {
          const decoded = layout.decode(source, 0, size) as Record<string, unknown>;
          layout.fields.forEach((f, i) => {
            if (f.name === "dwSize" && hasDwSize) {
              assert.equal(decoded[f.name], label === "old" ? size : layout.size);
            } else if (fits(f, size)) {
              assert.deepEqual(samples[i]!.project(decoded[f.name]), samples[i]!.expected, f.name);
            } else {
              assert.deepEqual(decoded[f.name], f.type.zero(), `${f.name} is absent at ${size}`);
            }
          });
        }
      }),
      { numRuns: 20 },
    );
  });

  Deno.test(`${name}: decodeOnRead() reads each field as decode() does, at any size and address`, () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...layout.dwSizes),
        fc.integer({ min: 0, max: 3 }), // an odd start reads WCHARs one by one
        fc.uint8Array({ minLength: layout.size + 3, maxLength: layout.size + 3 }),
        (size, offset, bytes) => {
          const decoded = layout.decode(bytes, offset, size) as Record<string, unknown>;
          const onRead = decodeOnRead(layout, bytes, offset, size) as Record<string, unknown>;
          for (const f of layout.fields) assert.deepEqual(onRead[f.name], decoded[f.name], f.name);
        },
      ),
      { numRuns: 20 },
    );
    assert.throws(() => decodeOnRead(layout, new Uint8Array(layout.size - 1)), /needs \d+ bytes/);
  });

  Deno.test(`${name}: the fields each dwSize holds are exactly those of its Windows version`, () => {
    for (const [level, size] of Object.entries(layout.sizes)) {
      const rank = WINVER_LEVELS.indexOf(level as never);
      for (const f of layout.fields) {
        const present = WINVER_LEVELS.indexOf(f.since) <= rank;
        assert.equal(fits(f, size!), present, `${name}.${f.name} at ${level} (${size} bytes)`);
      }
    }
  });

  Deno.test(`${name}: unknown field names are refused with a RangeError`, () => {
    assert.throws(
      () => layout.encode({ noSuchField: 1 } as never),
      (e: unknown) => e instanceof RangeError && /has no field noSuchField/.test(e.message),
    );
    assert.throws(() => layout.field("noSuchField"), RangeError);
  });

  Deno.test(`${name}: decoding from a buffer shorter than the struct is refused`, () => {
    assert.throws(() => layout.decode(new Uint8Array(layout.size - 1)), RangeError);
    assert.throws(() => layout.decode(new Uint8Array(layout.size), 1), RangeError);
  });
}

Deno.test("encode() leaves every field it was not given as zero bytes", () => {
  for (const [name, layout] of STRUCTS) {
    const bytes = layout.encode({});
    const expectDwSize = versionedBySize(name, layout);
    const body = layout.fields[0]?.name === "dwSize" ? bytes.subarray(4) : bytes;
    assert.ok(body.every((b) => b === 0), `${name} has only zeros past dwSize`);
    if (expectDwSize) assert.equal(new DataView(bytes.buffer).getUint32(0, true), layout.size);
  }
});

Deno.test("RASCONNW.hrasconn sits at offset 4 (pack(4)), little-endian", () => {
  assert.equal(RASCONNW.field("hrasconn").offset, 4);
  assert.equal(RASCONNW.field("szEntryName").offset, 12);
  const bytes = RASCONNW.encode({ hrasconn: 0x1122334455667788n });
  assert.deepEqual(
    Array.from(bytes.subarray(0, 12)),
    [0x6c, 0x05, 0, 0, 0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11],
  );
});

Deno.test("RASDIALPARAMSW.dwCallbackId sits at offset 2100 as a 64-bit ULONG_PTR", () => {
  assert.equal(RASDIALPARAMSW.field("dwCallbackId").offset, 2100);
  assert.equal(RASDIALPARAMSW.field("dwCallbackId").type.size, 8);
  const bytes = RASDIALPARAMSW.encode({ dwCallbackId: 0xfedcba9876543210n });
  assert.deepEqual(
    Array.from(bytes.subarray(2100, 2108)),
    [0x10, 0x32, 0x54, 0x76, 0x98, 0xba, 0xdc, 0xfe],
  );
  assert.equal(RASDIALPARAMSW.field("dwIfIndex").offset, 2108);
});

Deno.test("a GUID is stored as little-endian Data1-3 and byte-order Data4", () => {
  const bytes = RASCONNW.encode({ guidEntry: "{00112233-4455-6677-8899-AABBCCDDEEFF}" });
  const at = RASCONNW.field("guidEntry").offset;
  assert.deepEqual(
    Array.from(bytes.subarray(at, at + 16)),
    [
      0x33,
      0x22,
      0x11,
      0x00,
      0x55,
      0x44,
      0x77,
      0x66,
      0x88,
      0x99,
      0xaa,
      0xbb,
      0xcc,
      0xdd,
      0xee,
      0xff,
    ],
  );
  for (
    const bad of [
      "not-a-guid",
      "{00112233-4455-6677-8899-AABBCCDDEEFF",
      "00112233-4455-6677-8899-AABBCCDDEEFF}",
      "{00112233-4455-6677-8899-AABBCCDDEEF}",
      "{00112233445566778899AABBCCDDEEFF}",
    ]
  ) {
    assert.throws(
      () => RASCONNW.encode({ guidEntry: bad }),
      /RASCONNW.guidEntry must be a GUID/,
      bad,
    );
  }
});

Deno.test("a LUID reads LowPart and a signed HighPart as one bigint", () => {
  const bytes = RASCONNW.encode({});
  const view = new DataView(bytes.buffer);
  const at = RASCONNW.field("luid").offset;
  view.setUint32(at, 0x00000001, true);
  view.setInt32(at + 4, -1, true);
  assert.equal(RASCONNW.decode(bytes).luid, -(1n << 32n) + 1n);
});

Deno.test("integer fields refuse values outside their C type", () => {
  assert.throws(
    () => RASCONNW.encode({ dwSubEntry: -1 }),
    /RASCONNW.dwSubEntry must be an integer/,
  );
  assert.throws(() => RASCONNW.encode({ dwSubEntry: 2 ** 32 }), RangeError);
  assert.throws(() => RASCONNW.encode({ dwSubEntry: 1.5 }), RangeError);
  assert.throws(() => RASCONNW.encode({ hrasconn: -1n }), RangeError);
  assert.throws(() => RASCONNW.encode({ hrasconn: 1 as unknown as bigint }), RangeError);
});

Deno.test("a union field takes exactly one member", () => {
  const Anonymous = ALL_STRUCTS.RASTUNNELENDPOINT;
  assert.throws(() => Anonymous.encode({ Anonymous: {} }), /give exactly one of ipv4, ipv6/);
  assert.throws(
    () => Anonymous.encode({ Anonymous: { ipv4: "1.2.3.4", ipv6: "::1" } }),
    RangeError,
  );
  const bytes = Anonymous.encode({ dwType: 2, Anonymous: { ipv6: "fd00::5" } });
  assert.equal(Anonymous.decode(bytes).Anonymous.ipv6, "fd00::5");
});

// ---------------------------------------------------------------------------------------------
// Overlong, lone-surrogate and NUL strings in WCHAR[N] fields.

const WCHAR_FIELDS = STRUCTS.flatMap(([name, layout]) =>
  layout.fields.flatMap((f) => {
    const m = /^wchar\[(\d+)\]$/.exec(f.type.kind);
    return m ? [{ layout, struct: name, field: f.name, count: Number(m[1]) }] : [];
  })
);

Deno.test("there are WCHAR fields to test, RASENTRYW.szLocalPhoneNumber among them", () => {
  assert.ok(
    WCHAR_FIELDS.some((w) => w.struct === "RASENTRYW" && w.field === "szLocalPhoneNumber"),
  );
  assert.ok(WCHAR_FIELDS.length > 30);
});

/** Text of exactly `units` UTF-16 code units, astral chars included. */
function textOfLength(units: number): fc.Arbitrary<string> {
  return wcharText(units).map((t) => t.padEnd(units, "x"));
}

Deno.test("a string one code unit too long is refused with the field and its limit named", () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...WCHAR_FIELDS).chain((w) =>
        fc.tuple(fc.constant(w), textOfLength(w.count))
      ),
      ([w, text]) => {
        assert.equal(text.length, w.count);
        assert.throws(
          () => w.layout.encode({ [w.field]: text }),
          (e: unknown) =>
            e instanceof RangeError &&
            e.message.includes(`${w.struct}.${w.field}`) &&
            e.message.includes(`limit is ${w.count - 1}`),
        );
      },
    ),
  );
});

Deno.test("a string of exactly N-1 code units fills the field and round-trips", () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...WCHAR_FIELDS).chain((w) =>
        fc.tuple(fc.constant(w), textOfLength(w.count - 1))
      ),
      ([w, text]) => {
        const bytes = w.layout.encode({ [w.field]: text });
        const at = w.layout.field(w.field).offset;
        const view = new DataView(bytes.buffer);
        assert.equal(view.getUint16(at + (w.count - 1) * 2, true), 0, "terminating NUL");
        assert.equal((w.layout.decode(bytes) as Record<string, unknown>)[w.field], text);
      },
    ),
  );
});

Deno.test("surrogate pairs count as two code units against the limit", () => {
  const astral = "\u{1F600}"; // two UTF-16 code units
  const devInfo = ALL_STRUCTS.RASDEVINFOW; // szDeviceType is WCHAR[17]: 16 units fit
  const eight = astral.repeat(8);
  assert.equal(
    devInfo.decode(devInfo.encode({ szDeviceType: eight })).szDeviceType,
    eight,
  );
  assert.throws(
    () => devInfo.encode({ szDeviceType: eight + "a" }),
    /RASDEVINFOW.szDeviceType is 17 UTF-16 code units long; the limit is 16/,
  );
});

Deno.test("RASENTRYW.szLocalPhoneNumber refuses 129 characters instead of truncating", () => {
  assert.throws(
    () => RASENTRYW.encode({ szLocalPhoneNumber: "5".repeat(129) }),
    /RASENTRYW\.szLocalPhoneNumber .*limit is 128/,
  );
});

Deno.test("lone surrogates and NULs are refused in every WCHAR field", () => {
  const bad = ["\ud800", "a\udc00b", "ab\ud83d", "\ude00\ud83d", "a\0b", "\0"];
  fc.assert(
    fc.property(fc.constantFrom(...WCHAR_FIELDS), fc.constantFrom(...bad), (w, text) => {
      assert.throws(
        () => w.layout.encode({ [w.field]: text }),
        (e: unknown) => e instanceof RangeError && e.message.includes(`${w.struct}.${w.field}`),
      );
    }),
  );
});
