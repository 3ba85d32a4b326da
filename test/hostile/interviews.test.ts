import { afterAll, describe, expect, it } from "vitest";
import { cleanCsv, cleanUp, cli, computeQuarter, dataFolder, ingest, tempDir } from "./corpus.ts";

/*
 * Interview notes: every note that passes validation gets its own page name, quotes stay
 * with the note they came from, and a bad note is reported and left out without stopping
 * the quarter.
 */

afterAll(cleanUp);

/** A note about deal `id` with one quote. */
function note(id: string, quote: string, extra = ""): string {
  return `---\nopportunity: ${id}\noutcome: won\ninterview_date: 2026-09-20\ninterviewee_role: CFO\n${extra}---\n\n## Decision criteria\n\nEase of use.\n\n> "${quote}"\n`;
}

describe("interview notes", () => {
  it.each([
    ["日本語ノート.md", /^note-[0-9a-f]{8}$/],
    ["!!!.md", /^note-[0-9a-f]{8}$/],
    ["---.md", /^note-[0-9a-f]{8}$/],
    ["Société Générale — won.md", /^societe-generale-won$/],
    [`${"very-long-".repeat(20)}.md`, /^(very-long-){7}very-long$/],
  ])("%s gets a page name", async (file, pattern) => {
    const dir = await dataFolder({
      "opportunities.csv": cleanCsv(),
      [`interviews/${file}`]: note("O3", "Fine."),
    });
    const { interviews } = await ingest(dir);
    expect(interviews).toHaveLength(1);
    expect(interviews[0]!.slug).toMatch(pattern);
  });

  it("notes whose names come out alike get different pages, and each keeps its own quotes", async () => {
    const dir = await dataFolder({
      "opportunities.csv": cleanCsv(),
      "interviews/Acme Won.md": note("O3", "First note speaking."),
      "interviews/acme-won.md": note("O6", "Second note speaking."),
      "interviews/ACME_WON.md": note("O9", "Third note speaking."),
      "interviews/日本.md": note("O12", "Fourth note speaking."),
      "interviews/中文.md": note("O12", "Fifth note speaking."),
    });
    const { snapshot } = await computeQuarter(dir, await tempDir());
    const { interviews } = await ingest(dir);
    const slugs = interviews.map((i) => i.slug);
    expect(new Set(slugs).size).toBe(5);
    for (const q of snapshot.voiceOfCustomer.quotes as { text: string; slug: string }[]) {
      const source = interviews.find((i) => i.slug === q.slug)!;
      expect(source.quotes).toContain(q.text);
    }
  });

  it.each([
    {
      name: "a note missing its outcome",
      text: note("O3", "x").replace("outcome: won\n", ""),
      line: 1,
      field: "outcome",
    },
    {
      name: "a note with an impossible date",
      text: note("O3", "x").replace("2026-09-20", "2026-02-31"),
      line: 4,
      field: "interview_date",
    },
    {
      name: "a note whose front matter is not YAML",
      text: "---\nopportunity: [O3\n---\nbody\n",
      line: 2,
      field: null,
    },
    { name: "a note without front matter", text: "Just text.\n", line: 1, field: null },
  ])("$name is reported and left out, and the quarter is still issued", async ({ text, line, field }) => {
    const dir = await dataFolder({
      "opportunities.csv": cleanCsv(),
      "interviews/bad.md": text,
      "interviews/good.md": note("O6", "Good note."),
    });
    const result = await ingest(dir);
    expect(result.interviews.map((i) => i.file)).toEqual(["interviews/good.md"]);
    const issue = result.ledger.issues.find((i) => i.file === "interviews/bad.md")!;
    expect(issue).toMatchObject({ line, severity: "rejected" });
    if (field !== null) expect(issue.column).toBe(field);
    const reports = await tempDir();
    const run = await cli("compute", "--data", dir, "--quarter", "2026-Q3", "--out", reports);
    expect(run.code).toBe(0);
    expect(run.out).toContain(`interviews/bad.md:${line}:`);
    expect(run.out).toContain("issued 2026-Q3 version 1");
  });
});
