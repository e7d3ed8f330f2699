/**
 * Stress: `kill -9` at random points of every writing command, many times (default 100;
 * `deno run -A scripts/pbk_kill_stress.ts [trials] [seed]`), on the simulator. Prints the
 * figures as JSON and exits 1 if any book was torn, any next command failed or any
 * temporary file was left.
 *
 * @module
 */

import { killTrials, seeded } from "../tests/_kill.ts";
import { buildSim } from "../tests/sim/harness.ts";

await buildSim();
const trials = Number(Deno.args[0] ?? 100);
const seed = Number(Deno.args[1] ?? Date.now() % 100000);
const figures = await killTrials(trials, seeded(seed));
console.log(JSON.stringify({ seed, ...figures }, null, 2));
Deno.exit(figures.tornBooks || figures.nextCommandFailures || figures.tempFilesLeft ? 1 : 0);
