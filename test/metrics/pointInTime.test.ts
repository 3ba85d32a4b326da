import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../src/config/configSchema.ts";
import { prepareDataset } from "../../src/metrics/dataset.ts";
import { indexHistory } from "../../src/metrics/historyIndex.ts";
import { forEachOpenAt, openPipelineAt, openPipelineAtDays } from "../../src/metrics/openPipeline.ts";
import { closedSince, stateAt, stateOf, timelinesOf } from "../../src/metrics/pointInTime.ts";
import { HistoryLog } from "../../src/model/historyLog.ts";
import type { HistoryRow, Opportunity } from "../../src/model/records.ts";
import { change, deal, fixtureRecords } from "./fixture.ts";

/*
 * Point-in-time state: the timeline carries values forward once, and open pipeline skips
 * deals closed for good without reading their history. A deal that was lost and then
 * reopened must not be skipped while it was open again.
 */

const config = ConfigSchema.parse({});
// R1: created 1 Jun at 5,000; lost 10 Jul; reopened 1 Aug at 6,000 (amount on the row);
// won 20 Sep with no amount on the row, so 6,000 carries forward.
const reopened = deal("R1", "A1", "Ann", "Platform", "2026-06-01", "2026-09-20", "won", 6_000, null, "SMB");
const history = [
  change("R1", "2026-06-01T09:00:00", "Discovery", 5_000, "2026-08-31", false, false),
  change("R1", "2026-07-10T16:00:00", "Closed Lost", 5_000, "2026-07-10", true, false),
  change("R1", "2026-08-01T08:00:00", "Proposal", 6_000, "2026-09-30", false, false),
  { ...change("R1", "2026-09-20T12:00:00", "Closed Won", 0, "2026-09-20", true, true), amount: null },
];
// C1: closed won on 15 Jul with no history at all: open from creation until that day.
const noHistory = deal("C1", "A2", "Bo", "Connect", "2026-05-01", "2026-07-15", "won", 2_000, null, "SMB");

/** One deal's timeline: its state at the end of a day, and the day from which it stays closed. */
function timelineOf(opportunity: Opportunity, rows: HistoryRow[] = []) {
  const timelines = timelinesOf([opportunity], indexHistory([opportunity], HistoryLog.of(rows)));
  return { on: (day: string) => stateAt(timelines, 0, day), closedSince: () => closedSince(timelines, 0) };
}

describe("timelines", () => {
  const timeline = timelineOf(reopened, history);

  it("gives each day's state, carrying values forward", () => {
    expect(timeline.on("2026-05-31")).toBeNull();
    expect(timeline.on("2026-07-10")).toMatchObject({ stage: "Closed Lost", isClosed: true });
    expect(timeline.on("2026-08-15")).toMatchObject({
      stage: "Proposal",
      amount: 6_000,
      isClosed: false,
    });
    expect(timeline.on("2026-09-20")).toMatchObject({
      stage: "Closed Won",
      amount: 6_000,
      isWon: true,
    });
  });

  it("knows from which day a deal stays closed", () => {
    expect(timeline.closedSince()).toBe("2026-09-20");
    expect(timelineOf(noHistory).closedSince()).toBe("2026-07-15");
    expect(timelineOf({ ...noHistory, isClosed: false, isWon: false }).closedSince()).toBeNull();
  });

  it("counts a reopened deal in open pipeline while it was open again", () => {
    const records = fixtureRecords();
    const dataset = prepareDataset(
      { ...records, opportunities: [reopened, noHistory], history: HistoryLog.of(history), accounts: [] },
      config,
    );
    // 1 Jul: R1 5,000 and C1 2,000; 20 Jul: R1 lost, C1 won; 15 Aug: R1 reopened at 6,000.
    expect(openPipelineAt(dataset, "2026-07-01")).toEqual({ date: "2026-07-01", amount: 7_000, deals: 2 });
    expect(openPipelineAt(dataset, "2026-07-20")).toEqual({ date: "2026-07-20", amount: 0, deals: 0 });
    expect(openPipelineAt(dataset, "2026-08-15")).toEqual({ date: "2026-08-15", amount: 6_000, deals: 1 });
    expect(openPipelineAt(dataset, "2026-09-30")).toEqual({ date: "2026-09-30", amount: 0, deals: 0 });
  });

  it("takes the current record as the last word when the history ends open", () => {
    // W1: created 1 Jun, won 15 Aug at 9,000 today; its history stops at a Proposal row of
    // 1 Jul. It is open (8,000) until 15 Aug and closed from then on, never open for ever.
    const won = deal("W1", "A3", "Cy", "Platform", "2026-06-01", "2026-08-15", "won", 9_000, null, "SMB");
    const cut = [change("W1", "2026-07-01T10:00:00", "Proposal", 8_000, "2026-08-31", false, false)];
    const timeline = timelineOf(won, cut);
    expect(timeline.on("2026-08-14")).toMatchObject({
      stage: "Proposal",
      amount: 8_000,
      isClosed: false,
    });
    expect(timeline.on("2026-08-15")).toMatchObject({
      stage: "Closed Won",
      amount: 9_000,
      isWon: true,
    });
    expect(timeline.closedSince()).toBe("2026-08-15");
    // A history row after the close date does not reopen it either.
    const late = [...cut, change("W1", "2026-09-01T10:00:00", "Proposal", 8_000, "2026-09-30", false, false)];
    expect(timelineOf(won, late).on("2026-09-10")).toMatchObject({ isClosed: true, isWon: true });
  });
});

describe("many days in one pass", () => {
  const dataset = prepareDataset(
    {
      ...fixtureRecords(),
      opportunities: [reopened, noHistory],
      history: HistoryLog.of(history),
      accounts: [],
    },
    config,
  );
  // Asked out of order and with 1 Jul twice. 15 Aug: R1 reopened at 6,000. 1 Jul: R1 at 5,000
  // and C1 at 2,000. 20 Jul: R1 lost, C1 won. 1 May: C1 only (created that day), R1 not yet.
  const days = ["2026-08-15", "2026-07-01", "2026-07-20", "2026-07-01", "2026-05-01"];

  it("visits each day's open deals with their state then, under every index the day was asked", () => {
    const seen: string[] = [];
    forEachOpenAt(dataset, days, (d, i, row) =>
      seen.push(`${d} ${dataset.records.opportunities[i]!.id} ${dataset.timelines.amount[row]}`),
    );
    expect(seen.sort()).toEqual([
      "0 R1 6000",
      "1 C1 2000",
      "1 R1 5000",
      "3 C1 2000",
      "3 R1 5000",
      "4 C1 2000",
    ]);
  });

  it("gives each day what a question about that day alone gives", () => {
    const open = (asked: string[], d: number) => {
      const seen: string[] = [];
      forEachOpenAt(dataset, asked, (index, i, row) => {
        if (index === d)
          seen.push(`${dataset.records.opportunities[i]!.id} ${stateOf(dataset.timelines, row).stage}`);
      });
      return seen;
    };
    for (const day of days) expect(open([day, "2026-09-30", "2026-06-01"], 0)).toEqual(open([day], 0));
  });

  it("sums open pipeline for all the days at once", () => {
    expect(openPipelineAtDays(dataset, days)).toEqual([
      { date: "2026-08-15", amount: 6_000, deals: 1 },
      { date: "2026-07-01", amount: 7_000, deals: 2 },
      { date: "2026-07-20", amount: 0, deals: 0 },
      { date: "2026-07-01", amount: 7_000, deals: 2 },
      { date: "2026-05-01", amount: 2_000, deals: 1 },
    ]);
  });
});
