import { describe, expect, it } from "vitest";
import { competitorChart, lossReasonsChart, productOutcomeChart } from "../../src/charts/winLossCharts.ts";
import { ConfigSchema } from "../../src/config/configSchema.ts";
import { computeQuarterMetrics } from "../../src/metrics/computeQuarterMetrics.ts";
import type { QualityForecast } from "../../src/metrics/qualityForecast.ts";
import type { Records } from "../../src/model/records.ts";
import { backtestVerdict } from "../../src/site/backtestVerdict.ts";
import { baselines } from "../../src/site/comparisons.ts";
import { leaders, listNames } from "../../src/site/leaders.ts";
import { narrative } from "../../src/site/narrative.ts";
import type { Snapshot } from "../../src/snapshot/snapshot.ts";
import { fixtureRecords } from "../metrics/fixture.ts";

/*
 * Sentences and chart titles generated from figures must not lie: a part is never larger than
 * its whole, ties are said as ties, placeholders never win, and a title uses the definition
 * its bars show. Figures here are the hand-worked fixture's (test/metrics/fixture.ts).
 */

const config = ConfigSchema.parse({});

/** A snapshot of 2026-Q3 from records, with only what the sentences read filled in. */
function snapshotOf(records: Records): Snapshot {
  const metrics = computeQuarterMetrics(records, "2026-Q3", config);
  return {
    quarter: "2026-Q3",
    currency: "USD",
    company: "Fixture Co",
    headline: metrics.headline,
    unavailable: metrics.unavailable,
    comparisons: metrics.comparisons,
    sections: metrics.sections,
  } as unknown as Snapshot;
}

function sentencesOf(records: Records): string[] {
  const snapshot = snapshotOf(records);
  const { qoq, yoy } = baselines(snapshot, []);
  return narrative(snapshot, qoq, yoy);
}

describe("leaders", () => {
  it("names every group sharing the top value and never the placeholder", () => {
    const groups = [
      { key: "(none)", v: 9 },
      { key: "Analytics", v: 5 },
      { key: "Platform", v: 5 },
      { key: "Connect", v: 2 },
    ];
    expect(leaders(groups, (g) => g.v)).toEqual({ keys: ["Analytics", "Platform"], value: 5 });
    expect(leaders([{ key: "(none)", v: 1 }], (g) => g.v)).toBeNull();
    expect(listNames(["A", "B", "C"])).toBe("A, B and C");
  });
});

describe("the narrative", () => {
  it("never presents pipeline created as a part of the open pipeline", () => {
    // Created in Q3: L2 12,000 + W2 5,000 + W3 20,000 + P2 4,000 = 41,000, of which only P2 is
    // open at the end; open pipeline is P1 30,000 + P2 4,000 + P3 9,000 = 43,000.
    const text = sentencesOf(fixtureRecords()).join(" ");
    expect(text).toContain("Open pipeline ended the quarter at $43K");
    expect(text).toContain(
      "Reps created $41K of new pipeline in 4 opportunities; $4,000 of it was still open at quarter end.",
    );
    expect(text).not.toMatch(/of it was created this quarter/);
  });

  it("says a tie for the lead as a tie, and lets no placeholder lead", () => {
    // Bookings by product: Platform W1 10,000 + W3 20,000 = 30,000; Analytics W2 5,000;
    // Connect W4 7,000. Make Analytics tie with Platform: W2 becomes 30,000, so each is 30 / 67 = 45%.
    const base = fixtureRecords();
    const tied = {
      ...base,
      opportunities: base.opportunities.map((o) => (o.id === "W2" ? { ...o, amount: 30_000 } : o)),
    };
    expect(sentencesOf(tied).join(" ")).toContain(
      "Analytics and Platform tied for the lead with $30K each (45% of bookings apiece)",
    );
    const unrecorded = { ...base, opportunities: base.opportunities.map((o) => ({ ...o, product: null })) };
    expect(sentencesOf(unrecorded).join(" ")).not.toMatch(/\(none\)|led with/);
  });

  it("does not claim new logos cannot be named when the export does not say", () => {
    const base = fixtureRecords();
    const text = sentencesOf({
      ...base,
      accounts: base.accounts.map((a) => ({ ...a, referenceApproved: null })),
    }).join(" ");
    expect(text).toContain(
      "We won 2 new logos worth $22K; the export does not record which may be named publicly.",
    );
  });
});

describe("chart titles", () => {
  it("uses the rate the competitor bars show: won as a share of closed deals", () => {
    // Vantage: W1 won, L2 lost → 50%. Helix: W3, W4 won, L1 lost → 67%. (none): W2, N1.
    expect(competitorChart(snapshotOf(fixtureRecords())).finding).toBe(
      "We won 67% of closed deals against Helix but 50% against Vantage",
    );
  });

  it("counts only lost deals in the loss-reason share, not no-decisions", () => {
    // Lost in Q3: L1 "Price", L2 "Lost to competitor"; N1 "No Decision" is not a loss.
    expect(lossReasonsChart(snapshotOf(fixtureRecords())).finding).toBe(
      "Lost to competitor and Price were the most common reason we lost (50% of lost deals each)",
    );
  });

  it("names every product sharing the highest win rate", () => {
    // Platform: W1, W3 won, L1 lost, N1 no decision → 50%. Analytics: W2 won, L2 lost → 50%.
    // Connect: W4 won → 100%. Make W4 lost: Connect 0%, and Analytics and Platform tie at 50%.
    const base = fixtureRecords();
    const records = {
      ...base,
      opportunities: base.opportunities.map((o) =>
        o.id === "W4" ? { ...o, isWon: false, stage: "Closed Lost", lossReason: "Price" } : o,
      ),
    };
    expect(productOutcomeChart(snapshotOf(records)).finding).toBe(
      "Analytics and Platform share the highest win rate, 50% of closed deals",
    );
  });
});

describe("the backtest verdict", () => {
  const row = (actual: number, flat: number, quality: number) => ({
    quarter: "2026-Q2",
    actual,
    flat,
    quality,
  });
  const qf = (backtest: QualityForecast["backtest"], flatError: number, qualityError: number) =>
    ({
      backtest,
      flatError,
      qualityError,
      better: flatError === qualityError ? "tie" : flatError < qualityError ? "flat" : "quality",
    }) as QualityForecast;

  it("gives no verdict when both methods hit every quarter exactly", () => {
    expect(backtestVerdict(qf([row(100, 100, 100)], 0, 0))).toMatch(/no verdict/);
  });

  it("names the closer method with both errors", () => {
    expect(backtestVerdict(qf([row(100, 80, 95)], 0.2, 0.05))).toBe(
      "Over the last quarter the quality-weighted forecast was closer: off by 5.0% on average against 20.0%.",
    );
  });
});
