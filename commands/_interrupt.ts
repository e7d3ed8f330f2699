/**
 * The abort signal of a command: Ctrl+C (SIGINT, and SIGBREAK on Windows), SIGTERM, SIGHUP (the
 * terminal closed, the session ended), or the command's time limit. The dial, the hang-up wait
 * and the password prompt all watch it, so each ends with the same error and exit status.
 *
 * On Windows Deno delivers only SIGINT (CTRL_C_EVENT) and SIGBREAK (CTRL_BREAK_EVENT) to
 * listeners; the console's CTRL_CLOSE_EVENT, CTRL_LOGOFF_EVENT and CTRL_SHUTDOWN_EVENT are not
 * exposed, and Task Scheduler's "End" and `Stop-ScheduledTask` terminate the process
 * (TerminateProcess), which no program can catch (README "Stopping rasctl").
 *
 * @module
 */

import { InterruptedError, TimeoutError } from "./_errors.ts";

/**
 * An abort signal that fires on Ctrl+C, SIGTERM or SIGHUP (SIGBREAK on Windows), or after
 * `seconds`.
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
    : ["SIGINT", "SIGTERM", "SIGHUP"];
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
