/**
 * RAS failures for users: RasError, and the explanation of a code (ras/explain.ts).
 *
 * @module
 */

import { RasError } from "../ffi/errors.ts";

export { type ErrorInfo, explainError } from "./explain.ts";

/** A failure reported by a rasapi32 function, with its code, name, and operation. */
export { RasError };
