/**
 * `rasctl dial NAME`: connect an entry, first its IP-network entry when needed; prints the
 * connections (IP network first). Ctrl+C, SIGTERM or --timeout hangs up what was started.
 *
 * @module
 */

import { load } from "./_load.ts";
import { interruptSignal } from "./_interrupt.ts";
import { connectOptionsFrom, DIAL_OPTIONS } from "./_dial_options.ts";
import { argument, command, type CommandModule, types } from "./_spec.ts";

const dial = command({
  path: ["dial"],
  summary: "connect an entry (and the entry that brings its IP network)",
  details: "Prints a JSON array of connections, the IP network first. Secrets are read from " +
    "stdin one line each, in this order: --password-stdin, then --via-password-stdin.",
  args: [argument("name", "the entry to dial", { type: types.entryName() })],
  options: DIAL_OPTIONS,
  examples: [
    '$env:VPN_PW | rasctl dial "Corp VPN" --user alice --password-stdin --timeout 60',
    'rasctl dial "Corp VPN" --via ISP --via-user isp --via-password-env ISP_PW',
    'rasctl dial "Corp VPN" --retries 3 --retry-delay 2000',
  ],
  run: async ({ args, options }, ctx) => {
    // The service layer is loaded only to dial: `dial --help` and usage errors do without.
    const { connect } = await load<typeof import("../ras/connect.ts")>("../ras/connect.ts");
    const interrupt = interruptSignal(options.timeout);
    // Hanging up after a failure waits only for what is left of --timeout.
    const deadline = options.timeout === undefined
      ? undefined
      : Date.now() + options.timeout * 1000;
    try {
      const connectOptions = await connectOptionsFrom(args.name!, options, ctx, interrupt.signal);
      ctx.result(await connect(args.name!, { ...connectOptions, deadline }));
    } finally {
      interrupt.dispose();
    }
  },
});

/** The `dial` command. */
export const commands: CommandModule["commands"] = [dial];
