import assert from "node:assert/strict";
import { ALL_STRUCTS } from "./structs.ts";
import type { FieldInfo, StructLayout } from "./layout.ts";
import type { UnionMembers, UnionType } from "./layout_kinds.ts";
import { loadAbiFacts } from "../tests/_abi.ts";

interface AbiField {
  name: string;
  offset: number;
  size: number;
  type: string;
  members?: { name: string; offset: number; size: number; type: string }[];
}
interface AbiStruct {
  size: number;
  align: number;
  fields: AbiField[];
  sizes_by_winver?: Record<string, number>;
  dwSize_values?: { size: number; from_winver: string }[];
}

const facts = (await loadAbiFacts("rasapi32.x64.json")) as { structs: Record<string, AbiStruct> };

for (const [name, layout] of Object.entries(ALL_STRUCTS) as [string, StructLayout<unknown>][]) {
  Deno.test(`${name}: size, alignment and every field offset match the Windows SDK`, () => {
    const abi = facts.structs[name];
    assert.ok(abi, `${name} is missing from the ABI facts`);
    assert.equal(layout.size, abi.size, "size");
    assert.equal(layout.align, abi.align, "alignment");
    assert.deepEqual(
      layout.fields.map((f) => f.name),
      abi.fields.map((f) => f.name),
      "field names in order",
    );
    for (const expected of abi.fields) {
      const actual: FieldInfo = layout.field(expected.name);
      assert.equal(actual.offset, expected.offset, `${name}.${expected.name} offset`);
      assert.equal(actual.type.size, expected.size, `${name}.${expected.name} size`);
      assert.equal(actual.type.kind, expected.type, `${name}.${expected.name} type`);
      for (const member of expected.members ?? []) {
        const type = (actual.type as UnionType<UnionMembers>).members[member.name];
        assert.ok(type, `${name}.${expected.name} has member ${member.name}`);
        assert.equal(type.size, member.size, `${name}.${member.name} size`);
        assert.equal(actual.offset, member.offset, `${name}.${member.name} offset`);
        assert.equal(type.kind, member.type, `${name}.${member.name} type`);
      }
    }
  });

  Deno.test(`${name}: dwSize per Windows version matches the Windows SDK`, () => {
    const abi = facts.structs[name]!;
    if (!abi.sizes_by_winver) {
      // GUID and LUID carry no dwSize and no WINVER guard: every level has the one size.
      assert.deepEqual(new Set(Object.values(layout.sizes)), new Set([abi.size]));
      return;
    }
    assert.deepEqual(layout.sizes, abi.sizes_by_winver);
    if (abi.dwSize_values) {
      assert.deepEqual(layout.dwSizes, abi.dwSize_values.map((v) => v.size).reverse());
    }
  });
}

Deno.test("the ABI facts cover every struct rasctl declares, and the versioned ones have their sizes", () => {
  assert.deepEqual(ALL_STRUCTS.RASENTRYW.dwSizes, [6724, 5680, 5656, 5616, 4048, 3496, 3468]);
  assert.deepEqual(ALL_STRUCTS.RASDIALPARAMSW.dwSizes, [2120, 2112, 2108, 2096]);
  assert.deepEqual(ALL_STRUCTS.RASCONNW.dwSizes, [1388, 1372, 1360, 1344, 820]);
  assert.deepEqual(ALL_STRUCTS.RASCONNSTATUSW.dwSizes, [608, 564, 304]);
});
