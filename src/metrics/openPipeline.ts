import { dayNumber } from "../calendar/days.ts";
import type { Day, Opportunity } from "../model/records.ts";
import type { Dataset } from "./dataset.ts";
import { type AmountGroup, sumBy } from "./groupSums.ts";
import { fromCents, toCents } from "./money.ts";
import { endOf, type OpportunityState, stateAt } from "./pointInTime.ts";

/** Open pipeline at the end of a day: amount and number of deals. */
export interface PipelinePoint {
  date: Day;
  amount: number;
  deals: number;
}

/** The opportunities open at the end of `day`, each with its state then. */
export function* openAt(
  dataset: Dataset,
  day: Day,
): Generator<{ opportunity: Opportunity; state: OpportunityState }> {
  const endOfDay = endOf(day);
  const n = dayNumber(day);
  const { created, closedFrom } = dataset.openWindows;
  const { timelines } = dataset;
  for (let i = 0; i < timelines.length; i++) {
    if (created[i]! > n || closedFrom[i]! <= n) continue;
    const timeline = timelines[i]!;
    const state = stateAt(timeline, day, endOfDay);
    if (state !== null && !state.isClosed) yield { opportunity: timeline.opportunity, state };
  }
}

/**
 * The opportunities open at the end of each of `days`, in one pass over the timelines: a pack
 * asks dozens of days (quarter ends, each week of the forecast, each quarter of the backtest),
 * and each deal's history is walked once for all of them rather than once per day. `visit`
 * gets the index in `days` of the day asked (a day asked twice is visited under both
 * indexes); for any one day, deals come in the order `openAt` gives them.
 */
export function forEachOpenAt(
  dataset: Dataset,
  days: readonly Day[],
  visit: (dayIndex: number, opportunity: Opportunity, state: OpportunityState) => void,
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
  const ends = sorted.map(endOf);
  const indexes = sorted.map((day) => asked.get(day)!);
  const { created, closedFrom } = dataset.openWindows;
  const { timelines } = dataset;
  for (let i = 0; i < timelines.length; i++) {
    const from = created[i]!;
    const until = closedFrom[i]!;
    const { opportunity, at, states } = timelines[i]!;
    // The timeline's changes are in time order, so the last change by the end of each later
    // day is found by moving forward from the one before.
    let change = 0;
    for (let d = 0; d < sorted.length; d++) {
      const n = numbers[d]!;
      if (n < from) continue;
      if (n >= until) break;
      const end = ends[d]!;
      while (change + 1 < at.length && at[change + 1]! <= end) change++;
      const state = states[change]!;
      if (state.isClosed) continue;
      for (const index of indexes[d]!) visit(index, opportunity, state);
    }
  }
}

// The headline and the pipeline section ask for the same quarter ends.
const pipelineCache = new WeakMap<Dataset, Map<Day, PipelinePoint>>();

/**
 * Σ amount as of `day` of the opportunities created on or before `day` whose stage as of
 * `day` was not closed, whatever their expected close date.
 */
export function openPipelineAt(dataset: Dataset, day: Day): PipelinePoint {
  return { ...openPipelineAtDays(dataset, [day])[0]! };
}

/**
 * Open pipeline at the end of each of `days`, those not yet known found in one pass; asked
 * up front with every day a pack needs, the later questions of single days are answered
 * from what is kept.
 */
export function openPipelineAtDays(dataset: Dataset, days: readonly Day[]): PipelinePoint[] {
  let cache = pipelineCache.get(dataset);
  if (!cache) {
    cache = new Map();
    pipelineCache.set(dataset, cache);
  }
  const missing = [...new Set(days.filter((day) => !cache.has(day)))];
  if (missing.length > 0) {
    const cents = new Array<number>(missing.length).fill(0);
    const deals = new Array<number>(missing.length).fill(0);
    forEachOpenAt(dataset, missing, (d, _opportunity, state) => {
      cents[d]! += toCents(state.amount);
      deals[d]!++;
    });
    missing.forEach((day, d) => {
      cache.set(day, { date: day, amount: fromCents(cents[d]!), deals: deals[d]! });
    });
  }
  return days.map((day) => ({ ...cache.get(day)! }));
}

/** Open pipeline at the end of `day` by stage as of then, largest first. */
export function openPipelineByStage(dataset: Dataset, day: Day): AmountGroup[] {
  return sumBy(
    openAt(dataset, day),
    ({ state }) => state.stage,
    ({ state }) => state.amount,
  );
}
