/**
 * How many connections this process has dialed (RasDial returned a handle). The watcher's
 * fallback poll depends on it: the Windows 11 gap it makes up for (DotRas issue 105) hits only
 * connections the watching process dialed itself, so a process that never dials needs no poll.
 *
 * @module
 */

let dials = 0;

/** Counts one RasDial of this process. */
export function noteOwnDial(): void {
  dials++;
}

/**
 * The dials of this process so far.
 *
 * @returns The count.
 */
export function ownDials(): number {
  return dials;
}
