/**
 * `rasctl ensure NAME`: idempotent connect for scheduled tasks. Exits 0 at once when the entry
 * is connected, else dials (same credential sources, retries and backoff as `dial`). With
 * --keep it stays running and redials when the link drops, printing one JSON line per event
 * (NDJSON), until Ctrl+C / SIGTERM. A permanent failure (such as 691) ends it: no retry storm.
 *
 * @module
 */

import { Command } from "commander";
import { connect, type ConnectOptions, isTransient } from "../ras/connect.ts";
import {
  type Connection,
  connectionStatus,
  describeConnection,
  findConnection,
} from "../ras/connections.ts";
import { hangUp } from "../ras/dial.ts";
import { type Context, interruptSignal, parseSeconds, withContext } from "./_context.ts";
import { connectOptionsFrom, timeoutOf, withDialOptions } from "./_dial_options.ts";
import { asciiJson } from "./_output.ts";

function connectedNow(name: string): Connection | null {
  const found = findConnection(name);
  const described = found ? describeConnection(found) : null;
  return described?.state === "connected" ? described : null;
}

async function ensureOnce(name: string, options: ConnectOptions, ctx: Context) {
  const up = connectedNow(name);
  if (up) {
    ctx.log("already-connected", { entry: name, handle: up.handle });
    return { entry: name, action: "none" as const, connections: [up] };
  }
  // A dropped link can leave a dead handle behind: release it before redialing.
  const stale = findConnection(name);
  if (stale) await hangUp(stale.handle, { entry: name }).catch(() => {});
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
  const first = await ensureOnce(name, options, ctx);
  emit({ event: first.action === "none" ? "connected" : "dialed", ...first });
  while (!signal.aborted) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, intervalMs);
      signal.addEventListener("abort", () => {
        clearTimeout(timer);
        resolve();
      }, { once: true });
    });
    if (signal.aborted) break;
    const found = findConnection(name);
    const status = found ? connectionStatus(found.handle) : null;
    if (status?.state === "connected") continue;
    ctx.log("dropped", { entry: name, error: status?.error ?? null });
    emit({ event: "dropped", entry: name, error: status?.error ?? null });
    try {
      const again = await ensureOnce(name, options, ctx);
      emit({ event: "redialed", ...again });
    } catch (error) {
      if (!isTransient(error)) throw error; // e.g. 691: redialing would only lock the account
      ctx.log("redial-failed", { entry: name, code: error.code });
      emit({ event: "redial-failed", entry: name, code: error.code, message: error.message });
    }
  }
  emit({ event: "stopped", entry: name });
}

/** Builds the `ensure` command. */
export function command(): Command {
  return withDialOptions(
    new Command("ensure")
      .description("connect unless already connected; --keep stays and redials on drops")
      .argument("<name>"),
  )
    .option("--keep", "keep running and redial when the link drops (NDJSON events on stdout)")
    .option("--check-interval <seconds>", "with --keep: how often to check the link", "10")
    .action((name: string, o: Record<string, unknown>, cmd: Command) =>
      withContext(cmd, async (ctx) => {
        const keepGoing = o.keep === true;
        const interrupt = interruptSignal(keepGoing ? undefined : timeoutOf(o));
        try {
          const options = await connectOptionsFrom(name, o, ctx, interrupt.signal);
          if (keepGoing) {
            const interval = parseSeconds(String(o.checkInterval), "--check-interval") * 1000;
            // Each redial gets --timeout of its own; Ctrl+C/SIGTERM only stops the watch.
            const { signal: _s, ...perDial } = options;
            await keep(name, perDial, ctx, interval, interrupt.signal);
          } else {
            ctx.result(await ensureOnce(name, options, ctx));
          }
        } finally {
          interrupt.dispose();
        }
      })
    );
}
