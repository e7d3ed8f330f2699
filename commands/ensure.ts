/**
 * `rasctl ensure NAME`: idempotent connect for scheduled tasks. Exits 0 at once when the entry
 * is connected, else dials (same credential sources, retries and backoff as `dial`). With
 * --keep it stays running and redials when the link (or the IP-network link it dialed first)
 * drops, printing one JSON line per event (NDJSON), until Ctrl+C / SIGTERM. It reacts to
 * Windows' disconnection notification (ras/watcher.ts); --check-interval is the fallback poll. A permanent failure (such as 691) ends it: no retry storm.
 *
 * @module
 */

import { awaitOtherDial, connect, type ConnectOptions, isTransient } from "../ras/connect.ts";
import { connectionStatus, describeConnection, findConnection } from "../ras/connections.ts";
import { hangUp } from "../ras/dial.ts";
import { type ConnectionWatcher, tryWatcher } from "../ras/watcher.ts";
import { delay, retry } from "../ras/async.ts";
import type { RasError } from "../ras/errors.ts";
import type { Context } from "./_context.ts";
import { interruptSignal } from "./_interrupt.ts";
import { TimeoutError } from "./_errors.ts";
import { argument, command, type CommandModule, flag, option, types } from "./_spec.ts";
import { connectOptionsFrom, DIAL_OPTIONS } from "./_dial_options.ts";

async function ensureOnce(name: string, options: ConnectOptions, ctx: Context) {
  const found = findConnection(name);
  const up = found ? await describeConnection(found) : null;
  if (up?.state === "connected") {
    ctx.log("already-connected", { entry: name, handle: up.handle });
    return { entry: name, action: "none" as const, connections: [up] };
  }
  if (found && up && up.error === null && up.state !== "disconnected") {
    // Still dialing (a person's own dial, Windows' reconnect): never hang that up; wait for it.
    const joined = await awaitOtherDial(name, options);
    ctx.log("joined", { entry: name, handle: joined.handle });
    return { entry: name, action: "none" as const, connections: [joined] };
  }
  // A dropped link leaves a dead handle behind: release it before redialing.
  if (found) await hangUp(found.handle, { entry: name }).catch(() => {});
  const connections = await connect(name, options);
  ctx.log("dialed", { entry: name, handles: connections.map((c) => c.handle) });
  return { entry: name, action: "dialed" as const, connections };
}

/**
 * One dial's options under --keep: its own --timeout (a deadline and a time-out signal) and the
 * watch's stop signal, so Ctrl+C/SIGTERM also hangs up a redial in progress.
 */
function perDial(options: ConnectOptions, stop: AbortSignal, timeoutMs: number | undefined) {
  if (timeoutMs === undefined) return { ...options, signal: stop };
  return {
    ...options,
    signal: AbortSignal.any([stop, timeoutAfter(timeoutMs)]),
    deadline: Date.now() + timeoutMs,
  };
}

function timeoutAfter(ms: number): AbortSignal {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new TimeoutError(`timed out after ${ms / 1000} s`)),
    ms,
  );
  Deno.unrefTimer(timer); // a finished dial's timer must not keep the watch alive
  return controller.signal;
}

/**
 * How often `ensure --keep` retries its first dial after a transient failure: with the default
 * --retry-delay of 1 s, doubled up to 30 s, about three minutes for the network to come up.
 */
const KEEP_START_RETRIES = 10;

async function keep(
  name: string,
  options: ConnectOptions,
  ctx: Context,
  intervalMs: number,
  signal: AbortSignal,
  timeoutMs?: number,
) {
  // Woken by Windows' notifications (any connection: the links change on each redial); the
  // check interval stays as the fallback. Registered before the first dial, so a drop right
  // after it is not missed.
  using watcher = tryWatcher({ pollIntervalMs: intervalMs, signalsOnly: true });
  // Started before the network is up (a boot-time task): a transient failure (868, 651, 800 ...)
  // is retried with backoff, each failed attempt an event, up to KEEP_START_RETRIES (or
  // --retries when more); a permanent one (691) ends it at once.
  const first = await retry(
    () => ensureOnce(name, perDial({ ...options, retries: 0 }, signal, timeoutMs), ctx),
    {
      retries: Math.max(options.retries ?? 0, KEEP_START_RETRIES),
      delayMs: options.retryDelayMs,
      shouldRetry: isTransient,
      signal,
      onRetry: (attempt, error, retryInMs) => {
        const { code, message } = error as RasError;
        ctx.event("dial-failed", { entry: name, attempt, code, message, retryInMs });
      },
    },
  );
  ctx.event(first.action === "none" ? "connected" : "dialed", first);
  // Watch the handles themselves: a dropped link leaves the enumeration, but its handle still
  // reports the error and still has to be hung up. The VPN is the last connection; one before
  // it is the IP-network (prerequisite) link this run dialed, watched too.
  let links = first.connections.map((c) => ({ entry: c.entry, handle: c.handle }));
  while (!signal.aborted) {
    // Any notification is a reason to look at our own handles: a link dialed and dropped while
    // this process was busy dialing is never listed, so the watcher's own diff cannot see it.
    if (watcher) await signaledOrAborted(watcher, intervalMs, signal);
    else await pause(intervalMs, signal);
    if (signal.aborted) break;
    const down = [];
    for (const l of links) {
      const status = await connectionStatus(l.handle);
      if (status?.state !== "connected") down.push({ ...l, status });
    }
    if (down.length === 0) continue;
    for (const l of down) {
      ctx.event("dropped", { entry: l.entry, handle: l.handle, error: l.status?.error ?? null });
    }
    // The VPN rode on a dropped network link: end it too, then redial from the bottom up.
    const ended = down.some((l) => l.entry !== name) ? links : down;
    for (const l of [...ended].reverse()) {
      await hangUp(l.handle, { entry: l.entry }).catch(() => {});
    }
    try {
      const again = await ensureOnce(name, perDial(options, signal, timeoutMs), ctx);
      links = again.connections.map((c) => ({ entry: c.entry, handle: c.handle }));
      ctx.event("redialed", again);
    } catch (failure) {
      if (!isTransient(failure)) throw failure; // e.g. 691: redialing would only lock the account
      ctx.event("redial-failed", { entry: name, code: failure.code, message: failure.message });
    }
  }
  ctx.event("stopped", { entry: name });
}

async function signaledOrAborted(
  watcher: ConnectionWatcher,
  ms: number,
  signal: AbortSignal,
): Promise<void> {
  const stop = () => watcher[Symbol.dispose]();
  signal.addEventListener("abort", stop, { once: true });
  try {
    await watcher.signaled(ms);
  } finally {
    signal.removeEventListener("abort", stop);
  }
}

/** Waits for the next check; Ctrl+C or SIGTERM ends the wait (and then the watch). */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return delay(ms, { signal }).catch(() => {});
}

/** `ensure`'s options: every dial option, and the watch. */
export const ENSURE_OPTIONS = {
  ...DIAL_OPTIONS,
  keep: flag("--keep", "keep running and redial when the link drops (NDJSON events on stdout)"),
  checkInterval: option(
    "--check-interval",
    types.seconds(),
    "with --keep: how often to check without a notification (the fallback)",
    {
      default: 10,
    },
  ),
} as const;

/** The `ensure` command (its declaration is what `task install` bakes into a task). */
export const ENSURE_COMMAND = command({
  path: ["ensure"],
  summary: "connect unless connected; with --keep, stay connected (for scheduled tasks)",
  args: [argument("name", "the entry to keep connected", { type: types.entryName() })],
  options: ENSURE_OPTIONS,
  examples: [
    'rasctl ensure "Corp VPN"',
    'rasctl ensure "Corp VPN" --keep --check-interval 30 --log-file C:\\ProgramData\\rasctl.log',
  ],
  run: async ({ args, options: o }, ctx) => {
    const name = args.name!;
    const interrupt = interruptSignal(o.keep ? undefined : o.timeout);
    try {
      const options = await connectOptionsFrom(name, o, ctx, interrupt.signal);
      if (o.keep) {
        // Each redial gets --timeout of its own; Ctrl+C/SIGTERM stops the watch and hangs up
        // a redial in progress.
        const { signal: _s, ...dialOptions } = options;
        const timeoutMs = o.timeout === undefined ? undefined : o.timeout * 1000;
        await keep(name, dialOptions, ctx, o.checkInterval * 1000, interrupt.signal, timeoutMs);
      } else {
        const deadline = o.timeout === undefined ? undefined : Date.now() + o.timeout * 1000;
        ctx.result(await ensureOnce(name, { ...options, deadline }, ctx));
      }
    } finally {
      interrupt.dispose();
    }
  },
});

/** The `ensure` command. */
export const commands: CommandModule["commands"] = [ENSURE_COMMAND];
