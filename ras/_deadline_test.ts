import { equal } from "node:assert/strict";
import { timeLeft } from "./_deadline.ts";

Deno.test("timeLeft() is what remains of the deadline, 0 once past, the fallback without one", () => {
  equal(timeLeft(1_000, 10_000, 400), 600);
  equal(timeLeft(1_000, 10_000, 1_500), 0);
  equal(timeLeft(undefined, 10_000, 1_500), 10_000);
});
