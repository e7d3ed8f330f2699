/**
 * The async helpers rasctl needs, once: a delay that an abort signal ends, a promise raced
 * against a signal, retries with exponential backoff, and polling until a condition holds.
 * (After denoland/std's `async` module: `delay`, `abortable`, `retry`.)
 *
 * @module
 */

/**
 * Waits `ms` milliseconds, or rejects with the signal's reason when it aborts first.
 *
 * @param ms How long to wait.
 * @param options `signal`: ends the wait early.
 * @returns When the time is up.
 * @example
 * ```ts
 * await delay(1);
 * ```
 */
export function delay(
  ms: number,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<void> {
  const { signal } = options;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener("abort", abort);
      resolve();
    }
    function abort() {
      clearTimeout(timer);
      reject(signal!.reason);
    }
    signal?.addEventListener("abort", abort, { once: true });
  });
}

/**
 * Settles like `promise`, or rejects with the signal's reason when it aborts first.
 *
 * @param promise What to wait for.
 * @param signal Ends the wait early (the promise itself keeps running).
 * @returns The promise's value.
 * @example
 * ```ts
 * await abortable(Promise.resolve(1), new AbortController().signal); // 1
 * ```
 */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** Options of {@link retry}. */
export interface RetryOptions {
  /** Retries after the first attempt (default 0). */
  retries?: number | undefined;
  /** The first pause in ms (default 1000), multiplied by `factor` per retry. */
  delayMs?: number | undefined;
  /** The multiplier (default 2). */
  factor?: number | undefined;
  /** The longest pause in ms (default 30000). */
  maxDelayMs?: number | undefined;
  /** Whether a failure is worth another attempt (default: always). */
  shouldRetry?: ((error: unknown) => boolean) | undefined;
  /** Called before each pause. */
  onRetry?: ((attempt: number, error: unknown, delayMs: number) => void) | undefined;
  /** Stops retrying (the pause rejects with its reason). */
  signal?: AbortSignal | undefined;
}

/**
 * Runs `attempt` until it succeeds, a failure is not worth retrying, or the retries are used
 * up; pauses with exponential backoff between attempts.
 *
 * @param attempt The work.
 * @param options Retries, backoff, which failures to retry, and a signal.
 * @returns The first successful result.
 * @throws The last failure.
 * @example
 * ```ts
 * let n = 0;
 * await retry(() => (++n < 3 ? Promise.reject(new Error("busy")) : Promise.resolve(n)), {
 *   retries: 5,
 *   delayMs: 1,
 * }); // 3
 * ```
 */
export async function retry<T>(attempt: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const retries = options.retries ?? 0;
  let pause = options.delayMs ?? 1000;
  for (let n = 0;; n++) {
    try {
      return await attempt();
    } catch (error) {
      const worth = options.shouldRetry?.(error) ?? true;
      if (n >= retries || !worth || options.signal?.aborted) throw error;
      options.onRetry?.(n + 1, error, pause);
      await delay(pause, { signal: options.signal });
      pause = Math.min(pause * (options.factor ?? 2), options.maxDelayMs ?? 30_000);
    }
  }
}

/**
 * Checks `done()` until it holds, pausing a little longer each time (from `firstMs`, doubled,
 * up to `maxMs`), for at most `timeoutMs`. `wait`, when given, replaces the pause (it gets the
 * pause's length): a wait that something can end early, such as a notification.
 *
 * @param done The condition (it may be async: a nonblocking FFI call).
 * @param options The time limit and the pauses.
 * @returns True when the condition held, false when time ran out.
 * @example
 * ```ts
 * let n = 0;
 * await poll(() => ++n > 2, { timeoutMs: 1000 }); // true
 * ```
 */
export async function poll(
  done: () => boolean | Promise<boolean>,
  options: {
    timeoutMs: number;
    firstMs?: number;
    maxMs?: number;
    wait?: ((ms: number) => Promise<unknown>) | undefined;
  },
): Promise<boolean> {
  const deadline = Date.now() + options.timeoutMs;
  let pause = options.firstMs ?? 5;
  while (!(await done())) {
    const left = deadline - Date.now();
    if (left <= 0) return false;
    await (options.wait ?? delay)(Math.min(pause, left));
    pause = Math.min(pause * 2, options.maxMs ?? 100);
  }
  return true;
}
