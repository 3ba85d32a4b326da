import { describe, expect, it } from "vitest";
import { quarterFromId } from "../../src/calendar/fiscalCalendar.ts";
import { ConfigSchema } from "../../src/config/configSchema.ts";
import { prepareDataset } from "../../src/metrics/dataset.ts";
import { forecastAccuracy } from "../../src/metrics/forecastAccuracy.ts";
import { HistoryLog } from "../../src/model/historyLog.ts";
import { change, fixtureRecords } from "./fixture.ts";

const config = ConfigSchema.parse({});

/**
 * The fixture with every deal at 50% throughout its life and two commit calls submitted for
 * Q3. A weighted forecast needs each deal's probability on the day, so every deal without
 * history gets the rows a CRM would have written: opened at 09:00 on its created day with
 * today's amount and close date, and closed at 16:00 on its close day.
 */
function records() {
  const base = fixtureRecords();
  const withHistory = new Set([...base.history].map((h) => h.opportunityId));
  const opened = base.opportunities
    .filter((o) => !withHistory.has(o.id))
    .flatMap((o) => [
      change(o.id, `${o.createdDate}T09:00:00`, "Discovery", o.amount, o.closeDate, false, false),
      ...(o.isClosed
        ? [change(o.id, `${o.closeDate}T16:00:00`, o.stage, o.amount, o.closeDate, true, o.isWon)]
        : []),
    ]);
  return {
    ...base,
    opportunities: base.opportunities.map((o) => ({ ...o, probability: 0.5 })),
    history: HistoryLog.of([...base.history, ...opened].map((h) => ({ ...h, probability: 0.5 }))),
    forecasts: [
      {
        quarter: "2026-Q3",
        submittedDate: "2026-07-01",
        owner: null,
        category: "commit" as const,
        amount: 40_000,
      },
      {
        quarter: "2026-Q3",
        submittedDate: "2026-07-15",
        owner: null,
        category: "commit" as const,
        amount: 45_000,
      },
      {
        quarter: "2026-Q3",
        submittedDate: "2026-07-15",
        owner: "Ann",
        category: "commit" as const,
        amount: 1,
      },
    ],
  };
}

describe("forecast accuracy", () => {
  const result = forecastAccuracy(
    prepareDataset(records(), config),
    quarterFromId("2026-Q3", config),
    config,
  );

  it("compares the call standing at the start with bookings", () => {
    // Before any call of the quarter, its first call (40,000) is the standing forecast.
    // Actual bookings 42,000 → error −2,000, −4.8%. Reps' own calls are not the company's.
    expect(result.actual).toBe(42_000);
    expect(result.atStart.submittedCommit).toBe(40_000);
    expect(result.error).toEqual({ source: "submitted", amount: -2_000, share: -2_000 / 42_000 });
  });

  it("reconstructs the weighted pipeline from history at the start and each week", () => {
    // 30 Jun: nothing won yet; open and due in Q3: W1 8,000 + L1 8,000 + W4 7,000 + N1 6,000
    // + P1 25,000 = 54,000, at 50% → 27,000.
    expect(result.atStart.weightedPipeline).toBe(27_000);
    // Week 4 starts 22 Jul: W1 won 10,000 (20 Jul); open and due: W2 5,000, W3 20,000, W4 7,000,
    // L1 8,000, L2 12,000, N1 6,000, P1 25,000 = 83,000 → 41,500; total 51,500. The call standing is 45,000.
    const week4 = result.weekly[3]!;
    expect(week4).toMatchObject({
      week: 4,
      date: "2026-07-22",
      weightedPipeline: 51_500,
      submittedCommit: 45_000,
    });
    expect(result.weekly).toHaveLength(14);
  });

  it("is unknown, not −100%, when the deals' probabilities then are unknown", () => {
    // The bare fixture: W4 and N1 were open and due on 30 Jun but have no history, so their
    // probability that day is unknown; and no deal carries a probability at all.
    const bare = forecastAccuracy(
      prepareDataset(fixtureRecords(), config),
      quarterFromId("2026-Q3", config),
      config,
    );
    expect(bare.atStart.weightedPipeline).toBeNull();
    expect(bare.error).toEqual({ source: "weighted", amount: null, share: null });
    expect(bare.trend.every((t) => t.forecast === null && t.error.share === null)).toBe(true);
  });

  it("keeps a trend of past quarters, ending with this one", () => {
    expect(result.trend.map((t) => t.quarter)).toEqual([
      "2025-Q2",
      "2025-Q3",
      "2025-Q4",
      "2026-Q1",
      "2026-Q2",
      "2026-Q3",
    ]);
    // Nothing was booked in the earlier quarters, so their error share is undefined, not zero.
    expect(result.trend[0]).toMatchObject({ actual: 0, error: { share: null } });
    expect(result.trend.at(-1)).toMatchObject({ quarter: "2026-Q3", actual: 42_000, forecast: 40_000 });
  });
});
