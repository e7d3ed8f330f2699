import { fileURLToPath } from "node:url";
import { deepEqual, equal, ok } from "node:assert/strict";
import { openRasapi32 } from "../../ffi/library.ts";
import { buildSim, simLibraryPath } from "./harness.ts";
import { loadAbiFacts } from "../_abi.ts";

interface AbiField {
  name: string;
  offset: number;
  size: number;
}
interface AbiStruct {
  size: number;
  fields: AbiField[];
}

async function abiCheckOutput(): Promise<string[]> {
  await buildSim();
  const name = Deno.build.os === "windows" ? "abi_check.exe" : "abi_check";
  const exe = fileURLToPath(new URL(`build/${name}`, import.meta.url));
  const out = await new Deno.Command(exe, { stdout: "piped" }).output();
  equal(out.code, 0);
  return new TextDecoder().decode(out.stdout).trim().split("\n");
}

Deno.test("abi_check: every struct size in the sim equals rasapi32.x64.json", async () => {
  const json = (await loadAbiFacts("rasapi32.x64.json")) as {
    structs: Record<string, AbiStruct>;
  };
  const lines = await abiCheckOutput();
  const sizes = lines.filter((l) => l.startsWith("S ")).map((l) => l.split(" "));
  ok(sizes.length >= 20, "abi_check printed the structs");
  for (const [, name, size] of sizes) {
    const expected = json.structs[name!];
    ok(expected, `${name} is in rasapi32.x64.json`);
    equal(Number(size), expected.size, `sizeof(${name})`);
  }
});

Deno.test("abi_check: every field offset and size in the sim equals rasapi32.x64.json", async () => {
  const json = (await loadAbiFacts("rasapi32.x64.json")) as {
    structs: Record<string, AbiStruct>;
  };
  const lines = await abiCheckOutput();
  const fields = lines.filter((l) => l.startsWith("F ")).map((l) => l.split(" "));
  const checked = new Set<string>();
  for (const [, struct, field, offset, size] of fields) {
    const expected = json.structs[struct!]!.fields.find((f) => f.name === field);
    ok(expected, `${struct}.${field} is in rasapi32.x64.json`);
    deepEqual(
      [Number(offset), Number(size)],
      [expected.offset, expected.size],
      `${struct}.${field}`,
    );
    checked.add(`${struct}.${field}`);
  }
  // Every field of the structs rasctl passes to the sim is covered, not a sample.
  for (const name of ["RASENTRYW", "RASDIALPARAMSW", "RASCONNW", "RASCONNSTATUSW", "RAS_STATS"]) {
    for (const f of json.structs[name]!.fields) ok(checked.has(`${name}.${f.name}`), f.name);
  }
});

Deno.test("the sim exports every symbol in rasctl's dlopen table", async () => {
  await buildSim();
  // Deno.dlopen fails on any missing symbol, so opening through rasctl's loader is the check.
  using lib = openRasapi32(simLibraryPath());
  equal(typeof lib.symbols.RasDialW, "function");
  equal(typeof lib.symbols.RasGetProjectionInfoEx, "function");
});
