/**
 * IPv4 and IPv6 addresses as text, for the address structs of ras.h (RASIPADDR, RASIPV4ADDR,
 * RASIPV6ADDR). Parsing is strict: anything that is not a literal address is refused.
 *
 * @module
 */

/**
 * Parses a dotted IPv4 address into its four bytes (network order).
 *
 * @param text Such as `10.0.0.1`.
 * @param field The name used in error messages.
 * @returns Four bytes.
 * @throws {RangeError} When `text` is not a dotted-quad IPv4 address.
 * @example
 * ```ts
 * parseIPv4("10.0.0.1", "ipaddr"); // [10, 0, 0, 1]
 * ```
 */
export function parseIPv4(text: string, field: string): [number, number, number, number] {
  const parts = text.split(".");
  if (
    parts.length !== 4 || parts.some((p) => !/^(0|[1-9][0-9]{0,2})$/.test(p) || Number(p) > 255)
  ) {
    throw new RangeError(`${field} must be an IPv4 address like 10.0.0.1, got "${text}"`);
  }
  return parts.map(Number) as [number, number, number, number];
}

/**
 * Formats four bytes as a dotted IPv4 address.
 *
 * @param bytes The address in network order.
 * @returns Such as `10.0.0.1`.
 * @example
 * ```ts
 * formatIPv4([10, 0, 0, 1]); // "10.0.0.1"
 * ```
 */
export function formatIPv4(bytes: ArrayLike<number>): string {
  return Array.from(bytes).slice(0, 4).join(".");
}

/**
 * Parses an IPv6 address (with `::` compression and an optional embedded IPv4 tail).
 *
 * @param text Such as `fd00::5`.
 * @param field The name used in error messages.
 * @returns Sixteen bytes in network order.
 * @throws {RangeError} When `text` is not an IPv6 address.
 * @example
 * ```ts
 * parseIPv6("::1", "ipv6addr").at(-1); // 1
 * ```
 */
export function parseIPv6(text: string, field: string): Uint8Array {
  const fail = () => new RangeError(`${field} must be an IPv6 address like fd00::1, got "${text}"`);
  if (!/^[0-9a-fA-F:.]+$/.test(text) || text.split("::").length > 2) throw fail();
  // An embedded IPv4 part may only end the whole address (`::ffff:1.2.3.4`, not `1.2.3.4::`).
  const expand = (part: string, atEnd: boolean): number[] => {
    if (part === "") return [];
    const groups = part.split(":");
    const words: number[] = [];
    for (const [i, g] of groups.entries()) {
      if (g.includes(".") && atEnd && i === groups.length - 1) {
        const [a, b, c, d] = parseIPv4(g, field);
        words.push((a << 8) | b, (c << 8) | d);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(g)) {
        words.push(parseInt(g, 16));
      } else {
        throw fail();
      }
    }
    return words;
  };
  const [head, tail] = text.split("::") as [string, string | undefined];
  const left = expand(head, tail === undefined);
  const right = tail === undefined ? [] : expand(tail, true);
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) throw fail();
  const all = [...left, ...new Array<number>(Math.max(missing, 0)).fill(0), ...right];
  const out = new Uint8Array(16);
  all.forEach((w, i) => {
    out[i * 2] = w >> 8;
    out[i * 2 + 1] = w & 0xff;
  });
  return out;
}

/**
 * Formats sixteen bytes as an IPv6 address in RFC 5952 form (lower case, longest zero run
 * compressed).
 *
 * @param bytes The address in network order.
 * @returns Such as `fd00::5`.
 * @example
 * ```ts
 * formatIPv6(new Uint8Array(16)); // "::"
 * ```
 */
export function formatIPv6(bytes: ArrayLike<number>): string {
  const words = Array.from({ length: 8 }, (_, i) => (bytes[i * 2]! << 8) | bytes[i * 2 + 1]!);
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j;
  }
  const hex = (ws: number[]) => ws.map((w) => w.toString(16)).join(":");
  if (best < 0) return hex(words);
  return `${hex(words.slice(0, best))}::${hex(words.slice(best + bestLen))}`;
}
