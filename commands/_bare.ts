/**
 * The read commands main() answers given bare, and how: apart from main.ts, which loads this
 * only for a line of command words alone, so `--version` and `error CODE` do not carry it.
 *
 * @module
 */

import type { IO } from "./_output.ts";
import { load } from "./_load.ts";

/**
 * The read commands main() answers given bare (no argument, no option, JSON output):
 * what scripts run as they are (`rasctl entry list | ConvertFrom-Json`), computed by the ras/
 * function the command calls with no option, without the parser or the command's module.
 * Each prints what its command prints; tests/cli_contract_test.ts compares the two.
 */
export const BARE: Record<string, () => Promise<unknown>> = {
  "entry list": async () =>
    (await load<typeof import("../ras/entry_list.ts")>("../ras/entry_list.ts")).listEntries(),
  devices: async () =>
    (await load<typeof import("../ras/devices.ts")>("../ras/devices.ts")).listDevices(),
};

/**
 * Answers a read command given with no argument and no option (`rasctl entry list`, JSON
 * output because stdout is not a terminal) from {@link BARE}, as the command would print it.
 * Anything that goes wrong (a RAS error, a permission) is left to the full path, which runs
 * the read again and reports it; these commands change nothing, so running them twice is
 * harmless.
 *
 * @param args The command line: command words alone, each of lowercase letters (main.ts checks
 *   that before it loads this, so `["entry list"]` never reaches here as one word).
 * @param io Where to read and write (default: the process's own streams).
 * @returns Whether it answered.
 */
export async function answeredBare(args: readonly string[], io: IO | undefined): Promise<boolean> {
  const line = args.join(" ");
  const bare = Object.hasOwn(BARE, line) ? BARE[line]! : undefined;
  const stdout = io?.stdout ?? Deno.stdout;
  if (!bare || stdout.isTerminal()) return false;
  const { asciiJson, ClosedStdout, writeText } = await load<typeof import("./_write.ts")>(
    "./_write.ts",
  );
  let text: string;
  try {
    const result = io?.env
      ? await (await load<typeof import("../ras/environment.ts")>("../ras/environment.ts"))
        .withEnvironment(io.env, bare)
      : await bare();
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
