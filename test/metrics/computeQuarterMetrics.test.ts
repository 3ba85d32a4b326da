import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../src/config/configSchema.ts";
import { computeQuarterMetrics } from "../../src/metrics/computeQuarterMetrics.ts";
import { prepareDataset } from "../../src/metrics/dataset.ts";
import { openPipelineAt } from "../../src/metrics/openPipeline.ts";
import { fixtureRecords } from "./fixture.ts";

const config = ConfigSchema.parse({});
const metrics = computeQuarterMetrics(fixtureRecords(), "2026-Q3", config);

describe("headline of 2026-Q3 on the hand-worked fixture", () => {
  it("counts outcomes and bookings", () => {
    // Closed 1 Jul – 30 Sep: W1 W2 W3 W4 won; L1 (Price) and L2 lost; N1 "No Decision".
    // L3 closed in February and E1 in 2025, so they are not in the quarter.
    expect(metrics.headline).toMatchObject({
      dealsWon: 4,
      dealsLost: 2,
      dealsNoDecision: 1,
      bookings: 42_000, // 10,000 + 5,000 + 20,000 + 7,000
      averageSellingPrice: 10_500, // 42,000 / 4
    });
  });

  it("computes the three win rates", () => {
    expect(metrics.headline.winRate).toBeCloseTo(4 / 7, 12); // won / (won + lost + no decision)
    expect(metrics.headline.competitiveWinRate).toBeCloseTo(4 / 6, 12); // won / (won + lost)
    // Σ won 42,000 / Σ closed (42,000 + 8,000 + 12,000 + 6,000 = 68,000)
    expect(metrics.headline.cashWinRate).toBeCloseTo(42_000 / 68_000, 12);
  });

  it("counts new logos: A1 and A4 won for the first time; A3 had won in 2025", () => {
    expect(metrics.headline.newLogos).toBe(2);
    expect(metrics.sections.newLogos).toEqual({
      count: 2,
      amount: 22_000,
      nameable: 1,
      logos: [
        {
          accountId: "A1",
          account: "Acme",
          amount: 15_000, // W1 10,000 + W2 5,000
          deals: 2,
          firstCloseDate: "2026-07-20",
          products: ["Analytics", "Platform"],
          segment: "Enterprise",
          referenceApproved: true,
        },
        {
          accountId: "A4",
          account: "Delta",
          amount: 7_000,
          deals: 1,
          firstCloseDate: "2026-09-30",
          products: ["Connect"],
          segment: "SMB",
          referenceApproved: false,
        },
      ],
    });
  });

  it("reconstructs open pipeline at past quarter ends from history", () => {
    // 30 Sep 2026: P1 30,000 (history: pushed to December on 10 Sep) + P2 4,000 + P3 9,000.
    expect(metrics.sections.pipeline.open.end).toEqual({ date: "2026-09-30", amount: 43_000, deals: 3 });
    // 30 Jun 2026: W1 8,000 (history, still Discovery) + W4 7,000 and N1 6,000 (no history,
    // closed after 30 Jun so open then) + L1 8,000 (history) + P1 25,000 (row of 20 Jun) + P3 9,000.
    // L3 closed in February; W2, W3, L2, P2 did not exist yet.
    expect(metrics.sections.pipeline.open.previousQuarterEnd).toEqual({
      date: "2026-06-30",
      amount: 63_000,
      deals: 6,
    });
    // 30 Sep 2025: P1 20,000 (first history row) + L3 3,000 (closed in 2026, so open then).
    expect(metrics.sections.pipeline.open.yearAgoEnd).toEqual({
      date: "2025-09-30",
      amount: 23_000,
      deals: 2,
    });
    expect(metrics.headline.openPipeline).toBe(43_000);
    expect(metrics.headline.pipelineGrowthQoQ).toBeCloseTo((43_000 - 63_000) / 63_000, 12);
    expect(metrics.headline.pipelineGrowthYoY).toBeCloseTo((43_000 - 23_000) / 23_000, 12);
  });

  it("uses the earliest history row before the first change and skips deals not yet created", () => {
    const dataset = prepareDataset(fixtureRecords(), config);
    // 31 Mar 2026: P1 20,000 (2025 row) + P3 9,000 + N1 6,000; L3 closed 10 Feb.
    expect(openPipelineAt(dataset, "2026-03-31")).toEqual({ date: "2026-03-31", amount: 35_000, deals: 3 });
    // W1 was created on 10 Jun; on 9 Jun it is not in the pipeline.
    expect(openPipelineAt(dataset, "2026-06-09").amount).toBe(35_000 + 8_000 + 7_000); // + L1, W4
  });

  it("measures pipeline created, by week, owner and new vs existing customer", () => {
    // Created 1 Jul – 30 Sep: L2 (2 Jul) 12,000, W2 (5 Jul) 5,000, W3 (15 Jul) 20,000, P2 (20 Aug) 4,000.
    const created = metrics.sections.pipeline.created!;
    expect(created.amount).toBe(41_000);
    expect(metrics.headline.pipelineCreated).toBe(41_000);
    expect(created.deals).toBe(4);
    // Week 1 = 1–7 Jul; 15 Jul is 14 days in → week 3; 20 Aug is 50 days in → week 8;
    // 30 Sep is 91 days in → week 14, so the quarter has 14 weeks.
    expect(created.byWeek).toHaveLength(14);
    expect(created.byWeek.filter((w) => w.deals > 0)).toEqual([
      { week: 1, start: "2026-07-01", amount: 17_000, deals: 2 },
      { week: 3, start: "2026-07-15", amount: 20_000, deals: 1 },
      { week: 8, start: "2026-08-19", amount: 4_000, deals: 1 },
    ]);
    expect(created.byOwner).toEqual([
      { key: "Bo", amount: 36_000, deals: 3 },
      { key: "Ann", amount: 5_000, deals: 1 },
    ]);
    // Existing: W3's account A3 had won E1 in 2025. W2 is new: A1's first win (20 Jul) came
    // after W2 was created (5 Jul). P2 likewise (A4 first won 30 Sep).
    expect(created.byCustomerKind).toEqual([
      { key: "new", amount: 21_000, deals: 3 },
      { key: "existing", amount: 20_000, deals: 1 },
    ]);
  });

  it("takes the median sales cycle of an even count as the mean of the middle two", () => {
    // W1 40 days, W3 47, W2 85, W4 152 → median (47 + 85) / 2 = 66; mean 324 / 4 = 81.
    expect(metrics.headline.salesCycleDaysMedian).toBe(66);
    expect(metrics.sections.salesCycle).toMatchObject({ deals: 4, medianDays: 66, meanDays: 81 });
  });
});

describe("win/loss breakdowns", () => {
  it("splits by competitor on count and cash, largest closed amount first", () => {
    const byCompetitor = metrics.sections.winLoss.byCompetitor;
    expect(byCompetitor.map((g) => [g.key, g.won, g.lost, g.noDecision, g.wonAmount, g.lostAmount])).toEqual([
      ["Helix", 2, 1, 0, 27_000, 8_000], // W3 W4 won, L1 lost: 35,000 closed
      ["Vantage", 1, 1, 0, 10_000, 12_000], // W1 won, L2 lost: 22,000 closed
      ["(none)", 1, 0, 1, 5_000, 0], // W2 won, N1 no decision: 11,000 closed
    ]);
    expect(byCompetitor[0]!.winRate).toBeCloseTo(2 / 3, 12);
    expect(byCompetitor[1]!.cashWinRate).toBeCloseTo(10_000 / 22_000, 12);
    expect(byCompetitor[2]!.competitiveWinRate).toBe(1); // no decision is left out
  });

  it("lists loss reasons, flagging no decision", () => {
    expect(metrics.sections.winLoss.lossReasons).toEqual([
      { reason: "Lost to competitor", deals: 1, amount: 12_000, noDecision: false },
      { reason: "Price", deals: 1, amount: 8_000, noDecision: false },
      { reason: "No Decision", deals: 1, amount: 6_000, noDecision: true },
    ]);
  });
});

describe("comparisons and fiscal calendars", () => {
  it("computes last quarter's headline from the same records", () => {
    const previous = metrics.comparisons.previousQuarter;
    expect(previous.quarter).toBe("2026-Q2");
    // Nothing closed in Q2, so rates are undefined (null), not zero.
    expect(previous.headline).toMatchObject({
      bookings: 0,
      dealsWon: 0,
      winRate: null,
      averageSellingPrice: null,
    });
    // Open 30 Jun 63,000 vs 31 Mar 35,000 → +80%.
    expect(previous.headline.pipelineGrowthQoQ).toBeCloseTo(0.8, 12);
    expect(metrics.comparisons.yearAgo.quarter).toBe("2025-Q3");
  });

  it("follows a fiscal year starting in February", () => {
    const february = ConfigSchema.parse({ fiscalYearStartMonth: 2 });
    // FY2027 Q2 is May–July 2026: W1 won (20 Jul) and N1 no decision (30 Jul).
    const q = computeQuarterMetrics(fixtureRecords(), "2027-Q2", february);
    expect(q.headline).toMatchObject({
      dealsWon: 1,
      dealsLost: 0,
      dealsNoDecision: 1,
      bookings: 10_000,
      winRate: 0.5,
    });
    expect(q.comparisons.previousQuarter.quarter).toBe("2027-Q1");
  });

  it("counts a configured no-decision pattern", () => {
    const strict = ConfigSchema.parse({ noDecisionPattern: "^price$" });
    const q = computeQuarterMetrics(fixtureRecords(), "2026-Q3", strict);
    // Now L1 (Price) is no decision and N1 ("No Decision") is lost.
    expect(q.headline).toMatchObject({ dealsLost: 2, dealsNoDecision: 1 });
    expect(q.sections.winLoss.lossReasons.find((r) => r.reason === "Price")?.noDecision).toBe(true);
  });
});
