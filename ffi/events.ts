/**
 * Win32 event objects and the waits on them (kernel32), for RasConnectionNotificationW.
 * The waits are nonblocking FFI calls: they run on a worker thread, so the JS thread stays
 * free while nothing happens, and the process uses no CPU while it waits.
 *
 * @module
 */

import { kernel32 } from "./kernel32.ts";
import { RasError } from "./errors.ts";
import { ERROR_INVALID_HANDLE, ERROR_NOT_ENOUGH_MEMORY } from "./_error_codes.ts";

/** The wait succeeded on handle 0 (`WAIT_OBJECT_0 + i` for handle i; synchapi.h). */
export const WAIT_OBJECT_0 = 0x00000000;
/** A mutex's owner ended without releasing it (only mutexes; rasctl waits on events). */
export const WAIT_ABANDONED_0 = 0x00000080;
/** The time-out elapsed before any handle was signaled (winerror.h 258). */
export const WAIT_TIMEOUT = 0x00000102;
/** The wait failed: a bad handle or count (`(DWORD)0xFFFFFFFF`). */
export const WAIT_FAILED = 0xffffffff;
/** Wait without a time-out (winbase.h). */
export const INFINITE = 0xffffffff;
/** The most handles one WaitForMultipleObjects call takes (winnt.h). */
export const MAXIMUM_WAIT_OBJECTS = 64;
/** `(HANDLE)-1`: for RasConnectionNotificationW, "all connections". */
export const INVALID_HANDLE_VALUE: Deno.PointerValue = Deno.UnsafePointer.create(
  0xffffffffffffffffn,
);

/** RasConnectionNotificationW's dwFlags (ras.h RASCN_*; `../shared/abi/constants.json`). */
export const RASCN = {
  RASCN_Connection: 0x1,
  RASCN_Disconnection: 0x2,
  RASCN_BandwidthAdded: 0x4,
  RASCN_BandwidthRemoved: 0x8,
} as const;

/**
 * An unnamed event object (CreateEventW). Dispose of it (or hold it with `using`) to close
 * its handle; never while a wait on it is pending (undefined behaviour on Windows).
 *
 * @example
 * ```ts ignore
 * using stop = new Win32Event({ manualReset: true });
 * stop.set();
 * await waitForAny([stop], 0); // 0
 * ```
 */
export class Win32Event implements Disposable {
  #handle: Deno.PointerValue;

  /**
   * Creates the event.
   *
   * @param options `manualReset` (stays signaled until reset; default false: a satisfied wait
   * resets it) and `signaled` (the initial state; default false).
   * @throws {RasError} With GetLastError's code when CreateEventW fails.
   */
  constructor(options: { manualReset?: boolean; signaled?: boolean } = {}) {
    const k = kernel32();
    const handle = k.CreateEventW(
      null,
      options.manualReset ? 1 : 0,
      options.signaled ? 1 : 0,
      null,
    );
    if (handle === null) {
      throw new RasError(k.GetLastError() || ERROR_NOT_ENOUGH_MEMORY, {
        operation: "CreateEventW",
      });
    }
    this.#handle = handle;
  }

  /** The HANDLE, for RasConnectionNotificationW and the waits; null once closed. */
  get handle(): Deno.PointerValue {
    return this.#handle;
  }

  /** Signals the event (SetEvent). */
  set(): void {
    if (this.#handle) kernel32().SetEvent(this.#handle);
  }

  /** Puts the event back to non-signaled (ResetEvent). */
  reset(): void {
    if (this.#handle) kernel32().ResetEvent(this.#handle);
  }

  /** Closes the handle (CloseHandle); later calls do nothing. */
  [Symbol.dispose](): void {
    if (this.#handle) kernel32().CloseHandle(this.#handle);
    this.#handle = null;
  }
}

/**
 * Waits until one of the events is signaled or the time runs out (WaitForMultipleObjects with
 * bWaitAll FALSE, on a worker thread).
 *
 * @param events 1 to 64 open events.
 * @param timeoutMs Milliseconds to wait ({@link INFINITE} for no limit).
 * @returns The index of the lowest signaled event (an auto-reset one is reset by the wait), or
 * `"timeout"`.
 * @throws {RangeError} For 0 or more than 64 events.
 * @throws {RasError} ERROR_INVALID_HANDLE when the wait fails (a closed event).
 * @example
 * ```ts ignore
 * const which = await waitForAny([disconnected, stop], 5_000);
 * ```
 */
export async function waitForAny(
  events: readonly Win32Event[],
  timeoutMs: number,
): Promise<number | "timeout"> {
  if (events.length === 0 || events.length > MAXIMUM_WAIT_OBJECTS) {
    throw new RangeError(`wait on 1 to ${MAXIMUM_WAIT_OBJECTS} events, not ${events.length}`);
  }
  const handles = new BigUint64Array(events.length);
  events.forEach((e, i) => handles[i] = BigInt(Deno.UnsafePointer.value(e.handle)));
  const ms = timeoutMs >= INFINITE ? INFINITE : Math.max(0, Math.floor(timeoutMs));
  const rc = await kernel32().WaitForMultipleObjects(events.length, handles, 0, ms);
  // The worker thread read `handles`; keep the array reachable until the wait has returned.
  if (handles.length === 0) throw new RangeError("no handles");
  if (rc === WAIT_TIMEOUT) return "timeout";
  if (rc >= WAIT_OBJECT_0 && rc < WAIT_OBJECT_0 + events.length) return rc - WAIT_OBJECT_0;
  // GetLastError belongs to the worker thread that waited, so it cannot be read here.
  throw new RasError(ERROR_INVALID_HANDLE, { operation: "WaitForMultipleObjects" });
}
