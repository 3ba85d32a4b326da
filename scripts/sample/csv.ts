import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/** A cell value as written: null and undefined are empty cells. */
export type Cell = string | number | boolean | null | undefined;

/** Writes rows as CSV with a header, quoting only cells that need it, "\n" line ends. */
export function writeCsv(path: string, header: readonly string[], rows: readonly (readonly Cell[])[]): void {
  mkdirSync(dirname(path), { recursive: true });
  const lines = [header.join(","), ...rows.map((row) => row.map(formatCell).join(","))];
  writeFileSync(path, `${lines.join("\n")}\n`);
}

function formatCell(value: Cell): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
