import type { AmountGroup } from "../metrics/groupSums.ts";
import type { WinLossGroup } from "../metrics/winLoss.ts";
import { formatCount, formatMoney, formatPercent } from "./format.ts";
import { isRecorded } from "./leaders.ts";

/*
 * Rows of the pack's tables, built in one place so that every table shows money in the units
 * of the headline tiles ($21.3M; exact cents stay in the CSV and JSON downloads) and every
 * key a reader sees has a label rather than the snapshot's spelling.
 */

/** A table: its column headings and rows of display text. */
export interface TableRows {
  columns: string[];
  rows: string[][];
}

/** Labels of keys the metrics emit in their own spelling. */
const LABELS: Record<string, string> = {
  new: "New",
  existing: "Existing customers",
  renewal: "Renewal",
  expansion: "Expansion",
  calls: "Calls",
  meetings: "Meetings",
  proposals: "Proposals",
  emails: "Emails",
  bookings: "Bookings",
  opportunitiesCreated: "Opportunities created",
  pipelineCreated: "Pipeline created",
  leads: "Leads",
  mql: "Marketing-qualified",
  sql: "Sales-qualified",
  opportunity: "Opportunity",
  discovery: "Discovery",
  proposal: "Proposal",
  won: "Won",
  lost: "Lost",
  "no-decision": "No decision",
};

/**
 * A key as a reader sees it: known keys by their label, other lowercase words with a capital
 * first letter ("renewal" → "Renewal"); names, emails and codes as they are.
 */
export function labelOf(key: string): string {
  return LABELS[key] ?? (/^[a-z][a-z -]*$/.test(key) ? key[0]!.toUpperCase() + key.slice(1) : key);
}

/** Amount groups (by product, owner, …) as rows: label, amount, count. */
export function amountRows(
  heading: string,
  measure: string,
  groups: readonly AmountGroup[],
  currency: string,
  label: (key: string) => string = labelOf,
  count = "Deals",
): TableRows {
  return {
    columns: [heading, measure, count],
    rows: groups.map((g) => [label(g.key), formatMoney(g.amount, currency), formatCount(g.deals)]),
  };
}

/** Win/loss groups (by segment, owner, …) as rows of outcomes, rates and the amount won. */
export function winLossRows(heading: string, groups: readonly WinLossGroup[], currency: string): TableRows {
  return {
    columns: [heading, "Won", "Lost", "No decision", "Win rate", "Won amount", "Cash win rate"],
    rows: groups.map((g) => [
      labelOf(g.key),
      formatCount(g.won),
      formatCount(g.lost),
      formatCount(g.noDecision),
      formatPercent(g.winRate),
      formatMoney(g.wonAmount, currency),
      formatPercent(g.cashWinRate),
    ]),
  };
}

/** Whether a breakdown has any real value, rather than only deals with the field unrecorded. */
export function isBreakdownRecorded(groups: readonly { key: string }[]): boolean {
  return groups.some((g) => isRecorded(g.key) && g.key !== "(no owner)");
}
