import type { Account, Opportunity } from "../../model/records.ts";
import {
  optionalId,
  optionalProbability,
  optionalText,
  required,
  requiredBoolean,
  requiredDay,
  requiredId,
  requiredMoney,
  requiredText,
} from "../cells.ts";
import type { IngestContext } from "../context.ts";
import { deriveOpportunityType } from "../derive.ts";
import type { Row, TableSpec } from "../readTable.ts";

/** Owner shown for deals of an export that names no owners. */
export const NO_OWNER = "(no owner)";

/** opportunities.csv: the deals. Amounts are converted at the close date. */
export function opportunitiesSpec(
  context: IngestContext,
  accounts: ReadonlyMap<string, Account>,
): TableSpec<Opportunity> {
  const { cells, converter } = context;
  const reporting = context.config.currency;
  return {
    kind: "opportunities",
    columns: [
      { key: "id", required: true },
      { key: "account_id" },
      { key: "name" },
      { key: "owner", required: true },
      { key: "product" },
      { key: "type" },
      { key: "stage", required: true },
      { key: "amount", required: true },
      { key: "currency" },
      { key: "created_date", required: true, aliases: ["created"] },
      { key: "close_date", required: true },
      { key: "is_closed", required: true, aliases: ["closed"] },
      { key: "is_won", required: true, aliases: ["won"] },
      { key: "loss_reason" },
      { key: "competitor" },
      { key: "lead_source", aliases: ["source"] },
      { key: "forecast_category" },
      { key: "probability" },
      { key: "segment" },
    ],
    build(row) {
      const id = requiredId(row, "id");
      // Some exports (a Salesforce report without OwnerId, say) carry no owner column at all.
      const owner = row.has("owner") ? requiredText(row, "owner", cells) : NO_OWNER;
      const stage = requiredText(row, "stage", cells);
      // An opportunity without an amount is still a deal (and still counts in win rates by count).
      const money = row.get("amount") === "" ? emptyAmount(row) : requiredMoney(row, "amount", cells);
      const createdDate = requiredDay(row, "created_date", cells);
      const closeDate = requiredDay(row, "close_date", cells);
      const isClosed = requiredBoolean(row, "is_closed");
      const isWon = requiredBoolean(row, "is_won");
      if (row.rejected) return undefined;
      if (isWon && !isClosed) return row.reject("is_won", "says won but is_closed says open");
      const currency =
        money!.currency ?? cells.interner.intern(row.get("currency").toUpperCase() || reporting);
      const amount = required(row, "amount", converter.convert(money!.amount, currency, closeDate!));
      if (amount === undefined) return undefined;
      const accountId = optionalId(row, "account_id");
      const typeText = row.get("type");
      const type = deriveOpportunityType(typeText);
      if (type === null && typeText !== "")
        row.warn("type", `"${typeText}" is not new, expansion or renewal`);
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
        isClosed: isClosed!,
        isWon: isWon!,
        lossReason: optionalText(row, "loss_reason", cells),
        competitor: optionalText(row, "competitor", cells),
        leadSource: optionalText(row, "lead_source", cells),
        forecastCategory: optionalText(row, "forecast_category", cells),
        probability: optionalProbability(row, "probability"),
        segment:
          optionalText(row, "segment", cells) ??
          (accountId === null ? null : (accounts.get(accountId)?.segment ?? null)),
      };
    },
  };
}

function emptyAmount(row: Row): { amount: number; currency: string | null } {
  row.warn("amount", "is empty; the deal counts with an amount of 0");
  return { amount: 0, currency: null };
}
