/**
 * `rasctl watch [NAME ...]`: a live stream of connection events as NDJSON on stdout, one line
 * per event (`dialing`, `connected`, `disconnected` with the RAS error it ended with,
 * `bandwidth-added`, `bandwidth-removed`), each with entry, phone book, handle and an ISO
 * timestamp. Windows signals the changes (RasConnectionNotification); a connection that came
 * and went before watch could look is reported as an `inferred` connected/disconnected pair
 * with a null entry and handle (ras/watcher.ts says what Windows leaves to know). `--once` ends after the first matching event (scripts that
 * wait), `--timeout` bounds it; Ctrl+C / SIGTERM end it with a `stopped` line.
 *
 * @module
 */

import { type ConnectionEventKind, ConnectionWatcher } from "../ras/watcher.ts";
import { interruptSignal } from "./_interrupt.ts";
import { argument, command, type CommandModule, flag, option, types } from "./_spec.ts";
import { TimeoutError } from "./_errors.ts";

/** The event kinds, for `--event`. */
const EVENT_KINDS: Record<ConnectionEventKind, true> = {
  dialing: true,
  connected: true,
  disconnected: true,
  "bandwidth-added": true,
  "bandwidth-removed": true,
};

/** `watch`'s options. */
export const WATCH_OPTIONS = {
  once: flag(
    "--once",
    "end after the first matching event (for scripts that wait; an inferred one does not count)",
  ),
  event: option("--event", types.choiceList(EVENT_KINDS), "only these events, comma-separated"),
  timeout: option(
    "--timeout",
    types.seconds(),
    "end after this long (a stopped line; with --once a TimeoutError)",
  ),
  pollInterval: option(
    "--poll-interval",
    types.seconds(),
    "also look this often without a notification (default: never; Windows' only-once gap, " +
      "DotRas issue 105, hits only connections the watching process dialed, and watch dials none)",
  ),
} as const;

const watch = command({
  path: ["watch"],
  summary: "stream connection events (connected, disconnected, ...) as they happen",
  details: "Prints one JSON object per line: event (dialing, connected, disconnected, " +
    "bandwidth-added, bandwidth-removed), entry, phonebook, handle, error (the RAS error a " +
    "link ended with, or null), links, timestamp (ISO 8601), source (notification or poll) and " +
    "inferred (true for a connection that came and went before watch could look: Windows " +
    "keeps nothing of it, so entry, phonebook and handle are null; it is reported whatever " +
    "names are given). Ctrl+C or SIGTERM end it with a stopped line.",
  args: [
    argument("name", "only these entries (default: every connection)", {
      required: false,
      variadic: true,
      type: types.entryName(),
    }),
  ],
  options: WATCH_OPTIONS,
  examples: [
    "rasctl watch",
    'rasctl watch "Corp VPN" ISP --event connected,disconnected',
    'rasctl watch "Corp VPN" --once --event connected --timeout 60',
  ],
  run: async ({ lists, options: o }, ctx) => {
    const names = lists?.name ?? [];
    const kinds = new Set<string>(o.event ?? Object.keys(EVENT_KINDS));
    const interrupt = interruptSignal(undefined);
    const deadline = o.timeout === undefined ? Infinity : Date.now() + o.timeout * 1000;
    try {
      using watcher = new ConnectionWatcher({
        entries: names,
        pollIntervalMs: o.pollInterval === undefined ? undefined : o.pollInterval * 1000,
      });
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
        for (const { event, ...data } of events) {
          if (!kinds.has(event)) continue;
          ctx.event(event, data);
          // A script waiting for its entry wants a confirmed event: an inferred pair names none.
          if (o.once && !data.inferred) return;
        }
      }
      const reason = interrupt.signal.aborted ? "interrupted" : "timeout";
      if (o.once && reason === "timeout") {
        throw new TimeoutError(`no matching event within ${o.timeout} s`);
      }
      ctx.event("stopped", { reason, timestamp: new Date().toISOString() });
    } finally {
      interrupt.dispose();
    }
  },
});

/** The `watch` command. */
export const commands: CommandModule["commands"] = [watch];
