/**
 * `rasctl ensure NAME`: idempotent connect for scheduled tasks. Exits 0 at once when the entry
 * is connected, else dials (same credential sources, retries and backoff as `dial`). With
 * --keep it stays running and redials when the link drops, printing one JSON line per event
 * (NDJSON), until Ctrl+C / SIGTERM. A permanent failure (such as 691) ends it: no retry storm.
 *
 * @module
 */

import type { ConnectOptions } from "../ras/connect.ts";
import { load } from "./_registry.ts";
import type { Context } from "./_context.ts";
import { interruptSignal } from "./_interrupt.ts";
import { argument, command, type CommandModule, flag, option, types } from "./_spec.ts";
import { connectOptionsFrom, DIAL_OPTIONS } from "./_dial_options.ts";

/** The service layer, loaded only when a line is to be dialed (not for --help). */
type Ras =
  & typeof import("../ras/connect.ts")
  & typeof import("../ras/connections.ts")
  & typeof import("../ras/dial.ts")
  & typeof import("../ras/async.ts");

async function loadRas(): Promise<Ras> {
  const modules = await Promise.all([
    load<typeof import("../ras/connect.ts")>("../ras/connect.ts"),
    load<typeof import("../ras/connections.ts")>("../ras/connections.ts"),
    load<typeof import("../ras/dial.ts")>("../ras/dial.ts"),
    load<typeof import("../ras/async.ts")>("../ras/async.ts"),
  ]);
  return Object.assign({}, ...modules) as Ras;
}

async function ensureOnce(ras: Ras, name: string, options: ConnectOptions, ctx: Context) {
  const { connect, describeConnection, findConnection, hangUp } = ras;
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

async function keep(
  ras: Ras,
  name: string,
  options: ConnectOptions,
  ctx: Context,
  intervalMs: number,
  signal: AbortSignal,
) {
  const { connectionStatus, hangUp, isTransient, delay } = ras;
  const pause = (ms: number) => delay(ms, { signal }).catch(() => {});
  const first = await ensureOnce(ras, name, options, ctx);
  ctx.event(first.action === "none" ? "connected" : "dialed", first);
  // Watch the handle itself: a dropped link leaves the enumeration, but its handle still
  // reports the error and still has to be hung up.
  let handle = first.connections.at(-1)!.handle;
  while (!signal.aborted) {
    await pause(intervalMs);
    if (signal.aborted) break;
    const status = connectionStatus(handle);
    if (status?.state === "connected") continue;
    const error = status?.error ?? null;
    ctx.event("dropped", { entry: name, handle, error });
    if (status) await hangUp(handle, { entry: name }).catch(() => {});
    try {
      const again = await ensureOnce(ras, name, options, ctx);
      handle = again.connections.at(-1)!.handle;
      ctx.event("redialed", again);
    } catch (failure) {
      if (!isTransient(failure)) throw failure; // e.g. 691: redialing would only lock the account
      ctx.event("redial-failed", { entry: name, code: failure.code, message: failure.message });
    }
  }
  ctx.event("stopped", { entry: name });
}

/** `ensure`'s options: every dial option, and the watch. */
export const ENSURE_OPTIONS = {
  ...DIAL_OPTIONS,
  keep: flag("--keep", "keep running and redial when the link drops (NDJSON events on stdout)"),
  checkInterval: option("--check-interval", types.seconds(), "with --keep: how often to check", {
    default: 10,
  }),
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
    const ras = await loadRas();
    const interrupt = interruptSignal(o.keep ? undefined : o.timeout);
    try {
      const options = await connectOptionsFrom(name, o, ctx, interrupt.signal);
      if (o.keep) {
        // Each redial gets --timeout of its own; Ctrl+C/SIGTERM only stops the watch.
        const { signal: _s, ...perDial } = options;
        await keep(ras, name, perDial, ctx, o.checkInterval * 1000, interrupt.signal);
      } else {
        ctx.result(await ensureOnce(ras, name, options, ctx));
      }
    } finally {
      interrupt.dispose();
    }
  },
});

/** The `ensure` command. */
export const commands: CommandModule["commands"] = [ENSURE_COMMAND];
