import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../src/config/configSchema.ts";
import { commentaryFor } from "../../src/ingest/commentary.ts";
import { ingestFolder } from "../../src/ingest/ingestFolder.ts";

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/ingest/${name}`, import.meta.url));
const config = ConfigSchema.parse({ company: "Fixture Co", timeZone: "America/New_York" });

describe("ingestFolder on the canonical format", () => {
  it("uses good rows, converts currencies and reports every bad row with its line", async () => {
    const result = await ingestFolder(fixture("basic"), config);
    expect(result.format).toBe("canonical");
    const opportunities = result.records.opportunities;
    expect(opportunities.map((o) => o.id)).toEqual(["O1", "O2", "O3"]);
    // "$12,400.00" is a valid amount; EUR 1000 closes on 2026-09-01, after the dated rate of
    // 1.20 took over from the static 1.10 on 2026-08-01; GBP 5000 × 1.25 = 6250.
    expect(opportunities.map((o) => o.amount)).toEqual([12400, 1200, 6250]);
    expect(opportunities[2]).toMatchObject({ type: "expansion", probability: 0.5, segment: "Enterprise" });
    expect(opportunities[1]).toMatchObject({ type: "new", segment: "SMB", lossReason: "No Decision" });

    const file = result.ledger.files.find((f) => f.file === "opportunities.csv")!;
    expect(file).toMatchObject({ read: 8, used: 3, rejected: 5 });
    const problems = result.ledger.issues
      .filter((i) => i.file === "opportunities.csv")
      .map((i) => `${i.line}: ${i.column}: ${i.problem}`);
    expect(problems).toMatchInlineSnapshot(`
      [
        "5: created_date: "2026-02-30" is not a real calendar day",
        "6: amount: "n/a" is not an amount of money: write it as 1200 or 1,200.00",
        "7: id: duplicate id "O1" (first on line 2)",
        "8: owner: is empty",
        "9: amount: has no exchange rate from JPY to USD; add "JPY" to "rates" in quarterdeck.config.json or to rates.csv (or DatedConversionRate.csv)",
      ]
    `);
    // Both files reject more than the default 5% of their rows.
    expect(result.overThreshold).toEqual([
      { file: "history.csv", rejected: 1, read: 4 },
      { file: "opportunities.csv", rejected: 5, read: 8 },
    ]);
  });

  it("reads history in the company's time zone and learns closed stages from opportunities", async () => {
    const result = await ingestFolder(fixture("basic"), config);
    expect([...result.records.history]).toEqual([
      expect.objectContaining({
        opportunityId: "O1",
        at: "2026-07-02T05:00:00",
        stage: "Discovery",
        isClosed: false,
      }),
      expect.objectContaining({
        opportunityId: "O1",
        at: "2026-08-15T19:30:00",
        isClosed: true,
        isWon: true,
      }),
      expect.objectContaining({
        opportunityId: "O2",
        at: "2026-07-03T06:00:00",
        stage: "Verloren",
        isClosed: false,
      }),
    ]);
    const problems = result.ledger.issues
      .filter((i) => i.file === "history.csv")
      .map((i) => `${i.line}: ${i.severity}: ${i.problem}`);
    expect(problems).toMatchInlineSnapshot(`
      [
        "2: warning: stage "Discovery" is on no opportunity, so whether it is closed is unknown; it is taken as open (add is_closed and is_won columns to say otherwise)",
        "4: rejected: "O9" is not an opportunity in the export",
        "5: warning: stage "Verloren" is on no opportunity, so whether it is closed is unknown; it is taken as open (add is_closed and is_won columns to say otherwise)",
      ]
    `);
  });

  it("derives ICP, keeps the commentary, sets the as-of day and lists every file in the manifest", async () => {
    const result = await ingestFolder(fixture("basic"), config);
    expect(result.records.accounts.map((a) => [a.id, a.isIcp, a.referenceApproved, a.employees])).toEqual([
      ["A1", true, true, 1200],
      ["A2", false, false, 1500],
    ]);
    expect(result.commentary).toEqual([
      { file: "commentary/q3.md", quarter: null, text: "A **good** quarter." },
    ]);
    // A file not named after a quarter is read for every quarter; one named "2026-Q2.md" only for that one.
    expect(commentaryFor(result.commentary, "2026-Q3")).toBe("A **good** quarter.");
    expect(
      commentaryFor(
        [...result.commentary, { file: "commentary/2026-Q2.md", quarter: "2026-Q2", text: "Q2 only." }],
        "2026-Q2",
      ),
    ).toBe("A **good** quarter.\n\nQ2 only.");
    // O2 closed lost on 2026-09-01, the latest event in the folder.
    expect(result.records.asOf).toBe("2026-09-01");
    expect(result.inputs.map((i) => [i.file, i.kind])).toEqual([
      ["accounts.csv", "accounts"],
      ["commentary/q3.md", "commentary"],
      ["history.csv", "history"],
      ["opportunities.csv", "opportunities"],
      ["quarterdeck.config.json", "ignored"],
      ["rates.csv", "rates"],
    ]);
    expect(result.inputs.every((i) => /^[0-9a-f]{64}$/.test(i.sha256))).toBe(true);
  });

  it("fails with the file and column when a required column is missing", async () => {
    await expect(ingestFolder(fixture("missing-column"), config)).rejects.toThrowErrorMatchingInlineSnapshot(
      `[CliError: opportunities.csv: required column "close_date" is missing. The header has: id, name, owner, stage, amount, created_date, is_closed, is_won. Add the column to the export, or map it in quarterdeck.config.json: "columns": { "opportunities": { "close_date": "<your column name>" } }.]`,
    );
  });
});
