import { CliError } from "../../errors.ts";
import { type Account, NO_OWNER, type Opportunity, UNDATED } from "../../model/records.ts";
import {
  optionalForecastCategory,
  optionalId,
  optionalProbability,
  optionalText,
  required,
  requiredDay,
  requiredId,
  requiredMoney,
  requiredText,
  requiredTimestampDay,
} from "../cells.ts";
import type { IngestContext } from "../context.ts";
import { deriveOpportunityType } from "../derive.ts";
import { type DealOutcome, outcomeRule } from "../outcomes.ts";
import type { Row, TableSpec } from "../readTable.ts";
import { parseBoolean } from "../values/scalars.ts";
import { plainOpportunityRows } from "./plainOpportunities.ts";

/** What a format adds to the canonical reading of deals. */
export interface DealRules {
  /** Closed and won when neither the config's `outcomes` nor is_closed/is_won columns say (HubSpot's stages, Pipedrive's status). */
  outcome?: (row: Row) => DealOutcome | undefined;
  /** The column holding a closed deal's close day (a timestamp), when the format keeps it apart from the expected one. */
  closedOn?: (row: Row, outcome: DealOutcome) => string | undefined;
}

/**
 * opportunities.csv: the deals. Amounts are converted at the close date. Closed and won come
 * from the config's `outcomes` when set, else from is_closed/is_won, else from the format's
 * own rule. A deal is used whenever it can be: an open deal needs no close date, and a deal
 * without a created date is kept for the figures that do not place it in time.
 */
export function opportunitiesSpec(
  context: IngestContext,
  accounts: ReadonlyMap<string, Account>,
  rules: DealRules = {},
): TableSpec<Opportunity> {
  const { cells, converter } = context;
  const reporting = context.config.currency;
  const configured = context.config.outcomes;
  const fromConfig = configured === undefined ? undefined : outcomeRule(configured);
  const needsFlags = configured === undefined && rules.outcome === undefined;
  const undated = { noted: false };
  return {
    kind: "opportunities",
    hints: {
      is_closed:
        'Or say which values of the stage (or of another column) mean won and lost: "outcomes": { "won": ["Won"], "lost": ["Lost"] }.',
    },
    columns: [
      { key: "id", required: true },
      { key: "account_id" },
      { key: "name" },
      { key: "owner" },
      { key: "product" },
      { key: "type" },
      { key: "stage", required: true },
      { key: "amount", required: true },
      { key: "currency" },
      { key: "created_date", aliases: ["created"] },
      { key: "close_date", required: true },
      { key: "is_closed", required: needsFlags, aliases: ["closed"] },
      { key: "is_won", required: needsFlags, aliases: ["won"] },
      { key: "loss_reason" },
      { key: "competitor" },
      { key: "lead_source", aliases: ["source"] },
      { key: "forecast_category" },
      { key: "probability" },
      { key: "segment" },
      ...(configured?.column === undefined ? [] : [{ key: OUTCOME_KEY, aliases: [configured.column] }]),
    ],
    // Plain deals are read from their bytes when the is_closed/is_won columns say the outcome
    // and days and amounts are written as `build` reads them without a configured format.
    ...(configured === undefined &&
    rules.closedOn === undefined &&
    cells.dates.format === undefined &&
    cells.decimal === "."
      ? {
          plain: (columns, count) =>
            plainOpportunityRows({ cells, converter, reporting, accounts }, columns, count),
        }
      : {}),
    build(row) {
      const id = requiredId(row, "id");
      // Some exports (a Salesforce report without OwnerId, say) carry no owner column at all.
      const owner = row.has("owner") ? requiredText(row, "owner", cells) : NO_OWNER;
      const stage = requiredText(row, "stage", cells);
      // An opportunity without an amount is still a deal (and still counts in win rates by count).
      const money = row.get("amount") === "" ? emptyAmount(row) : requiredMoney(row, "amount", cells);
      const createdDate = createdDay(row, cells, undated);
      const outcome = fromConfig
        ? fromConfig(row, configured?.column === undefined ? "stage" : outcomeColumn(row, configured.column))
        : row.has("is_closed") || rules.outcome === undefined
          ? flags(row)
          : rules.outcome(row);
      if (row.rejected || outcome === undefined) return undefined;
      const isClosed = outcome.outcome !== "open";
      const isWon = outcome.outcome === "won";
      const closedOn = isClosed ? rules.closedOn?.(row, outcome) : undefined;
      const closeDate = !isClosed
        ? expectedClose(row, cells)
        : closedOn !== undefined
          ? requiredTimestampDay(row, closedOn, cells)
          : requiredDay(row, "close_date", cells);
      if (row.rejected) return undefined;
      const currency =
        money!.currency ?? cells.interner.intern(row.get("currency").toUpperCase() || reporting);
      const amount = required(row, "amount", converter.convert(money!.amount, currency, closeDate!));
      if (amount === undefined) return undefined;
      if (isWon && amount < 0) {
        return row.reject(
          "amount",
          `"${row.get("amount")}" is negative on a won deal: a won deal books a positive amount; record a refund or credit as its own deal`,
        );
      }
      if (createdDate !== UNDATED && closeDate! < createdDate!) {
        row.warn(
          "close_date",
          `${closeDate} is before the deal was created (${createdDate}); the deal is counted but kept out of sales-cycle figures`,
        );
      }
      const accountId = optionalId(row, "account_id");
      const typeText = row.get("type");
      const type = deriveOpportunityType(typeText);
      if (type === null && typeText !== "")
        row.warn("type", `"${typeText}" is not new, expansion or renewal`);
      const lossReason = optionalText(row, "loss_reason", cells);
      return {
        id: id!,
        accountId,
        name: row.get("name"),
        owner: owner!,
        product: optionalText(row, "product", cells),
        type,
        stage: stage!,
        amount,
        currency,
        amountOriginal: money!.amount,
        createdDate: createdDate!,
        closeDate: closeDate!,
        isClosed,
        isWon,
        lossReason:
          outcome.outcome === "noDecision" ? noDecisionReason(lossReason, outcome.value) : lossReason,
        competitor: optionalText(row, "competitor", cells),
        leadSource: optionalText(row, "lead_source", cells),
        forecastCategory: optionalForecastCategory(row, "forecast_category"),
        probability: optionalProbability(row, "probability"),
        segment:
          optionalText(row, "segment", cells) ??
          (accountId === null ? null : (accounts.get(accountId)?.segment ?? null)),
      };
    },
  };
}

/** The key under which the config's outcome column is read. */
const OUTCOME_KEY = "outcomes.column";

function outcomeColumn(row: Row, header: string): string {
  if (!row.has(OUTCOME_KEY)) {
    throw new CliError(
      `${row.file}: "outcomes": { "column": "${header}" } in quarterdeck.config.json names a column the file does not have. ` +
        `Write the header exactly as the file has it, or leave "column" out to read outcomes from the stage.`,
    );
  }
  return OUTCOME_KEY;
}

/** Closed and won from the is_closed/is_won columns. */
function flags(row: Row): DealOutcome | undefined {
  const isClosed = required(row, "is_closed", parseBoolean(row.get("is_closed")));
  const isWon = required(row, "is_won", parseBoolean(row.get("is_won")));
  if (isClosed === undefined || isWon === undefined) return undefined;
  if (isWon && !isClosed) return row.reject("is_won", "says won but is_closed says open");
  return { outcome: isWon ? "won" : isClosed ? "lost" : "open", value: "" };
}

/** A no-decision outcome keeps its reason, worded so that `noDecisionPattern` sees it. */
function noDecisionReason(reason: string | null, value: string): string {
  if (reason === null) return value === "" || !/no.?decision/i.test(value) ? "No decision" : value;
  return /no.?decision/i.test(reason) ? reason : `No decision (${reason})`;
}

const UNDATED_EFFECT =
  "counts in bookings, win rates and open pipeline, but is left out of figures that need the day it was created (pipeline created, sales cycle, pipeline at past dates)";

function createdDay(
  row: Row,
  cells: IngestContext["cells"],
  undated: { noted: boolean },
): string | undefined {
  if (row.get("created_date") !== "") return requiredTimestampDay(row, "created_date", cells);
  if (row.has("created_date")) row.warn("created_date", `is empty; the deal ${UNDATED_EFFECT}`);
  else if (!undated.noted) {
    undated.noted = true;
    row.warn(
      null,
      `the file has no created date column (created_date); each deal ${UNDATED_EFFECT}. Map the column under "columns": { "opportunities": { "created_date": "<header>" } } if the export has one`,
    );
  }
  return UNDATED;
}

/** An open deal's expected close: without one it still counts as open pipeline. */
function expectedClose(row: Row, cells: IngestContext["cells"]): string | undefined {
  if (row.get("close_date") === "") {
    row.warn(
      "close_date",
      "is empty on an open deal; it counts as open pipeline but in no quarter's forecast",
    );
    return UNDATED;
  }
  // A close date that is there but unreadable is bad input, not a missing value: rejected.
  return requiredDay(row, "close_date", cells);
}

function emptyAmount(row: Row): { amount: number; currency: string | null } {
  row.warn("amount", "is empty; the deal counts with an amount of 0");
  return { amount: 0, currency: null };
}
