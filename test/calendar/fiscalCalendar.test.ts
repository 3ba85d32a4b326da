import { describe, expect, it } from "vitest";
import { addDays, daysBetween, isRealDay, makeDay } from "../../src/calendar/days.ts";
import {
  type FiscalCalendar,
  inQuarter,
  isQuarterId,
  quarterFromId,
  quarterOfDay,
  shiftQuarter,
  weekOfQuarter,
  weeksInQuarter,
} from "../../src/calendar/fiscalCalendar.ts";
import { parseDay } from "../../src/ingest/values/dates.ts";

const calendarYear: FiscalCalendar = { fiscalYearStartMonth: 1, fiscalYearNamedBy: "end" };
const febByEnd: FiscalCalendar = { fiscalYearStartMonth: 2, fiscalYearNamedBy: "end" };
const febByStart: FiscalCalendar = { fiscalYearStartMonth: 2, fiscalYearNamedBy: "start" };
const julyByEnd: FiscalCalendar = { fiscalYearStartMonth: 7, fiscalYearNamedBy: "end" };
const decemberByEnd: FiscalCalendar = { fiscalYearStartMonth: 12, fiscalYearNamedBy: "end" };

/** A quarter's id, first and last day, as one line for compact expectations. */
const span = (id: string, calendar: FiscalCalendar) => {
  const q = quarterFromId(id, calendar);
  return `${q.id} ${q.start}..${q.end}`;
};

describe("quarters of a fiscal year", () => {
  it("on the calendar year, naming by start or end changes nothing (the year is one year)", () => {
    // Q3 is July, August, September; the year does not span two calendar years.
    expect(span("2026-Q3", calendarYear)).toBe("2026-Q3 2026-07-01..2026-09-30");
    expect(span("2026-Q3", { ...calendarYear, fiscalYearNamedBy: "start" })).toBe(
      "2026-Q3 2026-07-01..2026-09-30",
    );
    // Q1 is January to March, whatever the year's length.
    expect(span("2024-Q1", calendarYear)).toBe("2024-Q1 2024-01-01..2024-03-31");
  });

  it("starting in February and named by its end: FY2027 runs from 1 Feb 2026 to 31 Jan 2027", () => {
    expect(span("2027-Q1", febByEnd)).toBe("2027-Q1 2026-02-01..2026-04-30");
    expect(span("2027-Q2", febByEnd)).toBe("2027-Q2 2026-05-01..2026-07-31");
    // Q4 is November, December and January: it crosses the calendar year.
    expect(span("2027-Q4", febByEnd)).toBe("2027-Q4 2026-11-01..2027-01-31");
  });

  it("starting in February and named by its start: FY2026 is that same year", () => {
    expect(span("2026-Q1", febByStart)).toBe("2026-Q1 2026-02-01..2026-04-30");
    expect(span("2026-Q4", febByStart)).toBe("2026-Q4 2026-11-01..2027-01-31");
  });

  it("starting in July (FY2027 = July 2026 to June 2027) and in December", () => {
    expect(span("2027-Q1", julyByEnd)).toBe("2027-Q1 2026-07-01..2026-09-30");
    expect(span("2027-Q3", julyByEnd)).toBe("2027-Q3 2027-01-01..2027-03-31");
    // December start: Q1 is Dec, Jan, Feb — 2027 is not a leap year, so it ends on 28 February.
    expect(span("2027-Q1", decemberByEnd)).toBe("2027-Q1 2026-12-01..2027-02-28");
    // Q4 is September, October, November of 2027: month 12 + 9 carries into the next year.
    expect(span("2027-Q4", decemberByEnd)).toBe("2027-Q4 2027-09-01..2027-11-30");
  });

  it("finds the quarter of a day on both sides of each boundary", () => {
    expect(quarterOfDay("2026-09-30", calendarYear).id).toBe("2026-Q3");
    expect(quarterOfDay("2026-10-01", calendarYear).id).toBe("2026-Q4");
    // February start, named by end: 31 Jan 2026 closes FY2026; 1 Feb 2026 opens FY2027.
    expect(quarterOfDay("2026-01-31", febByEnd).id).toBe("2026-Q4");
    expect(quarterOfDay("2026-02-01", febByEnd).id).toBe("2027-Q1");
    // Named by start, January 2027 is still the last quarter of FY2026.
    expect(quarterOfDay("2027-01-15", febByStart).id).toBe("2026-Q4");
    // December start, named by end: December 2026 is already FY2027.
    expect(quarterOfDay("2026-12-01", decemberByEnd).id).toBe("2027-Q1");
    expect(quarterOfDay("2026-11-30", decemberByEnd).id).toBe("2026-Q4");
  });

  it("every day of a year falls in exactly the quarter whose span holds it", () => {
    for (const calendar of [calendarYear, febByEnd, febByStart, julyByEnd, decemberByEnd]) {
      for (let day = "2026-01-01"; day <= "2026-12-31"; day = addDays(day, 1)) {
        const quarter = quarterOfDay(day, calendar);
        expect(inQuarter(day, quarter), `${day} in ${quarter.id}`).toBe(true);
        expect(quarterFromId(quarter.id, calendar)).toEqual(quarter);
      }
    }
  });

  it("shifts across fiscal years", () => {
    const q1 = quarterFromId("2027-Q1", febByEnd);
    // The quarter before FY2027 Q1 is FY2026 Q4: November 2025 to January 2026.
    expect(shiftQuarter(q1, -1, febByEnd)).toMatchObject({
      id: "2026-Q4",
      start: "2025-11-01",
      end: "2026-01-31",
    });
    expect(shiftQuarter(q1, 4, febByEnd).id).toBe("2028-Q1");
    expect(shiftQuarter(q1, -5, febByEnd).id).toBe("2025-Q4");
  });

  it("accepts only YYYY-Qn ids", () => {
    expect(isQuarterId("2026-Q3")).toBe(true);
    expect(["2026-Q5", "2026Q3", "2026-q3", "26-Q3"].filter(isQuarterId)).toEqual([]);
    expect(() => quarterFromId("2026-Q5", calendarYear)).toThrow("invalid quarter: 2026-Q5");
  });
});

describe("weeks of a quarter", () => {
  it("week 1 is the first seven days, and a 92-day quarter ends on a one-day week 14", () => {
    const q3 = quarterFromId("2026-Q3", calendarYear);
    const days = ["2026-07-01", "2026-07-07", "2026-07-08", "2026-09-29", "2026-09-30"];
    // July 31 + August 31 + September 30 = 92 days: the last is 91 days after the first, and
    // floor(91 / 7) + 1 = 14; the day before it is 90 days in: floor(90 / 7) + 1 = 13.
    expect(days.map((day) => weekOfQuarter(day, q3))).toEqual([1, 1, 2, 13, 14]);
  });

  it("counts 13 or 14 weeks by the quarter's length", () => {
    const weeks = (id: string, calendar: FiscalCalendar) => weeksInQuarter(quarterFromId(id, calendar));
    expect({
      // 90 days (Jan 31 + Feb 28 + Mar 31): the last day is 89 days in, floor(89 / 7) + 1 = 13.
      "2026-Q1": weeks("2026-Q1", calendarYear),
      // 91 days in a leap year's Q1 and in any Q2 (30 + 31 + 30): floor(90 / 7) + 1 = 13.
      "2024-Q1": weeks("2024-Q1", calendarYear),
      "2026-Q2": weeks("2026-Q2", calendarYear),
      // 92 days (Oct 31 + Nov 30 + Dec 31), and February start's Q4 (Nov 30 + Dec 31 + Jan 31).
      "2026-Q4": weeks("2026-Q4", calendarYear),
      "2027-Q4 from February": weeks("2027-Q4", febByEnd),
      // December start's Q1: Dec 31 + Jan 31 + Feb 28 = 90 days.
      "2027-Q1 from December": weeks("2027-Q1", decemberByEnd),
    }).toEqual({
      "2026-Q1": 13,
      "2024-Q1": 13,
      "2026-Q2": 13,
      "2026-Q4": 14,
      "2027-Q4 from February": 14,
      "2027-Q1 from December": 13,
    });
  });

  it("are counted in civil days, so a daylight-saving change inside the quarter moves nothing", () => {
    const q1 = quarterFromId("2026-Q1", calendarYear);
    // Clocks go forward on 8 March 2026 in New York and 29 March 2026 in Paris: a 23-hour day.
    // 8 March is 66 days after 1 January (31 + 28 + 7): floor(66 / 7) + 1 = 10; 29 March is 87 days in: 13.
    expect(daysBetween("2026-01-01", "2026-03-08")).toBe(66);
    expect(weekOfQuarter("2026-03-08", q1)).toBe(10);
    expect(weekOfQuarter("2026-03-29", q1)).toBe(13);
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
  });
});

describe("timestamps become days in the company's time zone before their quarter is taken", () => {
  const quarterIn = (timestamp: string, timeZone: string) => {
    const day = parseDay(timestamp, { timeZone, dateOrder: "month-first" });
    if (!day.ok) throw new Error(day.problem);
    return `${day.value} ${quarterOfDay(day.value, calendarYear).id}`;
  };

  it("on summer time: Paris is UTC+2 and New York UTC−4 at the end of September", () => {
    // 22:30 UTC on 30 September is 00:30 on 1 October in Paris (next quarter), 18:30 in New York.
    expect(quarterIn("2026-09-30T22:30:00Z", "Europe/Paris")).toBe("2026-10-01 2026-Q4");
    expect(quarterIn("2026-09-30T22:30:00Z", "America/New_York")).toBe("2026-09-30 2026-Q3");
    // 21:30 UTC is 23:30 in Paris: still the last day of Q3.
    expect(quarterIn("2026-09-30T21:30:00Z", "Europe/Paris")).toBe("2026-09-30 2026-Q3");
  });

  it("on winter time the same quarter boundary is an hour later in UTC", () => {
    // At the year's end Paris is UTC+1: 22:30 UTC is 23:30 on 31 December, 23:30 UTC is past midnight.
    expect(quarterIn("2026-12-31T22:30:00Z", "Europe/Paris")).toBe("2026-12-31 2026-Q4");
    expect(quarterIn("2026-12-31T23:30:00Z", "Europe/Paris")).toBe("2027-01-01 2027-Q1");
    // New York is UTC−5 in winter: 04:30 UTC on 1 January is 23:30 on 31 December.
    expect(quarterIn("2027-01-01T04:30:00Z", "America/New_York")).toBe("2026-12-31 2026-Q4");
    expect(quarterIn("2027-01-01T05:30:00Z", "America/New_York")).toBe("2027-01-01 2027-Q1");
  });

  it("in the southern hemisphere, where summer time ends in April", () => {
    // Sydney is UTC+11 until 5 April 2026 and UTC+10 after: 31 March 13:30 UTC is 00:30 on 1 April.
    expect(quarterIn("2026-03-31T13:30:00Z", "Australia/Sydney")).toBe("2026-04-01 2026-Q2");
    expect(quarterIn("2026-03-31T12:30:00Z", "Australia/Sydney")).toBe("2026-03-31 2026-Q1");
    // On 30 June it is UTC+10: 13:30 UTC is 23:30, still Q2; 14:30 UTC is 00:30 on 1 July.
    expect(quarterIn("2026-06-30T13:30:00Z", "Australia/Sydney")).toBe("2026-06-30 2026-Q2");
    expect(quarterIn("2026-06-30T14:30:00Z", "Australia/Sydney")).toBe("2026-07-01 2026-Q3");
  });
});

describe("civil days", () => {
  it("carries month overflow into the year and knows real days", () => {
    expect(makeDay(2026, 13, 1)).toBe("2027-01-01");
    expect(makeDay(2026, 15, 0)).toBe("2027-02-28");
    expect(isRealDay(2024, 2, 29)).toBe(true);
    expect(isRealDay(2026, 2, 29)).toBe(false);
    expect(isRealDay(2026, 13, 1)).toBe(false);
  });
});
