import { addDays } from "../calendar/days.ts";
import {
  type FiscalCalendar,
  type Quarter,
  shiftQuarter,
  weeksInQuarter,
} from "../calendar/fiscalCalendar.ts";
import type { Day } from "../model/records.ts";
import { knowsPipelineAt } from "./coverage.ts";
import { closedBetween, type Dataset } from "./dataset.ts";
import { fromCents, ratio, toCents } from "./money.ts";
import { openAt } from "./openPipeline.ts";

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
  const trend = [];
  for (let i = trendQuarters - 1; i >= 1; i--) {
    const q = shiftQuarter(quarter, -i, calendar);
    const a = accuracyOf(dataset, q, false);
    trend.push({ quarter: q.id, actual: a.actual, forecast: forecastOf(a.atStart), error: a.error });
  }
  const current = accuracyOf(dataset, quarter, true);
  trend.push({
    quarter: quarter.id,
    actual: current.actual,
    forecast: forecastOf(current.atStart),
    error: current.error,
  });
  return { ...current, trend };
}

function accuracyOf(dataset: Dataset, quarter: Quarter, weekly: boolean): ForecastAccuracy {
  const actual = fromCents(
    closedBetween(dataset.records.opportunities, quarter.start, quarter.end)
      .filter((o) => o.isWon)
      .reduce((sum, o) => sum + toCents(o.amount), 0),
  );
  const atStart = pointOn(dataset, quarter, addDays(quarter.start, -1), 0);
  const weeks = weekly
    ? Array.from({ length: weeksInQuarter(quarter) }, (_, i) =>
        pointOn(dataset, quarter, addDays(quarter.start, i * 7), i + 1),
      )
    : [];
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

function pointOn(dataset: Dataset, quarter: Quarter, day: Day, week: number): ForecastPoint {
  let wonCents = 0;
  for (const o of dataset.records.opportunities) {
    if (o.isWon && o.closeDate >= quarter.start && o.closeDate <= day) wonCents += toCents(o.amount);
  }
  let weightedCents = 0;
  let commitCents = 0;
  // One deal whose probability that day is unknown makes the weighted view unknown too:
  // counting it as 0% would understate the forecast and overstate its error.
  let probabilityKnown = true;
  for (const { state } of openAt(dataset, day)) {
    if (state.closeDate < quarter.start || state.closeDate > quarter.end) continue;
    if (state.probability === null) probabilityKnown = false;
    else weightedCents += Math.round(toCents(state.amount) * state.probability);
    if (/commit/i.test(state.forecastCategory ?? "")) commitCents += toCents(state.amount);
  }
  const submitted = latestSubmission(dataset, quarter.id, day);
  const known = crmViewKnown(dataset, day);
  return {
    week,
    date: day,
    submittedCommit: submitted.get("commit") ?? null,
    submittedBestCase: submitted.get("best case") ?? null,
    weightedPipeline: known.weighted && probabilityKnown ? fromCents(wonCents + weightedCents) : null,
    crmCommit: known.commit ? fromCents(wonCents + commitCents) : null,
  };
}

/**
 * The company-level call of each category standing on `day`: the latest submitted by then, or
 * the quarter's first call when none was yet (calls are usually made in the quarter's first days).
 */
function latestSubmission(dataset: Dataset, quarterId: string, day: Day): Map<string, number> {
  const calls = dataset.records.forecasts
    .filter((f) => f.quarter === quarterId && f.owner === null)
    .sort((a, b) => (a.submittedDate < b.submittedDate ? -1 : a.submittedDate > b.submittedDate ? 1 : 0));
  const standing = new Map<string, number>();
  for (const call of calls) {
    if (call.submittedDate <= day || !standing.has(call.category)) standing.set(call.category, call.amount);
  }
  return standing;
}
