/**
 * Writes the README's entry-settings table from `ras/entry_settings.ts` (the one table every
 * setting is declared in), between the `settings-table` markers. Run after changing a setting:
 *
 *   deno run --allow-read --allow-write scripts/gen_settings_table.ts
 *
 * `ras/entry_settings_test.ts` fails when the README and the table disagree.
 *
 * @module
 */

import { ENTRY_SETTINGS, type Setting, type ValueType } from "../ras/entry_settings.ts";

/** The marker lines the table sits between in README.md. */
export const MARKERS = ["<!-- settings-table:begin -->", "<!-- settings-table:end -->"] as const;

function typeText(v: ValueType): string {
  switch (v.kind) {
    case "string":
      return `text (<= ${v.maxLength})`;
    case "integer":
      return `${v.min}..${v.max}`;
    case "choice":
      return v.choices.join(" \\| ");
    case "choices":
      return `list of ${v.choices.join(" \\| ")}`;
    case "address":
      return `IPv${v.family} address or null`;
    case "addresses":
      return `up to ${v.max} IPv${v.family} addresses`;
    case "metric":
      return "0..4294967295 or null";
    case "prerequisite":
      return "{entry, phonebook} or null";
    case "strings":
      return `up to ${v.max} texts (<= ${v.maxLength})`;
    case "subentries":
      return `up to ${v.max} of {device: {type, name}, server, alternates}`;
    default:
      return v.kind;
  }
}

function cliText(s: Setting): string {
  if (!s.cli) return "";
  const flags = [s.cli.flag];
  if (s.cli.negatable) flags.push(`--no-${s.cli.flag.slice(2)}`);
  if (s.cli.part) flags.push(s.cli.part.flag);
  return flags.map((f) => `\`${f}\``).join(", ");
}

/**
 * The settings table as Markdown.
 *
 * @returns The table, one row per setting.
 */
export function settingsTable(): string {
  const rows = ENTRY_SETTINGS.map((s) =>
    `| \`${s.path}\` | ${typeText(s.value)} | ${s.field} | ${cliText(s)} | ${s.description} |`
  );
  return [
    "| JSON path | value | Windows field (RASENTRYW) | option | meaning |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}

/**
 * README text with the table between the markers replaced.
 *
 * @param readme The README's text.
 * @returns The text with the current table.
 */
export function withSettingsTable(readme: string): string {
  const start = readme.indexOf(MARKERS[0]);
  const end = readme.indexOf(MARKERS[1]);
  if (start < 0 || end < start) throw new Error("README.md has no settings-table markers");
  return `${readme.slice(0, start + MARKERS[0].length)}\n${settingsTable()}\n${readme.slice(end)}`;
}

/**
 * The table's rows as cell texts, padding ignored (deno fmt aligns the columns it finds).
 *
 * @param markdown Text holding the table between the markers (or the bare table).
 * @returns One array of trimmed cells per row, the separator row left out.
 */
export function tableCells(markdown: string): string[][] {
  const start = markdown.indexOf(MARKERS[0]);
  const end = markdown.indexOf(MARKERS[1]);
  const table = start < 0 ? markdown : markdown.slice(start + MARKERS[0].length, end);
  return table.split("\n").filter((line) => line.startsWith("|") && !/^\|[\s|:-]+\|$/.test(line))
    .map((line) => line.slice(1, -1).split(/(?<!\\)\|/).map((cell) => cell.trim()));
}

if (import.meta.main) {
  const url = new URL("../README.md", import.meta.url);
  await Deno.writeTextFile(url, withSettingsTable(await Deno.readTextFile(url)));
  await new Deno.Command(Deno.execPath(), {
    args: ["fmt", "README.md"],
    cwd: new URL("..", import.meta.url),
  })
    .output();
  console.error(`wrote ${ENTRY_SETTINGS.length} settings into README.md`);
}
