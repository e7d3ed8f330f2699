/**
 * Text for a person at a terminal: a list as a table with one labelled column per leaf
 * (`device.type`, `ipv4.address`), one object as `field  value` lines. Widths count East Asian
 * wide characters as two (npm `string-width`). Loaded only when a table is printed.
 *
 * @module
 */

import stringWidth from "string-width";

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(cell).join(",");
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>).filter(([, v]) =>
      v !== null && v !== ""
    ).map(([k, v]) => `${k}=${cell(v)}`).join(" ");
  }
  return String(value);
}

/** The display width of a text in a terminal: East Asian wide characters count two. */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

/** Pads to a display width. */
function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

/**
 * A plain-text view for a person: a list becomes a table, one row per item and one labelled
 * column per leaf (`device.type`, `ipv4.address`), so nothing nested is shown unlabelled; a
 * single object becomes one `field  value` line per field. The raw option words stay in the
 * JSON.
 */
export function renderTable(value: unknown): string {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const fields = flatten(value as Record<string, unknown>, "");
    return fields.length === 0 ? "(none)" : alignColumns(fields);
  }
  const rows = Array.isArray(value) ? value : [value];
  if (rows.length === 0) return "(none)";
  if (rows.every((r) => r === null || typeof r !== "object")) return rows.map(cell).join("\n");
  const flat = rows.map((r) =>
    new Map(flatten(r as Record<string, unknown>, "") as [
      string,
      string,
    ][])
  );
  const keys = [...new Set(flat.flatMap((r) => [...r.keys()]))];
  return alignColumns([keys, ...flat.map((r) => keys.map((k) => r.get(k) ?? ""))]);
}

/** `[path, text]` for every leaf of an object, depth first; `raw` is left out. */
function flatten(object: Record<string, unknown>, prefix: string): string[][] {
  return Object.entries(object).filter(([key]) => key !== "raw").flatMap(([key, v]) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? flatten(v as Record<string, unknown>, `${prefix}${key}.`)
      : [[`${prefix}${key}`, cell(v)]]
  );
}

/** Pads every column to its widest cell, two spaces between columns. */
function alignColumns(table: string[][]): string {
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => displayWidth(row[i]!))));
  return table.map((row) => row.map((c, i) => pad(c, widths[i]!)).join("  ").trimEnd()).join(
    "\n",
  );
}
