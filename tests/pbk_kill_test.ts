/**
 * kill -9 at random points of the writing commands (10 trials; `scripts/pbk_kill_stress.ts`
 * runs 100 and more): no torn book, no temporary file after the next command, the lock
 * released, and the next command succeeds.
 *
 * @module
 */

import { deepEqual, equal } from "node:assert/strict";
import { killTrials, seeded } from "./_kill.ts";

Deno.test("kill -9 at random points of writing commands leaves no torn book, no temp file and no held lock", async () => {
  const seed = Number(Deno.env.get("KILL_SEED") ?? 14);
  const figures = await killTrials(10, seeded(seed));
  deepEqual(figures.problems, [], `seed ${seed}`);
  equal(figures.tornBooks, 0);
  equal(figures.nextCommandFailures, 0);
  equal(figures.tempFilesLeft, 0);
});
