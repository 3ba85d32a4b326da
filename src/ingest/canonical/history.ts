import { HistoryLog } from "../../model/historyLog.ts";
import type { HistoryRow } from "../../model/records.ts";
import {
  optional,
  optionalDay,
  optionalForecastCategory,
  optionalMoney,
  optionalProbability,
  requiredId,
  requiredLocalTime,
  requiredText,
} from "../cells.ts";
import type { IngestContext } from "../context.ts";
import type { KnownDeals } from "../knownDeals.ts";
import type { RecordReader } from "../readRecords.ts";
import { type Row, STORED, type TableSpec } from "../readTable.ts";
import type { StageOutcome } from "../stageOutcomes.ts";
import { parseBoolean } from "../values/scalars.ts";
import { plainHistoryRows } from "./plainHistory.ts";

/**
 * history.csv: each opportunity's values from each change on, for point-in-time questions.
 * Plain rows are stored straight into `log` (the reader gives STORED); the others come as
 * records, for the caller to push into it.
 */
export function historySpec(
  context: IngestContext,
  log: HistoryLog,
  deals: KnownDeals,
  stages: ReadonlyMap<string, StageOutcome>,
): TableSpec<HistoryRow | typeof STORED> {
  const { cells, converter } = context;
  const unknownStagesWarned = new Set<string>();
  return {
    kind: "history",
    columns: [
      { key: "opportunity_id", required: true },
      { key: "at", required: true, aliases: ["changed_at", "created_date", "date"] },
      { key: "stage", required: true },
      { key: "amount" },
      { key: "close_date" },
      { key: "probability" },
      { key: "forecast_category" },
      { key: "is_closed" },
      { key: "is_won" },
    ],
    // Plain rows are read from their bytes, unless days follow a configured format or amounts
    // a decimal comma (both read by `build` alone).
    ...(cells.dates.format === undefined && cells.decimal === "."
      ? {
          plain: (columns, count) =>
            plainHistoryRows({ cells, converter, log, deals, stages }, columns, count),
        }
      : {}),
    build(row) {
      const opportunityId = requiredId(row, "opportunity_id");
      const at = requiredLocalTime(row, "at", cells);
      const stage = requiredText(row, "stage", cells);
      if (row.rejected) return undefined;
      const opportunity = deals.get(opportunityId!);
      if (!opportunity) {
        return row.reject("opportunity_id", `"${opportunityId}" is not an opportunity in the export`);
      }
      const closeDate = optionalDay(row, "close_date", cells);
      const money = optionalMoney(row, "amount", cells);
      // Each history row holds the values from that moment on: an empty amount in a file that
      // records amounts means the deal had none then (0), never the amount typed later.
      let amount: number | null = row.has("amount") && row.get("amount") === "" ? 0 : null;
      if (money !== null) {
        const currency = money.currency ?? opportunity.currency;
        amount = optional(
          row,
          "amount",
          converter.convert(money.amount, currency, closeDate ?? opportunity.closeDate),
        );
      }
      const outcome = stageOutcome(row, stage!, stages, unknownStagesWarned);
      return {
        opportunityId: opportunity.id,
        at: at!,
        stage: stage!,
        amount,
        closeDate,
        probability: optionalProbability(row, "probability"),
        forecastCategory: optionalForecastCategory(row, "forecast_category"),
        ...outcome,
      };
    },
  };
}

/** Reads a history file into a log coded by the deals' own ids (so by their positions). */
export async function readHistory(
  reader: RecordReader,
  file: string | undefined,
  deals: KnownDeals,
  spec: (log: HistoryLog) => TableSpec<HistoryRow | typeof STORED>,
): Promise<HistoryLog> {
  const log = new HistoryLog(deals.ids);
  await reader.each("history", file, spec(log), (row) => {
    if (row !== STORED) log.push(row);
  });
  return log;
}

/** Closed/won from the row's own columns when present, else from what the stage means on opportunities. */
function stageOutcome(
  row: Row,
  stage: string,
  stages: ReadonlyMap<string, StageOutcome>,
  warned: Set<string>,
): StageOutcome {
  if (row.has("is_closed") && row.get("is_closed") !== "") {
    const isClosed = optional(row, "is_closed", parseBoolean(row.get("is_closed"))) ?? false;
    const isWon = optional(row, "is_won", parseBoolean(row.get("is_won"))) ?? false;
    return { isClosed, isWon };
  }
  const known = stages.get(stage);
  if (known) return known;
  if (!warned.has(stage)) {
    warned.add(stage);
    row.warn(
      "stage",
      `stage "${stage}" is on no opportunity, so whether it is closed is unknown; it is taken as open ` +
        `(add is_closed and is_won columns to say otherwise)`,
    );
  }
  return { isClosed: false, isWon: false };
}
