import { dayFromNumber, dayNumber, yearOfDayNumber } from "../calendar/days.ts";
import type { HistoryLog } from "../model/historyLog.ts";
import { type Day, type Opportunity, type Records, UNDATED } from "../model/records.ts";

/**
 * The day the export was taken, as far as the data tells: the latest day on which something
 * happened (a deal created or closed, a history change, an activity). Open deals' close
 * dates are expectations, so they do not count. A few days far beyond all the others (a
 * close date typed as 9999-12-31) are typing mistakes, not the export's date: a top year
 * holding at most 1% of the days (or 3), two or more years past the next, is passed over.
 */
export function asOfDay(records: Omit<Records, "asOf">): Day {
  // Millions of days are counted by day number first; years are then made of the distinct days.
  const days = dealDays(records.opportunities, records.history).copy();
  for (const [day, times] of records.activities.dayCounts()) days.add(day, times);
  // Per year: how many days, and the latest day.
  const years = new Map<number, { count: number; latest: number }>();
  let total = 0;
  days.forEach((day, count) => {
    total += count;
    const year = yearOfDayNumber(day);
    const entry = years.get(year);
    if (entry === undefined) years.set(year, { count, latest: day });
    else {
      entry.count += count;
      entry.latest = day;
    }
  });
  const sorted = [...years].sort(([a], [b]) => b - a);
  while (sorted.length > 1) {
    const [top, { count }] = sorted[0]!;
    const next = sorted[1]![0];
    if (top - next < 2 || count > Math.max(3, total * 0.01)) break;
    sorted.shift();
  }
  return sorted[0] === undefined ? "0000-01-01" : dayFromNumber(sorted[0][1].latest);
}

const dealDaysOf = new WeakMap<readonly Opportunity[], { history: HistoryLog; days: DayTally }>();

/**
 * The days on which the deals were created or closed and their history changed, tallied
 * once for these records: the canonical reader has it done while the activities are still
 * read in another thread, and `asOfDay` then finds it ready.
 */
export function dealDays(opportunities: readonly Opportunity[], history: HistoryLog): DayTally {
  const known = dealDaysOf.get(opportunities);
  if (known !== undefined && known.history === history) return known.days;
  const days = new DayTally();
  for (const o of opportunities) {
    // A deal without a created date carries the UNDATED placeholder, which is no day at all.
    if (o.createdDate !== UNDATED) days.add(dayNumber(o.createdDate), 1);
    if (o.isClosed) days.add(dayNumber(o.closeDate), 1);
  }
  for (const seconds of history.seconds) days.add(Math.floor(seconds / 86_400), 1);
  dealDaysOf.set(opportunities, { history, days });
  return days;
}

/** How many times each day number was seen, in a window of days that widens to hold any day. */
export class DayTally {
  #first = 0;
  #counts = new Float64Array(0);

  add(day: number, times: number): void {
    const at = day - this.#first;
    if (at >= 0 && at < this.#counts.length) this.#counts[at]! += times;
    else {
      this.#widen(day);
      this.#counts[day - this.#first]! += times;
    }
  }

  /** A tally of the same days, to add to without changing this one. */
  copy(): DayTally {
    const copy = new DayTally();
    copy.#first = this.#first;
    copy.#counts = this.#counts.slice();
    return copy;
  }

  /** Each day seen, in ascending order, with its count. */
  forEach(visit: (day: number, count: number) => void): void {
    this.#counts.forEach((count, at) => {
      if (count > 0) visit(this.#first + at, count);
    });
  }

  #widen(day: number): void {
    const old = this.#counts;
    // A year of room each side: the next days seen are mostly near this one.
    const first = Math.min(old.length === 0 ? day : this.#first, day - 366);
    const end = Math.max(this.#first + old.length, day + 366);
    this.#counts = new Float64Array(end - first);
    if (old.length > 0) this.#counts.set(old, this.#first - first);
    this.#first = first;
  }
}
