import type { Cell } from "./csv.ts";

/*
 * Rows a real export holds that the ledger must report. Every one is listed here:
 *
 * opportunities.csv (rejected: 6)
 *   OPP-90001  created_date "2026-02-30" is not a real day
 *   OPP-90002  close_date "31/31/2026" is not a date
 *   OPP-90003  amount "n/a"
 *   OPP-90004  owner empty
 *   two rows repeating the ids of OPP-00010 and OPP-00020 (duplicates of earlier rows)
 * opportunities.csv (valid, in other formats — must be parsed, not rejected):
 *   OPP-00005 amount "$<amount>.00" with thousands separators, OPP-00006 "USD <amount>"
 * activities.csv (rejected: 6): four of type "fax", two with an empty date
 * history.csv (rejected: 2): rows for OPP-99998 and OPP-99999, which do not exist
 */

/** Junk opportunity rows, in the opportunities.csv column order. */
export function dirtyOpportunities(copyOf: (id: string) => Cell[]): Cell[][] {
  const junk = (id: string, created: string, close: string, amount: string, owner: string): Cell[] => [
    id,
    "ACC-0001",
    "Imported deal",
    owner,
    "Platform",
    "new",
    "Discovery",
    amount,
    "USD",
    created,
    close,
    false,
    false,
    "",
    "",
    "Web",
    "Pipeline",
    25,
    "",
  ];
  return [
    junk("OPP-90001", "2026-02-30", "2026-11-30", "12000", "Marcus Webb"),
    junk("OPP-90002", "2026-03-02", "31/31/2026", "15000", "Marcus Webb"),
    junk("OPP-90003", "2026-03-05", "2026-11-30", "n/a", "Priya Raman"),
    junk("OPP-90004", "2026-03-09", "2026-11-30", "9000", ""),
    copyOf("OPP-00010"),
    copyOf("OPP-00020"),
  ];
}

/** Amounts written the way spreadsheets write them: "$12,400.00" and "USD 8,000". */
export function formattedAmount(id: string, amount: number): string | number {
  const grouped = amount.toLocaleString("en-US", { minimumFractionDigits: 0, maximumFractionDigits: 2 });
  if (id === "OPP-00005")
    return `$${amount.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  if (id === "OPP-00006") return `USD ${grouped}`;
  return amount;
}

/** Junk activity rows: id, owner, type, date, account, contact, opportunity. */
export const DIRTY_ACTIVITIES: Cell[][] = [
  ["ACT-900001", "Dana Brooks", "fax", "2026-08-03", "ACC-0002", "", ""],
  ["ACT-900002", "Dana Brooks", "fax", "2026-08-04", "ACC-0002", "", ""],
  ["ACT-900003", "Tom Lindqvist", "fax", "2026-08-05", "ACC-0006", "", ""],
  ["ACT-900004", "Tom Lindqvist", "fax", "2026-08-06", "ACC-0006", "", ""],
  ["ACT-900005", "Marcus Webb", "call", "", "ACC-0004", "", ""],
  ["ACT-900006", "Priya Raman", "email", "", "ACC-0003", "", ""],
];

/** History rows for opportunities that are not in the export. */
export const DIRTY_HISTORY: Cell[][] = [
  ["OPP-99998", "2026-07-01 14:00:00", "Discovery", 10000, "2026-09-30", 25, "Pipeline"],
  ["OPP-99999", "2026-07-02 15:00:00", "Proposal", 20000, "2026-09-30", 50, "Best Case"],
];
