/*
 * The small pieces every breakdown shares: the key for "not recorded", grouping items by a
 * key, and the middle and mean of a list of numbers.
 */

/** Key under which items without a value (no competitor recorded, …) are grouped. */
export const NONE = "(none)";

/** Items by key, each list in the order given; a null key groups under NONE. */
export function groupBy<T>(items: Iterable<T>, keyOf: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item) ?? NONE;
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** The middle value of sorted numbers (the mean of the two middle ones for an even count). */
export function median(sorted: ArrayLike<number>): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The mean of numbers, or null for none. */
export function mean(values: ArrayLike<number>): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum / values.length;
}
