/**
 * Reads the ABI facts: from `../shared/abi/` when the project sits beside it (CI and the
 * developers' machines), else from the copy in `tests/fixtures/abi/` so a lone clone still runs.
 *
 * @module
 */

const SHARED = new URL("../../shared/abi/", import.meta.url);
const FIXTURE = new URL("./fixtures/abi/", import.meta.url);

/** The folder the facts are read from. */
export function abiFolder(): URL {
  try {
    Deno.statSync(new URL("rasapi32.x64.json", SHARED));
    return SHARED;
  } catch {
    return FIXTURE;
  }
}

/** Parses one facts file, such as `rasapi32.x64.json`. */
export async function loadAbiFacts(file: string): Promise<unknown> {
  return JSON.parse(await Deno.readTextFile(new URL(file, abiFolder())));
}

/** The shared folder's URL (it may not exist). */
export const SHARED_ABI: URL = SHARED;
/** The fixture copy's URL. */
export const FIXTURE_ABI: URL = FIXTURE;
