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

/*
 * The bookings plan. The company's plan is set for each quarter; here it is written as a
 * fraction of what the quarter went on to book, so the sample makes plan in most quarters,
 * misses it in three (2025-Q1, 2026-Q1 and 2026-Q2) and has a plan for the quarter after the export.
 * Segments share the plan by their part of the four quarters before (as planners split it),
 * and reps carry quotas that add up to 10% more than the plan (over-assignment, as usual).
 */
const PLAN_SHARE_OF_ACTUAL = [0.95, 1.04, 0.97, 0.92, 1.12, 0.98, 0.96, 0.94, 1.03, 1.15, 0.97];
/** Next quarter's plan against this quarter's: the fourth quarter is the big one. */
const NEXT_QUARTER_GROWTH = 1.12;
const OVER_ASSIGNMENT = 1.1;

/** Won amounts in dollars per quarter, segment and rep. */
function wonBy(
  deals: readonly SampleDeal[],
): { quarter: string; segment: string; rep: string; amount: number }[] {
  return deals.flatMap((deal) => {
    const last = deal.history[deal.history.length - 1]!;
    if (last.stage !== "Closed Won") return [];
    return [
      {
        quarter: quarterOf(last.day),
        segment: deal.account.segment,
        rep: deal.owner.name,
        amount: last.amountUsd,
      },
    ];
  });
}

/** Splits `total` by the weights, rounded to `unit`, the last part taking what rounding leaves. */
function split(total: number, weights: readonly [string, number][], unit: number): [string, number][] {
  const sum = weights.reduce((s, [, w]) => s + w, 0);
  let left = total;
  return weights.map(([key, w], i) => {
    const part = i === weights.length - 1 ? left : Math.round((total * w) / sum / unit) * unit;
    left -= part;
    return [key, part];
  });
}

/** targets.csv rows: weekly activity targets per rep, and the bookings plan by company, segment and rep. */
export function makeTargets(deals: readonly SampleDeal[]): Cell[][] {
  const rows: Cell[][] = [];
  const won = wonBy(deals);
  const bookings = bookingsByQuarter(deals);
  const next = nextQuarterId(QUARTERS[QUARTERS.length - 1]!);
  const plans = QUARTERS.map((quarter, i) => ({
    quarter,
    plan: Math.round(((bookings.get(quarter) ?? 0) * PLAN_SHARE_OF_ACTUAL[i]!) / 10_000) * 10_000,
  }));
  plans.push({
    quarter: next,
    plan: Math.round((plans.at(-1)!.plan * NEXT_QUARTER_GROWTH) / 10_000) * 10_000,
  });
  plans.forEach(({ quarter, plan }, i) => {
    if (quarter !== next) {
      for (const rep of REPS) {
        // Volume targets, as many teams set them: the busiest rep meets them all.
        rows.push([quarter, "calls", rep.name, "week", 20]);
        rows.push([quarter, "meetings", rep.name, "week", 9]);
        rows.push([quarter, "opportunitiesCreated", rep.name, "week", 4]);
        rows.push([quarter, "pipelineCreated", rep.name, "week", 150_000]);
        rows.push([quarter, "proposals", rep.name, "week", 3]);
      }
    }
    // Shares from the four quarters before (the first quarter has none before it: its own).
    const basis = new Set(i === 0 ? [quarter] : QUARTERS.slice(Math.max(0, i - 4), i));
    const share = (key: (w: (typeof won)[number]) => string, keys: readonly string[]) =>
      keys.map((k): [string, number] => [
        k,
        won.filter((w) => basis.has(w.quarter) && key(w) === k).reduce((s, w) => s + w.amount, 0),
      ]);
    rows.push([quarter, "bookings", "", "quarter", plan]);
    for (const [segment, part] of split(
      plan,
      share((w) => w.segment, ["Enterprise", "Mid-Market", "SMB"]),
      10_000,
    ))
      rows.push([quarter, "bookings", segment, "quarter", part]);
    const quotas = split(
      plan * OVER_ASSIGNMENT,
      share(
        (w) => w.rep,
        REPS.map((r) => r.name),
      ),
      5_000,
    );
    for (const [rep, quota] of quotas)
      rows.push([quarter, "bookings", rep, "quarter", Math.round(quota / 5_000) * 5_000]);
  });
  return rows;
}

function nextQuarterId(quarter: string): string {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  return q === 4 ? `${year + 1}-Q1` : `${year}-Q${q + 1}`;
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
