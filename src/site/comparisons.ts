import type { Headline } from "../metrics/headline.ts";
import type { Snapshot } from "../snapshot/snapshot.ts";

/*
 * The figures a quarter is compared with. The issued record comes first: last quarter's and
 * last year's snapshots in the archive, as they were issued. Only when a quarter was never
 * issued is it taken from the current export (the snapshot's own comparisons).
 */

/** The headline a quarter is compared with, and where it came from. */
export interface Baseline {
  quarter: string;
  headline: Headline;
  /** "issued": the archived snapshot; "recomputed": from this quarter's export. */
  source: "issued" | "recomputed";
}

/** Baselines for the quarter before and the same quarter a year before. */
export function baselines(
  snapshot: Snapshot,
  archive: readonly Snapshot[],
): { qoq: Baseline; yoy: Baseline } {
  const pick = (comparison: Snapshot["comparisons"]["previousQuarter"]): Baseline => {
    const issued = archive.find((s) => s.quarter === comparison.quarter);
    return issued
      ? { quarter: issued.quarter, headline: issued.headline, source: "issued" }
      : { quarter: comparison.quarter, headline: comparison.headline, source: "recomputed" };
  };
  return { qoq: pick(snapshot.comparisons.previousQuarter), yoy: pick(snapshot.comparisons.yearAgo) };
}

/** How a headline figure changed: relative for amounts and counts, in points for rates. */
export function change(key: keyof Headline, now: number | null, before: number | null): Change | null {
  if (now === null || before === null) return null;
  if (isRate(key)) return { kind: "points", value: (now - before) * 100 };
  if (isMultiple(key)) return { kind: "times", value: now - before };
  if (before === 0) return null;
  return { kind: "relative", value: (now - before) / Math.abs(before) };
}

/** A change in a figure. */
export type Change =
  | { kind: "relative"; value: number }
  | { kind: "points"; value: number }
  | { kind: "times"; value: number };

/** Whether a headline figure is a rate or share (a fraction 0..1, attainment can pass 1). */
export function isRate(key: keyof Headline): boolean {
  return (
    key.endsWith("Rate") ||
    key.startsWith("pipelineGrowth") ||
    key === "attainment" ||
    key === "dealConcentration"
  );
}

/** Whether a headline figure is a multiple (coverage: 3.1×), whose change reads in ×. */
export function isMultiple(key: keyof Headline): boolean {
  return key === "nextQuarterCoverage";
}

/** Figures issued in an earlier quarter that this quarter's export now puts differently. */
export function restatedBaselines(snapshot: Snapshot, archive: readonly Snapshot[]) {
  const out: { quarter: string; figure: keyof Headline; issued: number | null; now: number | null }[] = [];
  for (const comparison of [snapshot.comparisons.previousQuarter, snapshot.comparisons.yearAgo]) {
    const issued = archive.find((s) => s.quarter === comparison.quarter);
    if (!issued) continue;
    for (const figure of ["bookings", "dealsWon", "newLogos", "openPipeline"] as const) {
      const before = issued.headline[figure];
      const now = comparison.headline[figure];
      if (before !== now) out.push({ quarter: comparison.quarter, figure, issued: before, now });
    }
  }
  return out;
}
