import { readFile, writeFile } from "node:fs/promises";
import { expect } from "vitest";

/**
 * Compares `actual` with the golden file at `path` (already normalised by the caller). A
 * missing golden is written, except under CI; a mismatch writes `<name>-changed.<ext>` beside
 * the golden for review, and fails.
 */
export async function expectGolden(actual: string, path: string): Promise<void> {
  let expected: string | undefined;
  try {
    expected = await readFile(path, "utf8");
  } catch {
    if (process.env.CI)
      throw new Error(`missing golden ${path}: run the tests locally to create it, review it, commit it`);
    await writeFile(path, actual);
    return;
  }
  if (actual !== expected) await writeFile(path.replace(/(\.[a-z]+)$/, "-changed$1"), actual);
  expect(actual, `${path} differs; see the -changed file beside it`).toBe(expected);
}
