import assert from "node:assert/strict";
import { FIXTURE_ABI, SHARED_ABI } from "./_abi.ts";

const FILES = ["rasapi32.x64.json", "functions.json", "constants.json", "raserror.json"];

function readOrNull(url: URL): Uint8Array | null {
  try {
    return Deno.readFileSync(url);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return null;
    throw error;
  }
}

function jsonFiles(folder: URL): string[] {
  try {
    return [...Deno.readDirSync(folder)].filter((e) => e.isFile && e.name.endsWith(".json"))
      .map((e) => e.name).sort();
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return [];
    throw error;
  }
}

Deno.test("the fixture copy of the ABI facts holds every facts file, as parseable JSON", () => {
  for (const file of FILES) {
    const bytes = readOrNull(new URL(file, FIXTURE_ABI));
    assert.ok(bytes, `tests/fixtures/abi/${file} exists`);
    assert.equal(typeof JSON.parse(new TextDecoder().decode(bytes)), "object");
  }
});

Deno.test("the fixture copy equals ../shared/abi byte for byte wherever both have a file", () => {
  const shared = jsonFiles(SHARED_ABI);
  if (shared.length === 0) return; // A lone clone: only the fixture copy exists (tested above).
  const fixture = jsonFiles(FIXTURE_ABI);
  for (const file of shared.filter((f) => fixture.includes(f))) {
    const a = Deno.readFileSync(new URL(file, SHARED_ABI));
    const b = Deno.readFileSync(new URL(file, FIXTURE_ABI));
    assert.ok(
      a.byteLength === b.byteLength && a.every((byte, i) => byte === b[i]),
      `tests/fixtures/abi/${file} differs from ../shared/abi/${file}: copy it again`,
    );
  }
  for (const file of FILES) {
    assert.ok(shared.includes(file), `../shared/abi/${file} exists`);
  }
});
