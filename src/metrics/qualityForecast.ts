import { addDays, dayNumber } from "../calendar/days.ts";
import { type FiscalCalendar, type Quarter, shiftQuarter } from "../calendar/fiscalCalendar.ts";
import { NO_REF } from "../model/activityLog.ts";
import type { Day } from "../model/records.ts";
import type { Dataset } from "./dataset.ts";
import { fromCents, ratio, sumMoney, toCents } from "./money.ts";
import { forEachOpenAt } from "./openPipeline.ts";
import { WON } from "./pointInTime.ts";

/*
 * The quality-weighted forecast. A flat forecast multiplies each open deal by the win rate of
 * its stage; but two deals in the same stage are not worth the same when one is with an
 * ideal-profile account whose economic buyer we have met. Here win rates are learned per
 * stage × ICP fit × target-persona engagement from earlier quarters, with small cells pulled
 * towards their stage's rate, and both methods are backtested quarter by quarter. Each
 * backtest quarter learns only from the quarters before it.
 */

/** How many deals' worth of the stage rate a cell's own rate is blended with. */
const POOLING = 5;
/** Quarters of history each forecast learns from. */
const TRAINING_QUARTERS = 6;
/** The account's fit, then the target persona's engagement: the two halves of a cell. */
const ICP_LABELS = ["ICP", "not ICP", "unknown"] as const;
const PERSONA_LABELS = ["target persona engaged", "not engaged"] as const;

/** The cells of one stage: its code × CELLS_PER_STAGE + fit × PERSONA_LABELS.length + engagement. */
const CELLS_PER_STAGE = ICP_LABELS.length * PERSONA_LABELS.length;

/** One backtested quarter. */
export interface BacktestRow {
  quarter: string;
  /** Amount (as at the quarter's start) of open deals due in the quarter that were won. */
  actual: number;
  flat: number;
  quality: number;
}

/** The backtest, its verdict, and the forecast of the next quarter both ways. */
export interface QualityForecast {
  /** How many earlier quarters each forecast learns from. */
  trainingQuarters: number;
  backtest: BacktestRow[];
  /** Mean absolute error as a share of actual, per method; null with no backtest quarter. */
  flatError: number | null;
  qualityError: number | null;
  better: "quality" | "flat" | "tie" | null;
  /** Forecast of the open deals due next quarter, as they stood at this quarter's end. */
  nextQuarter: { quarter: string; pipeline: number; flat: number; quality: number };
  /** Learned win rates per cell for this quarter's forecast, largest cells first. */
  rates: { stage: string; icp: string; persona: string; deals: number; winRate: number }[];
}

/** Backtests flat vs quality-weighted forecasts over the quarters up to `quarter`. */
export function qualityForecast(
  dataset: Dataset,
  quarter: Quarter,
  calendar: FiscalCalendar,
  backtestQuarters = 6,
): QualityForecast {
  const engagedSince = targetPersonaEngagement(dataset);
  const stages = dataset.timelines.stages;
  const next = shiftQuarter(quarter, 1, calendar);
  // Every quarter a set is needed for (the backtest's, their training quarters', the next),
  // each as its deals stood the day before it began, found in one pass over the deals.
  const oldest = -(backtestQuarters - 1 + TRAINING_QUARTERS);
  const quarters = Array.from({ length: 1 - oldest }, (_, i) => shiftQuarter(quarter, oldest + i, calendar));
  const sets = forecastSets(
    dataset,
    [...quarters.map((q) => ({ q, day: addDays(q.start, -1) })), { q: next, day: quarter.end }],
    engagedSince,
  );
  const nextSet = sets.pop()!;
  const byQuarter = new Map(quarters.map((q, i) => [q.id, sets[i]!]));
  const setOf = (q: Quarter) => byQuarter.get(q.id)!;
  const trainingFor = (q: Quarter) =>
    Array.from({ length: TRAINING_QUARTERS }, (_, i) => setOf(shiftQuarter(q, -(i + 1), calendar)));

  const backtest: BacktestRow[] = [];
  for (let i = backtestQuarters - 1; i >= 0; i--) {
    const q = shiftQuarter(quarter, -i, calendar);
    const model = learn(trainingFor(q), stages.length);
    if (model.deals === 0) continue;
    const set = setOf(q);
    backtest.push({
      quarter: q.id,
      actual: set.wonAmount(),
      flat: predict(set, model.stageRates),
      quality: predict(set, model.cellRates),
    });
  }
  const scored = backtest.filter((r) => r.actual > 0);
  const meanError = (method: "flat" | "quality") =>
    scored.length === 0
      ? null
      : scored.reduce((sum, r) => sum + Math.abs(r[method] - r.actual) / r.actual, 0) / scored.length;
  const flatError = meanError("flat");
  const qualityError = meanError("quality");

  const model = learn(
    [
      setOf(quarter),
      ...Array.from({ length: TRAINING_QUARTERS - 1 }, (_, i) =>
        setOf(shiftQuarter(quarter, -(i + 1), calendar)),
      ),
    ],
    stages.length,
  );
  return {
    trainingQuarters: TRAINING_QUARTERS,
    backtest,
    flatError,
    qualityError,
    better:
      flatError === null || qualityError === null
        ? null
        : qualityError < flatError
          ? "quality"
          : qualityError > flatError
            ? "flat"
            : "tie",
    nextQuarter: {
      quarter: next.id,
      pipeline: nextSet.amount(),
      flat: predict(nextSet, model.stageRates),
      quality: predict(nextSet, model.cellRates),
    },
    rates: cellsWithDeals(model.cellDeals)
      .map((cell) => ({
        stage: stages[Math.floor(cell / CELLS_PER_STAGE)]!,
        icp: ICP_LABELS[Math.floor((cell % CELLS_PER_STAGE) / PERSONA_LABELS.length)]!,
        persona: PERSONA_LABELS[cell % PERSONA_LABELS.length]!,
        deals: model.cellDeals[cell]!,
        winRate: model.cellRates[cell]!,
      }))
      .sort(
        (a, b) =>
          b.deals - a.deals ||
          a.stage.localeCompare(b.stage) ||
          a.icp.localeCompare(b.icp) ||
          a.persona.localeCompare(b.persona),
      ),
  };
}

/**
 * The deals of one forecast set, column by column: each deal's amount, cell and whether it
 * was won in the set's quarter. A backtest reads about a million of them; as objects they
 * would be a million allocations, here a few arrays.
 */
class CandidateSet {
  size = 0;
  #amount = new Float64Array(1024);
  #cell = new Int32Array(1024);
  #won = new Uint8Array(1024);
  /** Deals and wins per cell, counted once: each set trains up to seven models. */
  #tally: { deals: Float64Array; won: Float64Array } | null = null;

  add(amount: number, cell: number, won: boolean): void {
    if (this.size === this.#amount.length) {
      this.#amount = grown(this.#amount);
      this.#cell = grown(this.#cell);
      this.#won = grown(this.#won);
    }
    this.#amount[this.size] = amount;
    this.#cell[this.size] = cell;
    this.#won[this.size] = won ? 1 : 0;
    this.size++;
  }

  get amounts(): Float64Array {
    return this.#amount;
  }

  get cells(): Int32Array {
    return this.#cell;
  }

  /** Σ amount of the set. */
  amount(): number {
    return sumMoney(this.#amount.subarray(0, this.size), (a) => a);
  }

  /** Σ amount of the deals won. */
  wonAmount(): number {
    let cents = 0;
    for (let k = 0; k < this.size; k++) if (this.#won[k]) cents += toCents(this.#amount[k]!);
    return fromCents(cents);
  }

  tally(cells: number): { deals: Float64Array; won: Float64Array } {
    if (this.#tally === null) {
      const deals = new Float64Array(cells);
      const won = new Float64Array(cells);
      for (let k = 0; k < this.size; k++) {
        deals[this.#cell[k]!]!++;
        won[this.#cell[k]!]! += this.#won[k]!;
      }
      this.#tally = { deals, won };
    }
    return this.#tally;
  }
}

function grown<A extends Float64Array | Int32Array | Uint8Array>(array: A): A {
  const next = new (array.constructor as new (n: number) => A)(array.length * 2);
  next.set(array);
  return next;
}

/**
 * For each ask, the deals open on its `day` due to close in its quarter `q`, with the
 * features the forecast weighs them by, in the order of the deals.
 */
function forecastSets(
  dataset: Dataset,
  asks: readonly { q: Quarter; day: Day }[],
  engagedSince: Float64Array,
): CandidateSet[] {
  const sets = asks.map(() => new CandidateSet());
  const { closeDay, amount, stage, recordCloseDay, recordFlags } = dataset.timelines;
  const groupOf = dataset.history.groupOfOpportunity;
  const accounts = dataset.accounts;
  const starts = asks.map(({ q }) => dayNumber(q.start));
  const ends = asks.map(({ q }) => dayNumber(q.end));
  const days = asks.map(({ day }) => dayNumber(day));
  // A deal is visited for each day asked: its fit and engagement are looked up once, on the first.
  let seen = -1;
  let fit = 0;
  let engaged = 0;
  forEachOpenAt(
    dataset,
    asks.map((a) => a.day),
    (i, index, row) => {
      if (closeDay[row]! < starts[i]! || closeDay[row]! > ends[i]!) return;
      if (index !== seen) {
        seen = index;
        const account = accounts.of[index]!;
        const isIcp = account === -1 ? -1 : accounts.fit[account]!;
        fit = isIcp === 1 ? 0 : isIcp === 0 ? 1 : 2;
        engaged = engagedSince[groupOf[index]!]!;
      }
      const persona = engaged <= days[i]! ? 0 : 1;
      const closed = recordCloseDay[index]!;
      sets[i]!.add(
        amount[row]!,
        stage[row]! * CELLS_PER_STAGE + fit * PERSONA_LABELS.length + persona,
        (recordFlags[index]! & WON) !== 0 && closed >= starts[i]! && closed <= ends[i]!,
      );
    },
  );
  return sets;
}

/**
 * First day number each opportunity had an activity with a contact of a target persona, by
 * its position (a repeated id's first); infinity when never.
 */
function targetPersonaEngagement(dataset: Dataset): Float64Array {
  const log = dataset.records.activities.columns();
  const target = log.contacts.map((id) => dataset.contactsById.get(id)?.isTargetPersona === true);
  const engaged = new Float64Array(dataset.records.opportunities.length).fill(Number.POSITIVE_INFINITY);
  // Without an activity naming a deal, or a contact of a target persona, no deal was engaged:
  // the log's millions of rows need not be read to learn it.
  if (log.opportunities.length === 0 || !target.includes(true)) return engaged;
  // Earliest day number per opportunity code of the log; infinity when never engaged.
  const first = new Float64Array(log.opportunities.length).fill(Number.POSITIVE_INFINITY);
  for (let i = 0; i < log.size; i++) {
    const opportunity = log.opportunity[i]!;
    const contact = log.contact[i]!;
    if (opportunity === NO_REF || contact === NO_REF || !target[contact]) continue;
    if (log.day[i]! < first[opportunity]!) first[opportunity] = log.day[i]!;
  }
  first.forEach((day, code) => {
    if (day === Number.POSITIVE_INFINITY) return;
    const at = dataset.history.ids.find(log.opportunities[code]!);
    if (at !== -1) engaged[at] = day;
  });
  return engaged;
}

/** Win rates learned from the training quarters' sets: per stage, and per cell pooled towards its stage's. */
interface Model {
  deals: number;
  /** Deals per cell over the training sets. */
  cellDeals: Float64Array;
  /** Each cell's stage's rate (the overall rate for a stage the training never saw). */
  stageRates: Float64Array;
  /** Each cell's own rate, pooled towards its stage's. */
  cellRates: Float64Array;
}

/** Win rates per stage and per cell learned from the training quarters' sets. */
function learn(training: readonly CandidateSet[], stageCount: number): Model {
  const cells = stageCount * CELLS_PER_STAGE;
  const cellDeals = new Float64Array(cells);
  const cellWon = new Float64Array(cells);
  for (const set of training) {
    const tally = set.tally(cells);
    for (let c = 0; c < cells; c++) {
      cellDeals[c]! += tally.deals[c]!;
      cellWon[c]! += tally.won[c]!;
    }
  }
  let deals = 0;
  let won = 0;
  for (let c = 0; c < cells; c++) {
    deals += cellDeals[c]!;
    won += cellWon[c]!;
  }
  const overall = ratio(won, deals) ?? 0;
  const stageRates = new Float64Array(cells);
  const cellRates = new Float64Array(cells);
  for (let s = 0; s < stageCount; s++) {
    let stageDeals = 0;
    let stageWon = 0;
    for (let c = s * CELLS_PER_STAGE; c < (s + 1) * CELLS_PER_STAGE; c++) {
      stageDeals += cellDeals[c]!;
      stageWon += cellWon[c]!;
    }
    const stageRate = stageDeals > 0 ? stageWon / stageDeals : overall;
    for (let c = s * CELLS_PER_STAGE; c < (s + 1) * CELLS_PER_STAGE; c++) {
      stageRates[c] = stageRate;
      cellRates[c] = (cellWon[c]! + POOLING * stageRate) / (cellDeals[c]! + POOLING);
    }
  }
  return { deals, cellDeals, stageRates, cellRates };
}

/** The cells some training deal was in, in order of their codes. */
function cellsWithDeals(cellDeals: Float64Array): number[] {
  const cells: number[] = [];
  cellDeals.forEach((deals, cell) => {
    if (deals > 0) cells.push(cell);
  });
  return cells;
}

/** Σ amount × the rate of each deal's cell, each rounded to the cent. */
function predict(set: CandidateSet, rates: Float64Array): number {
  const { amounts, cells } = set;
  let cents = 0;
  for (let k = 0; k < set.size; k++) cents += Math.round(toCents(amounts[k]!) * rates[cells[k]!]!);
  return fromCents(cents);
}
