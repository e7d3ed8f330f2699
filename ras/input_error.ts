/**
 * Input the service layer refuses, named by the field in the library's terms (`server`,
 * `prerequisiteCredentials`), never by a CLI flag: the command layer phrases it as the
 * option the user typed.
 *
 * @module
 */

/**
 * An argument of a ras/ function that cannot be used.
 *
 * @example
 * ```ts
 * const error = new InvalidInputError("server", "a vpn entry needs a server");
 * error.field; // "server"
 * ```
 */
export class InvalidInputError extends Error {
  /** Always `InvalidInputError`. */
  override readonly name = "InvalidInputError";
  /** The field of the input (`server`, `ipv4.dns.0`). */
  readonly field: string;
  /**
   * Names the field and says what is wrong with it.
   *
   * @param field The input field that cannot be used.
   * @param message What is wrong with it, in the user's terms.
   */
  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
}
