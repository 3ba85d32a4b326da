import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { DataFolder } from "./dataFolder.ts";
import { hashFile } from "./dataFolder.ts";

/**
 * The ops lead's commentary: the Markdown files under commentary/, in name order, joined.
 * It is stored as written; the site renders it with raw HTML disabled.
 */
export async function readCommentary(folder: DataFolder): Promise<string | null> {
  const files = folder.files.filter((f) => /^commentary\/[^/]+\.md$/i.test(f));
  const parts: string[] = [];
  for (const file of files) {
    const path = join(folder.dir, file);
    const { sha256, bytes } = await hashFile(path);
    folder.note(file, sha256, bytes, "commentary");
    parts.push((await readFile(path, "utf8")).replace(/^\uFEFF/, "").trim());
  }
  return parts.length > 0 ? parts.join("\n\n") : null;
}
