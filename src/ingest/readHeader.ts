import { createReadStream } from "node:fs";
import { join } from "node:path";
import type { DataFolder } from "./dataFolder.ts";
import { normalizeHeader } from "./readTable.ts";

/** The normalised column names of a CSV file's header, read from its first line only (for format detection). */
export async function readHeader(folder: DataFolder, file: string): Promise<string[]> {
  let text = "";
  for await (const chunk of createReadStream(join(folder.dir, file), { start: 0, end: 64 * 1024 })) {
    text += (chunk as Buffer).toString("latin1");
    if (text.includes("\n")) break;
  }
  const line = text.replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, "").split(/\r?\n/)[0] ?? "";
  const delimiter = [",", ";", "\t"].sort((a, b) => line.split(b).length - line.split(a).length)[0]!;
  return line.split(delimiter).map((name) => normalizeHeader(name.replace(/^"|"$/g, "")));
}
