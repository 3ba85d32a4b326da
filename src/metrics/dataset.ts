import { dayNumber } from "../calendar/days.ts";
import type { Config } from "../config/configSchema.ts";
import type { Account, Contact, Day, HistoryRow, Opportunity, Records } from "../model/records.ts";
import { type DataCoverage, dataCoverage } from "./coverage.ts";
import { groupBy } from "./groups.ts";
import { closedSince, type Timeline, timelineOf } from "./pointInTime.ts";

/*
 * Indexes built once from the records, so that each quarter's metrics are single passes:
 * history by opportunity (sorted by time) and each opportunity's timeline, accounts and
 * contacts by id, and each account's first won close date (which decides new logos and
 * new-vs-existing pipeline).
 */

/** Records with the indexes every metric shares. */
export interface Dataset {
  records: Records;
  /** History rows of each opportunity, oldest first. */
  historyByOpportunity: Map<string, HistoryRow[]>;
  /** Each opportunity's states over time, in the order of `records.opportunities`. */
  timelines: Timeline[];
  /**
   * For each timeline, the day numbers between which it can be open: created on or before,
   * closed for good from (2^31 - 1 when never). Point-in-time questions skip the rest
   * without reading their history.
   */
  openWindows: { created: Int32Array; closedFrom: Int32Array };
  accountsById: Map<string, Account>;
  contactsById: Map<string, Contact>;
  /** Close date of each account's first won deal. */
  firstWonByAccount: Map<string, Day>;
  /** Loss reasons that mean no decision. */
  noDecision: RegExp;
  /** What the records can support, so figures they cannot are left out with a reason. */
  coverage: DataCoverage;
}

/** Builds the shared indexes. */
export function prepareDataset(records: Records, config: Pick<Config, "noDecisionPattern">): Dataset {
  const historyByOpportunity = groupBy(records.history, (row) => row.opportunityId);
  // A stable sort keeps rows with the same timestamp in file order, as the CRM wrote them.
  for (const rows of historyByOpportunity.values())
    rows.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const firstWonByAccount = new Map<string, Day>();
  for (const o of records.opportunities) {
    if (!o.isWon || o.accountId === null) continue;
    const known = firstWonByAccount.get(o.accountId);
    if (known === undefined || o.closeDate < known) firstWonByAccount.set(o.accountId, o.closeDate);
  }
  const timelines = records.opportunities.map((o) => timelineOf(o, historyByOpportunity.get(o.id)));
  const created = new Int32Array(timelines.length);
  const closedFrom = new Int32Array(timelines.length);
  timelines.forEach((timeline, i) => {
    const closed = closedSince(timeline);
    created[i] = dayNumber(timeline.opportunity.createdDate);
    closedFrom[i] = closed === null ? 0x7fffffff : dayNumber(closed);
  });
  return {
    records,
    historyByOpportunity,
    timelines,
    openWindows: { created, closedFrom },
    accountsById: new Map(records.accounts.map((a) => [a.id, a])),
    contactsById: new Map(records.contacts.map((c) => [c.id, c])),
    firstWonByAccount,
    noDecision: new RegExp(config.noDecisionPattern, "i"),
    coverage: dataCoverage(records),
  };
}

/** The opportunities closed within [start, end] by close date. */
export function closedBetween(opportunities: readonly Opportunity[], start: Day, end: Day): Opportunity[] {
  return opportunities.filter((o) => o.isClosed && o.closeDate >= start && o.closeDate <= end);
}
