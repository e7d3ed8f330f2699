/**
 * `deno task sim`: builds the simulated rasapi32 with tests/sim/build.sh. On Windows the DLL is
 * built by mingw (the workflow's MSYS2 step, or `bash tests/sim/build.sh --windows` by hand);
 * here it is only rebuilt when missing, so `deno task test` needs no bash of its own there.
 *
 * @module
 */

import { fileURLToPath } from "node:url";

const script = fileURLToPath(new URL("./build.sh", import.meta.url));
const windows = Deno.build.os === "windows";
const dll = fileURLToPath(new URL("./build/rasapi32sim.dll", import.meta.url));

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch {
    return false;
  }
}

if (windows && await exists(dll)) {
  console.log(dll);
} else {
  const { code } = await new Deno.Command("bash", {
    args: [script, ...(windows ? ["--windows"] : [])],
    stdout: "inherit",
    stderr: "inherit",
  }).spawn().status;
  Deno.exit(code);
}
