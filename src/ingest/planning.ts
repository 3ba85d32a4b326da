import { isQuarterId } from "../calendar/fiscalCalendar.ts";
import {
  type ForecastSubmission,
  type Opportunity,
  type RecordKind,
  type Rock,
  TARGET_METRICS,
  type Target,
  type TargetMetric,
  type TargetScope,
} from "../model/records.ts";
import { optionalDay, optionalText, required, requiredDay, requiredMoney, requiredText } from "./cells.ts";
import type { IngestContext } from "./context.ts";
import type { DataFolder } from "./dataFolder.ts";
import { RecordReader } from "./readRecords.ts";
import type { Row, TableSpec } from "./readTable.ts";
import { parseForecastCategory } from "./values/forecastCategory.ts";
import { parseNumber } from "./values/scalars.ts";

/*
 * The files ops keep by hand beside the CRM export: submitted forecasts, targets and rocks.
 * They are the same whatever CRM the export came from, so they are read here once, after the
 * adapter has read the deals (a target's owner is told apart as a rep or a segment from them).
 */

/** The planning files, by the record kind they hold. */
export const PLANNING_FILES = {
  forecasts: "forecasts.csv",
  targets: "targets.csv",
  rocks: "rocks.csv",
} as const satisfies Partial<Record<RecordKind, string>>;

/** What the planning files held. */
export interface Planning {
  forecasts: ForecastSubmission[];
  targets: Target[];
  rocks: Rock[];
  supplied: RecordKind[];
}

/** Reads forecasts.csv, targets.csv and rocks.csv when the folder has them (at its top level). */
export async function readPlanning(
  folder: DataFolder,
  context: IngestContext,
  opportunities: readonly Opportunity[],
): Promise<Planning> {
  const reader = new RecordReader(folder, context);
  const file = (kind: keyof typeof PLANNING_FILES) => reader.locate(kind, PLANNING_FILES[kind]);
  const targets = file("targets");
  return {
    forecasts: await reader.all("forecasts", file("forecasts"), forecastsSpec(context)),
    // The deals' owners and segments are gathered only when there are targets to read.
    targets:
      targets === undefined ? [] : await reader.all("targets", targets, targetsSpec(context, opportunities)),
    rocks: await reader.all("rocks", file("rocks"), rocksSpec(context)),
    supplied: reader.supplied,
  };
}

/** forecasts.csv: the forecast calls submitted during each quarter. */
export function forecastsSpec(context: IngestContext): TableSpec<ForecastSubmission> {
  const { cells, converter } = context;
  return {
    kind: "forecasts",
    columns: [
      { key: "quarter", required: true },
      { key: "submitted_date", required: true, aliases: ["submitted", "date"] },
      { key: "owner" },
      { key: "category", required: true },
      { key: "amount", required: true },
      { key: "currency" },
    ],
    build(row) {
      const quarter = requiredQuarter(row);
      const submittedDate = requiredDay(row, "submitted_date", cells);
      const category = required(row, "category", parseForecastCategory(row.get("category")));
      const money = requiredMoney(row, "amount", cells);
      if (row.rejected) return undefined;
      const currency = money!.currency ?? (row.get("currency").toUpperCase() || context.config.currency);
      const amount = required(row, "amount", converter.convert(money!.amount, currency, submittedDate!));
      if (amount === undefined) return undefined;
      return {
        quarter: quarter!,
        submittedDate: submittedDate!,
        owner: optionalText(row, "owner", cells),
        category: category!,
        amount,
      };
    },
  };
}

/**
 * targets.csv: weekly activity targets per rep, and quarterly bookings plans for the company
 * (empty owner), a segment or team, or a rep. Whether an owner is a segment or a rep is read
 * from the `scope` column when given, else from the deals: a name that is some deal's segment
 * is a segment, any other name a rep.
 */
export function targetsSpec(
  context: IngestContext,
  opportunities: readonly Opportunity[],
): TableSpec<Target> {
  const { cells } = context;
  const segments = new Map<string, string>();
  const owners = new Map<string, string>();
  for (const o of opportunities) {
    if (o.segment !== null) segments.set(o.segment.toLowerCase(), o.segment);
    owners.set(o.owner.toLowerCase(), o.owner);
  }
  // One plan per quarter, metric and owner: a second would silently double or override it.
  const seen = new Map<string, number>();
  return {
    kind: "targets",
    columns: [
      { key: "quarter", required: true },
      { key: "metric", required: true },
      { key: "owner" },
      { key: "scope" },
      { key: "per", required: true },
      { key: "value", required: true },
    ],
    build(row) {
      const quarter = requiredQuarter(row);
      const metric = targetMetric(row, requiredText(row, "metric", cells));
      const per = row.get("per").toLowerCase();
      if (per !== "week" && per !== "quarter")
        row.reject("per", `"${row.get("per")}" is not week or quarter`);
      const value = required(row, "value", parseNumber(row.get("value"), cells.decimal));
      if (value !== undefined && value < 0)
        row.reject("value", `${value} is negative; a target is zero or more`);
      let owner = optionalText(row, "owner", cells);
      const scope = targetScope(row, owner, segments);
      if (row.rejected) return undefined;
      // Spelt as the deals spell it, so plans and bookings meet whatever the case in the file.
      if (scope === "segment") owner = segments.get(owner!.toLowerCase()) ?? owner;
      if (scope === "rep") owner = owners.get(owner!.toLowerCase()) ?? owner;
      if (metric === "bookings" && per !== "quarter")
        return row.reject("per", `a bookings plan is per quarter, not per ${per}: set per=quarter`);
      if (metric !== "bookings" && (per !== "week" || scope !== "rep"))
        return row.skip(
          `not used: ${metric} targets are scored per rep and per week, so a ${scope === "rep" ? "" : `${scope}-wide `}per-${per} one has nothing to be scored against (give the rep as owner and per=week)`,
        );
      if (scope === "rep" && metric === "bookings" && !owners.has(owner!.toLowerCase()))
        row.warn(
          "owner",
          `"${owner}" owns no deal in the export and is no segment: the plan is kept as a rep's (booked nothing); check the spelling, or set scope=segment`,
        );
      const key = `${quarter}|${metric}|${scope}|${(owner ?? "").toLowerCase()}`;
      const first = seen.get(key);
      if (first !== undefined)
        return row.reject(
          null,
          `a second ${metric} target for ${owner ?? "the company"} in ${quarter} (first on line ${first}); keep one`,
        );
      seen.set(key, row.line);
      return {
        quarter: quarter!,
        metric: metric!,
        owner,
        scope: scope!,
        per: per as Target["per"],
        value: value!,
      };
    },
  };
}

function targetMetric(row: Row, text: string | undefined): TargetMetric | undefined {
  if (text === undefined) return undefined;
  const metric = TARGET_METRICS.find((m) => m.toLowerCase() === text.toLowerCase());
  if (metric === undefined)
    return row.reject("metric", `"${text}" is not one of ${TARGET_METRICS.join(", ")}`);
  return metric;
}

function targetScope(
  row: Row,
  owner: string | null,
  segments: ReadonlyMap<string, string>,
): TargetScope | undefined {
  const given = row.get("scope").toLowerCase();
  if (given === "") {
    if (owner === null) return "company";
    return segments.has(owner.toLowerCase()) ? "segment" : "rep";
  }
  const scope = given === "team" ? "segment" : given;
  if (scope !== "company" && scope !== "segment" && scope !== "rep")
    return row.reject("scope", `"${row.get("scope")}" is not company, segment (or team) or rep`);
  if ((scope === "company") !== (owner === null))
    return row.reject(
      "owner",
      scope === "company"
        ? "a company-wide target has no owner: leave owner empty"
        : `a ${scope} target names its ${scope} as owner`,
    );
  if (scope === "segment" && !segments.has(owner!.toLowerCase()))
    row.warn(
      "owner",
      `"${owner}" is the segment of no deal in the export: its plan is kept, with nothing booked against it`,
    );
  return scope;
}

/** rocks.csv: the quarter's priorities with their SMART parts. */
export function rocksSpec(context: IngestContext): TableSpec<Rock> {
  const { cells } = context;
  return {
    kind: "rocks",
    columns: [
      { key: "quarter", required: true },
      { key: "title", required: true, aliases: ["rock"] },
      { key: "owner" },
      { key: "measurable" },
      { key: "target" },
      { key: "due_date", aliases: ["due"] },
      { key: "status" },
    ],
    build(row) {
      const quarter = requiredQuarter(row);
      const title = requiredText(row, "title", cells);
      if (row.rejected) return undefined;
      return {
        quarter: quarter!,
        title: title!,
        owner: optionalText(row, "owner", cells),
        measurable: optionalText(row, "measurable", cells),
        target: optionalText(row, "target", cells),
        dueDate: optionalDay(row, "due_date", cells),
        status: optionalText(row, "status", cells),
      };
    },
  };
}

function requiredQuarter(row: Row): string | undefined {
  const text = row.get("quarter").toUpperCase().replace(/\s+/g, "");
  if (!isQuarterId(text))
    return row.reject("quarter", `"${row.get("quarter")}" is not a quarter such as 2026-Q3`);
  return text;
}
