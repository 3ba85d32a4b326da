import type { Config } from "../config/configSchema.ts";
import type { Account, Contact, Day, HistoryRow, Opportunity, Records } from "../model/records.ts";

/*
 * Indexes built once from the records, so that each quarter's metrics are single passes:
 * history by opportunity (sorted by time), accounts and contacts by id, and each account's
 * first won close date (which decides new logos and new-vs-existing pipeline).
 */

/** Records with the indexes every metric shares. */
export interface Dataset {
  records: Records;
  /** History rows of each opportunity, oldest first. */
  historyByOpportunity: Map<string, HistoryRow[]>;
  accountsById: Map<string, Account>;
  contactsById: Map<string, Contact>;
  /** Close date of each account's first won deal. */
  firstWonByAccount: Map<string, Day>;
  /** Loss reasons that mean no decision. */
  noDecision: RegExp;
}

/** Builds the shared indexes. */
export function prepareDataset(records: Records, config: Pick<Config, "noDecisionPattern">): Dataset {
  const historyByOpportunity = new Map<string, HistoryRow[]>();
  for (const row of records.history) {
    const rows = historyByOpportunity.get(row.opportunityId);
    if (rows) rows.push(row);
    else historyByOpportunity.set(row.opportunityId, [row]);
  }
  // A stable sort keeps rows with the same timestamp in file order, as the CRM wrote them.
  for (const rows of historyByOpportunity.values())
    rows.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const firstWonByAccount = new Map<string, Day>();
  for (const o of records.opportunities) {
    if (!o.isWon || o.accountId === null) continue;
    const known = firstWonByAccount.get(o.accountId);
    if (known === undefined || o.closeDate < known) firstWonByAccount.set(o.accountId, o.closeDate);
  }
  return {
    records,
    historyByOpportunity,
    accountsById: new Map(records.accounts.map((a) => [a.id, a])),
    contactsById: new Map(records.contacts.map((c) => [c.id, c])),
    firstWonByAccount,
    noDecision: new RegExp(config.noDecisionPattern, "i"),
  };
}

/** The opportunities closed within [start, end] by close date. */
export function closedBetween(opportunities: readonly Opportunity[], start: Day, end: Day): Opportunity[] {
  return opportunities.filter((o) => o.isClosed && o.closeDate >= start && o.closeDate <= end);
}
