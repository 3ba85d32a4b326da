import { dayNumber } from "../calendar/days.ts";
import type { Config } from "../config/configSchema.ts";
import type { Account, Contact, Day, Opportunity, Records } from "../model/records.ts";
import { type DataCoverage, dataCoverage, dealsCoverage } from "./coverage.ts";
import { type DealAccounts, dealAccounts } from "./dealAccounts.ts";
import { type HistoryIndex, indexHistory } from "./historyIndex.ts";
import { toCents } from "./money.ts";
import { type Timelines, timelinesOf, WON } from "./pointInTime.ts";
import { sortByKey } from "./sortByKey.ts";

/*
 * Indexes built once from the records, so that each quarter's metrics are single passes:
 * history by opportunity (sorted by time), every opportunity's timeline, the deals in order
 * of close date, each deal's account by code with the account's fit and first won close
 * date (which decides new logos and new-vs-existing pipeline), and accounts and contacts by
 * id. The history, the timelines and the close-date order depend on the deals and their
 * history alone.
 */

/** Records with the indexes every metric shares. */
export interface Dataset {
  records: Records;
  /** History rows of each opportunity, oldest first (see `historyOf`). */
  history: HistoryIndex;
  /** Each opportunity's states over time, in the order of `records.opportunities`. */
  timelines: Timelines;
  /**
   * Opportunity indexes by close date (then record order), so a quarter's closes are a range,
   * not a scan; with the cents won before each position, so bookings between two days are a
   * subtraction.
   */
  byCloseDate: { order: Int32Array; day: Int32Array; wonBefore: Float64Array };
  /** Each deal's account by code, with what the metrics ask of it (fit, first win). */
  accounts: DealAccounts;
  accountsById: Map<string, Account>;
  contactsById: Map<string, Contact>;
  /** Loss reasons that mean no decision. */
  noDecision: RegExp;
  /** What the records can support, so figures they cannot are left out with a reason. */
  coverage: DataCoverage;
}

/** Builds the shared indexes. */
export function prepareDataset(records: Records, config: Pick<Config, "noDecisionPattern">): Dataset {
  const { history, timelines, byCloseDate, accounts } = prepareDeals(records);
  return {
    records,
    history,
    timelines,
    byCloseDate,
    accounts,
    accountsById: new Map(records.accounts.map((a) => [a.id, a])),
    contactsById: new Map(records.contacts.map((c) => [c.id, c])),
    noDecision: new RegExp(config.noDecisionPattern, "i"),
    coverage: dataCoverage(records),
  };
}

/** The records the deals' indexes are built from: all but the activities and planning. */
export type DealRecords = Pick<Records, "accounts" | "opportunities" | "history">;

/** The indexes that need nothing but the deals, their history and the accounts. */
type DealIndexes = Pick<Dataset, "history" | "timelines" | "byCloseDate" | "accounts">;

const dealIndexes = new WeakMap<readonly Opportunity[], { records: DealRecords; indexes: DealIndexes }>();

/**
 * The indexes of the deals, their history and accounts, built once for these records:
 * `compute` has them built while the ingest still reads the activities
 * (IngestHooks.dealsRead), and `prepareDataset` then finds them ready.
 */
export function prepareDeals(records: DealRecords): DealIndexes {
  const { opportunities } = records;
  const known = dealIndexes.get(opportunities);
  if (
    known !== undefined &&
    known.records.history === records.history &&
    known.records.accounts === records.accounts
  )
    return known.indexes;
  const history = indexHistory(opportunities, records.history);
  const timelines = timelinesOf(opportunities, history);
  const indexes = {
    history,
    timelines,
    byCloseDate: closeDateIndex(timelines),
    accounts: dealAccounts(timelines, records.accounts),
  };
  // What the deals hold for the coverage is read meanwhile too (it is kept with the deals).
  dealsCoverage(opportunities);
  dealIndexes.set(opportunities, { records: { ...records }, indexes });
  return indexes;
}

/** The deals in order of close date (then record order), with the cents won before each position. */
function closeDateIndex(
  timelines: Pick<Timelines, "opportunities" | "recordCloseDay" | "recordFlags">,
): Dataset["byCloseDate"] {
  const { opportunities, recordCloseDay: closeDays, recordFlags } = timelines;
  const n = opportunities.length;
  let first = 0;
  const wonCents = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (closeDays[i]! < first) first = closeDays[i]!;
    if (recordFlags[i]! & WON) wonCents[i] = toCents(opportunities[i]!.amount);
  }
  // Sorted by day counted from the earliest: a stable radix sort keeps record order within a day.
  const keys = new Uint32Array(n);
  for (let i = 0; i < n; i++) keys[i] = closeDays[i]! - first;
  const order = sortByKey(keys);
  const day = new Int32Array(n);
  const wonBefore = new Float64Array(n + 1);
  for (let k = 0; k < n; k++) {
    day[k] = closeDays[order[k]!]!;
    wonBefore[k + 1] = wonBefore[k]! + wonCents[order[k]!]!;
  }
  return { order, day, wonBefore };
}

/**
 * A memo of one kind of answer per dataset and key: the headlines of three quarters, the
 * sections and the trends ask the same questions of the same dataset. Answers are kept as
 * given: the caller hands out copies where they could be changed.
 */
export function answersPerDataset<V>(): (dataset: Dataset, key: string, answer: () => V) => V {
  const answers = new WeakMap<Dataset, Map<string, V>>();
  return (dataset, key, answer) => {
    let known = answers.get(dataset);
    if (known === undefined) {
      known = new Map();
      answers.set(dataset, known);
    }
    let value = known.get(key);
    if (value === undefined) {
      value = answer();
      known.set(key, value);
    }
    return value;
  };
}

// A quarter's closes are asked for by the headline of three quarters, the sections and the trends.
const closings = answersPerDataset<{ closing: Int32Array; closed: Int32Array }>();

/**
 * The indexes of the opportunities, open or closed, whose close date is within [start, end],
 * in record order; and of those among them that are closed. Kept: not to be changed.
 */
function closingOf(dataset: Dataset, start: Day, end: Day): { closing: Int32Array; closed: Int32Array } {
  return closings(dataset, `${start}/${end}`, () => {
    const { opportunities } = dataset.records;
    // Sorted back into record order on a copy: the index itself stays in close-date order.
    const closing = closingIndexes(dataset, start, end).slice().sort();
    return { closing, closed: closing.filter((i) => opportunities[i]!.isClosed) };
  });
}

/** The opportunities, open or closed, whose close date is within [start, end], in record order. */
export function closingBetween(dataset: Dataset, start: Day, end: Day): Opportunity[] {
  const { opportunities } = dataset.records;
  return recordsAt(opportunities, closingOf(dataset, start, end).closing);
}

/** The indexes of the opportunities, open or closed, whose close date is within [start, end], in record order (not to be changed). */
export function closingIndexesBetween(dataset: Dataset, start: Day, end: Day): Int32Array {
  return closingOf(dataset, start, end).closing;
}

/** The indexes of the opportunities closed within [start, end] by close date, in record order (not to be changed). */
export function closedIndexesBetween(dataset: Dataset, start: Day, end: Day): Int32Array {
  return closingOf(dataset, start, end).closed;
}

/** The indexes of the opportunities whose close date is within [start, end], by close date. */
function closingIndexes(dataset: Dataset, start: Day, end: Day): Int32Array {
  const { order, day } = dataset.byCloseDate;
  return order.subarray(firstAtLeast(day, dayNumber(start)), firstAtLeast(day, dayNumber(end) + 1));
}

/** Cents won by the deals whose close date is within [start, end]. */
export function wonCentsBetween(dataset: Dataset, start: Day, end: Day): number {
  const { day, wonBefore } = dataset.byCloseDate;
  const from = firstAtLeast(day, dayNumber(start));
  const to = Math.max(from, firstAtLeast(day, dayNumber(end) + 1));
  return wonBefore[to]! - wonBefore[from]!;
}

/** The opportunities closed within [start, end] by close date, in record order. */
export function closedBetween(dataset: Dataset, start: Day, end: Day): Opportunity[] {
  const { opportunities } = dataset.records;
  return recordsAt(opportunities, closedIndexesBetween(dataset, start, end));
}

/** The opportunities at the given positions, in their order. */
function recordsAt(opportunities: readonly Opportunity[], positions: Int32Array): Opportunity[] {
  const found = new Array<Opportunity>(positions.length);
  for (let k = 0; k < positions.length; k++) found[k] = opportunities[positions[k]!]!;
  return found;
}

/** The first index of a sorted array whose value is at least `value` (its length when none). */
function firstAtLeast(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
