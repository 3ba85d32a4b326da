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

// The headline and the pipeline section ask for the same quarter ends.
const pipelineCache = new WeakMap<Dataset, Map<Day, PipelinePoint>>();

/**
 * Σ amount as of `day` of the opportunities created on or before `day` whose stage as of
 * `day` was not closed, whatever their expected close date.
 */
export function openPipelineAt(dataset: Dataset, day: Day): PipelinePoint {
  let cache = pipelineCache.get(dataset);
  if (!cache) {
    cache = new Map();
    pipelineCache.set(dataset, cache);
  }
  const known = cache.get(day);
  if (known) return { ...known };
  let cents = 0;
  let deals = 0;
  for (const { state } of openAt(dataset, day)) {
    cents += toCents(state.amount);
    deals++;
  }
  const point = { date: day, amount: fromCents(cents), deals };
  cache.set(day, point);
  return { ...point };
}

/** Open pipeline at the end of `day` by stage as of then, largest first. */
export function openPipelineByStage(dataset: Dataset, day: Day): AmountGroup[] {
  return sumBy(
    openAt(dataset, day),
    ({ state }) => state.stage,
    ({ state }) => state.amount,
  );
}
