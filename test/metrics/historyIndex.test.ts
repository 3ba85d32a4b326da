import { describe, expect, it } from "vitest";
import { secondsOfLocalTime as secondsOf } from "../../src/calendar/days.ts";
import { historyOf, indexHistory } from "../../src/metrics/historyIndex.ts";
import { Dictionary } from "../../src/model/dictionary.ts";
import { HistoryLog } from "../../src/model/historyLog.ts";
import { change } from "./fixture.ts";

/*
 * Each deal's history rows come out oldest first, rows of the same second in file order, rows
 * of unknown deals left out; times are counted in seconds that order as their text does.
 */

describe("history by deal", () => {
  const rows = [
    change("D2", "2026-07-02T09:00:00", "Proposal", 2, "2026-09-30", false, false),
    change("D1", "2026-07-05T10:00:00", "Negotiation", 3, "2026-09-30", false, false),
    change("ZZ", "2026-07-01T00:00:00", "Orphan", 9, "2026-09-30", false, false),
    change("D1", "2026-07-01T10:00:00", "Discovery", 1, "2026-09-30", false, false),
    // Same second as the Negotiation row, later in the file: stays after it.
    change("D1", "2026-07-05T10:00:00", "Closed Won", 3, "2026-07-05", true, true),
  ];
  const index = indexHistory([{ id: "D1" }, { id: "D2" }, { id: "D1" }], HistoryLog.of(rows));

  it("lists each deal's rows oldest first, ties in file order", () => {
    expect(historyOf(index, 0).map((r) => r.stage)).toEqual(["Discovery", "Negotiation", "Closed Won"]);
    expect(historyOf(index, 1).map((r) => r.stage)).toEqual(["Proposal"]);
  });

  it("leaves out rows of deals not given, and lets a repeated id share the first one's rows", () => {
    expect(index.ids.find("ZZ")).toBe(-1);
    expect([...index.groupOfOpportunity]).toEqual([0, 1, 0]);
    expect(historyOf(index, 2)).toEqual(historyOf(index, 0));
    expect(index.order.length).toBe(4);
  });

  it("counts seconds so that they order as the times' text does", () => {
    // 1 Jul 2026 is day 20,635 since 1970; 10:00:00 is 36,000 s into it.
    expect(secondsOf("2026-07-01T10:00:00")).toBe(20_635 * 86_400 + 36_000);
    expect(secondsOf("2026-07-01T23:59:59")).toBeLessThan(secondsOf("2026-07-02T00:00:00"));
  });
});

describe("history coded by the deals' own dictionary", () => {
  // As ingest codes it: each row's code is its deal's position.
  const deals = [{ id: "D1" }, { id: "D2" }, { id: "D3" }];
  const log = new HistoryLog(Dictionary.of(deals.map((d) => d.id)));
  for (const row of [
    change("D3", "2026-07-02T09:00:00", "Proposal", 2, "2026-09-30", false, false),
    change("D1", "2026-07-05T10:00:00", "Negotiation", 3, "2026-09-30", false, false),
    change("D1", "2026-07-01T10:00:00", "Discovery", 1, "2026-09-30", false, false),
  ])
    log.push(row);
  const index = indexHistory(deals, log);

  it("groups the rows by the codes, oldest first, and finds deals through the dictionary", () => {
    expect([...log.opportunity]).toEqual([2, 0, 0]);
    expect(historyOf(index, 0).map((r) => r.stage)).toEqual(["Discovery", "Negotiation"]);
    expect(historyOf(index, 1)).toEqual([]);
    expect(historyOf(index, 2).map((r) => r.stage)).toEqual(["Proposal"]);
    expect([index.ids.find("D3"), index.ids.find("D2"), index.ids.find("ZZ")]).toEqual([2, 1, -1]);
  });

  it("gives what indexing the ids anew gives", () => {
    const anew = indexHistory(deals, HistoryLog.of([...log]));
    for (let i = 0; i < deals.length; i++) expect(historyOf(anew, i)).toEqual(historyOf(index, i));
  });
});
