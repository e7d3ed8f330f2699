/**
 * `rasctl ensure NAME`: idempotent connect for scheduled tasks. Exits 0 at once when the entry
 * is connected, else dials (same credential sources, retries and backoff as `dial`). With
 * --keep it stays running and redials when the link (or the IP-network link it dialed first)
 * drops, printing one JSON line per event (NDJSON), until Ctrl+C / SIGTERM. It reacts to
 * Windows' disconnection notification (ras/watcher.ts); --check-interval is the fallback poll. A permanent failure (such as 691) ends it: no retry storm.
 *
 * @module
 */

import { connect, type ConnectOptions, isTransient } from "../ras/connect.ts";
import { connectionStatus, describeConnection, findConnection } from "../ras/connections.ts";
import { hangUp } from "../ras/dial.ts";
import { type ConnectionWatcher, tryWatcher } from "../ras/watcher.ts";
import { type Context, interruptSignal, parseSeconds } from "./_context.ts";
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
  // A dropped link can leave a dead handle behind: release it before redialing.
  if (found) await hangUp(found.handle, { entry: name }).catch(() => {});
  const connections = await connect(name, options);
  ctx.log("dialed", { entry: name, handles: connections.map((c) => c.handle) });
  return { entry: name, action: "dialed" as const, connections };
}

function emit(event: Record<string, unknown>): void {
  Deno.stdout.writeSync(new TextEncoder().encode(asciiJson(event, 0) + "\n"));
}

async function keep(
  name: string,
  options: ConnectOptions,
  ctx: Context,
  intervalMs: number,
  signal: AbortSignal,
) {
  // Woken by Windows' notifications (any connection: the links change on each redial); the
  // check interval stays as the fallback. Registered before the first dial, so a drop right
  // after it is not missed.
  using watcher = tryWatcher({ pollIntervalMs: intervalMs });
  const first = await ensureOnce(name, options, ctx);
  emit({ event: first.action === "none" ? "connected" : "dialed", ...first });
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
    const down = links.map((l) => ({ ...l, status: connectionStatus(l.handle) }))
      .filter((l) => l.status?.state !== "connected");
    if (down.length === 0) continue;
    for (const l of down) {
      const error = l.status?.error ?? null;
      ctx.log("dropped", { entry: l.entry, handle: l.handle, error });
      emit({ event: "dropped", entry: l.entry, handle: l.handle, error });
    }
    // The VPN rode on a dropped network link: end it too, then redial from the bottom up.
    const ended = down.some((l) => l.entry !== name) ? links : down;
    for (const l of [...ended].reverse()) {
      await hangUp(l.handle, { entry: l.entry }).catch(() => {});
    }
    try {
      const again = await ensureOnce(name, options, ctx);
      links = again.connections.map((c) => ({ entry: c.entry, handle: c.handle }));
      ctx.log("redialed", { entry: name, handle: links.at(-1)!.handle });
      emit({ event: "redialed", ...again });
    } catch (failure) {
      if (!isTransient(failure)) throw failure; // e.g. 691: redialing would only lock the account
      ctx.log("redial-failed", { entry: name, code: failure.code });
      emit({ event: "redial-failed", entry: name, code: failure.code, message: failure.message });
    }
  }
  emit({ event: "stopped", entry: name });
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
        // Each redial gets --timeout of its own; Ctrl+C/SIGTERM only stops the watch.
        const { signal: _s, ...perDial } = options;
        await keep(name!, perDial, ctx, interval, interrupt.signal);
      } else {
        ctx.result(await ensureOnce(name!, options, ctx));
      }
    } finally {
      interrupt.dispose();
    }
  },
};
