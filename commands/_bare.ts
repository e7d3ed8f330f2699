/**
 * How main() answers a bare read (a line of main.ts's BARE): apart from main.ts, so
 * `--version` and `error CODE` do not carry it.
 *
 * @module
 */

import type { IO } from "./_output.ts";
import { load } from "./_load.ts";

/**
 * Answers a read command given with no argument and no option (`rasctl entry list`, JSON
 * output because stdout is not a terminal), as the command would print it. Anything that goes
 * wrong (a RAS error, a permission) is left to the full path, which runs the read again and
 * reports it; these commands change nothing, so running them twice is harmless.
 *
 * @param read The ras/ module (relative to commands/) and the function the command calls.
 * @param io Where to read and write (default: the process's own streams).
 * @returns Whether it answered.
 */
export async function answeredBare(
  [module, fn]: readonly [module: string, fn: string],
  io: IO | undefined,
): Promise<boolean> {
  const stdout = io?.stdout ?? Deno.stdout;
  if (stdout.isTerminal()) return false;
  const { asciiJson, ClosedStdout, writeText } = await load<typeof import("./_write.ts")>(
    "./_write.ts",
  );
  let text: string;
  try {
    const read = (await load<Record<string, () => unknown>>(module))[fn]!;
    const result = io?.env
      ? await (await load<typeof import("../ras/environment.ts")>("../ras/environment.ts"))
        .withEnvironment(io.env, async () => await read())
      : read();
    text = asciiJson(result) + "\n";
  } catch {
    return false;
  }
  try {
    writeText(stdout, text);
  } catch (error) {
    if (!(error instanceof ClosedStdout)) throw error;
  }
  return true;
}
