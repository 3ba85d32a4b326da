import { describe, expect, it } from "vitest";
import { quarterFromId } from "../../src/calendar/fiscalCalendar.ts";
import { ConfigSchema } from "../../src/config/configSchema.ts";
import { prepareDataset } from "../../src/metrics/dataset.ts";
import { qualityForecast } from "../../src/metrics/qualityForecast.ts";
import { ActivityLog } from "../../src/model/activityLog.ts";
import { HistoryLog } from "../../src/model/historyLog.ts";
import type { HistoryRow, Opportunity, Records } from "../../src/model/records.ts";
import { account } from "./fixture.ts";

const config = ConfigSchema.parse({});

/*
 * Q2 2026 (training): four deals in Proposal on 31 Mar, 100 each. a1 and a2 are with the ICP
 * account I and met its economic buyer (contact CB) before the quarter: both won. a3 and a4
 * are with the off-profile account N and met nobody who buys: both lost.
 * Q3 2026 (forecast): b1 (I, buyer met) 300, won; b2 (N) 100, lost.
 */
function deal(
  id: string,
  accountId: string,
  amount: number,
  created: string,
  close: string,
  won: boolean,
): Opportunity {
  return {
    id,
    accountId,
    name: id,
    owner: "Ann",
    product: null,
    type: null,
    stage: won ? "Won" : "Lost",
    amount,
    currency: "USD",
    amountOriginal: amount,
    createdDate: created,
    closeDate: close,
    isClosed: true,
    isWon: won,
    lossReason: won ? null : "Price",
    competitor: null,
    leadSource: null,
    forecastCategory: null,
    probability: null,
    segment: null,
  };
}
function rows(o: Opportunity): HistoryRow[] {
  const base = {
    opportunityId: o.id,
    probability: null,
    forecastCategory: null,
    amount: o.amount,
    closeDate: o.closeDate,
  };
  return [
    { ...base, at: `${o.createdDate}T10:00:00`, stage: "Proposal", isClosed: false, isWon: false },
    { ...base, at: `${o.closeDate}T10:00:00`, stage: o.stage, isClosed: true, isWon: o.isWon },
  ];
}
const opportunities = [
  deal("a1", "I", 100, "2026-03-01", "2026-05-15", true),
  deal("a2", "I", 100, "2026-03-01", "2026-05-15", true),
  deal("a3", "N", 100, "2026-03-01", "2026-05-15", false),
  deal("a4", "N", 100, "2026-03-01", "2026-05-15", false),
  deal("b1", "I", 300, "2026-06-01", "2026-08-15", true),
  deal("b2", "N", 100, "2026-06-01", "2026-08-15", false),
];
const meeting = (opportunityId: string, date: string) => ({
  id: `m-${opportunityId}`,
  owner: "Ann",
  type: "meeting" as const,
  date,
  accountId: "I",
  contactId: "CB",
  opportunityId,
});
const records: Records = {
  accounts: [
    account("I", { isIcp: true, referenceApproved: false }),
    account("N", { isIcp: false, referenceApproved: false }),
  ],
  contacts: [{ id: "CB", accountId: "I", title: "CFO", persona: "Economic Buyer", isTargetPersona: true }],
  opportunities,
  history: HistoryLog.of(opportunities.flatMap(rows)),
  activities: ActivityLog.of([
    meeting("a1", "2026-03-10"),
    meeting("a2", "2026-03-10"),
    meeting("b1", "2026-06-10"),
  ]),
  leads: [],
  forecasts: [],
  targets: [],
  rocks: [],
  asOf: "2026-10-01",
  supplied: ["opportunities"],
};

describe("quality-weighted forecast", () => {
  const result = qualityForecast(
    prepareDataset(records, config),
    quarterFromId("2026-Q3", config),
    config,
    2,
  );

  it("backtests only quarters with earlier quarters to learn from", () => {
    // Q2 has no earlier deals, so only Q3 is backtested. Learned from Q2: Proposal wins 2 of 4
    // (0.5). The cell ICP + buyer engaged won 2 of 2, pooled with 5 deals at 0.5:
    // (2 + 2.5) / 7 = 0.642857; the cell not ICP + not engaged: (0 + 2.5) / 7 = 0.357143.
    // Flat: 300 × 0.5 + 100 × 0.5 = 200. Quality: 300 × 0.642857 + 100 × 0.357143 = 192.86 + 35.71.
    expect(result.backtest).toEqual([{ quarter: "2026-Q3", actual: 300, flat: 200, quality: 228.57 }]);
  });

  it("says which method predicted better, by mean absolute error", () => {
    expect(result.flatError).toBeCloseTo(100 / 300, 12);
    expect(result.qualityError).toBeCloseTo(71.43 / 300, 12);
    expect(result.better).toBe("quality");
  });
});
