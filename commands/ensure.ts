/**
 * `rasctl ensure NAME`: idempotent connect for scheduled tasks. Exits 0 at once when the entry
 * is connected, else dials (same credential sources, retries and backoff as `dial`). With
 * --keep it stays running and redials when the link drops, printing one JSON line per event
 * (NDJSON), until Ctrl+C / SIGTERM. A permanent failure (such as 691) ends it: no retry storm.
 *
 * @module
 */

import { awaitOtherDial, connect, type ConnectOptions, isTransient } from "../ras/connect.ts";
import { connectionStatus, describeConnection, findConnection } from "../ras/connections.ts";
import { hangUp } from "../ras/dial.ts";
import { type Context, interruptSignal, parseSeconds, TimeoutError } from "./_context.ts";
import type { CommandSpec } from "./_spec.ts";
import { connectOptionsFrom, DIAL_OPTIONS, timeoutOf } from "./_dial_options.ts";
import { asciiJson } from "./_output.ts";

async function ensureOnce(name: string, options: ConnectOptions, ctx: Context) {
  const found = findConnection(name);
  const up = found ? describeConnection(found) : null;
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

function emit(event: Record<string, unknown>): void {
  Deno.stdout.writeSync(new TextEncoder().encode(asciiJson(event, 0) + "\n"));
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

async function keep(
  name: string,
  options: ConnectOptions,
  ctx: Context,
  intervalMs: number,
  signal: AbortSignal,
  timeoutMs?: number,
) {
  const first = await ensureOnce(name, perDial(options, signal, timeoutMs), ctx);
  emit({ event: first.action === "none" ? "connected" : "dialed", ...first });
  // Watch the handle itself: a dropped link leaves the enumeration, but its handle still
  // reports the error and still has to be hung up.
  let handle = first.connections.at(-1)!.handle;
  while (!signal.aborted) {
    await pause(intervalMs, signal);
    if (signal.aborted) break;
    const status = connectionStatus(handle);
    if (status?.state === "connected") continue;
    const error = status?.error ?? null;
    ctx.log("dropped", { entry: name, handle, error });
    emit({ event: "dropped", entry: name, handle, error });
    if (status) await hangUp(handle, { entry: name }).catch(() => {});
    try {
      const again = await ensureOnce(name, perDial(options, signal, timeoutMs), ctx);
      handle = again.connections.at(-1)!.handle;
      ctx.log("redialed", { entry: name, handle });
      emit({ event: "redialed", ...again });
    } catch (failure) {
      if (!isTransient(failure)) throw failure; // e.g. 691: redialing would only lock the account
      ctx.log("redial-failed", { entry: name, code: failure.code });
      emit({ event: "redial-failed", entry: name, code: failure.code, message: failure.message });
    }
  }
  emit({ event: "stopped", entry: name });
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
  });
}

/** The `ensure` command. */
export const spec: CommandSpec = {
  name: "ensure",
  description: "connect unless already connected; --keep stays and redials on drops",
  args: ["<name>"],
  options: [
    ...DIAL_OPTIONS,
    {
      flags: "--keep",
      description: "keep running and redial when the link drops (NDJSON events on stdout)",
    },
    {
      flags: "--check-interval <seconds>",
      description: "with --keep: how often to check the link",
      default: "10",
    },
  ],
  run: async ({ args: [name], options: o }, ctx) => {
    const keepGoing = o.keep === true;
    const interrupt = interruptSignal(keepGoing ? undefined : timeoutOf(o));
    try {
      const options = await connectOptionsFrom(name!, o, ctx, interrupt.signal);
      if (keepGoing) {
        const interval = parseSeconds(String(o.checkInterval), "--check-interval") * 1000;
        // Each redial gets --timeout of its own; Ctrl+C/SIGTERM stops the watch and hangs up
        // a redial in progress.
        const { signal: _s, ...dialOptions } = options;
        const seconds = timeoutOf(o);
        await keep(
          name!,
          dialOptions,
          ctx,
          interval,
          interrupt.signal,
          seconds === undefined ? undefined : seconds * 1000,
        );
      } else {
        ctx.result(await ensureOnce(name!, options, ctx));
      }
    } finally {
      interrupt.dispose();
    }
  },
};
