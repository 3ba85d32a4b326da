import type { Day, ForecastCategory, HistoryRow, LocalTime, Opportunity } from "../model/records.ts";

/*
 * What an opportunity looked like at the end of a past day. Today's values say nothing about
 * what was open on 30 June, so the answer comes from the history rows: the values of the
 * last change made by the end of that day, carried forward field by field. The carrying
 * forward is done once per opportunity (its timeline), so that the many point-in-time
 * questions a pack asks (quarter ends, every week of the forecast, the backtest) are each a
 * short search rather than a replay of the history.
 */

/** An opportunity's values at one moment. */
export interface OpportunityState {
  readonly stage: string;
  readonly amount: number;
  readonly closeDate: Day;
  readonly probability: number | null;
  readonly forecastCategory: ForecastCategory | null;
  readonly isClosed: boolean;
  readonly isWon: boolean;
}

/** An opportunity's states over time, oldest first. */
export interface Timeline {
  readonly opportunity: Opportunity;
  /** When each state began; the first holds from creation, whatever its time. */
  readonly at: readonly LocalTime[];
  readonly states: readonly OpportunityState[];
}

/** Stage of a deal on a past day that no history row tells. */
export const UNKNOWN_STAGE = "(stage unknown)";

/**
 * The timeline of an opportunity from its history rows (sorted by time). With history, the
 * earliest row is the state it was created in. Without any history, only what is knowable is
 * used: a closed deal was open from creation until its close date, but its stage, probability
 * and forecast category then are unknown (today's "Closed Won" must never leak into the past);
 * amount and close date are today's, the only ones there are.
 */
export function timelineOf(opportunity: Opportunity, history: readonly HistoryRow[] | undefined): Timeline {
  const current: OpportunityState = {
    stage: opportunity.stage,
    amount: opportunity.amount,
    closeDate: opportunity.closeDate,
    probability: opportunity.probability,
    forecastCategory: opportunity.forecastCategory,
    isClosed: opportunity.isClosed,
    isWon: opportunity.isWon,
  };
  const opening: OpportunityState = { ...current, isClosed: false, isWon: false };
  if (history === undefined || history.length === 0) {
    if (!opportunity.isClosed) return { opportunity, at: [""], states: [current] };
    const unknown = { ...opening, stage: UNKNOWN_STAGE, probability: null, forecastCategory: null };
    return { opportunity, at: ["", `${opportunity.closeDate}T00:00:00`], states: [unknown, current] };
  }
  const states: OpportunityState[] = [];
  let state = opening;
  for (const row of history) {
    state = {
      stage: row.stage,
      isClosed: row.isClosed,
      isWon: row.isWon,
      amount: row.amount ?? state.amount,
      closeDate: row.closeDate ?? state.closeDate,
      probability: row.probability ?? state.probability,
      forecastCategory: row.forecastCategory ?? state.forecastCategory,
    };
    states.push(state);
  }
  const at = history.map((row) => row.at);
  // The current record is the last word: a deal the export shows closed is closed from its
  // close date, even when its history ends open (a history export cut short, say).
  if (opportunity.isClosed && !state.isClosed) {
    const closedAt = `${opportunity.closeDate}T00:00:00`;
    let kept = at.findIndex((t) => t >= closedAt);
    if (kept === -1) kept = at.length;
    if (kept === 0) return { opportunity, at: ["", closedAt], states: [opening, current] };
    return { opportunity, at: [...at.slice(0, kept), closedAt], states: [...states.slice(0, kept), current] };
  }
  return { opportunity, at, states };
}

/**
 * The day from which the opportunity stays closed (from creation when it was created
 * closed), or null when it is open at the end of its history. Before that day and from its
 * creation it may be open; on and after it, never.
 */
export function closedSince(timeline: Timeline): Day | null {
  const { at, states } = timeline;
  let first = states.length;
  while (first > 0 && states[first - 1]!.isClosed) first--;
  if (first === states.length) return null;
  return first === 0 ? timeline.opportunity.createdDate : at[first]!.slice(0, 10);
}

/** The end of a day as a local time, for comparing with the times of changes. */
export function endOf(day: Day): LocalTime {
  return `${day}T23:59:59`;
}

/** The state at the end of `day`, or null when the opportunity did not exist yet. */
export function stateAt(
  timeline: Timeline,
  day: Day,
  endOfDay: LocalTime = endOf(day),
): OpportunityState | null {
  if (timeline.opportunity.createdDate > day) return null;
  const { at, states } = timeline;
  // Histories are short and most questions are about recent days: search from the end.
  for (let i = at.length - 1; i > 0; i--) if (at[i]! <= endOfDay) return states[i]!;
  return states[0]!;
}
