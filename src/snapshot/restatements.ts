import type { Restatement, Snapshot } from "./snapshot.ts";

/** The parts of a snapshot that hold figures; the rest is metadata about the issue. */
const FIGURE_KEYS = ["headline", "comparisons", "sections", "voiceOfCustomer", "commentary"] as const;

/** Every figure that differs between two snapshots of a quarter, by dotted path, in path order. */
export function restatedFigures(before: Snapshot, after: Snapshot): Restatement[] {
  const restated: Restatement[] = [];
  for (const key of FIGURE_KEYS) diff(key, before[key], after[key], restated);
  return restated;
}

function diff(path: string, a: unknown, b: unknown, out: Restatement[]): void {
  if (Object.is(a, b)) return;
  // A figure only one side has was added or dropped by a newer version of the generator:
  // nothing issued is restated by it.
  if (a === undefined || b === undefined) return;
  const aIsObject = typeof a === "object" && a !== null;
  const bIsObject = typeof b === "object" && b !== null;
  if (aIsObject && bIsObject && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      diff(`${path}.${key}`, (a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], out);
    }
    return;
  }
  out.push({ figure: path, old: a, new: b });
}
