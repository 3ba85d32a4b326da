import { isQuarterId } from "../../calendar/fiscalCalendar.ts";
import type { ForecastSubmission, Rock, Target } from "../../model/records.ts";
import { optionalDay, optionalText, required, requiredDay, requiredMoney, requiredText } from "../cells.ts";
import type { IngestContext } from "../context.ts";
import type { Row, TableSpec } from "../readTable.ts";
import { parseNumber } from "../values/scalars.ts";

/*
 * The files ops keep by hand beside the CRM export: submitted forecasts, targets and rocks.
 */

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
      const category = requiredText(row, "category", cells);
      const money = requiredMoney(row, "amount", cells);
      if (row.rejected) return undefined;
      const currency = money!.currency ?? (row.get("currency").toUpperCase() || context.config.currency);
      const amount = required(row, "amount", converter.convert(money!.amount, currency, submittedDate!));
      if (amount === undefined) return undefined;
      return {
        quarter: quarter!,
        submittedDate: submittedDate!,
        owner: optionalText(row, "owner", cells),
        category: category!.toLowerCase(),
        amount,
      };
    },
  };
}

/** targets.csv: weekly and quarterly targets per rep or for the team. */
export function targetsSpec(context: IngestContext): TableSpec<Target> {
  const { cells } = context;
  return {
    kind: "targets",
    columns: [
      { key: "quarter", required: true },
      { key: "metric", required: true },
      { key: "owner" },
      { key: "per", required: true },
      { key: "value", required: true },
    ],
    build(row) {
      const quarter = requiredQuarter(row);
      const metric = requiredText(row, "metric", cells);
      const per = row.get("per").toLowerCase();
      if (per !== "week" && per !== "quarter")
        row.reject("per", `"${row.get("per")}" is not week or quarter`);
      const value = required(row, "value", parseNumber(row.get("value"), cells.decimal));
      if (row.rejected) return undefined;
      return {
        quarter: quarter!,
        metric: metric!,
        owner: optionalText(row, "owner", cells),
        per: per as Target["per"],
        value: value!,
      };
    },
  };
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
