/**
 * `rasctl error CODE`: name, message and hint of an error code; needs no rasapi32.
 *
 * @module
 */

import { Command } from "commander";
import { explainError } from "../ras/errors.ts";
import { withContext } from "./_context.ts";
import { UsageError } from "./_output.ts";

/** Builds the `error` command. */
export function command(): Command {
  return new Command("error")
    .description("explain an error code (JSON {code, name, message, hint})")
    .argument("<code>", "a RAS (600-878) or Windows error code")
    .action((code: string, _o: unknown, cmd: Command) =>
      withContext(cmd, (ctx) => {
        if (!/^\d{1,10}$/.test(code) || Number(code) > 0xffffffff) {
          throw new UsageError(`CODE must be a whole number such as 691, got "${code}"`, "code");
        }
        ctx.result(explainError(Number(code)));
      })
    );
}
