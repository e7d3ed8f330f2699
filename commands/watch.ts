/**
 * `rasctl watch [NAME ...]`: a live stream of connection events as NDJSON on stdout, one line
 * per event (`dialing`, `connected`, `disconnected` with the RAS error it ended with,
 * `bandwidth-added`, `bandwidth-removed`), each with entry, phone book, handle and an ISO
 * timestamp. Windows signals the changes (RasConnectionNotification) and a slow poll catches
 * any it does not (ras/watcher.ts). `--once` ends after the first matching event (scripts that
 * wait), `--timeout` bounds it; Ctrl+C / SIGTERM end it with a `stopped` line.
 *
 * @module
 */

import { type ConnectionEventKind, ConnectionWatcher } from "../ras/watcher.ts";
import { type Context, interruptSignal, parseSeconds, TimeoutError } from "./_context.ts";
import type { CommandSpec } from "./_spec.ts";
import { asciiJson, UsageError } from "./_output.ts";
import { checkedName } from "./_options.ts";

const KINDS: readonly ConnectionEventKind[] = [
  "dialing",
  "connected",
  "disconnected",
  "bandwidth-added",
  "bandwidth-removed",
];

function emit(event: Record<string, unknown>): void {
  Deno.stdout.writeSync(new TextEncoder().encode(asciiJson(event, 0) + "\n"));
}

function kindsOf(value: unknown): Set<ConnectionEventKind> {
  if (value === undefined) return new Set(KINDS);
  const kinds = String(value).split(",").map((k) => k.trim().toLowerCase());
  for (const k of kinds) {
    if (!(KINDS as readonly string[]).includes(k)) {
      throw new UsageError(
        `--event takes ${KINDS.join(", ")} (comma-separated), got "${k}"`,
        "event",
      );
    }
  }
  return new Set(kinds as ConnectionEventKind[]);
}

async function watch(names: string[], o: Record<string, unknown>, ctx: Context): Promise<void> {
  const kinds = kindsOf(o.event);
  const once = o.once === true;
  const timeout = o.timeout === undefined
    ? undefined
    : parseSeconds(String(o.timeout), "--timeout");
  const pollMs = parseSeconds(String(o.pollInterval), "--poll-interval") * 1000;
  const interrupt = interruptSignal(undefined);
  const deadline = timeout === undefined ? Infinity : Date.now() + timeout * 1000;
  try {
    using watcher = new ConnectionWatcher({ entries: names, pollIntervalMs: pollMs });
    ctx.note(
      `watching ${names.length ? names.map((n) => `"${n}"`).join(", ") : "every connection"}`,
    );
    while (!interrupt.signal.aborted) {
      const left = deadline - Date.now();
      if (left <= 0) break;
      const events = await watcher.next({
        signal: interrupt.signal,
        timeoutMs: left === Infinity ? undefined : left,
      });
      for (const e of events) {
        if (!kinds.has(e.event)) continue;
        ctx.log("event", { event: e.event, entry: e.entry, handle: e.handle });
        emit({ ...e });
        if (once) return;
      }
    }
    const reason = interrupt.signal.aborted ? "interrupted" : "timeout";
    if (once && reason === "timeout") {
      throw new TimeoutError(`no matching event within ${timeout} s`);
    }
    emit({ event: "stopped", reason, timestamp: new Date().toISOString() });
  } finally {
    interrupt.dispose();
  }
}

/** The `watch` command. */
export const spec: CommandSpec = {
  name: "watch",
  description: "stream connection events as NDJSON (connected, disconnected, ...) as they happen",
  args: ["[names...]"],
  options: [
    { flags: "--once", description: "end after the first matching event" },
    {
      flags: "--event <kinds>",
      description:
        "only these events, comma-separated: dialing, connected, disconnected, bandwidth-added, bandwidth-removed",
    },
    { flags: "--timeout <seconds>", description: "end after this long (with --once: an error)" },
    {
      flags: "--poll-interval <seconds>",
      description: "how often to look without a notification (the fallback for missed ones)",
      default: "2",
    },
  ],
  run: async ({ args: [names], options }, ctx) => {
    const list = [names ?? []].flat().filter((n): n is string => typeof n === "string");
    await watch(list.map((n) => checkedName(n)), options, ctx);
  },
};
