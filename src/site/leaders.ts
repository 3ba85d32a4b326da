import { NONE } from "../metrics/groups.ts";

/*
 * Picking "the best" for a sentence or a chart title. A placeholder (deals with no product or
 * no competitor recorded) never wins, a figure that is undefined never ranks, and a tie is a
 * tie: every group sharing the top value is named, in alphabetical order.
 */

/** The groups sharing the highest value, or null when no real group has a value. */
export function leaders<T extends { key: string }>(
  groups: readonly T[],
  measure: (group: T) => number | null,
): { keys: string[]; value: number } | null {
  let best: number | null = null;
  let keys: string[] = [];
  for (const group of groups) {
    const value = measure(group);
    if (group.key === NONE || value === null) continue;
    if (best === null || value > best) {
      best = value;
      keys = [group.key];
    } else if (value === best) keys.push(group.key);
  }
  return best === null ? null : { keys: keys.sort((a, b) => a.localeCompare(b)), value: best };
}

/** The groups sharing the lowest value, or null. */
export function laggards<T extends { key: string }>(
  groups: readonly T[],
  measure: (group: T) => number | null,
): { keys: string[]; value: number } | null {
  const found = leaders(groups, (g) => {
    const v = measure(g);
    return v === null ? null : -v;
  });
  return found === null ? null : { keys: found.keys, value: -found.value };
}

/** "A", "A and B", "A, B and C". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** Whether a group key is a real value rather than the placeholder for "not recorded". */
export function isRecorded(key: string): boolean {
  return key !== NONE;
}
