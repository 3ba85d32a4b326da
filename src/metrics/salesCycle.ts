import { daysBetween } from "../calendar/days.ts";
import { type Opportunity, UNDATED } from "../model/records.ts";
import { groupBy, mean, median } from "./groups.ts";

/** Days from creation to close of won deals. */
export interface SalesCycle {
  /** Won deals measured. */
  deals: number;
  /** Won deals left out because they were created after they closed (loaded after the fact). */
  unmeasurable: number;
  medianDays: number | null;
  meanDays: number | null;
}

/**
 * Median and mean days from creation to close of the given won deals. A deal created after
 * it closed was entered into the CRM after the fact: its cycle is unknown, not negative.
 */
export function salesCycle(won: readonly Opportunity[]): SalesCycle {
  // A deal without a created date (UNDATED, after every close) is not one created after it
  // closed: it is left out without being counted as such.
  // Days into a typed array, sorted as numbers without a comparison function: a quarter of
  // an enterprise export wins tens of thousands of deals, and the pack asks per segment too.
  const cycles = new Float64Array(won.length);
  let measured = 0;
  let unmeasurable = 0;
  for (const o of won) {
    if (o.createdDate === UNDATED) continue;
    if (o.createdDate <= o.closeDate) cycles[measured++] = daysBetween(o.createdDate, o.closeDate);
    else unmeasurable++;
  }
  const days = cycles.subarray(0, measured).sort();
  return {
    deals: measured,
    unmeasurable,
    medianDays: median(days),
    meanDays: mean(days),
  };
}

/** The sales cycle per segment (or other key), in key order. */
export function salesCycleBy(won: readonly Opportunity[], keyOf: (o: Opportunity) => string | null) {
  return [...groupBy(won, keyOf)]
    .map(([key, deals]) => ({ key, ...salesCycle(deals) }))
    .sort((a, b) => a.key.localeCompare(b.key));
}
