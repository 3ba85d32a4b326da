import type { Day, HistoryRow, Opportunity } from "../model/records.ts";

/*
 * What an opportunity looked like at the end of a past day. Today's values say nothing about
 * what was open on 30 June, so the answer comes from the history rows: the values of the
 * last change made by the end of that day, carried forward field by field.
 */

/** An opportunity's values at one moment. */
export interface OpportunityState {
  stage: string;
  amount: number;
  closeDate: Day;
  probability: number | null;
  forecastCategory: string | null;
  isClosed: boolean;
  isWon: boolean;
}

/**
 * The state at the end of `day`, or null when the opportunity did not exist yet. With
 * history but no row by then, the earliest row is the state it was created in. Without any
 * history, today's values are used, except that a deal closed after `day` was open on it.
 */
export function stateAt(
  opportunity: Opportunity,
  history: readonly HistoryRow[] | undefined,
  day: Day,
): OpportunityState | null {
  if (opportunity.createdDate > day) return null;
  if (history === undefined || history.length === 0) return currentStateAt(opportunity, day);
  const endOfDay = `${day}T23:59:59`;
  const first = history[0]!;
  const state: OpportunityState = {
    stage: first.stage,
    amount: first.amount ?? opportunity.amount,
    closeDate: first.closeDate ?? opportunity.closeDate,
    probability: first.probability ?? opportunity.probability,
    forecastCategory: first.forecastCategory ?? opportunity.forecastCategory,
    isClosed: first.isClosed,
    isWon: first.isWon,
  };
  for (let i = 1; i < history.length; i++) {
    const row = history[i]!;
    if (row.at > endOfDay) break;
    state.stage = row.stage;
    state.isClosed = row.isClosed;
    state.isWon = row.isWon;
    if (row.amount !== null) state.amount = row.amount;
    if (row.closeDate !== null) state.closeDate = row.closeDate;
    if (row.probability !== null) state.probability = row.probability;
    if (row.forecastCategory !== null) state.forecastCategory = row.forecastCategory;
  }
  return state;
}

function currentStateAt(opportunity: Opportunity, day: Day): OpportunityState {
  const closedLater = opportunity.isClosed && opportunity.closeDate > day;
  return {
    stage: opportunity.stage,
    amount: opportunity.amount,
    closeDate: opportunity.closeDate,
    probability: opportunity.probability,
    forecastCategory: opportunity.forecastCategory,
    isClosed: closedLater ? false : opportunity.isClosed,
    isWon: closedLater ? false : opportunity.isWon,
  };
}
