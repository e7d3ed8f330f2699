/**
 * Routes RasDialFunc1 notifications to the dial that owns the handle. Windows may call the
 * notifier before RasDial has returned the handle (RasDial remarks: the notifier runs on
 * another thread), so a notification for a handle nobody claimed yet is kept, while a dial is
 * in flight, and replayed when its dial claims the handle.
 *
 * @module
 */

/** Receives one notification: the RASCONNSTATE and dwError. */
export type DialListener = (state: number, error: number) => void;

/** The most notifications kept for one unclaimed handle (a dial has 13 states). */
const MAX_EARLY = 64;

/** Notifications by handle, for the dials of one process. */
export class DialEvents {
  #listeners = new Map<bigint, DialListener>();
  #early = new Map<bigint, [number, number][]>();
  #inFlight = 0;

  /** A RasDial is about to be called: early notifications are kept from now on. */
  begin(): void {
    this.#inFlight++;
  }

  /** That RasDial's dial is over; with none in flight, unclaimed notifications are dropped. */
  end(): void {
    if (--this.#inFlight <= 0) {
      this.#inFlight = 0;
      this.#early.clear();
    }
  }

  /**
   * One notification from the notifier thread (already on the JS thread).
   *
   * @param handle The HRASCONN value.
   * @param state The RASCONNSTATE.
   * @param error dwError.
   */
  deliver(handle: bigint, state: number, error: number): void {
    const listener = this.#listeners.get(handle);
    if (listener) return listener(state, error);
    if (this.#inFlight === 0) return; // a late call for a dial that has ended
    const queued = this.#early.get(handle) ?? [];
    if (queued.length < MAX_EARLY) queued.push([state, error]);
    this.#early.set(handle, queued);
  }

  /**
   * Claims a handle's notifications, replaying the early ones first.
   *
   * @param handle The HRASCONN value RasDial returned.
   * @param listener Gets every notification of the handle.
   */
  listen(handle: bigint, listener: DialListener): void {
    this.#listeners.set(handle, listener);
    const queued = this.#early.get(handle);
    this.#early.delete(handle);
    for (const [state, error] of queued ?? []) listener(state, error);
  }

  /**
   * Stops routing a handle's notifications.
   *
   * @param handle The HRASCONN value.
   */
  forget(handle: bigint): void {
    this.#listeners.delete(handle);
  }
}
