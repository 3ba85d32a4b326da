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
  const dated = won.filter((o) => o.createdDate !== UNDATED);
  const measurable = dated.filter((o) => o.createdDate <= o.closeDate);
  const days = measurable.map((o) => daysBetween(o.createdDate, o.closeDate)).sort((a, b) => a - b);
  return {
    deals: days.length,
    unmeasurable: dated.length - measurable.length,
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
