import { describe, expect, it } from "vitest";
import {
  addDays,
  dayFromNumber,
  dayNumber,
  localTimeOfSeconds,
  secondsOfLocalTime,
  yearOfDayNumber,
} from "../../src/calendar/days.ts";

/*
 * Day numbers are counted from the digits rather than through Date.UTC; they must give what
 * Date.UTC gives for every day, the calendar's leap rules included, and fall back to it for
 * what the count does not cover.
 */

const viaDate = (day: string) =>
  Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) / 86_400_000;

describe("day numbers", () => {
  it("counts from 1970-01-01, across leap days and centuries", () => {
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(dayNumber("1969-12-31")).toBe(-1);
    // 2000 is a leap year (divisible by 400), 1900 and 2100 are not.
    expect(dayNumber("2000-03-01") - dayNumber("2000-02-28")).toBe(2);
    expect(dayNumber("1900-03-01") - dayNumber("1900-02-28")).toBe(1);
    expect(dayNumber("2100-03-01") - dayNumber("2100-02-28")).toBe(1);
    expect(dayNumber("2024-03-01") - dayNumber("2024-02-28")).toBe(2);
    // 1 Jul 2026: 56 years of 365 days, 14 leap days (1972 … 2024), and 181 days into 2026.
    expect(dayNumber("2026-07-01")).toBe(56 * 365 + 14 + 181);
  });

  it("agrees with Date.UTC on every day from 1600 to 2400, and round-trips", () => {
    for (let n = dayNumber("1600-01-01"); n <= dayNumber("2400-12-31"); n++) {
      const day = dayFromNumber(n);
      expect(dayNumber(day)).toBe(n);
    }
    expect(dayNumber("9999-12-31")).toBe(viaDate("9999-12-31"));
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
  });

  it("reads a local time by its day, and leaves what it cannot count to Date.UTC", () => {
    expect(dayNumber("2026-07-01T23:59:59")).toBe(dayNumber("2026-07-01"));
    // Date.UTC reads years 0–99 as 1900–1999, and carries day 0 and day 31 of a short month.
    for (const odd of ["0050-01-01", "2026-02-30", "2026-03-00", "2026-13-01", "2026-7-01", "x"])
      expect(
        Object.is(dayNumber(odd), viaDate(odd)) ||
          (Number.isNaN(dayNumber(odd)) && Number.isNaN(viaDate(odd))),
      ).toBe(true);
  });
});

describe("years and local times by number", () => {
  it("gives the year of every day from 1600 to 2400 as the day's text has it", () => {
    for (let n = dayNumber("1600-01-01"); n <= dayNumber("2400-12-31"); n++)
      expect(yearOfDayNumber(n)).toBe(Number(dayFromNumber(n).slice(0, 4)));
    expect(yearOfDayNumber(dayNumber("9999-12-31"))).toBe(9999);
  });

  it("turns a local time into seconds and back", () => {
    for (const time of [
      "1970-01-01T00:00:00",
      "1969-12-31T23:59:59",
      "2024-02-29T12:34:56",
      "9999-12-31T23:59:59",
    ])
      expect(localTimeOfSeconds(secondsOfLocalTime(time))).toBe(time);
    expect(secondsOfLocalTime("1970-01-02T00:00:01")).toBe(86_401);
  });
});
