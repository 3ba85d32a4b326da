import { NONE } from "./groups.ts";
import { fromCents, toCents } from "./money.ts";

/** An amount and a deal count under one key. */
export interface AmountGroup {
  key: string;
  amount: number;
  deals: number;
}

/** Sums amounts and counts items per key, largest amount first (ties by key). */
export function sumBy<T>(
  items: Iterable<T>,
  keyOf: (item: T) => string | null,
  amountOf: (item: T) => number,
): AmountGroup[] {
  const groups = new Map<string, { cents: number; deals: number }>();
  for (const item of items) {
    const key = keyOf(item) ?? NONE;
    let entry = groups.get(key);
    if (entry === undefined) {
      entry = { cents: 0, deals: 0 };
      groups.set(key, entry);
    }
    entry.cents += toCents(amountOf(item));
    entry.deals++;
  }
  return [...groups]
    .map(([key, { cents, deals }]) => ({ key, amount: fromCents(cents), deals }))
    .sort((a, b) => b.amount - a.amount || a.key.localeCompare(b.key));
}
