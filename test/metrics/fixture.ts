import { ActivityLog } from "../../src/model/activityLog.ts";
import { HistoryLog } from "../../src/model/historyLog.ts";
import type { Account, HistoryRow, Opportunity, Records } from "../../src/model/records.ts";

/*
 * A small company whose every figure in 2026-Q3 is worked out by hand in the tests.
 *
 *  id  account owner product   created     closes      outcome            amount  competitor  history
 *  W1  A1      Ann   Platform  2026-06-10  2026-07-20  won                10,000  Vantage     8,000 open until won
 *  W2  A1      Ann   Analytics 2026-07-05  2026-09-28  won                 5,000  —           none
 *  W3  A3      Bo    Platform  2026-07-15  2026-08-31  won                20,000  Helix       none
 *  W4  A4      Bo    Connect   2026-05-01  2026-09-30  won                 7,000  Helix       none
 *  L1  A2      Ann   Platform  2026-04-01  2026-08-10  lost (Price)        8,000  Helix       open until lost
 *  L2  A2      Bo    Analytics 2026-07-02  2026-09-15  lost (competitor)  12,000  Vantage     none
 *  N1  A2      Ann   Platform  2026-03-01  2026-07-30  no decision         6,000  —           none
 *  E1  A3      Bo    Platform  2025-01-10  2025-03-15  won (earlier)      15,000  —           none
 *  P1  A2      Ann   Platform  2025-08-01  2026-12-15  open               30,000  —           20,000 → 25,000 → 30,000
 *  P2  A4      Bo    Connect   2026-08-20  2026-11-30  open                4,000  —           none
 *  P3  A1      Ann   Analytics 2026-01-15  2026-10-31  open                9,000  —           none
 *  L3  A2      Bo    Connect   2025-06-01  2026-02-10  lost (Price)        3,000  —           none
 */

const accounts: Account[] = [
  account("A1", { name: "Acme", referenceApproved: true, segment: "Enterprise" }),
  account("A2", { name: "Birch", referenceApproved: false, segment: "Mid-Market" }),
  account("A3", { name: "Cobalt", referenceApproved: false, segment: "SMB" }),
  account("A4", { name: "Delta", referenceApproved: false, segment: "SMB" }),
];

const opportunities: Opportunity[] = [
  deal("W1", "A1", "Ann", "Platform", "2026-06-10", "2026-07-20", "won", 10_000, "Vantage", "Enterprise"),
  deal("W2", "A1", "Ann", "Analytics", "2026-07-05", "2026-09-28", "won", 5_000, null, "Enterprise"),
  deal("W3", "A3", "Bo", "Platform", "2026-07-15", "2026-08-31", "won", 20_000, "Helix", "SMB"),
  deal("W4", "A4", "Bo", "Connect", "2026-05-01", "2026-09-30", "won", 7_000, "Helix", "SMB"),
  deal("L1", "A2", "Ann", "Platform", "2026-04-01", "2026-08-10", "Price", 8_000, "Helix", "Mid-Market"),
  deal(
    "L2",
    "A2",
    "Bo",
    "Analytics",
    "2026-07-02",
    "2026-09-15",
    "Lost to competitor",
    12_000,
    "Vantage",
    "Mid-Market",
  ),
  deal("N1", "A2", "Ann", "Platform", "2026-03-01", "2026-07-30", "No Decision", 6_000, null, "Mid-Market"),
  deal("E1", "A3", "Bo", "Platform", "2025-01-10", "2025-03-15", "won", 15_000, null, "SMB"),
  deal("P1", "A2", "Ann", "Platform", "2025-08-01", "2026-12-15", "open", 30_000, null, "Mid-Market"),
  deal("P2", "A4", "Bo", "Connect", "2026-08-20", "2026-11-30", "open", 4_000, null, "SMB"),
  deal("P3", "A1", "Ann", "Analytics", "2026-01-15", "2026-10-31", "open", 9_000, null, "Enterprise"),
  deal("L3", "A2", "Bo", "Connect", "2025-06-01", "2026-02-10", "Price", 3_000, null, "Mid-Market"),
];

const history: HistoryRow[] = [
  change("W1", "2026-06-10T09:00:00", "Discovery", 8_000, "2026-08-31", false, false),
  change("W1", "2026-07-20T16:00:00", "Closed Won", 10_000, "2026-07-20", true, true),
  change("L1", "2026-04-01T09:00:00", "Discovery", 8_000, "2026-08-31", false, false),
  change("L1", "2026-08-10T11:00:00", "Closed Lost", 8_000, "2026-08-10", true, false),
  change("P1", "2025-08-01T10:00:00", "Discovery", 20_000, "2025-11-30", false, false),
  change("P1", "2026-06-20T10:00:00", "Proposal", 25_000, "2026-09-30", false, false),
  change("P1", "2026-09-10T10:00:00", "Negotiation", 30_000, "2026-12-15", false, false),
];

/** The fixture as ingest would produce it. */
export function fixtureRecords(): Records {
  return {
    accounts,
    contacts: [],
    opportunities,
    history: HistoryLog.of(history),
    activities: new ActivityLog(),
    leads: [],
    forecasts: [],
    targets: [],
    rocks: [],
    asOf: "2026-10-02",
    supplied: ["accounts", "opportunities", "history"],
  };
}

/** An account with nothing known but its id (also its name), and the fields given. */
export function account(id: string, fields: Partial<Omit<Account, "id">> = {}): Account {
  return {
    id,
    name: id,
    industry: null,
    employees: null,
    segment: null,
    icpTier: null,
    isIcp: null,
    referenceApproved: null,
    ...fields,
  };
}

/** `result` is "won", "open", or the loss reason of a closed-lost deal. */
export function deal(
  id: string,
  accountId: string,
  owner: string,
  product: string,
  createdDate: string,
  closeDate: string,
  result: string,
  amount: number,
  competitor: string | null,
  segment: string,
): Opportunity {
  const isClosed = result !== "open";
  const isWon = result === "won";
  return {
    id,
    accountId,
    name: id,
    owner,
    product,
    type: null,
    stage: isWon ? "Closed Won" : isClosed ? "Closed Lost" : "Proposal",
    amount,
    currency: "USD",
    amountOriginal: amount,
    createdDate,
    closeDate,
    isClosed,
    isWon,
    lossReason: isClosed && !isWon ? result : null,
    competitor,
    leadSource: null,
    forecastCategory: null,
    probability: null,
    segment,
  };
}

export function change(
  opportunityId: string,
  at: string,
  stage: string,
  amount: number,
  closeDate: string,
  isClosed: boolean,
  isWon: boolean,
): HistoryRow {
  return {
    opportunityId,
    at,
    stage,
    amount,
    closeDate,
    probability: null,
    forecastCategory: null,
    isClosed,
    isWon,
  };
}
