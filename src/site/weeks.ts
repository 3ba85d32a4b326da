import { addDays, daysBetween } from "../calendar/days.ts";
import type { Snapshot } from "../snapshot/snapshot.ts";

/*
 * Weeks of a quarter as the pack labels them. A quarter rarely ends on a week's last day, so
 * its last week is short; it is starred wherever weeks are shown, so that a one-day week is
 * not read as a slump.
 */

/** A week of the quarter: its number, first day, days inside the quarter, and its label. */
export interface QuarterWeek {
  week: number;
  start: string;
  days: number;
  /** "14*" for a short week, "3" otherwise. */
  label: string;
}

/** Week `week` (1-based) of the snapshot's quarter. */
export function quarterWeek(snapshot: Snapshot, week: number): QuarterWeek {
  const start = addDays(snapshot.period.start, (week - 1) * 7);
  const days = Math.min(7, daysBetween(start, snapshot.period.end) + 1);
  return { week, start, days, label: days < 7 ? `${week}*` : String(week) };
}

/** A note explaining the starred weeks among `weeks`, or "" when every week is whole. */
export function partialWeekNote(weeks: readonly QuarterWeek[]): string {
  const short = weeks.filter((w) => w.days < 7);
  return short.map((w) => `* week ${w.week} has ${w.days} ${w.days === 1 ? "day" : "days"}`).join("; ");
}
