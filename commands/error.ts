/**
 * `rasctl error CODE`: name, message and hint of an error code; needs no rasapi32.
 *
 * @module
 */

import { explanation, isErrorCode, MAX_CODE } from "./_explain.ts";
import { UsageError } from "./_errors.ts";
import { command, type CommandModule, type ValueType } from "./_spec.ts";

/** An error code: a whole number from 0 to 4294967295. */
const errorCode: ValueType<string> = {
  name: "count",
  metavar: "CODE",
  min: 0,
  max: MAX_CODE,
  parse(text, field) {
    if (!isErrorCode(text)) {
      throw new UsageError(
        `CODE must be a whole number from 0 to ${MAX_CODE} such as 691, got ${
          JSON.stringify(text)
        }`,
        field,
      );
    }
    return text;
  },
};

const error = command({
  path: ["error"],
  summary: "explain a RAS or Windows error code (works offline)",
  args: [{ name: "code", required: true, type: errorCode, description: "such as 691" }],
  options: {},
  examples: ["rasctl error 691", "rasctl error 868 --format table"],
  run: ({ args }, ctx) => {
    ctx.result(explanation(Number(args.code)));
  },
});

/** The `error` command. */
export const commands: CommandModule["commands"] = [error];
