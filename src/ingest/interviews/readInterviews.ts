import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Interview } from "../../model/interview.ts";
import type { DataFolder } from "../dataFolder.ts";
import { hashFile } from "../dataFolder.ts";
import type { Ledger } from "../ledger.ts";
import { parseInterview } from "./parseInterview.ts";

/**
 * Reads every note under interviews/ (README and template files aside). A note with a bad
 * front matter is reported with its file, line and field and left out; each note is one row
 * of the ledger. A note left out never stops the quarter (see ingestFolder's threshold).
 */
export async function readInterviews(folder: DataFolder, ledger: Ledger): Promise<Interview[]> {
  const files = folder.files.filter((f) => /^interviews\/.+\.md$/i.test(f) && !/readme|template/i.test(f));
  const interviews: Interview[] = [];
  const slugs = new Set<string>();
  for (const file of files) {
    const path = join(folder.dir, file);
    const { sha256, bytes } = await hashFile(path);
    folder.note(file, sha256, bytes, "interviews");
    const counts = ledger.file(file, "interviews");
    counts.read++;
    const result = parseInterview(file, await readFile(path, "utf8"));
    if ("problems" in result) {
      result.problems.forEach((p, i) => {
        ledger.report(
          { file, line: p.line, column: p.field, problem: p.problem, severity: "rejected" },
          i === 0,
        );
      });
      continue;
    }
    counts.used++;
    interviews.push({ ...result.interview, slug: uniqueSlug(result.interview.slug, slugs) });
  }
  return interviews;
}

/** `slug`, or `slug-2`, `slug-3`, … when a note read earlier (in file order) has it. */
function uniqueSlug(slug: string, taken: Set<string>): string {
  let unique = slug;
  for (let n = 2; taken.has(unique); n++) unique = `${slug}-${n}`;
  taken.add(unique);
  return unique;
}
