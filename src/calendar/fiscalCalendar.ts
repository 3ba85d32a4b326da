import type { Day } from "../model/records.ts";
import { addDays, daysBetween, makeDay } from "./days.ts";

/*
 * Fiscal quarters. A quarter id is "YYYY-Qn" where YYYY is the fiscal year. With the fiscal
 * year starting in February and named by its end, FY2027 runs from 1 Feb 2026 to 31 Jan 2027
 * and 2027-Q1 is February to April 2026.
 */

/** The calendar settings quarters are computed with. */
export interface FiscalCalendar {
  /** Month (1..12) the fiscal year starts in. */
  fiscalYearStartMonth: number;
  /** Whether fiscal year N starts or ends in calendar year N. */
  fiscalYearNamedBy: "start" | "end";
}

/** A fiscal quarter with its first and last day (both inclusive). */
export interface Quarter {
  id: string;
  fiscalYear: number;
  quarter: 1 | 2 | 3 | 4;
  start: Day;
  end: Day;
}

const QUARTER_ID = /^(\d{4})-Q([1-4])$/;

/** Whether a string is a quarter id such as 2026-Q3. */
export function isQuarterId(id: string): boolean {
  return QUARTER_ID.test(id);
}

/** The quarter named by an id such as "2026-Q3". */
export function quarterFromId(id: string, calendar: FiscalCalendar): Quarter {
  const match = QUARTER_ID.exec(id);
  if (!match) throw new Error(`invalid quarter: ${id}`);
  return makeQuarter(Number(match[1]), Number(match[2]) as Quarter["quarter"], calendar);
}

/** The quarter a day falls in. */
export function quarterOfDay(day: Day, calendar: FiscalCalendar): Quarter {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const monthsIntoYear = (month - calendar.fiscalYearStartMonth + 12) % 12;
  const startYear = month >= calendar.fiscalYearStartMonth ? year : year - 1;
  const fiscalYear = fiscalYearName(startYear, calendar);
  return makeQuarter(fiscalYear, (Math.floor(monthsIntoYear / 3) + 1) as Quarter["quarter"], calendar);
}

/** The quarter `n` quarters after `quarter` (before it when negative). */
export function shiftQuarter(quarter: Quarter, n: number, calendar: FiscalCalendar): Quarter {
  const index = quarter.fiscalYear * 4 + (quarter.quarter - 1) + n;
  return makeQuarter(Math.floor(index / 4), ((index % 4) + 1) as Quarter["quarter"], calendar);
}

/** Week of the quarter a day falls in: 1 for its first seven days, and so on (up to 14). */
export function weekOfQuarter(day: Day, quarter: Quarter): number {
  return Math.floor(daysBetween(quarter.start, day) / 7) + 1;
}

/** Number of weeks `weekOfQuarter` can return for a quarter. */
export function weeksInQuarter(quarter: Quarter): number {
  return weekOfQuarter(quarter.end, quarter);
}

/** Whether a day lies within a quarter. */
export function inQuarter(day: Day, quarter: Quarter): boolean {
  return day >= quarter.start && day <= quarter.end;
}

function fiscalYearName(startYear: number, calendar: FiscalCalendar): number {
  const spansTwoYears = calendar.fiscalYearStartMonth !== 1;
  return calendar.fiscalYearNamedBy === "end" && spansTwoYears ? startYear + 1 : startYear;
}

function makeQuarter(fiscalYear: number, quarter: Quarter["quarter"], calendar: FiscalCalendar): Quarter {
  const spansTwoYears = calendar.fiscalYearStartMonth !== 1;
  const startYear = calendar.fiscalYearNamedBy === "end" && spansTwoYears ? fiscalYear - 1 : fiscalYear;
  const firstMonth = calendar.fiscalYearStartMonth + (quarter - 1) * 3;
  const start = makeDay(startYear, firstMonth, 1);
  const end = addDays(makeDay(startYear, firstMonth + 3, 1), -1);
  return { id: `${fiscalYear}-Q${quarter}`, fiscalYear, quarter, start, end };
}
