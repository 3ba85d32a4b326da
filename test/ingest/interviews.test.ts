import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../src/config/configSchema.ts";
import { ingestFolder } from "../../src/ingest/ingestFolder.ts";

const folder = fileURLToPath(new URL("../fixtures/interviews/notes", import.meta.url));
const config = ConfigSchema.parse({});

describe("interview notes", () => {
  it("parses front matter, sections and quotes", async () => {
    const { interviews } = await ingestFolder(folder, config);
    expect(interviews.map((i) => i.slug)).toEqual(["lost-unknown", "won-o3"]);
    const won = interviews.find((i) => i.slug === "won-o3")!;
    expect(won).toMatchObject({
      opportunityId: "O3",
      outcome: "won",
      competitor: "Vantage",
      intervieweeRole: "CFO",
      problemRealised: "2026-08-01",
      tags: ["pricing"],
    });
    expect(won.sections).toMatchObject({
      realisation: "The board could not trust the forecast.",
      research: "A colleague referred us.",
      criteria: "Ease of use and reporting.",
    });
    expect(won.sections.decision?.startsWith("The CFO decided alone.")).toBe(true);
    expect(won.quotes).toEqual(["Easy to use, and the reporting is what the board wanted.", "Short."]);
  });

  it("reports bad notes with file, line and field, and flags unknown opportunities without dropping them", async () => {
    const { ledger } = await ingestFolder(folder, config);
    const problems = ledger.issues
      .filter((i) => i.file.startsWith("interviews/"))
      .map((i) => `${i.file}:${i.line}: ${i.column ?? "-"}: ${i.severity}: ${i.problem}`);
    expect(problems).toMatchInlineSnapshot(`
      [
        "interviews/bad-outcome.md:3: outcome: rejected: "maybe" must be won, lost or no-decision",
        "interviews/bad-outcome.md:4: interview_date: rejected: "21/09/2026" is not a date: write it as YYYY-MM-DD",
        "interviews/lost-unknown.md:1: opportunity: warning: "O404" is not an opportunity in the export; the note is kept but not linked to a deal (check the id)",
        "interviews/missing-role.md:1: interviewee_role: rejected: is missing: add it to the front matter",
        "interviews/missing-role.md:5: colour: rejected: unknown field; the fields are listed in docs/interviews.md",
        "interviews/no-front-matter.md:1: -: rejected: has no front matter: start the note with a "---" block (see docs/interview-template.md)",
      ]
    `);
    const counts = ledger.files
      .filter((f) => f.kind === "interviews")
      .map((f) => [f.file, f.read, f.used, f.rejected]);
    expect(counts).toContainEqual(["interviews/bad-outcome.md", 1, 0, 1]);
  });
});
