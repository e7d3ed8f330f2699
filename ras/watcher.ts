/**
 * Live connection events. A {@link ConnectionWatcher} asks Windows to signal Win32 events
 * when a connection is created or terminated or a multilink subentry comes or goes
 * (RasConnectionNotificationW), waits on them without using the JS thread, and turns every
 * wake-up into events by comparing what RasEnumConnections and RasGetConnectStatus report
 * with what it saw before. So a signal never stands for an event by itself (the RAS docs:
 * "use other RAS functions, such as RasEnumConnections, to get more information"), and a
 * signal Windows fails to send is made up for by a slow poll: DotRas issue 105 reports that on
 * Windows 11 a registration fires only once for connections the same process dialed
 * (https://github.com/DotRas/DotRas/issues/105; "it only happens if the connection has been
 * established by the same process. Watching it when the connection gets setup or disconnected
 * from an external process seems to work fine"). So the poll runs, every
 * {@link FALLBACK_POLL_MS} ms, only once this process has dialed a connection (a process that
 * never dials, such as `rasctl watch`, waits with no time-out and uses no CPU between events),
 * unless `pollIntervalMs` sets a period of its own.
 *
 * A connection created and released between two looks (before the watcher could enumerate
 * it) leaves nothing to ask: RasEnumConnections no longer lists it and RasGetConnectStatus
 * answers ERROR_INVALID_HANDLE for its handle. Its RASCN_Disconnection signal still arrives,
 * so a disconnection signal that no connection the watcher knows explains is reported as an
 * `inferred` pair, `connected` then `disconnected`, with entry, phone book and handle null.
 * The limit: the events are auto-reset, so signals that arrive before the watcher has woken
 * are one signal; a transient connection whose termination coincides with another one's (the
 * same wake) cannot be told apart and is not reported. See the README's `watch` section.
 *
 * @module
 */

import { LibraryNotFoundError, rasapi32 } from "../ffi/library.ts";
import { INFINITE, INVALID_HANDLE_VALUE, RASCN, waitForAny, Win32Event } from "../ffi/events.ts";
import { check, RasError } from "../ffi/errors.ts";
import { type Handle, handlePointer } from "./_handle.ts";
import { type ConnectionStatus, connectionStatus, listConnections } from "./connections.ts";
import { RASCS_CONNECTED } from "./constants.ts";
import { ownDials } from "./_own_dials.ts";

/**
 * How often a watcher looks for itself when no notification came (ms), once its process has
 * dialed a connection (DotRas issue 105).
 */
export const FALLBACK_POLL_MS = 2_000;

/**
 * How long a disconnection seen before its signal arrived may account for that signal (ms):
 * the signal follows the change it reports within milliseconds (the sim: one table re-read).
 */
const LATE_SIGNAL_MS = 1_000;

/** What happened to a connection. */
export type ConnectionEventKind =
  | "dialing"
  | "connected"
  | "disconnected"
  | "bandwidth-added"
  | "bandwidth-removed";

/** One change of one connection. */
export interface ConnectionEvent {
  /** What happened. */
  event: ConnectionEventKind;
  /** The entry's name (null for an inferred event: Windows no longer says). */
  entry: string | null;
  /** The phone-book file of the entry (empty when Windows no longer says; null if inferred). */
  phonebook: string | null;
  /** The connection's handle as hex text (null for an inferred event). */
  handle: Handle | null;
  /** For `disconnected`: the RAS error the link ended with, or null (hung up). */
  error: ConnectionStatus["error"];
  /** For bandwidth events: the number of connected subentries now. */
  links: number;
  /** When the change was seen, as an ISO 8601 UTC timestamp. */
  timestamp: string;
  /** What woke the watcher: a notification from Windows, or the fallback poll. */
  source: "notification" | "poll";
  /**
   * True for a connection that came and went between two looks: only its disconnection
   * signal is known (see the module notes), so entry and handle are null.
   */
  inferred: boolean;
}

/** Options of {@link ConnectionWatcher}. */
export interface WatcherOptions {
  /** Only these entries (names compared case-insensitively); default every entry. */
  entries?: readonly string[] | undefined;
  /** Only this connection (RasConnectionNotification for one handle: no `connected`). */
  handle?: Handle | undefined;
  /**
   * The fallback poll's period in ms. Default: {@link FALLBACK_POLL_MS} once this process has
   * dialed a connection, else no poll (DotRas issue 105 hits only own-process connections).
   */
  pollIntervalMs?: number | undefined;
  /**
   * The caller only waits with {@link ConnectionWatcher.signaled} and checks its own handles
   * (hang-up, `ensure --keep`): no first look at the connections (a RasEnumConnections and a
   * RasGetConnectStatus per connection saved on every hang-up), and {@link ConnectionWatcher.next}
   * is not available.
   */
  signalsOnly?: boolean | undefined;
}

/** Where a connection is: still dialing, connected, or ended. */
export type Phase = "dialing" | "connected" | "disconnected";
interface Seen {
  entry: string;
  phonebook: string;
  phase: Phase;
  error: ConnectionStatus["error"];
  links: number;
  /** Windows no longer knows the handle. */
  released: boolean;
  /** One of the watched connections (the others are tracked to account for signals). */
  wanted: boolean;
  /** Its termination (a drop, a failure, or a hung-up link's release) has been counted. */
  terminated: boolean;
}

const FLAGS = [
  RASCN.RASCN_Connection,
  RASCN.RASCN_Disconnection,
  RASCN.RASCN_BandwidthAdded,
  RASCN.RASCN_BandwidthRemoved,
] as const;

/**
 * Watches connections. Hold it with `using`: disposing closes its events (at once, or when a
 * pending wait has returned, since closing a handle being waited on is undefined in Win32).
 *
 * @example
 * ```ts ignore
 * using watcher = new ConnectionWatcher({ entries: ["Corp VPN"] });
 * for (const event of await watcher.next()) console.log(event.event, event.handle);
 * ```
 */
export class ConnectionWatcher implements Disposable {
  #events: Win32Event[] = [];
  /** The RASCN_* flag each of #events was registered for. */
  #flags: number[] = [];
  #stop: Win32Event;
  #seen = new Map<Handle, Seen>();
  #entries: Set<string> | undefined;
  #handle: Handle | undefined;
  #pollMs: number | undefined;
  /** Disconnections seen whose signal may still come, and until when they may. */
  #late = { count: 0, until: 0 };
  #signalsOnly: boolean;
  #waiting = false;
  #disposed = false;

  /**
   * Registers for notifications and takes the first look at the connections.
   *
   * @param options Which connections, and the fallback poll's period.
   * @throws {RasError} When RasConnectionNotificationW or RasEnumConnections fails (6 for a
   * handle Windows does not know).
   */
  constructor(options: WatcherOptions = {}) {
    this.#entries = options.entries?.length
      ? new Set(options.entries.map((e) => e.toLowerCase()))
      : undefined;
    this.#handle = options.handle;
    this.#pollMs = options.pollIntervalMs;
    this.#signalsOnly = options.signalsOnly ?? false;
    this.#stop = new Win32Event({ manualReset: true });
    try {
      const lib = rasapi32();
      const target = this.#handle ? handlePointer(this.#handle) : INVALID_HANDLE_VALUE;
      for (const flag of FLAGS) {
        // "RASCN_Connection: if hrasconn is INVALID_HANDLE_VALUE" only.
        if (this.#handle && flag === RASCN.RASCN_Connection) continue;
        const event = new Win32Event();
        this.#events.push(event);
        this.#flags.push(flag);
        check(
          lib.RasConnectionNotificationW(target, event.handle, flag),
          "RasConnectionNotification",
        );
      }
      if (this.#signalsOnly) return;
      // The first look reads each connection's status, a nonblocking call (ffi/symbols.ts):
      // it completes in the background, and next() and signaled() wait for it.
      this.ready = this.#look().then((seen) => {
        this.#seen = seen;
        // What ended before the registration was signaled to nobody: no signal to account for.
        for (const s of this.#seen.values()) {
          s.terminated = s.phase === "disconnected" && s.error !== null;
        }
      });
      this.ready.catch(() => {}); // reported by next(), not as an unhandled rejection
    } catch (error) {
      this.#close();
      throw error;
    }
  }

  /** Resolves when the first look at the connections is done ({@link connections} is set). */
  readonly ready: Promise<void> = Promise.resolve();

  /** The connections as last seen (once {@link ready}): handle, entry and phase. */
  get connections(): { handle: Handle; entry: string; state: Phase }[] {
    return [...this.#seen].filter(([, s]) => s.wanted)
      .map(([handle, s]) => ({ handle, entry: s.entry, state: s.phase }));
  }

  /**
   * The fallback poll's period now (ms), or null when the watcher relies on notifications
   * alone: no period was given and this process has dialed nothing (DotRas issue 105).
   */
  get pollIntervalMs(): number | null {
    if (this.#pollMs !== undefined) return this.#pollMs;
    return ownDials() > 0 ? FALLBACK_POLL_MS : null;
  }

  /**
   * Waits for the next change(s) of the watched connections.
   *
   * @param options `signal` ends the wait early (the result is then empty); `timeoutMs`
   * bounds it (empty on time-out).
   * @returns The events, oldest first; empty when stopped or timed out.
   * @throws {RasError} When a RAS call fails.
   */
  async next(
    options: { signal?: AbortSignal | undefined; timeoutMs?: number | undefined } = {},
  ): Promise<ConnectionEvent[]> {
    if (this.#disposed) throw new Error("the connection watcher has been disposed");
    if (this.#signalsOnly) throw new Error("a signalsOnly connection watcher has no next()");
    await this.ready;
    const { signal } = options;
    const deadline = options.timeoutMs === undefined ? Infinity : Date.now() + options.timeoutMs;
    const wake = () => this.#stop.set();
    signal?.addEventListener("abort", wake, { once: true });
    try {
      while (!signal?.aborted && !this.#disposed) {
        const left = deadline - Date.now();
        if (left <= 0) return [];
        this.#waiting = true;
        let woken: number | "timeout";
        const signaled = new Set<number>();
        try {
          woken = await waitForAny(
            [this.#stop, ...this.#events],
            Math.min(this.pollIntervalMs ?? INFINITE, left),
          );
          // The other flags signaled by now: each auto-reset event is taken (reset) here,
          // before the look, so a signal after this point comes with a later look.
          if (typeof woken === "number" && woken > 0) {
            signaled.add(this.#flags[woken - 1]!);
            // One zero-time wait per signaled event plus one that times out (usually one
            // call in all), not one per event: each wait is a call on a worker thread.
            const rest = this.#events.map((event, i) => ({ event, flag: this.#flags[i]! }));
            rest.splice(woken - 1, 1);
            while (rest.length) {
              const hit = await waitForAny(rest.map((r) => r.event), 0);
              if (hit === "timeout") break;
              signaled.add(rest[hit]!.flag);
              rest.splice(hit, 1);
            }
          }
        } finally {
          this.#waiting = false;
          if (this.#disposed) this.#close();
        }
        if (woken === 0 || this.#disposed) break;
        const found = await this.#changes(
          woken === "timeout" ? "poll" : "notification",
          signaled,
        );
        if (found.length) return found;
      }
      return [];
    } finally {
      signal?.removeEventListener("abort", wake);
      if (!this.#disposed) this.#stop.reset();
    }
  }

  /**
   * Waits for the next notification from Windows without looking at the connections (for a
   * caller that checks one handle itself, as hang-up does): true when signaled, false after
   * `timeoutMs` or when disposed.
   *
   * @param timeoutMs The longest wait.
   * @returns Whether a notification came.
   */
  async signaled(timeoutMs: number): Promise<boolean> {
    await this.ready.catch(() => {});
    if (this.#disposed) return false;
    this.#waiting = true;
    try {
      const woken = await waitForAny([this.#stop, ...this.#events], timeoutMs);
      return typeof woken === "number" && woken > 0;
    } finally {
      this.#waiting = false;
      if (this.#disposed) this.#close();
    }
  }

  /**
   * The events one at a time, until `signal` aborts.
   *
   * @param signal Ends the stream.
   * @returns An async iterator of events.
   */
  async *events(signal?: AbortSignal): AsyncGenerator<ConnectionEvent> {
    while (!signal?.aborted && !this.#disposed) yield* await this.next({ signal });
  }

  /** Stops a pending wait and closes the events (now, or when the wait has returned). */
  [Symbol.dispose](): void {
    if (this.#disposed) return;
    this.#disposed = true;
    if (this.#waiting) this.#stop.set();
    else this.#close();
  }

  #close(): void {
    for (const event of this.#events) event[Symbol.dispose]();
    this.#events = [];
    this.#stop[Symbol.dispose]();
  }

  #wanted(entry: string, handle: Handle): boolean {
    if (this.#handle) return handle === this.#handle;
    return !this.#entries || this.#entries.has(entry.toLowerCase());
  }

  /**
   * Every connection now (watched or not: a signal is accounted for by any of them), with the
   * handles seen before that Windows still knows. With one handle to watch, only that one.
   */
  async #look(): Promise<Map<Handle, Seen>> {
    const now = new Map<Handle, Seen>();
    const candidates = new Map<Handle, { entry: string; phonebook: string }>();
    for (const c of listConnections()) {
      if (!this.#handle || c.handle === this.#handle) candidates.set(c.handle, c);
    }
    for (const [handle, s] of this.#seen) {
      if (!candidates.has(handle)) candidates.set(handle, s);
    }
    if (this.#handle && !candidates.has(this.#handle)) {
      candidates.set(this.#handle, { entry: this.#handle, phonebook: "" });
    }
    for (const [handle, c] of candidates) {
      const status = await connectionStatus(handle);
      if (!status) {
        // Released: Windows no longer knows the handle.
        const before = this.#seen.get(handle);
        if (before) now.set(handle, { ...before, phase: "disconnected", links: 0, released: true });
        continue;
      }
      const ended = status.state === "disconnected" || status.error !== null;
      const phase: Phase = ended
        ? "disconnected"
        : status.stateCode === RASCS_CONNECTED
        ? "connected"
        : "dialing";
      now.set(handle, {
        entry: c.entry,
        phonebook: c.phonebook,
        phase,
        error: status.error,
        links: phase === "connected" ? subentries(handle) : 0,
        released: false,
        wanted: this.#wanted(c.entry, handle),
        terminated: this.#seen.get(handle)?.terminated ?? false,
      });
    }
    return now;
  }

  /**
   * The events between the last look and this one. `signaled` holds the RASCN_* flags whose
   * events woke this look: a disconnection signal that no seen disconnection (or release)
   * accounts for is a connection that came and went unseen, reported as an inferred pair.
   */
  async #changes(
    source: ConnectionEvent["source"],
    signaled: ReadonlySet<number>,
  ): Promise<ConnectionEvent[]> {
    const before = this.#seen;
    const after = await this.#look();
    const now = Date.now();
    const timestamp = new Date(now).toISOString();
    const out: ConnectionEvent[] = [];
    const add = (event: ConnectionEventKind, handle: Handle, s: Seen) => {
      if (!s.wanted) return;
      out.push({
        event,
        entry: s.entry,
        phonebook: s.phonebook,
        handle,
        error: event === "disconnected" ? s.error : null,
        links: s.links,
        timestamp,
        source,
        inferred: false,
      });
    };
    let ends = 0; // terminations seen now: RASCN_Disconnection signals one each
    for (const [handle, s] of after) {
      // Terminated: dropped or failed (listed with its error), or released. A hung-up link
      // still listed is not yet: Windows signals it when it is gone.
      if (!s.terminated && (s.released || (s.phase === "disconnected" && s.error !== null))) {
        s.terminated = true;
        ends++;
      }
      const old = before.get(handle);
      if (!old) {
        add(s.phase, handle, s);
      } else if (old.phase !== s.phase) {
        if (old.phase === "disconnected") continue; // never back from the end
        add(s.phase, handle, s);
      } else if (s.phase === "connected" && s.links !== old.links) {
        add(s.links > old.links ? "bandwidth-added" : "bandwidth-removed", handle, s);
      }
    }
    this.#accountFor(ends, signaled.has(RASCN.RASCN_Disconnection), now, (inferred) => {
      for (const event of ["connected", "disconnected"] as const) {
        out.push({
          event,
          entry: null,
          phonebook: null,
          handle: null,
          error: null,
          links: 0,
          timestamp,
          source,
          inferred,
        });
      }
    });
    // Forget connections that ended and that Windows has released.
    for (const [handle, s] of after) if (s.released) after.delete(handle);
    this.#seen = after;
    return out;
  }

  /**
   * Matches disconnection signals with the terminations seen (one signal each, as the sim
   * sends them and the docs describe: "signaled when the hrasconn connection is terminated").
   * A signal usually arrives just
   * after the change it reports is visible, so a change seen without its signal leaves a
   * credit for the next signal (for {@link LATE_SIGNAL_MS}); a signal with neither a change
   * nor a credit is a connection that was gone before this look.
   */
  #accountFor(ends: number, signaled: boolean, now: number, infer: (inferred: true) => void) {
    if (this.#handle) return; // one handle's registration: it is watched by handle
    if (now > this.#late.until) this.#late.count = 0;
    if (signaled && ends === 0) {
      if (this.#late.count > 0) this.#late.count--;
      else infer(true);
    }
    const unsignaled = signaled ? Math.max(0, ends - 1) : ends;
    if (unsignaled > 0) {
      this.#late.count += unsignaled;
      this.#late.until = now + LATE_SIGNAL_MS;
    }
  }
}

/**
 * A watcher, or undefined where notifications cannot be had (no kernel32 to load, or a handle
 * Windows does not know): callers then rely on their poll alone.
 *
 * @param options As for {@link ConnectionWatcher}.
 * @returns The watcher (dispose of it), or undefined.
 * @example
 * ```ts ignore
 * using watcher = tryWatcher({ handle: "0x10001" });
 * ```
 */
export function tryWatcher(options: WatcherOptions): ConnectionWatcher | undefined {
  try {
    return new ConnectionWatcher(options);
  } catch (error) {
    if (error instanceof LibraryNotFoundError || error instanceof RasError) return undefined;
    throw error;
  }
}

/** How many subentries (links) of a multilink connection are connected (RasGetSubEntryHandle). */
function subentries(handle: Handle): number {
  const lib = rasapi32();
  const out = new BigUint64Array(1);
  let n = 0;
  // Subentries are numbered from 1; 259 (ERROR_NO_MORE_ITEMS) ends them.
  while (n < 64 && lib.RasGetSubEntryHandleW(handlePointer(handle), n + 1, out) === 0) n++;
  return n;
}
