/**
 * `rasctl dial NAME`: connect an entry, first its IP-network entry when needed; prints the
 * connections (IP network first). Ctrl+C or --timeout hangs up what was started.
 *
 * @module
 */

import { Command } from "commander";
import { connect } from "../ras/connect.ts";
import { interruptSignal, withContext } from "./_context.ts";
import { connectOptionsFrom, timeoutOf, withDialOptions } from "./_dial_options.ts";

/** Builds the `dial` command. */
export function command(): Command {
  return withDialOptions(
    new Command("dial").description("connect an entry; prints a JSON array of connections")
      .argument("<name>"),
  ).action((name: string, options: Record<string, unknown>, cmd: Command) =>
    withContext(cmd, async (ctx) => {
      const interrupt = interruptSignal(timeoutOf(options));
      try {
        const connectOptions = await connectOptionsFrom(name, options, ctx, interrupt.signal);
        ctx.result(await connect(name, connectOptions));
      } finally {
        interrupt.dispose();
      }
    })
  );
}
