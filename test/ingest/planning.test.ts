import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../src/config/configSchema.ts";
import { ingestFolder } from "../../src/ingest/ingestFolder.ts";
import { computeQuarterMetrics } from "../../src/metrics/computeQuarterMetrics.ts";

/*
 * The same six deals exported three ways (test/fixtures/plan/), each with the same
 * targets.csv, rocks.csv and forecasts.csv beside it. Taken by 30 Sep 2026, so the close
 * dates in the export are those of the quarter's end.
 *
 *  D1 Ann Enterprise won  10 Aug 30,000    D4 Bo  SMB        open, closes 15 Nov 25,000
 *  D2 Bo  SMB        won   5 Sep 12,000    D5 Ann Enterprise open, closes 20 Oct 40,000
 *  D3 Ann Enterprise lost 20 Sep 20,000    D6 Bo  SMB        open, closes 20 Jan 2027 9,000
 *
 * Bookings 42,000 against a plan of 40,000: 105%. Enterprise 30,000 / 28,000; SMB 12,000 /
 * 12,000 = 100%. Ann 30,000 / 25,000 = 120% (the 100–120% band); Bo 12,000 / 20,000 = 60%.
 * 2026-Q4: D4 + D5 = 65,000 due against a plan of 50,000 = 1.3×; cash win rate 42,000 /
 * 62,000, so 62/42 = 1.476× is needed: 73,809.52 − 65,000 = 8,809.52 still to find.
 */
const config = ConfigSchema.parse({});
const FORMATS = ["canonical", "salesforce", "hubspot"] as const;

async function planFigures(format: (typeof FORMATS)[number]) {
  const result = await ingestFolder(`test/fixtures/plan/${format}`, config);
  const metrics = computeQuarterMetrics(result.records, "2026-Q3", config);
  return { result, metrics };
}

describe("planning files beside any export", () => {
  it.each(FORMATS)("%s: gives the plan figures worked out by hand", async (format) => {
    const { result, metrics } = await planFigures(format);
    expect(result.format).toBe(format);
    expect(result.records.supplied).toEqual(expect.arrayContaining(["forecasts", "targets", "rocks"]));
    const h = metrics.headline;
    expect([h.bookings, h.bookingsPlan, h.attainment, h.nextQuarterPlan, h.nextQuarterPipeline]).toEqual([
      42_000, 40_000, 1.05, 50_000, 65_000,
    ]);
    expect(h.nextQuarterCoverage).toBeCloseTo(1.3, 12);
    const plan = metrics.sections.plan;
    expect(plan.quarter!.bySegment.map((s) => [s.key, s.attainment])).toEqual([
      ["Enterprise", 30_000 / 28_000],
      ["SMB", 1],
    ]);
    expect(plan.quarter!.byRep.map((r) => [r.key, r.attainment, r.band])).toEqual([
      ["Ann", 1.2, "100–120%"],
      ["Bo", 0.6, "50–80%"],
    ]);
    expect(plan.nextQuarter.requiredCoverage).toBeCloseTo(62 / 42, 12);
    expect(plan.nextQuarter.gap).toBe(8_809.52);
    expect(metrics.sections.rocks.map((r) => r.title)).toEqual(["Lift the win rate"]);
    expect(result.records.forecasts.map((f) => f.amount)).toEqual([38_000]);
  });

  it("uses or reports every targets.csv row, with its line and why", async () => {
    const { result } = await planFigures("canonical");
    expect(result.records.targets.map((t) => [t.quarter, t.metric, t.scope, t.owner, t.value])).toEqual([
      ["2026-Q3", "bookings", "company", null, 40_000],
      // Spelt as the deals spell them: a segment found among the deals, a rep among the owners.
      ["2026-Q3", "bookings", "segment", "Enterprise", 28_000],
      ["2026-Q3", "bookings", "segment", "SMB", 12_000],
      ["2026-Q3", "bookings", "rep", "Ann", 25_000],
      ["2026-Q3", "bookings", "rep", "Bo", 20_000],
      ["2026-Q4", "bookings", "company", null, 50_000],
      ["2026-Q3", "calls", "rep", "Ann", 20],
    ]);
    const file = result.ledger.files.find((f) => f.file === "targets.csv")!;
    expect([file.read, file.used, file.rejected, file.skipped]).toEqual([11, 7, 3, 1]);
    const issues = result.ledger.issues
      .filter((i) => i.file === "targets.csv")
      .map((i) => `${i.line} ${i.severity}: ${i.problem}`);
    expect(issues).toEqual([
      "9 skipped: not used: calls targets are scored per rep and per week, so a company-wide per-week one has nothing to be scored against (give the rep as owner and per=week)",
      '10 rejected: "revenue" is not one of bookings, calls, meetings, opportunitiesCreated, pipelineCreated, proposals',
      "11 rejected: a second bookings target for the company in 2026-Q3 (first on line 2); keep one",
      "12 rejected: a bookings plan is per quarter, not per week: set per=quarter",
    ]);
  });
});
