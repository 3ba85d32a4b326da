import { dayFromNumber, dayNumber, localTimeOfSeconds, secondsOfLocalTime } from "../calendar/days.ts";
import { Dictionary } from "./dictionary.ts";
import { type ForecastCategory, ForecastCategorySchema, type HistoryRow } from "./records.ts";

/*
 * Each deal's history stored by column. An enterprise export holds millions of stage, amount
 * and close-date changes; as one object each they cost most of their reading time in
 * allocation and garbage collection, and every question then read them back through those
 * objects. Here a change is a few numbers: its deal and stage as dictionary codes, its time in
 * seconds of the local clock, its amount, close day, probability, forecast category and outcome.
 * A value the row leaves blank is a marker (NaN, NO_DAY, category 0), not a null.
 */

/** Bits of an outcome: the stage is a closed one; it is closed won. */
export const CLOSED = 1;
export const WON = 2;

/** Forecast categories by code; code 0 is none. */
export const CATEGORIES: readonly (ForecastCategory | null)[] = [null, ...ForecastCategorySchema.options];
export const CATEGORY_CODE: ReadonlyMap<ForecastCategory | null, number> = new Map(
  CATEGORIES.map((category, code) => [category, code]),
);

/** The close day stored for a row that leaves it blank. */
export const NO_DAY = -0x80000000;

/** Changes of deals, column by column; appended to while ingesting, read by the metrics. */
export class HistoryLog {
  #size = 0;
  #opportunity = new Int32Array(64);
  #seconds = new Float64Array(64);
  #stage = new Int32Array(64);
  #amount = new Float64Array(64);
  #closeDay = new Int32Array(64);
  #probability = new Float64Array(64);
  #category = new Uint8Array(64);
  #flags = new Uint8Array(64);
  /** The deals' ids by code. A log made with the deals' own dictionary codes each row by its deal's position. */
  readonly opportunities: Dictionary;
  readonly stages = new Dictionary();

  constructor(opportunities: Dictionary = new Dictionary()) {
    this.opportunities = opportunities;
  }

  /** A log holding the given rows, in order. */
  static of(rows: Iterable<HistoryRow>): HistoryLog {
    const log = new HistoryLog();
    for (const row of rows) log.push(row);
    return log;
  }

  get length(): number {
    return this.#size;
  }

  push(row: HistoryRow): void {
    this.pushCodes(
      this.opportunities.code(row.opportunityId),
      secondsOfLocalTime(row.at),
      this.stages.code(row.stage),
      row.amount ?? Number.NaN,
      row.closeDate === null ? NO_DAY : dayNumber(row.closeDate),
      row.probability ?? Number.NaN,
      CATEGORY_CODE.get(row.forecastCategory)!,
      (row.isClosed ? CLOSED : 0) | (row.isWon ? WON : 0),
    );
  }

  /** Appends a row already in codes (see the columns for the markers of blank values). */
  pushCodes(
    opportunity: number,
    seconds: number,
    stage: number,
    amount: number,
    closeDay: number,
    probability: number,
    category: number,
    flags: number,
  ): void {
    if (this.#size === this.#opportunity.length) this.#grow();
    const i = this.#size++;
    this.#opportunity[i] = opportunity;
    this.#seconds[i] = seconds;
    this.#stage[i] = stage;
    this.#amount[i] = amount;
    this.#closeDay[i] = closeDay;
    this.#probability[i] = probability;
    this.#category[i] = category;
    this.#flags[i] = flags;
  }

  /** Each row's deal, as a code in `opportunities`. */
  get opportunity(): Int32Array {
    return this.#opportunity.subarray(0, this.#size);
  }
  /** Each row's time in seconds of the local clock since 1970-01-01T00:00:00. */
  get seconds(): Float64Array {
    return this.#seconds.subarray(0, this.#size);
  }
  /** Each row's stage, as a code in `stages`. */
  get stage(): Int32Array {
    return this.#stage.subarray(0, this.#size);
  }
  /** Each row's amount, NaN when the row has none. */
  get amount(): Float64Array {
    return this.#amount.subarray(0, this.#size);
  }
  /** Each row's close day number, NO_DAY when the row has none. */
  get closeDay(): Int32Array {
    return this.#closeDay.subarray(0, this.#size);
  }
  /** Each row's probability, NaN when the row has none. */
  get probability(): Float64Array {
    return this.#probability.subarray(0, this.#size);
  }
  /** Each row's forecast category, as a position in CATEGORIES (0: none). */
  get category(): Uint8Array {
    return this.#category.subarray(0, this.#size);
  }
  /** CLOSED and WON bits of each row. */
  get flags(): Uint8Array {
    return this.#flags.subarray(0, this.#size);
  }

  /** The row at position i, as a record (for tests, validation and a quarter's few deals). */
  at(i: number): HistoryRow {
    const amount = this.#amount[i]!;
    const closeDay = this.#closeDay[i]!;
    const probability = this.#probability[i]!;
    return {
      opportunityId: this.opportunities.texts[this.#opportunity[i]!]!,
      at: localTimeOfSeconds(this.#seconds[i]!),
      stage: this.stages.texts[this.#stage[i]!]!,
      amount: Number.isNaN(amount) ? null : amount,
      closeDate: closeDay === NO_DAY ? null : dayFromNumber(closeDay),
      probability: Number.isNaN(probability) ? null : probability,
      forecastCategory: CATEGORIES[this.#category[i]!]!,
      isClosed: (this.#flags[i]! & CLOSED) !== 0,
      isWon: (this.#flags[i]! & WON) !== 0,
    };
  }

  /** Every row as a record, in order. */
  *[Symbol.iterator](): IterableIterator<HistoryRow> {
    for (let i = 0; i < this.#size; i++) yield this.at(i);
  }

  #grow(): void {
    const capacity = this.#opportunity.length * 2;
    const grown = <A extends Int32Array | Float64Array | Uint8Array>(column: A): A => {
      const wider = new (column.constructor as new (length: number) => A)(capacity);
      wider.set(column);
      return wider;
    };
    this.#opportunity = grown(this.#opportunity);
    this.#seconds = grown(this.#seconds);
    this.#stage = grown(this.#stage);
    this.#amount = grown(this.#amount);
    this.#closeDay = grown(this.#closeDay);
    this.#probability = grown(this.#probability);
    this.#category = grown(this.#category);
    this.#flags = grown(this.#flags);
  }
}
