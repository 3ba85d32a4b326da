import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../src/config/configSchema.ts";
import { computeQuarterMetrics } from "../../src/metrics/computeQuarterMetrics.ts";
import { attainmentBand, companyPlan } from "../../src/metrics/plan.ts";
import { HistoryLog } from "../../src/model/historyLog.ts";
import type { Target } from "../../src/model/records.ts";
import { deal, fixtureRecords } from "./fixture.ts";

const config = ConfigSchema.parse({});
const plan = (quarter: string, scope: Target["scope"], owner: string | null, value: number): Target => ({
  quarter,
  metric: "bookings",
  owner,
  scope,
  per: "quarter",
  value,
});

/*
 * The hand-worked fixture (fixture.ts) with a plan. 2026-Q3 booked 42,000: Ann W1 10,000 and
 * W2 5,000 (Enterprise), Bo W3 20,000 and W4 7,000 (SMB); Mid-Market lost L1 and L2 and had
 * N1 end in no decision.
 *
 *  plan 2026-Q3  company 50,000 → 42,000 / 50,000 = 84%
 *                Enterprise 20,000 → 15,000 = 75%;  SMB 25,000 → 27,000 = 108%;  Mid-Market 5,000 → 0
 *                Ann 12,000 → 15,000 = 125% (over 120%);  Bo 30,000 → 27,000 = 90% (80–100%);
 *                Cy 10,000 → nothing booked = 0% (under 50%)
 *  plan 2026-Q4  company 40,000
 */
const records = {
  ...fixtureRecords(),
  targets: [
    plan("2026-Q3", "company", null, 50_000),
    plan("2026-Q3", "segment", "Enterprise", 20_000),
    plan("2026-Q3", "segment", "SMB", 25_000),
    plan("2026-Q3", "segment", "Mid-Market", 5_000),
    plan("2026-Q3", "rep", "Ann", 12_000),
    plan("2026-Q3", "rep", "Bo", 30_000),
    plan("2026-Q3", "rep", "Cy", 10_000),
    plan("2026-Q4", "company", null, 40_000),
    { ...plan("2026-Q3", "rep", "Ann", 20), metric: "calls" as const, per: "week" as const },
  ],
};
const metrics = computeQuarterMetrics(records, "2026-Q3", config);

describe("plan and attainment", () => {
  it("sets bookings against the company's plan", () => {
    expect(metrics.headline.bookingsPlan).toBe(50_000);
    expect(metrics.headline.attainment).toBeCloseTo(42_000 / 50_000, 12);
    expect(metrics.sections.plan.quarter?.source).toBe("company");
  });

  it("gives attainment by segment and by rep", () => {
    const p = metrics.sections.plan.quarter!;
    expect(p.bySegment.map((s) => [s.key, s.plan, s.bookings, s.attainment])).toEqual([
      ["SMB", 25_000, 27_000, 27_000 / 25_000],
      ["Enterprise", 20_000, 15_000, 0.75],
      ["Mid-Market", 5_000, 0, 0],
    ]);
    expect(p.byRep.map((r) => [r.key, r.bookings, r.attainment, r.band])).toEqual([
      ["Ann", 15_000, 1.25, "over 120%"],
      ["Bo", 27_000, 0.9, "80–100%"],
      ["Cy", 0, 0, "under 50%"],
    ]);
    expect(p.bands).toEqual([
      { band: "under 50%", reps: ["Cy"] },
      { band: "50–80%", reps: [] },
      { band: "80–100%", reps: ["Bo"] },
      { band: "100–120%", reps: [] },
      { band: "over 120%", reps: ["Ann"] },
    ]);
  });

  it("puts a rep on a band's lower edge in that band, and exactly 120% in 100–120%", () => {
    expect([0.4999, 0.5, 0.7999, 0.8, 0.9999, 1, 1.2, 1.2001].map(attainmentBand)).toEqual([
      "under 50%",
      "50–80%",
      "50–80%",
      "80–100%",
      "80–100%",
      "100–120%",
      "100–120%",
      "over 120%",
    ]);
  });

  it("falls back to the sum of the segments' plans, then the reps', when the company has no row", () => {
    const segmentsOnly = records.targets.filter((t) => t.scope !== "company");
    expect(companyPlan(segmentsOnly, "2026-Q3")).toEqual({ value: 50_000, source: "segments" });
    const repsOnly = records.targets.filter((t) => t.scope === "rep");
    expect(companyPlan(repsOnly, "2026-Q3")).toEqual({ value: 52_000, source: "reps" });
    expect(companyPlan(repsOnly, "2026-Q4")).toBeNull();
  });

  it("is null with the fix when no plan is given", () => {
    const none = computeQuarterMetrics(fixtureRecords(), "2026-Q3", config);
    for (const key of ["bookingsPlan", "attainment", "nextQuarterPlan", "nextQuarterCoverage"] as const) {
      expect(none.headline[key]).toBeNull();
    }
    expect(none.unavailable["headline.bookingsPlan"]).toBe(
      "No bookings plan for 2026-Q3 in targets.csv: add a row quarter=2026-Q3, metric=bookings, owner empty, per=quarter, value=the plan (or one row per segment or rep).",
    );
    expect(none.unavailable["headline.nextQuarterCoverage"]).toContain("2026-Q4");
    expect(none.sections.plan.quarter).toBeNull();
    // The pipeline for next quarter needs no plan.
    expect(none.headline.nextQuarterPipeline).toBe(43_000);
  });
});

describe("next quarter's coverage", () => {
  /*
   * Open at the end of 30 Sep with a close date (as it stood then) in 2026-Q4:
   *   P1 30,000 (moved to 15 Dec on 10 Sep), P2 4,000 (30 Nov), P3 9,000 (31 Oct) = 43,000.
   * Coverage 43,000 / 40,000 = 1.075. Cash win rate 42,000 / 68,000, so the coverage it
   * implies is 68,000 / 42,000 = 1.619…; the pipeline to find is 1.619… × 40,000 − 43,000
   * = 64,761.90 − 43,000 = 21,761.90.
   */
  it("sets the pipeline due next quarter against its plan and the coverage the win rate needs", () => {
    expect(metrics.headline.nextQuarterPlan).toBe(40_000);
    expect(metrics.headline.nextQuarterPipeline).toBe(43_000);
    expect(metrics.headline.nextQuarterCoverage).toBeCloseTo(1.075, 12);
    const next = metrics.sections.plan.nextQuarter;
    expect(next).toMatchObject({
      quarter: "2026-Q4",
      plan: 40_000,
      pipeline: 43_000,
      deals: 3,
      gap: 21_761.9,
    });
    expect(next.requiredCoverage).toBeCloseTo(68_000 / 42_000, 12);
  });

  it("is null with the reason when the export has no history and was taken after the quarter ended", () => {
    const noHistory = computeQuarterMetrics({ ...records, history: new HistoryLog() }, "2026-Q3", config);
    expect(noHistory.headline.nextQuarterPipeline).toBeNull();
    expect(noHistory.unavailable["headline.nextQuarterPipeline"]).toContain(
      "taken on 2026-10-02, after 2026-09-30",
    );
    // Taken on the quarter's last day, today's close dates are the quarter end's.
    const onTime = computeQuarterMetrics(
      {
        ...records,
        history: new HistoryLog(),
        asOf: "2026-09-30",
        opportunities: records.opportunities.filter((o) => o.createdDate <= "2026-09-30"),
      },
      "2026-Q3",
      config,
    );
    // P1 has no history now: open, today's close date 15 Dec.
    expect(onTime.headline.nextQuarterPipeline).toBe(43_000);
  });
});

describe("rates of the quarter", () => {
  it("measures the no-decision rate over all closed deals", () => {
    expect(metrics.headline.noDecisionRate).toBeCloseTo(1 / 7, 12); // N1 of 7 closed
  });

  it("measures the slip rate from the pipeline flow", () => {
    // Due in Q3 at its start: W1 8,000 + L1 8,000 + N1 6,000 + W4 7,000 + P1 25,000 = 54,000;
    // pushed out: P1 25,000 (close date moved to 15 Dec on 10 Sep).
    expect(metrics.headline.slipRate).toBeCloseTo(25_000 / 54_000, 12);
    const noHistory = computeQuarterMetrics({ ...records, history: new HistoryLog() }, "2026-Q3", config);
    expect(noHistory.headline.slipRate).toBeNull();
    expect(noHistory.unavailable["headline.slipRate"]).toContain("no stage history");
  });

  it("measures deal concentration as the ten largest wins' share of bookings", () => {
    // Four wins: the ten largest are all of them.
    expect(metrics.headline.dealConcentration).toBe(1);
    // Twelve wins of 1,000 … 12,000 = 78,000; the ten largest leave out 1,000 and 2,000: 75,000.
    const twelve = Array.from({ length: 12 }, (_, i) =>
      deal(
        `X${i + 1}`,
        "A1",
        "Ann",
        "Platform",
        "2026-07-01",
        "2026-08-01",
        "won",
        (i + 1) * 1_000,
        null,
        "SMB",
      ),
    );
    const many = computeQuarterMetrics(
      { ...fixtureRecords(), opportunities: twelve, history: new HistoryLog() },
      "2026-Q3",
      config,
    );
    expect(many.headline.dealConcentration).toBeCloseTo(75_000 / 78_000, 12);
  });

  it("measures sales velocity per day", () => {
    // Open at the end of 30 Jun: W1, L1, N1, W4, P1, P3 = 6 deals; average selling price 10,500;
    // win rate 4/7; median cycle of W1 40, W3 47, W2 85, W4 152 days = (47 + 85) / 2 = 66.
    // 6 × 10,500 × 4/7 / 66 = 36,000 / 66 = 545.45 a day.
    expect(metrics.headline.salesCycleDaysMedian).toBe(66);
    expect(metrics.headline.salesVelocity).toBe(545.45);
  });
});

describe("plan of other quarters", () => {
  it("compares with the same figures of the quarter before", () => {
    const q2 = metrics.comparisons.previousQuarter.headline;
    expect(q2.bookingsPlan).toBeNull();
    // Q2's next quarter is Q3, whose plan is 50,000.
    expect(q2.nextQuarterPlan).toBe(50_000);
  });
});
