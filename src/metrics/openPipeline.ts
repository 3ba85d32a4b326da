import { dayNumber } from "../calendar/days.ts";
import type { Day } from "../model/records.ts";
import type { Dataset } from "./dataset.ts";
import { type AmountGroup, sumBy } from "./groupSums.ts";
import { fromCents, toCents } from "./money.ts";
import { CLOSED, endOfDay } from "./pointInTime.ts";

/** Open pipeline at the end of a day: amount and number of deals. */
export interface PipelinePoint {
  date: Day;
  amount: number;
  deals: number;
}

/**
 * The opportunities open at the end of each of `days`, in one pass over the timelines: a pack
 * asks dozens of days (quarter ends, each week of the forecast, each quarter of the backtest),
 * and each deal's history is walked once for all of them rather than once per day. `visit`
 * gets the index in `days` of the day asked (a day asked twice is visited under both
 * indexes), the opportunity's index and the row of its state then in `dataset.timelines`;
 * for any one day, deals come in record order.
 */
export function forEachOpenAt(
  dataset: Dataset,
  days: readonly Day[],
  visit: (dayIndex: number, opportunity: number, row: number) => void,
): void {
  // The distinct days in ascending order, each with the indexes it was asked under.
  const asked = new Map<Day, number[]>();
  days.forEach((day, i) => {
    const indexes = asked.get(day);
    if (indexes) indexes.push(i);
    else asked.set(day, [i]);
  });
  const sorted = [...asked.keys()].sort();
  const numbers = sorted.map(dayNumber);
  const ends = numbers.map(endOfDay);
  const indexes = sorted.map((day) => asked.get(day)!);
  if (sorted.length === 0) return;
  const { created, closedFrom, first, at, flags } = dataset.timelines;
  for (let i = 0; i < created.length; i++) {
    const from = created[i]!;
    const until = closedFrom[i]!;
    // Most deals were closed for good before the earliest day asked, or created after the last.
    if (until <= numbers[0]! || from > numbers[numbers.length - 1]!) continue;
    const last = first[i + 1]! - 1;
    // The timeline's changes are in time order, so the last change by the end of each later
    // day is found by moving forward from the one before.
    let row = first[i]!;
    for (let d = 0; d < sorted.length; d++) {
      const n = numbers[d]!;
      if (n < from) continue;
      if (n >= until) break;
      const end = ends[d]!;
      while (row < last && at[row + 1]! <= end) row++;
      if (flags[row]! & CLOSED) continue;
      for (const index of indexes[d]!) visit(index, i, row);
    }
  }
}

// The headlines and the pipeline section ask about the same quarter ends, several ways.
const openCache = new WeakMap<Dataset, Map<Day, { rows: Int32Array; cents: number }>>();

/**
 * The state rows (in `dataset.timelines`) of the deals open at the end of each of `days`, in
 * record order, and the cents they sum to; the days not yet known are found in one pass and
 * kept. Asked up front with every quarter end a pack needs, the later questions (open
 * pipeline, by stage, due next quarter) read what is kept instead of walking the deals again.
 */
function openAt(dataset: Dataset, days: readonly Day[]): { rows: Int32Array; cents: number }[] {
  let cache = openCache.get(dataset);
  if (!cache) {
    cache = new Map();
    openCache.set(dataset, cache);
  }
  const missing = [...new Set(days.filter((day) => !cache.has(day)))];
  if (missing.length > 0) {
    const found = missing.map(() => new RowList());
    const cents = missing.map(() => 0);
    const { amount } = dataset.timelines;
    forEachOpenAt(dataset, missing, (d, _opportunity, row) => {
      found[d]!.add(row);
      cents[d]! += toCents(amount[row]!);
    });
    missing.forEach((day, d) => {
      cache.set(day, { rows: found[d]!.rows(), cents: cents[d]! });
    });
  }
  return days.map((day) => cache.get(day)!);
}

/** Row numbers gathered one at a time: a day's open deals are hundreds of thousands in a large export. */
class RowList {
  #rows = new Int32Array(256);
  #size = 0;

  add(row: number): void {
    if (this.#size === this.#rows.length) {
      const rows = new Int32Array(this.#rows.length * 2);
      rows.set(this.#rows);
      this.#rows = rows;
    }
    this.#rows[this.#size++] = row;
  }

  /** The rows gathered, in a copy of their own size. */
  rows(): Int32Array {
    return this.#rows.slice(0, this.#size);
  }
}

/** The state rows of the deals open at the end of each of `days`, in record order (see `openAt`); not to be changed. */
export function openRowsAt(dataset: Dataset, days: readonly Day[]): Int32Array[] {
  return openAt(dataset, days).map((open) => open.rows);
}

/**
 * Σ amount as of `day` of the opportunities created on or before `day` whose stage as of
 * `day` was not closed, whatever their expected close date.
 */
export function openPipelineAt(dataset: Dataset, day: Day): PipelinePoint {
  return openPipelineAtDays(dataset, [day])[0]!;
}

/** Open pipeline at the end of each of `days`. */
export function openPipelineAtDays(dataset: Dataset, days: readonly Day[]): PipelinePoint[] {
  return openAt(dataset, days).map(({ rows, cents }, d) => ({
    date: days[d]!,
    amount: fromCents(cents),
    deals: rows.length,
  }));
}

/** Open pipeline at the end of `day` by stage as of then, largest first. */
export function openPipelineByStage(dataset: Dataset, day: Day): AmountGroup[] {
  const { stage, stages, amount } = dataset.timelines;
  return sumBy(
    openRowsAt(dataset, [day])[0]!,
    (row) => stages[stage[row]!]!,
    (row) => amount[row]!,
  );
}
