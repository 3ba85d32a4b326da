import { addDays, dayNumber } from "../calendar/days.ts";
import {
  type FiscalCalendar,
  type Quarter,
  shiftQuarter,
  weeksInQuarter,
} from "../calendar/fiscalCalendar.ts";
import type { Day, ForecastCategory } from "../model/records.ts";
import { knowsPipelineAt } from "./coverage.ts";
import { type Dataset, wonCentsBetween } from "./dataset.ts";
import { fromCents, ratio, toCents } from "./money.ts";
import { forEachOpenAt } from "./openPipeline.ts";
import { CATEGORIES } from "./pointInTime.ts";

const COMMIT = CATEGORIES.indexOf("commit");

/*
 * Forecast accuracy: what we expected to book at the start of the quarter (and each week)
 * against what we booked. When forecast calls were submitted (forecasts.csv) they are the
 * forecast; the CRM's own view is always computed too, from history: bookings already won
 * plus the probability-weighted amount of open deals due to close in the quarter, and the
 * "commit" view (won plus open deals in the Commit forecast category).
 */

/** The forecast standing on one day. */
export interface ForecastPoint {
  week: number;
  date: Day;
  /** Submitted commit call, when one was submitted by that day. */
  submittedCommit: number | null;
  submittedBestCase: number | null;
  /**
   * Won so far + Σ amount × probability of open deals due in the quarter; null when the
   * export cannot say what the deals' probabilities were on that day.
   */
  weightedPipeline: number | null;
  /** Won so far + Σ amount of open deals due in the quarter in the Commit category; null likewise. */
  crmCommit: number | null;
}

/** Forecast against actual for one quarter. */
export interface ForecastAccuracy {
  actual: number;
  /** The forecast at the start of the quarter (the day before its first day). */
  atStart: ForecastPoint;
  weekly: ForecastPoint[];
  /**
   * Forecast − actual at the start, in money and as a share of actual, for the headline
   * forecast; null when there is no forecast to compare.
   */
  error: { source: "submitted" | "weighted"; amount: number | null; share: number | null };
}

/** Forecast accuracy of the quarter, and of the quarters before it for the trend. */
export function forecastAccuracy(
  dataset: Dataset,
  quarter: Quarter,
  calendar: FiscalCalendar,
  trendQuarters = 6,
) {
  const quarters = Array.from({ length: trendQuarters }, (_, i) =>
    shiftQuarter(quarter, i - (trendQuarters - 1), calendar),
  );
  // Every day a forecast is asked about, for every quarter, answered in one pass over the deals.
  const asks = quarters.flatMap((q) => {
    const weeks = q === quarters.at(-1) ? weeksInQuarter(q) : 0;
    return [
      { quarter: q, day: addDays(q.start, -1), week: 0 },
      ...Array.from({ length: weeks }, (_, i) => ({ quarter: q, day: addDays(q.start, i * 7), week: i + 1 })),
    ];
  });
  const points = pointsOn(dataset, asks);
  const accuracies = quarters.map((q) =>
    accuracyOf(
      dataset,
      q,
      points.filter((_, i) => asks[i]!.quarter === q),
    ),
  );
  const trend = quarters.map((q, i) => ({
    quarter: q.id,
    actual: accuracies[i]!.actual,
    forecast: forecastOf(accuracies[i]!.atStart),
    error: accuracies[i]!.error,
  }));
  return { ...accuracies.at(-1)!, trend };
}

/** A quarter's accuracy from its points: the one at its start first, then its weeks (if asked). */
function accuracyOf(dataset: Dataset, quarter: Quarter, points: readonly ForecastPoint[]): ForecastAccuracy {
  const actual = fromCents(wonCentsBetween(dataset, quarter.start, quarter.end));
  const [atStart, ...weeks] = points as [ForecastPoint, ...ForecastPoint[]];
  const submitted = atStart.submittedCommit !== null;
  const forecast = forecastOf(atStart);
  return {
    actual,
    atStart,
    weekly: weeks,
    error: {
      source: submitted ? "submitted" : "weighted",
      amount: forecast === null ? null : fromCents(toCents(forecast - actual)),
      share: forecast === null ? null : ratio(forecast - actual, actual),
    },
  };
}

/** The headline forecast of a point: the submitted commit when there is one, else the weighted pipeline. */
function forecastOf(point: ForecastPoint): number | null {
  return point.submittedCommit ?? point.weightedPipeline;
}

/**
 * Whether the CRM's own view on `day` can be rebuilt: it needs each deal's probability (and
 * category) as of that day, so history, and deals created by then. Without them the weighted
 * forecast would be today's values or nothing, and its "error" a fiction.
 */
function crmViewKnown(dataset: Dataset, day: Day): { weighted: boolean; commit: boolean } {
  const { coverage } = dataset;
  const known = coverage.history && knowsPipelineAt(coverage, day);
  return { weighted: known && coverage.probability, commit: known && coverage.forecastCategory };
}

/** The forecast standing on each asked day of its quarter, from one pass over the deals. */
function pointsOn(
  dataset: Dataset,
  asks: readonly { quarter: Quarter; day: Day; week: number }[],
): ForecastPoint[] {
  const won = asks.map(({ quarter, day }) => wonCentsBetween(dataset, quarter.start, day));
  const weighted = asks.map(() => 0);
  const commit = asks.map(() => 0);
  // One deal whose probability that day is unknown makes the weighted view unknown too:
  // counting it as 0% would understate the forecast and overstate its error.
  const probabilityKnown = asks.map(() => true);
  const { closeDay, amount, probability, forecastCategory } = dataset.timelines;
  const starts = asks.map(({ quarter }) => dayNumber(quarter.start));
  const ends = asks.map(({ quarter }) => dayNumber(quarter.end));
  const known = asks.map(({ day }) => crmViewKnown(dataset, day));
  // The days on which the CRM's view cannot be rebuilt show none: their deals are not walked.
  const walked = asks.flatMap((_, i) => (known[i]!.weighted || known[i]!.commit ? [i] : []));
  forEachOpenAt(
    dataset,
    walked.map((i) => asks[i]!.day),
    (d, _opportunity, row) => {
      const i = walked[d]!;
      if (closeDay[row]! < starts[i]! || closeDay[row]! > ends[i]!) return;
      const p = probability[row]!;
      if (Number.isNaN(p)) probabilityKnown[i] = false;
      else weighted[i]! += Math.round(toCents(amount[row]!) * p);
      if (forecastCategory[row] === COMMIT) commit[i]! += toCents(amount[row]!);
    },
  );
  return asks.map(({ quarter, day, week }, i) => {
    const submitted = latestSubmission(dataset, quarter.id, day);
    return {
      week,
      date: day,
      submittedCommit: submitted.get("commit") ?? null,
      submittedBestCase: submitted.get("bestCase") ?? null,
      weightedPipeline: known[i]!.weighted && probabilityKnown[i] ? fromCents(won[i]! + weighted[i]!) : null,
      crmCommit: known[i]!.commit ? fromCents(won[i]! + commit[i]!) : null,
    };
  });
}

/**
 * The company-level call of each category standing on `day`: the latest submitted by then, or
 * the quarter's first call when none was yet (calls are usually made in the quarter's first days).
 */
function latestSubmission(dataset: Dataset, quarterId: string, day: Day): Map<ForecastCategory, number> {
  const calls = dataset.records.forecasts
    .filter((f) => f.quarter === quarterId && f.owner === null)
    .sort((a, b) => (a.submittedDate < b.submittedDate ? -1 : a.submittedDate > b.submittedDate ? 1 : 0));
  const standing = new Map<ForecastCategory, number>();
  for (const call of calls) {
    if (call.submittedDate <= day || !standing.has(call.category)) standing.set(call.category, call.amount);
  }
  return standing;
}
