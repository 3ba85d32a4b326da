import { describe, expect, it } from "vitest";
import { Dictionary } from "../../src/model/dictionary.ts";
import { CLOSED, HistoryLog, NO_DAY, WON } from "../../src/model/historyLog.ts";
import type { HistoryRow } from "../../src/model/records.ts";

/*
 * The history log keeps each change as numbers and gives it back as the record it was: a
 * blank value stays blank (null), distinct from a zero amount, and the log grows past its
 * first capacity without losing a row.
 */

const row = (i: number, overrides: Partial<HistoryRow> = {}): HistoryRow => ({
  opportunityId: `O${i % 7}`,
  at: `2026-0${1 + (i % 9)}-1${i % 10}T0${i % 10}:${10 + (i % 50)}:0${i % 10}`,
  stage: ["Discovery", "Proposal", "Closed Won"][i % 3]!,
  amount: i % 4 === 0 ? null : i % 4 === 1 ? 0 : 1000.25 + i,
  closeDate: i % 5 === 0 ? null : `2026-12-${10 + (i % 20)}`,
  probability: i % 2 === 0 ? null : 0.25,
  forecastCategory: i % 3 === 0 ? null : "commit",
  isClosed: i % 3 === 2,
  isWon: i % 3 === 2 && i % 2 === 0,
  ...overrides,
});

describe("the history log", () => {
  it("gives back every row as it was pushed, blanks as null and zero as zero, past its first capacity", () => {
    const rows = Array.from({ length: 200 }, (_, i) => row(i));
    const log = HistoryLog.of(rows);
    expect(log.length).toBe(200);
    expect([...log]).toEqual(rows);
    // Row 0 leaves amount, close date, probability and category blank; row 1 has an amount of 0.
    expect([log.amount[0], log.closeDay[0], log.probability[0], log.category[0]]).toEqual([
      Number.NaN,
      NO_DAY,
      Number.NaN,
      0,
    ]);
    expect(log.amount[1]).toBe(0);
    // Row 5 is a closed stage; row 8 is closed won.
    expect([log.flags[1], log.flags[5], log.flags[8]]).toEqual([0, CLOSED, CLOSED | WON]);
  });

  it("codes each row's deal in the dictionary it is given, so by the deals' positions", () => {
    const deals = Dictionary.of(["O5", "O1", "O0"]);
    const log = new HistoryLog(deals);
    for (const i of [0, 1, 5, 1]) log.push(row(i, { opportunityId: `O${i}` }));
    expect([...log.opportunity]).toEqual([2, 1, 0, 1]);
    expect(deals.texts).toEqual(["O5", "O1", "O0"]);
  });

  it("keeps its times in seconds of the local clock, ordered as their text", () => {
    const log = HistoryLog.of([
      row(0, { at: "2026-07-01T10:00:00" }),
      row(1, { at: "2026-07-01T23:59:59" }),
      row(2, { at: "2026-07-02T00:00:00" }),
    ]);
    // 1 Jul 2026 is day 20,635 since 1970; 10:00:00 is 36,000 s into it.
    expect([...log.seconds]).toEqual([20_635 * 86_400 + 36_000, 20_636 * 86_400 - 1, 20_636 * 86_400]);
  });
});
