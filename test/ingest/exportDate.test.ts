import { describe, expect, it } from "vitest";
import { asOfDay, dealDays } from "../../src/ingest/exportDate.ts";
import { ActivityLog } from "../../src/model/activityLog.ts";
import { HistoryLog } from "../../src/model/historyLog.ts";
import { type Opportunity, type Records, UNDATED } from "../../src/model/records.ts";

/*
 * The export's date is the latest day something happened: a deal created or closed, a
 * history change, an activity. Open deals' close dates are hopes, not events; a lone year far
 * past all the others is a typing mistake.
 */

const deal = (createdDate: string, closeDate: string, isClosed: boolean) =>
  ({ createdDate, closeDate, isClosed }) as Opportunity;

function records(opportunities: Opportunity[], historyAt: string[] = [], activityDays: string[] = []) {
  const history = HistoryLog.of(
    historyAt.map((at) => ({
      opportunityId: "O1",
      at,
      stage: "Proposal",
      amount: null,
      closeDate: null,
      probability: null,
      forecastCategory: null,
      isClosed: false,
      isWon: false,
    })),
  );
  const activities = ActivityLog.of(
    activityDays.map((date, i) => ({
      id: `T${i}`,
      owner: "Ann",
      type: "call" as const,
      date,
      accountId: null,
      contactId: null,
      opportunityId: null,
    })),
  );
  return { opportunities, history, activities } as unknown as Omit<Records, "asOf">;
}

const base = [
  deal("2026-03-01", "2026-06-15", true),
  // Open: its close date in 2027 is an expectation.
  deal("2026-05-01", "2027-01-31", false),
];

describe("the export's date", () => {
  it("is the latest day of a creation, a close, a history change or an activity", () => {
    expect(asOfDay(records(base))).toBe("2026-06-15");
    expect(asOfDay(records(base, ["2026-06-20T23:59:59"]))).toBe("2026-06-20");
    expect(asOfDay(records(base, ["2026-06-20T23:59:59"], ["2026-06-25", "2026-06-01"]))).toBe("2026-06-25");
  });

  it("passes over a lone year far past the others, but not one close behind them", () => {
    // Days counted: 3 creations and closes of 2026 and 1975, one history change, two activities.
    const typo = [...base, deal("1975-02-01", "9999-12-31", true)];
    expect(asOfDay(records(typo, ["2026-06-20T10:00:00"], ["2026-06-01", "2026-06-02"]))).toBe("2026-06-20");
    // 2027 is a year after 2026: a real close, so the export was taken then.
    const nextYear = [...base, deal("2026-12-01", "2027-01-05", true)];
    expect(asOfDay(records(nextYear))).toBe("2027-01-05");
  });

  it("counts days far apart in either direction, and has no date without days", () => {
    // Seen first a day of 2026, then two of 1971, then four of 2030: none a lone year.
    const spread = [deal("2026-01-10", "2026-02-01", false), deal("1971-01-01", "1971-06-30", true)];
    const activities = ["2030-03-03", "2030-03-01", "2030-02-01", "2030-01-05"];
    expect(asOfDay(records(spread, [], activities))).toBe("2030-03-03");
    // With one day of 2030 only, 2030 and then 2026 are lone years past the rest.
    expect(asOfDay(records(spread, [], ["2030-03-03"]))).toBe("1971-06-30");
    expect(asOfDay(records([deal(UNDATED, "2026-01-01", false)]))).toBe("0000-01-01");
  });

  it("tallies the deals' days once, and adds the activities to a copy", () => {
    const read = records(base, ["2026-06-20T10:00:00"], ["2026-06-25"]);
    const tally = dealDays(read.opportunities, read.history);
    expect(dealDays(read.opportunities, read.history)).toBe(tally);
    expect(dealDays(read.opportunities, new HistoryLog())).not.toBe(tally);
    // Asked twice, the same date: the activities are never added to the tally itself.
    expect([asOfDay(read), asOfDay(read)]).toEqual(["2026-06-25", "2026-06-25"]);
    const seen: number[] = [];
    dealDays(read.opportunities, read.history).forEach((_, count) => {
      seen.push(count);
    });
    expect(seen.reduce((a, b) => a + b, 0)).toBe(4);
  });
});
