import { daysBetween } from "../calendar/days.ts";
import { type Opportunity, UNDATED } from "../model/records.ts";
import { NONE } from "./winLoss.ts";

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
  const groups = new Map<string, Opportunity[]>();
  for (const o of won) {
    const key = keyOf(o) ?? NONE;
    const list = groups.get(key);
    if (list) list.push(o);
    else groups.set(key, [o]);
  }
  return [...groups]
    .map(([key, deals]) => ({ key, ...salesCycle(deals) }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** The middle value of sorted numbers (the mean of the two middle ones for an even count). */
export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}
