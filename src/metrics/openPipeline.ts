import type { Day, Opportunity } from "../model/records.ts";
import type { Dataset } from "./dataset.ts";
import { type AmountGroup, sumBy } from "./groupSums.ts";
import { fromCents, toCents } from "./money.ts";
import { type OpportunityState, stateAt } from "./pointInTime.ts";

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
  for (const opportunity of dataset.records.opportunities) {
    const state = stateAt(opportunity, dataset.historyByOpportunity.get(opportunity.id), day);
    if (state !== null && !state.isClosed) yield { opportunity, state };
  }
}

/**
 * Σ amount as of `day` of the opportunities created on or before `day` whose stage as of
 * `day` was not closed, whatever their expected close date.
 */
export function openPipelineAt(dataset: Dataset, day: Day): PipelinePoint {
  let cents = 0;
  let deals = 0;
  for (const { state } of openAt(dataset, day)) {
    cents += toCents(state.amount);
    deals++;
  }
  return { date: day, amount: fromCents(cents), deals };
}

/** Open pipeline at the end of `day` by stage as of then, largest first. */
export function openPipelineByStage(dataset: Dataset, day: Day): AmountGroup[] {
  return sumBy(
    openAt(dataset, day),
    ({ state }) => state.stage,
    ({ state }) => state.amount,
  );
}
