/**
 * `rasctl dial NAME`: connect an entry, first its IP-network entry when needed; prints the
 * connections (IP network first). Ctrl+C or --timeout hangs up what was started.
 *
 * @module
 */

import { connect } from "../ras/connect.ts";
import { interruptSignal } from "./_context.ts";
import { connectOptionsFrom, DIAL_OPTIONS, timeoutOf } from "./_dial_options.ts";
import type { CommandSpec } from "./_spec.ts";

/** The `dial` command. */
export const spec: CommandSpec = {
  name: "dial",
  description: "connect an entry; prints a JSON array of connections",
  args: ["<name>"],
  options: DIAL_OPTIONS,
  run: async ({ args: [name], options }, ctx) => {
    const seconds = timeoutOf(options);
    const interrupt = interruptSignal(seconds);
    // Hanging up after a failure waits only for what is left of --timeout.
    const deadline = seconds === undefined ? undefined : Date.now() + seconds * 1000;
    try {
      const connectOptions = await connectOptionsFrom(name!, options, ctx, interrupt.signal);
      ctx.result(await connect(name!, { ...connectOptions, deadline }));
    } finally {
      interrupt.dispose();
    }
  },
};
