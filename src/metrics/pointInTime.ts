import { dayFromNumber, dayNumber } from "../calendar/days.ts";
import { CATEGORIES, CATEGORY_CODE, CLOSED, NO_DAY, WON } from "../model/historyLog.ts";
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

// Bits of `Timelines.flags`, as the history log has them.
export { CLOSED, WON } from "../model/historyLog.ts";

/** Day number for "never": a deal open at the end of its history is closed from no day. */
const NEVER = 0x7fffffff;

// Forecast categories by code in `Timelines.forecastCategory`, as the history log has them.
export { CATEGORIES } from "../model/historyLog.ts";

/**
 * Every opportunity's states over time, oldest first, one row per state. Stages and forecast
 * categories are codes, not strings: a million deals' states are then numbers only, which
 * the collector need not trace and a breakdown can count in an array.
 */
export interface Timelines {
  readonly opportunities: readonly Opportunity[];
  /** The states of opportunity i are rows first[i] … first[i + 1] − 1. */
  readonly first: Int32Array;
  /** When each state began, in seconds (see `secondsOf`); the first holds from creation, whatever its time. */
  readonly at: Float64Array;
  /** Each state's stage, as a position in `stages`. */
  readonly stage: Int32Array;
  /** The stage names, in the order first met. */
  readonly stages: readonly string[];
  readonly amount: Float64Array;
  readonly closeDay: Int32Array;
  /** Probability of each state, NaN when unknown. */
  readonly probability: Float64Array;
  /** Forecast category of each state, as a position in `CATEGORIES`. */
  readonly forecastCategory: Uint8Array;
  /** CLOSED and WON bits of each state. */
  readonly flags: Uint8Array;
  /** Day number each opportunity was created. */
  readonly created: Int32Array;
  /** Day number of each opportunity's close date as the record has it today. */
  readonly recordCloseDay: Int32Array;
  /** CLOSED and WON bits of each opportunity as the record has it today. */
  readonly recordFlags: Uint8Array;
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
  const { log, order, from: groupFrom, groupOfOpportunity } = history;
  const seconds = log.seconds;
  const rowFlags = log.flags;
  const created = new Int32Array(n);
  const recordCloseDay = new Int32Array(n);
  const recordFlags = new Uint8Array(n);
  // Deals closed today whose history ends open: their history is cut at the close (below).
  const cut = new Uint8Array(n);
  // How many states there will be, counted first: the columns are made to size, since at a
  // million deals every spare row is memory the collector is pressed by.
  let size = 0;
  for (let i = 0; i < n; i++) {
    const o = opportunities[i]!;
    created[i] = dayNumber(o.createdDate);
    recordCloseDay[i] = dayNumber(o.closeDate);
    recordFlags[i] = (o.isClosed ? CLOSED : 0) | (o.isWon ? WON : 0);
    const g = groupOfOpportunity[i]!;
    const from = groupFrom[g]!;
    const to = groupFrom[g + 1]!;
    if (from === to) size += o.isClosed ? 2 : 1;
    else if (o.isClosed && !(rowFlags[order[to - 1]!]! & CLOSED)) {
      cut[i] = 1;
      const closedAt = recordCloseDay[i]! * 86_400;
      let kept = 0;
      while (from + kept < to && seconds[order[from + kept]!]! < closedAt) kept++;
      size += kept === 0 ? 2 : kept + 1;
    } else size += to - from;
  }
  const t = new TimelineColumns(size);
  const stages = new StageCodes();
  const unknownStage = stages.code(UNKNOWN_STAGE);
  // The log's stage codes as the timelines' own, each looked up when first met (keeping the
  // order stages are first met in).
  const stageOfLogCode = new Int32Array(log.stages.texts.length).fill(-1);
  const {
    amount: rowAmount,
    probability: rowProbability,
    category: rowCategory,
    closeDay: rowCloseDay,
  } = log;
  const rowStage = log.stage;
  const first = new Int32Array(n + 1);
  const closedFrom = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const o = opportunities[i]!;
    first[i] = t.size;
    const closeDay = recordCloseDay[i]!;
    const g = groupOfOpportunity[i]!;
    const from = groupFrom[g]!;
    const to = groupFrom[g + 1]!;
    // The record's own values: the last word, and where a history row leaves a value blank.
    const stage = stages.code(o.stage);
    const probability = o.probability ?? Number.NaN;
    const category = CATEGORY_CODE.get(o.forecastCategory)!;
    const closedAt = closeDay * 86_400;
    const now = recordFlags[i]!;
    if (from === to) {
      if (o.isClosed) {
        t.add(Number.NEGATIVE_INFINITY, unknownStage, o.amount, closeDay, Number.NaN, 0, 0);
        t.add(closedAt, stage, o.amount, closeDay, probability, category, now);
      } else t.add(Number.NEGATIVE_INFINITY, stage, o.amount, closeDay, probability, category, now);
    } else {
      // The current record is the last word: a deal the export shows closed is closed from
      // its close date, even when its history ends open (a history export cut short, say).
      const isCut = cut[i] === 1;
      // Values a row leaves blank carry forward from the row before, the first from the record.
      let amountNow = o.amount;
      let probabilityNow = probability;
      let categoryNow = category;
      let closeDayNow = closeDay;
      for (let k = from; k < to; k++) {
        const r = order[k]!;
        const time = seconds[r]!;
        if (isCut && time >= closedAt) break;
        if (!Number.isNaN(rowAmount[r]!)) amountNow = rowAmount[r]!;
        if (!Number.isNaN(rowProbability[r]!)) probabilityNow = rowProbability[r]!;
        if (rowCategory[r] !== 0) categoryNow = rowCategory[r]!;
        if (rowCloseDay[r] !== NO_DAY) closeDayNow = rowCloseDay[r]!;
        const logStage = rowStage[r]!;
        let stageCode = stageOfLogCode[logStage]!;
        if (stageCode === -1) stageCode = stageOfLogCode[logStage] = stages.code(log.stages.texts[logStage]!);
        t.add(time, stageCode, amountNow, closeDayNow, probabilityNow, categoryNow, rowFlags[r]!);
      }
      if (isCut) {
        if (t.size === first[i])
          t.add(Number.NEGATIVE_INFINITY, stage, o.amount, closeDay, probability, category, 0);
        t.add(closedAt, stage, o.amount, closeDay, probability, category, now);
      }
    }
    closedFrom[i] = closedFromOf(t, first[i]!, created[i]!);
  }
  first[n] = t.size;
  return {
    opportunities,
    first,
    ...t.columns(),
    stages: stages.names,
    created,
    recordCloseDay,
    recordFlags,
    closedFrom,
  };
}

/** The day from which the states first … t.size − 1 stay closed, NEVER when the last is open. */
function closedFromOf(t: TimelineColumns, first: number, created: number): number {
  let c = t.size;
  while (c > first && t.flags[c - 1]! & CLOSED) c--;
  if (c === t.size) return NEVER;
  return c === first ? created : Math.floor(t.at[c]! / 86_400);
}

/** The state columns, filled a row at a time up to a size known in advance. */
class TimelineColumns {
  size = 0;
  readonly at: Float64Array;
  readonly stage: Int32Array;
  readonly amount: Float64Array;
  readonly closeDay: Int32Array;
  readonly probability: Float64Array;
  readonly forecastCategory: Uint8Array;
  readonly flags: Uint8Array;

  constructor(rows: number) {
    this.at = new Float64Array(rows);
    this.stage = new Int32Array(rows);
    this.amount = new Float64Array(rows);
    this.closeDay = new Int32Array(rows);
    this.probability = new Float64Array(rows);
    this.forecastCategory = new Uint8Array(rows);
    this.flags = new Uint8Array(rows);
  }

  add(
    at: number,
    stage: number,
    amount: number,
    closeDay: number,
    probability: number,
    category: number,
    flags: number,
  ): void {
    const row = this.size++;
    this.at[row] = at;
    this.stage[row] = stage;
    this.amount[row] = amount;
    this.closeDay[row] = closeDay;
    this.probability[row] = probability;
    this.forecastCategory[row] = category;
    this.flags[row] = flags;
  }

  /** The columns, once every row is filled. */
  columns() {
    const { at, stage, amount, closeDay, probability, forecastCategory, flags } = this;
    return { at, stage, amount, closeDay, probability, forecastCategory, flags };
  }
}

/** Stage names by code, in the order first met; a deal's repeated stage is coded without a lookup. */
class StageCodes {
  readonly names: string[] = [];
  readonly #codes = new Map<string, number>();
  #last = "";
  #lastCode = -1;

  code(name: string): number {
    if (name === this.#last) return this.#lastCode;
    let code = this.#codes.get(name);
    if (code === undefined) {
      code = this.names.length;
      this.names.push(name);
      this.#codes.set(name, code);
    }
    this.#last = name;
    this.#lastCode = code;
    return code;
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
    stage: timelines.stages[timelines.stage[row]!]!,
    amount: timelines.amount[row]!,
    closeDate: dayFromNumber(timelines.closeDay[row]!),
    probability: Number.isNaN(timelines.probability[row]!) ? null : timelines.probability[row]!,
    forecastCategory: CATEGORIES[timelines.forecastCategory[row]!]!,
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
