/**
 * `rasctl error CODE`: name, message and hint of an error code; needs no rasapi32.
 *
 * @module
 */

import { explainError } from "../ras/errors.ts";
import { UsageError } from "./_output.ts";
import type { CommandSpec } from "./_spec.ts";

/** The `error` command. */
export const spec: CommandSpec = {
  name: "error",
  description: "explain a RAS (600-878) or Windows error code (JSON {code, name, message, hint})",
  args: ["<code>"],
  run: ({ args: [code] }, ctx) => {
    if (!/^\d{1,10}$/.test(code!) || Number(code) > 0xffffffff) {
      throw new UsageError(`CODE must be a whole number such as 691, got "${code}"`, "code");
    }
    ctx.result(explainError(Number(code)));
  },
};
