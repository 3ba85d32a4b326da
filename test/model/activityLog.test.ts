import { describe, expect, it } from "vitest";
import { dayNumber } from "../../src/calendar/days.ts";
import { ActivityLog, NO_REF } from "../../src/model/activityLog.ts";
import type { Activity } from "../../src/model/records.ts";

const activity = (
  id: string,
  owner: string,
  type: Activity["type"],
  date: string,
  accountId: string | null,
) => ({
  id,
  owner,
  type,
  date,
  accountId,
  contactId: null,
  opportunityId: accountId === null ? null : `O-${accountId}`,
});

describe("the activity log", () => {
  const activities = [
    activity("1", "Ann", "call", "2026-07-01", "A1"),
    activity("2", "Bo", "email", "2026-07-01", null),
    activity("3", "Ann", "meeting", "2026-12-31", "A1"),
  ];

  it("gives back what was pushed, without the ids", () => {
    const log = ActivityLog.of(activities);
    expect(log.length).toBe(3);
    expect([...log]).toEqual(activities.map(({ id: _, ...rest }) => rest));
  });

  it("keeps each owner and reference once, and an empty reference as NO_REF", () => {
    const columns = ActivityLog.of(activities).columns();
    expect(columns.owners).toEqual(["Ann", "Bo"]);
    expect([...columns.owner]).toEqual([0, 1, 0]);
    expect(columns.accounts).toEqual(["A1"]);
    expect([...columns.account]).toEqual([0, NO_REF, 0]);
    expect([...columns.day]).toEqual([
      dayNumber("2026-07-01"),
      dayNumber("2026-07-01"),
      dayNumber("2026-12-31"),
    ]);
  });

  it("counts activities per day", () => {
    const counts = ActivityLog.of(activities).dayCounts();
    expect([...counts]).toEqual([
      [dayNumber("2026-07-01"), 2],
      [dayNumber("2026-12-31"), 1],
    ]);
  });

  it("appends another log, mapping its dictionaries onto its own", () => {
    const log = ActivityLog.of([activity("9", "Cy", "task", "2026-01-05", "A2")]);
    log.append(ActivityLog.of(activities));
    expect(log.owners.texts).toEqual(["Cy", "Ann", "Bo"]);
    expect([...log].map((a) => `${a.owner} ${a.type} ${a.date} ${a.accountId}`)).toEqual([
      "Cy task 2026-01-05 A2",
      "Ann call 2026-07-01 A1",
      "Bo email 2026-07-01 null",
      "Ann meeting 2026-12-31 A1",
    ]);
  });

  it("grows past its first capacity and hands its columns over at their length, keeping every row", () => {
    const log = new ActivityLog();
    for (let i = 0; i < 5000; i++)
      log.push(activity(String(i), `Rep ${i % 7}`, "call", "2026-07-01", `A${i % 13}`));
    // 4999 = 7 × 714 + 1 = 13 × 384 + 7
    expect(log.at(4999)).toMatchObject({ owner: "Rep 1", accountId: "A7" });
    const rows = [...log];
    const columns = log.handOver();
    expect(log.length).toBe(0);
    expect(columns.day.buffer.byteLength).toBe(5000 * 4);
    expect((columns.day.buffer as ArrayBuffer).resizable).toBe(false);
    const copy = ActivityLog.fromColumns(structuredClone(columns));
    expect([...copy]).toEqual(rows);
    // A log of handed-over columns still grows.
    copy.push(activity("5000", "Rep 0", "meeting", "2026-07-02", "A0"));
    expect(copy.length).toBe(5001);
    expect(copy.at(5000)).toMatchObject({ owner: "Rep 0", type: "meeting", date: "2026-07-02" });
    expect([...copy].slice(0, 5000)).toEqual(rows);
  });
});
