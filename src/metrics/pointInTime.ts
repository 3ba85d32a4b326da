import { dayFromNumber, dayNumber } from "../calendar/days.ts";
import type { Day, ForecastCategory, Opportunity } from "../model/records.ts";
import type { HistoryIndex } from "./historyIndex.ts";

/*
 * What an opportunity looked like at the end of a past day. Today's values say nothing about
 * what was open on 30 June, so the answer comes from the history rows: the values of the
 * last change made by the end of that day, carried forward field by field. The carrying
 * forward is done once per opportunity (its timeline), so that the many point-in-time
 * questions a pack asks (quarter ends, every week of the forecast, the backtest) are each a
 * short search rather than a replay of the history.
 *
 * The timelines of all opportunities are kept side by side in flat arrays, one row per state,
 * with times in seconds and days as day numbers: a million deals are a few typed arrays, and
 * a question about a day compares numbers.
 */

/** An opportunity's values at one moment. */
export interface OpportunityState {
  readonly stage: string;
  readonly amount: number;
  readonly closeDate: Day;
  readonly probability: number | null;
  readonly forecastCategory: ForecastCategory | null;
  readonly isClosed: boolean;
  readonly isWon: boolean;
}

/** Bits of `Timelines.flags`. */
export const CLOSED = 1;
export const WON = 2;

/** Day number for "never": a deal open at the end of its history is closed from no day. */
const NEVER = 0x7fffffff;

/** Every opportunity's states over time, oldest first, one row per state. */
export interface Timelines {
  readonly opportunities: readonly Opportunity[];
  /** The states of opportunity i are rows first[i] … first[i + 1] − 1. */
  readonly first: Int32Array;
  /** When each state began, in seconds (see `secondsOf`); the first holds from creation, whatever its time. */
  readonly at: Float64Array;
  readonly stage: readonly string[];
  readonly amount: Float64Array;
  readonly closeDay: Int32Array;
  /** Probability of each state, NaN when unknown. */
  readonly probability: Float64Array;
  readonly forecastCategory: readonly (ForecastCategory | null)[];
  /** CLOSED and WON bits of each state. */
  readonly flags: Uint8Array;
  /** Day number each opportunity was created. */
  readonly created: Int32Array;
  /** Day number of each opportunity's close date as the record has it today. */
  readonly recordCloseDay: Int32Array;
  /**
   * Day number from which each opportunity stays closed (its creation when created closed),
   * NEVER when open at the end of its history: before it and from creation it may be open;
   * on and after it, never. Point-in-time questions skip the rest without reading states.
   */
  readonly closedFrom: Int32Array;
}

/** Stage of a deal on a past day that no history row tells. */
export const UNKNOWN_STAGE = "(stage unknown)";

/**
 * The timelines of the opportunities from their history rows. With history, the earliest row
 * is the state it was created in. Without any history, only what is knowable is used: a
 * closed deal was open from creation until its close date, but its stage, probability and
 * forecast category then are unknown (today's "Closed Won" must never leak into the past);
 * amount and close date are today's, the only ones there are.
 */
export function timelinesOf(opportunities: readonly Opportunity[], history: HistoryIndex): Timelines {
  const n = opportunities.length;
  // Each deal has its history rows plus one state at most (the close the record adds), or two states without history.
  const capacity = history.order.length + 2 * n;
  const first = new Int32Array(n + 1);
  const at = new Float64Array(capacity);
  const amount = new Float64Array(capacity);
  const closeDay = new Int32Array(capacity);
  const flags = new Uint8Array(capacity);
  const probability = new Float64Array(capacity);
  // Sized once, not grown a push at a time: a million deals' states are millions of slots.
  const stage = new Array<string>(capacity);
  const forecastCategory = new Array<ForecastCategory | null>(capacity);
  const created = new Int32Array(n);
  const recordCloseDay = new Int32Array(n);
  const closedFrom = new Int32Array(n);
  let rows = 0;
  // The values of the state being added: set from the record, then carried from row to row.
  let stageNow = "";
  let amountNow = 0;
  let probabilityNow: number | null = null;
  let categoryNow: ForecastCategory | null = null;
  let closeDayNow = 0;
  const push = (time: number, closed: number) => {
    at[rows] = time;
    amount[rows] = amountNow;
    closeDay[rows] = closeDayNow;
    flags[rows] = closed;
    probability[rows] = probabilityNow ?? Number.NaN;
    stage[rows] = stageNow;
    forecastCategory[rows] = categoryNow;
    rows++;
  };
  const fromRecord = (o: Opportunity, i: number) => {
    stageNow = o.stage;
    amountNow = o.amount;
    probabilityNow = o.probability;
    categoryNow = o.forecastCategory;
    closeDayNow = recordCloseDay[i]!;
  };
  for (let i = 0; i < n; i++) {
    const o = opportunities[i]!;
    first[i] = rows;
    created[i] = dayNumber(o.createdDate);
    recordCloseDay[i] = dayNumber(o.closeDate);
    const g = history.groupOfOpportunity[i]!;
    const from = history.from[g]!;
    const to = history.from[g + 1]!;
    fromRecord(o, i);
    const closedAt = closeDayNow * 86_400;
    const now = (o.isClosed ? CLOSED : 0) | (o.isWon ? WON : 0);
    if (from === to) {
      if (o.isClosed) {
        stageNow = UNKNOWN_STAGE;
        probabilityNow = null;
        categoryNow = null;
        push(Number.NEGATIVE_INFINITY, 0);
        fromRecord(o, i);
        push(closedAt, now);
      } else push(Number.NEGATIVE_INFINITY, now);
    } else {
      // The current record is the last word: a deal the export shows closed is closed from
      // its close date, even when its history ends open (a history export cut short, say).
      const cut = o.isClosed && !history.rows[history.order[to - 1]!]!.isClosed;
      // Values a row leaves blank carry forward from the row before, the first from the record.
      for (let k = from; k < to; k++) {
        const r = history.order[k]!;
        const time = history.seconds[r]!;
        if (cut && time >= closedAt) break;
        const row = history.rows[r]!;
        stageNow = row.stage;
        amountNow = row.amount ?? amountNow;
        probabilityNow = row.probability ?? probabilityNow;
        categoryNow = row.forecastCategory ?? categoryNow;
        if (row.closeDate !== null) closeDayNow = dayNumber(row.closeDate);
        push(time, (row.isClosed ? CLOSED : 0) | (row.isWon ? WON : 0));
      }
      if (cut) {
        fromRecord(o, i);
        if (rows === first[i]) push(Number.NEGATIVE_INFINITY, 0);
        push(closedAt, now);
      }
    }
    closedFrom[i] = closedFromOf(i, rows);
  }
  first[n] = rows;
  stage.length = rows;
  forecastCategory.length = rows;
  return {
    opportunities,
    first,
    at: at.slice(0, rows),
    stage,
    amount: amount.slice(0, rows),
    closeDay: closeDay.slice(0, rows),
    probability: probability.slice(0, rows),
    forecastCategory,
    flags: flags.slice(0, rows),
    created,
    recordCloseDay,
    closedFrom,
  };

  function closedFromOf(i: number, end: number): number {
    let c = end;
    while (c > first[i]! && flags[c - 1]! & CLOSED) c--;
    if (c === end) return NEVER;
    return c === first[i] ? created[i]! : Math.floor(at[c]! / 86_400);
  }
}

/** The end of a day (its last second), for comparing with the times of changes. */
export function endOfDay(day: number): number {
  return day * 86_400 + 86_399;
}

/** The row of opportunity i's state at the end of day number `day`, or −1 when it did not exist yet. */
export function rowAt(timelines: Timelines, i: number, day: number): number {
  if (timelines.created[i]! > day) return -1;
  const { at, first } = timelines;
  const end = endOfDay(day);
  // Histories are short and most questions are about recent days: search from the end.
  for (let r = first[i + 1]! - 1; r > first[i]!; r--) if (at[r]! <= end) return r;
  return first[i]!;
}

/** The values of a state row. */
export function stateOf(timelines: Timelines, row: number): OpportunityState {
  return {
    stage: timelines.stage[row]!,
    amount: timelines.amount[row]!,
    closeDate: dayFromNumber(timelines.closeDay[row]!),
    probability: Number.isNaN(timelines.probability[row]!) ? null : timelines.probability[row]!,
    forecastCategory: timelines.forecastCategory[row]!,
    isClosed: (timelines.flags[row]! & CLOSED) !== 0,
    isWon: (timelines.flags[row]! & WON) !== 0,
  };
}

/** Opportunity i's state at the end of `day`, or null when it did not exist yet. */
export function stateAt(timelines: Timelines, i: number, day: Day): OpportunityState | null {
  const row = rowAt(timelines, i, dayNumber(day));
  return row === -1 ? null : stateOf(timelines, row);
}

/**
 * The day from which opportunity i stays closed (from creation when it was created closed),
 * or null when it is open at the end of its history.
 */
export function closedSince(timelines: Timelines, i: number): Day | null {
  const day = timelines.closedFrom[i]!;
  return day === NEVER ? null : dayFromNumber(day);
}
