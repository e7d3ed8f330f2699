import { deepEqual, equal, rejects } from "node:assert/strict";
import { abortable, delay, poll, retry } from "./async.ts";

Deno.test("retry() backs off by doubling up to the limit and stops when told not to retry", async () => {
  const pauses: number[] = [];
  let calls = 0;
  const result = await retry(
    () => (++calls < 4 ? Promise.reject(new Error("busy")) : Promise.resolve("up")),
    {
      retries: 5,
      delayMs: 1,
      maxDelayMs: 3,
      onRetry: (_n, _e, ms) => pauses.push(ms),
    },
  );
  equal(result, "up");
  deepEqual(pauses, [1, 2, 3]);
  let permanent = 0;
  await rejects(
    retry(() => (permanent++, Promise.reject(new Error("691"))), {
      retries: 5,
      delayMs: 1,
      shouldRetry: () => false,
    }),
    /691/,
  );
  equal(permanent, 1, "a permanent failure is not retried");
});

Deno.test("delay() and abortable() reject with the signal's own reason", async () => {
  const controller = new AbortController();
  const reason = new Error("timed out");
  const waiting = delay(60_000, { signal: controller.signal });
  const racing = abortable(new Promise(() => {}), controller.signal);
  controller.abort(reason);
  await rejects(waiting, (e) => e === reason);
  await rejects(racing, (e) => e === reason);
  await rejects(delay(1, { signal: controller.signal }), (e) => e === reason);
});

Deno.test("poll() says whether the condition held before time ran out", async () => {
  let n = 0;
  equal(await poll(() => ++n === 3, { timeoutMs: 60_000, firstMs: 1 }), true);
  equal(n, 3);
  equal(await poll(() => false, { timeoutMs: 0 }), false);
});
