/**
 * The abort signal of a command: Ctrl+C (SIGINT, and SIGBREAK on Windows), SIGTERM, or the
 * command's time limit. The dial, the hang-up wait and the password prompt all watch it, so
 * each ends with the same error and exit status.
 *
 * @module
 */

import { InterruptedError, TimeoutError } from "./_errors.ts";

/**
 * An abort signal that fires on Ctrl+C or SIGTERM, or after `seconds`.
 *
 * @param seconds The time limit, or undefined for none.
 * @returns The signal and a function that removes the listeners.
 */
export function interruptSignal(
  seconds: number | undefined,
): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onSignal = () =>
    controller.abort(
      new InterruptedError("interrupted; what was started has been hung up"),
    );
  const signals: Deno.Signal[] = Deno.build.os === "windows"
    ? ["SIGINT", "SIGBREAK"]
    : ["SIGINT", "SIGTERM"];
  for (const s of signals) Deno.addSignalListener(s, onSignal);
  const timer = seconds === undefined ? undefined : setTimeout(
    () => controller.abort(new TimeoutError(`timed out after ${seconds} s`)),
    seconds * 1000,
  );
  return {
    signal: controller.signal,
    dispose() {
      for (const s of signals) Deno.removeSignalListener(s, onSignal);
      clearTimeout(timer);
    },
  };
}
