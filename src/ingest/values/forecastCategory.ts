import type { ForecastCategory } from "../../model/records.ts";
import type { Parsed } from "./dates.ts";

/*
 * Forecast categories as CRMs write them. Salesforce shows Pipeline, Best Case, Commit,
 * Closed and Omitted (its API names Commit "Forecast" and Best Case "BestCase"); HubSpot
 * shows Pipeline, Best case, Commit, Closed won and Not forecasted (internally PIPELINE,
 * BEST_CASE, COMMIT, CLOSED, OMIT); Dynamics 365 says Committed, Won and Lost. Names match
 * without regard to case, spaces or punctuation.
 */

const NAMES: Readonly<Record<string, ForecastCategory>> = {
  pipeline: "pipeline",
  bestcase: "bestCase",
  commit: "commit",
  committed: "commit",
  forecast: "commit",
  closed: "closed",
  closedwon: "closed",
  won: "closed",
  omitted: "omitted",
  omit: "omitted",
  notforecasted: "omitted",
  lost: "omitted",
};

/** Reads a forecast category by any of the names CRMs give it. */
export function parseForecastCategory(text: string): Parsed<ForecastCategory> {
  const category = NAMES[text.toLowerCase().replace(/[^a-z]/g, "")];
  return category === undefined
    ? {
        ok: false,
        problem: `"${text}" is not a forecast category: use Pipeline, Best Case, Commit, Closed or Omitted`,
      }
    : { ok: true, value: category };
}
