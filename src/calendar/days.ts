import type { Day, LocalTime } from "../model/records.ts";

/*
 * Calendar-day arithmetic on "YYYY-MM-DD" strings. Days are civil dates with no time zone:
 * they are turned into UTC midnights only to count the days between them.
 */

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for a "YYYY-MM-DD" day (its first ten characters). */
export function dayNumber(day: Day): number {
  // Counted from the digits (H. Hinnant's days-from-civil): a large export asks this millions
  // of times, and slicing into Date.UTC dominated. Date.UTC stays the rule for what the
  // count does not cover (years before 100, which it reads as 19xx; odd text).
  const year = digits(day, 0, 4);
  const month = digits(day, 5, 2);
  const date = digits(day, 8, 2);
  if (year < 100 || month < 1 || month > 12 || date < 0)
    return Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) / MS_PER_DAY;
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + date - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The number written by `count` decimal digits at `from`, or −1 when they are not all digits. */
function digits(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = text.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** The "YYYY-MM-DD" day a number of days after 1970-01-01. */
export function dayFromNumber(n: number): Day {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * A local time ("YYYY-MM-DDTHH:MM:SS") as seconds since 1970-01-01T00:00:00 of the same
 * clock: orders as the text does, and point-in-time questions compare numbers.
 */
export function secondsOfLocalTime(time: LocalTime): number {
  const two = (at: number) => (time.charCodeAt(at) - 48) * 10 + time.charCodeAt(at + 1) - 48;
  return dayNumber(time) * 86_400 + two(11) * 3600 + two(14) * 60 + two(17);
}

/** The local time `seconds` after 1970-01-01T00:00:00 (the converse of `secondsOfLocalTime`). */
export function localTimeOfSeconds(seconds: number): LocalTime {
  return new Date(seconds * 1000).toISOString().slice(0, 19);
}

/** The year of the day `n` days after 1970-01-01, counted without making a date (H. Hinnant's civil-from-days). */
export function yearOfDayNumber(n: number): number {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  // Years of era start in March: January and February belong to the next civil year.
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  return yearOfEra + era * 400 + (shiftedMonth >= 10 ? 1 : 0);
}

/** The day `n` days after `day` (before it when negative). */
export function addDays(day: Day, n: number): Day {
  return dayFromNumber(dayNumber(day) + n);
}

/** Whole days from `from` to `to`. */
export function daysBetween(from: Day, to: Day): number {
  return dayNumber(to) - dayNumber(from);
}

/** "YYYY-MM-DD" for a year, month (1..12) and day, with month overflow carried into the year. */
export function makeDay(year: number, month: number, day: number): Day {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

/** Whether a year, month and day name a real calendar day. */
export function isRealDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}
