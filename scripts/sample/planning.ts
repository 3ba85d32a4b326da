import { AS_OF, addDays, QUARTERS, quarterBounds, quarterOf } from "./calendar.ts";
import { REPS } from "./company.ts";
import type { Cell } from "./csv.ts";
import type { SampleDeal } from "./deals.ts";
import type { Random } from "./random.ts";

/*
 * What ops keep beside the CRM: the weekly forecast call, targets and the quarter's rocks.
 * The forecast starts each quarter off the final result by up to about 15% and closes in on
 * it week by week, as real forecasts do.
 */

/** Bookings in dollars per quarter, from the deals won. */
export function bookingsByQuarter(deals: readonly SampleDeal[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const deal of deals) {
    const last = deal.history[deal.history.length - 1]!;
    if (last.stage !== "Closed Won") continue;
    const quarter = quarterOf(last.day);
    totals.set(quarter, (totals.get(quarter) ?? 0) + last.amountUsd);
  }
  return totals;
}

/** forecasts.csv rows: the company's commit and best case each week of each quarter. */
export function makeForecasts(random: Random, bookings: ReadonlyMap<string, number>): Cell[][] {
  const rows: Cell[][] = [];
  for (const quarter of QUARTERS) {
    const actual = bookings.get(quarter) ?? 0;
    const { start } = quarterBounds(quarter);
    const startError = 0.85 + random.next() * 0.27;
    for (let week = 0; week < 13; week++) {
      const day = addDays(start, week * 7);
      if (day > AS_OF) break;
      const closing = week / 12;
      const commit = actual * (startError + (1 - startError) * closing) * (0.98 + random.next() * 0.04);
      rows.push([quarter, day, "", "commit", Math.round(commit / 1000) * 1000]);
      rows.push([
        quarter,
        day,
        "",
        "best case",
        Math.round((commit * (1.15 + random.next() * 0.1)) / 1000) * 1000,
      ]);
    }
  }
  return rows;
}

/** targets.csv rows: weekly activity targets per rep and the team's quarterly bookings target. */
export function makeTargets(bookings: ReadonlyMap<string, number>): Cell[][] {
  const rows: Cell[][] = [];
  QUARTERS.forEach((quarter, i) => {
    for (const rep of REPS) {
      // Volume targets, as many teams set them: the busiest rep meets them all.
      rows.push([quarter, "calls", rep.name, "week", 20]);
      rows.push([quarter, "meetings", rep.name, "week", 9]);
      rows.push([quarter, "opportunitiesCreated", rep.name, "week", 4]);
      rows.push([quarter, "pipelineCreated", rep.name, "week", 150_000]);
      rows.push([quarter, "proposals", rep.name, "week", 3]);
    }
    const previous = i === 0 ? 2_500_000 : (bookings.get(QUARTERS[i - 1]!) ?? 0);
    rows.push([quarter, "bookings", "", "quarter", Math.round((previous * 1.08) / 10_000) * 10_000]);
  });
  return rows;
}

/** rocks.csv rows: this quarter's rocks and last quarter's; one of this quarter's is not SMART. */
export const ROCKS: Cell[][] = [
  [
    "2026-Q2",
    "Hire two enterprise account executives",
    "Marcus Webb",
    "Signed offers",
    "2",
    "2026-06-15",
    "done",
  ],
  [
    "2026-Q2",
    "Roll out the new discovery call guide",
    "Priya Raman",
    "Reps certified",
    "6 of 6",
    "2026-05-31",
    "done",
  ],
  [
    "2026-Q2",
    "Clean up stale pipeline",
    "Tom Lindqvist",
    "Opportunities past close date",
    "under 20",
    "2026-06-30",
    "missed",
  ],
  [
    "2026-Q3",
    "Launch the Connect partner program",
    "Elena Sousa",
    "Signed partners",
    "5",
    "2026-09-15",
    "done",
  ],
  [
    "2026-Q3",
    "Raise the ICP share of new pipeline",
    "Marcus Webb",
    "Share of pipeline created at tier A accounts",
    "60%",
    "2026-09-30",
    "on track",
  ],
  [
    "2026-Q3",
    "Win/loss interview on every enterprise deal",
    "Priya Raman",
    "Interviews completed",
    "12",
    "2026-09-30",
    "off track",
  ],
  [
    "2026-Q3",
    "Shorten the Mid-Market sales cycle",
    "Tom Lindqvist",
    "Median days from creation to close",
    "60 days",
    "2026-09-30",
    "on track",
  ],
  ["2026-Q3", "Improve forecast culture", "Sam Okafor", "", "", "2026-12-15", "on track"],
];
