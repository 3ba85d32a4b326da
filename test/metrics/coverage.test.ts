import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../src/config/configSchema.ts";
import { computeQuarterMetrics } from "../../src/metrics/computeQuarterMetrics.ts";
import { dataCoverage, dealsCoverage, REASONS } from "../../src/metrics/coverage.ts";
import { prepareDataset } from "../../src/metrics/dataset.ts";
import { stateAt, UNKNOWN_STAGE } from "../../src/metrics/pointInTime.ts";
import { HistoryLog } from "../../src/model/historyLog.ts";
import { type Records, UNDATED } from "../../src/model/records.ts";
import { fixtureRecords } from "./fixture.ts";

/*
 * Right, or absent with the reason: each case takes the hand-worked fixture (see fixture.ts),
 * removes what a real export lacked, and checks that the figures that needed it are null with
 * a reason rather than a confident 0, a negative duration or today's state passed off as past.
 */

const config = ConfigSchema.parse({});
const compute = (records: Records, quarter = "2026-Q3") => computeQuarterMetrics(records, quarter, config);

/** The fixture as an export without stage history (HubSpot's usual deal export). */
function withoutHistory(): Records {
  const base = fixtureRecords();
  return { ...base, history: new HistoryLog(), supplied: base.supplied.filter((k) => k !== "history") };
}

describe("figures the export cannot support", () => {
  it("never lets today's closed stage leak into a past day without history", () => {
    // W3 (created 15 Jul, won 31 Aug, no history) was open on 1 Aug, in a stage nobody recorded.
    const dataset = prepareDataset(withoutHistory(), config);
    const w3 = dataset.records.opportunities.findIndex((o) => o.id === "W3");
    expect(stateAt(dataset.timelines, w3, "2026-08-01")).toMatchObject({
      isClosed: false,
      stage: UNKNOWN_STAGE,
      probability: null,
    });
    expect(stateAt(dataset.timelines, w3, "2026-09-01")).toMatchObject({
      isClosed: true,
      stage: "Closed Won",
    });
  });

  it("leaves out stage, flow and backtest without history, and keeps what is knowable", () => {
    const metrics = compute(withoutHistory());
    expect(metrics.sections.pipeline.openByStage).toBeNull();
    expect(metrics.sections.flow).toBeNull();
    expect(metrics.sections.qualityForecast).toBeNull();
    for (const path of ["sections.pipeline.openByStage", "sections.flow", "sections.qualityForecast"])
      expect(metrics.unavailable[path]).toBe(REASONS.noHistory);
    // Which deals were open on 30 Sep is knowable: P1 30,000 + P2 4,000 + P3 9,000 = 43,000
    // (today's amounts; P1 was 30,000 since 10 Sep anyway).
    expect(metrics.headline.openPipeline).toBe(43_000);
  });

  it("says the pipeline before the export's first deal is unknown, not $0", () => {
    // The fixture's earliest deal (E1) was created on 10 Jan 2025, so the end of 2024-Q4 is unknown.
    const metrics = compute(fixtureRecords(), "2025-Q4");
    expect(metrics.headline.pipelineGrowthYoY).toBeNull();
    expect(metrics.unavailable["headline.pipelineGrowthYoY"]).toBe(REASONS.pipelineBefore("2025-01-10"));
    expect(metrics.sections.pipeline.open.yearAgoEnd).toBeNull();
    const early = compute(fixtureRecords(), "2024-Q4");
    expect(early.headline.openPipeline).toBeNull();
    expect(early.headline.pipelineCreated).toBeNull();
    expect(early.unavailable["headline.pipelineCreated"]).toBe(
      REASONS.createdBefore("2024-Q4", "2025-01-10"),
    );
  });

  it("measures no sales cycle for deals created after they closed", () => {
    // W3 loaded into the CRM on 1 Oct, after it closed on 31 Aug: its cycle is unknown, not −31 days.
    const base = fixtureRecords();
    const records = {
      ...base,
      opportunities: base.opportunities.map((o) => (o.id === "W3" ? { ...o, createdDate: "2026-10-01" } : o)),
    };
    const metrics = compute(records);
    // Left: W1 40 days (10 Jun → 20 Jul), W2 85 (5 Jul → 28 Sep), W4 152 (1 May → 30 Sep): median 85.
    expect(metrics.sections.salesCycle).toMatchObject({ deals: 3, unmeasurable: 1, medianDays: 85 });
    const allLate = {
      ...base,
      opportunities: base.opportunities.map((o) => (o.isWon ? { ...o, createdDate: "2026-12-01" } : o)),
    };
    const none = compute(allLate);
    expect(none.headline.salesCycleDaysMedian).toBeNull();
    expect(none.unavailable["headline.salesCycleDaysMedian"]).toMatch(/has it after its close date/);
  });

  it("counts no new logos without accounts and names none without a reference field", () => {
    const base = fixtureRecords();
    const noAccounts = compute({
      ...base,
      opportunities: base.opportunities.map((o) => ({ ...o, accountId: null })),
    });
    expect(noAccounts.headline.newLogos).toBeNull();
    expect(noAccounts.unavailable["headline.newLogos"]).toBe(REASONS.noAccountLink);
    const noReference = compute({
      ...base,
      accounts: base.accounts.map((a) => ({ ...a, referenceApproved: null })),
    });
    expect(noReference.headline.newLogos).toBe(2);
    expect(noReference.sections.newLogos.nameable).toBeNull();
    expect(noReference.sections.newLogos.logos.map((l) => l.referenceApproved)).toEqual([null, null]);
    expect(noReference.unavailable["sections.newLogos.nameable"]).toBe(REASONS.noReferenceField);
  });

  it("says which breakdowns the deals do not record", () => {
    // The fixture records competitors, products, segments, owners and loss reasons, but no
    // deal closed in Q3 has a lead source; strip competitors to see the breakdown go.
    const base = fixtureRecords();
    const metrics = compute({
      ...base,
      opportunities: base.opportunities.map((o) => ({ ...o, competitor: null })),
    });
    expect(metrics.unavailable["sections.winLoss.byCompetitor"]).toMatch(
      /^No closed deal of the quarter records its competitor/,
    );
    expect(metrics.unavailable["sections.winLoss.byProduct"]).toBeUndefined();
  });

  it("says the funnel and renewals need leads with dates and deal types", () => {
    // The fixture has no leads and no deal records its type.
    const metrics = compute(fixtureRecords());
    expect(metrics.unavailable["sections.funnel"]).toBe(REASONS.noLeads);
    expect(metrics.unavailable["sections.renewals"]).toBe(REASONS.noTypes);
    const base = fixtureRecords();
    const undated = {
      ...base,
      leads: [
        {
          id: "L1",
          createdDate: UNDATED,
          mqlDate: null,
          sqlDate: null,
          source: null,
          owner: null,
          convertedOpportunityId: null,
        },
      ],
      opportunities: base.opportunities.map((o) => ({ ...o, type: "new" as const })),
    };
    const withTypes = compute(undated);
    expect(withTypes.unavailable["sections.funnel"]).toBe(REASONS.undatedLeads);
    expect(withTypes.unavailable["sections.renewals"]).toBeUndefined();
  });

  it("values pipeline created one way everywhere: per rep as in the headline", () => {
    // P1 was created in 2025; of the deals created in Q3 (L2, W2, W3, P2) Ann created W2 5,000
    // and Bo L2 12,000 + W3 20,000 + P2 4,000 = 36,000; all as of 30 Sep (no history: today's).
    const metrics = compute(fixtureRecords());
    const created = metrics.sections.pipeline.created!;
    const perRep = metrics.sections.leadingIndicators.reps.map((r) => [r.owner, r.pipelineCreated]);
    expect(perRep).toEqual(created.byOwner.map((g) => [g.key, g.amount]).sort());
    // Only P2 (4,000) of what was created is still open at the end; never more than the open pipeline.
    expect(created.stillOpen).toBe(4_000);
    expect(created.stillOpen).toBeLessThanOrEqual(metrics.headline.openPipeline!);
  });
});

describe("what the deals hold", () => {
  it("is read once for the same deals, and is what the coverage reports", () => {
    const records = fixtureRecords();
    const deals = dealsCoverage(records.opportunities);
    expect(dealsCoverage(records.opportunities)).toBe(deals);
    const coverage = dataCoverage(records);
    expect(deals.firstCreated).toBe(coverage.firstCreated);
    expect([deals.accountLink, deals.types]).toEqual([coverage.accountLink, coverage.types]);
    // Other deals are read anew: without accounts named, no account link.
    const unlinked = records.opportunities.map((o) => ({ ...o, accountId: null }));
    expect(dealsCoverage(unlinked).accountLink).toBe(false);
  });
});
