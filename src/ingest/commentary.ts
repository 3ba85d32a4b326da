import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { DataFolder } from "./dataFolder.ts";
import { hashFile } from "./dataFolder.ts";

/** One commentary file: its text applies to every quarter, or to the one its name gives. */
export interface CommentaryFile {
  file: string;
  /** The quarter a file named like "2026-Q2.md" is about; null for a file about any quarter. */
  quarter: string | null;
  text: string;
}

/**
 * The ops lead's commentary: the Markdown files under commentary/, in name order. A file
 * named after a quarter ("commentary/2026-Q2.md") is that quarter's only; any other file is
 * read for every quarter computed from the folder. It is stored as written; the site renders
 * it with raw HTML disabled.
 */
export async function readCommentary(folder: DataFolder): Promise<CommentaryFile[]> {
  const files = folder.files.filter((f) => /^commentary\/[^/]+\.md$/i.test(f));
  const parts: CommentaryFile[] = [];
  for (const file of files) {
    const path = join(folder.dir, file);
    const { sha256, bytes } = await hashFile(path);
    folder.note(file, sha256, bytes, "commentary");
    const quarter = /^commentary\/(\d{4}-Q[1-4])\.md$/i.exec(file)?.[1]?.toUpperCase() ?? null;
    parts.push({ file, quarter, text: (await readFile(path, "utf8")).replace(/^\uFEFF/, "").trim() });
  }
  return parts;
}

/** The commentary of one quarter: the files about any quarter and the one named after it, joined. */
export function commentaryFor(files: readonly CommentaryFile[], quarterId: string): string | null {
  const texts = files.filter((f) => f.quarter === null || f.quarter === quarterId).map((f) => f.text);
  return texts.length > 0 ? texts.join("\n\n") : null;
}
