/**
 * What a phone book can hold: rasapi32 writes every RASENTRYW text member as one `Key=value`
 * line of `rasphone.pbk`, so a CR or LF in a value starts a new line (a new key, or a new
 * `[section]`: another entry), and NUL or another control character makes the book
 * unreadable (ERROR_CORRUPT_PHONEBOOK, 625) for every later command. This module refuses such
 * values before any rasapi32 call. The members it checks are derived from the RASENTRYW
 * declaration (every `WCHAR[n]` member), not from a list kept by hand, so a member added to
 * the declaration is checked without anyone remembering to.
 *
 * @module
 */

import { RASENTRYW_FIELDS } from "../ffi/structs/rasentryw.ts";
import { applySettings, type EntrySettings, type RasEntryStruct } from "./entry.ts";
import { InvalidInputError } from "./input_error.ts";

/** A RASENTRYW member that holds text. */
export type EntryTextMember = keyof RasEntryStruct & string;

/**
 * Every RASENTRYW text member (`WCHAR[n]`), in ras.h order, from the struct declaration.
 */
export const ENTRY_TEXT_MEMBERS: readonly EntryTextMember[] = RASENTRYW_FIELDS
  .filter(([, kind]) => kind.kind.startsWith("wchar["))
  .map(([name]) => name as EntryTextMember);

/** C0 controls (CR, LF, NUL, TAB ...), DEL and C1 controls: what a phone-book line cannot hold. */
// deno-lint-ignore no-control-regex -- control characters are exactly what is refused
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** A text setting that a phone book cannot hold. */
export interface EntryTextProblem {
  /** Where the value came from, as a JSON path of the settings (`dnsSuffix`, `raw.szIDi`). */
  path: string;
  /** The RASENTRYW member it would be written to. */
  member: EntryTextMember;
  /** The whole value. */
  value: string;
  /** The first control character, as `U+000D`. */
  character: string;
  /** Its position in the value (0-based). */
  index: number;
}

/**
 * Finds the first setting of a patch that would write a control character into the phone
 * book: the patch is applied to an empty entry (so only what it writes is looked at) and every
 * RASENTRYW text member of the result is checked.
 *
 * @param patch The settings of an `entry new` or `entry set`.
 * @returns The problem, or null when every text the patch writes is safe.
 * @example
 * ```ts
 * entryTextProblem({ dnsSuffix: "corp\r\n[Injected]" })?.path; // "dnsSuffix"
 * ```
 */
export function entryTextProblem(patch: EntrySettings): EntryTextProblem | null {
  const fields = applySettings({}, patch);
  const written = fields as Record<string, unknown>;
  // The alternates and the subentries' texts become phone-book lines too (PhoneNumber=, ...).
  const beside: [EntryTextMember, string][] = [
    ...(fields.alternates ?? []).map((a): [EntryTextMember, string] => ["szLocalPhoneNumber", a]),
    ...(fields.subEntries ?? []).flatMap((sub): [EntryTextMember, string][] => [
      ["szDeviceType", sub.device.type],
      ["szDeviceName", sub.device.name],
      ["szLocalPhoneNumber", sub.server],
      ...sub.alternates.map((a): [EntryTextMember, string] => ["szLocalPhoneNumber", a]),
    ]),
  ];
  const texts: [EntryTextMember, unknown][] = [
    ...ENTRY_TEXT_MEMBERS.map((m): [EntryTextMember, unknown] => [m, written[m]]),
    ...beside,
  ];
  for (const [member, value] of texts) {
    if (typeof value !== "string") continue;
    const index = value.search(CONTROL);
    if (index < 0) continue;
    const code = value.charCodeAt(index).toString(16).toUpperCase().padStart(4, "0");
    return {
      path: pathOf(patch, value) ?? `raw.${member}`,
      member,
      value,
      character: `U+${code}`,
      index,
    };
  }
  return null;
}

/**
 * Says what is wrong with a problem's value, in the user's terms.
 *
 * @param problem What {@link entryTextProblem} found.
 * @param name How to name the value (default: its JSON path).
 * @returns A message such as `dnsSuffix must not contain control characters (U+000D at 4)`.
 * @example
 * ```ts
 * const p = entryTextProblem({ dnsSuffix: "a\nb" })!;
 * entryTextMessage(p); // "dnsSuffix must not contain control characters (U+000A at character 2): a phone-book line cannot hold them"
 * ```
 */
export function entryTextMessage(problem: EntryTextProblem, name = problem.path): string {
  return `${name} must not contain control characters (${problem.character} at character ${
    problem.index + 1
  }): a phone-book line cannot hold them`;
}

/**
 * Refuses a patch that would write a control character into the phone book.
 *
 * @param patch The settings.
 * @throws {InvalidInputError} Naming the JSON path, when a text value holds a control character.
 */
export function assertEntryText(patch: EntrySettings): void {
  const problem = entryTextProblem(patch);
  if (problem) throw new InvalidInputError(problem.path, entryTextMessage(problem));
}

/** The dotted path of the first string leaf of `object` equal to `value`. */
function pathOf(object: unknown, value: string, prefix = ""): string | null {
  if (object === value) return prefix || null;
  if (object === null || typeof object !== "object") return null;
  for (const [key, child] of Object.entries(object)) {
    const found = pathOf(child, value, prefix ? `${prefix}.${key}` : key);
    if (found) return found;
  }
  return null;
}
