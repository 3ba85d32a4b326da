import { addDays, dayFromNumber, dayNumber } from "../calendar/days.ts";
import { type FiscalCalendar, type Quarter, shiftQuarter } from "../calendar/fiscalCalendar.ts";
import { NO_REF } from "../model/activityLog.ts";
import type { Day } from "../model/records.ts";
import type { Dataset } from "./dataset.ts";
import { fromCents, ratio, sumMoney, toCents } from "./money.ts";
import { forEachOpenAt } from "./openPipeline.ts";

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

interface Candidate {
  amount: number;
  stage: string;
  cell: string;
  won: boolean;
}

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
    const model = learn(trainingFor(q));
    if (model.deals === 0) continue;
    const set = setOf(q);
    backtest.push({
      quarter: q.id,
      actual: sumCents(set.filter((c) => c.won)),
      flat: predict(set, model, false),
      quality: predict(set, model, true),
    });
  }
  const scored = backtest.filter((r) => r.actual > 0);
  const meanError = (method: "flat" | "quality") =>
    scored.length === 0
      ? null
      : scored.reduce((sum, r) => sum + Math.abs(r[method] - r.actual) / r.actual, 0) / scored.length;
  const flatError = meanError("flat");
  const qualityError = meanError("quality");

  const model = learn([
    setOf(quarter),
    ...Array.from({ length: TRAINING_QUARTERS - 1 }, (_, i) =>
      setOf(shiftQuarter(quarter, -(i + 1), calendar)),
    ),
  ]);
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
      pipeline: sumCents(nextSet),
      flat: predict(nextSet, model, false),
      quality: predict(nextSet, model, true),
    },
    rates: [...model.cells]
      .map(([cell, r]) => {
        const [stage, icp, persona] = cell.split("\u0000") as [string, string, string];
        return { stage, icp, persona, deals: r.deals, winRate: model.rateOf(stage, cell) };
      })
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
 * For each ask, the deals open on its `day` due to close in its quarter `q`, with the
 * features the forecast weighs them by, in the order of the deals.
 */
function forecastSets(
  dataset: Dataset,
  asks: readonly { q: Quarter; day: Day }[],
  engagedSince: Map<string, Day>,
): Candidate[][] {
  const sets = asks.map((): Candidate[] => []);
  const { opportunities, closeDay, amount, stage } = dataset.timelines;
  const starts = asks.map(({ q }) => dayNumber(q.start));
  const ends = asks.map(({ q }) => dayNumber(q.end));
  const days = asks.map(({ day }) => dayNumber(day));
  // What is looked up once per deal (see below): its fit, the day it engaged (infinity
  // when never), whether and when it was won.
  let seen = -1;
  let icp = 0;
  let engaged = 0;
  let won = false;
  let closed = 0;
  let lastRow = -1;
  let known: { stage: string; cells: string[] } | undefined;
  // Each stage's name and its cells' keys made once and shared by every deal in them: the
  // tallies then look up the same few strings rather than a new one per deal and day.
  const cellsOf = new Map<string, { stage: string; cells: string[] }>();
  const cellsOfStage = (name: string) => {
    let entry = cellsOf.get(name);
    if (!entry) {
      const keys = ICP_LABELS.flatMap((fit) =>
        PERSONA_LABELS.map((persona) => `${name}\u0000${fit}\u0000${persona}`),
      );
      entry = { stage: name, cells: keys };
      cellsOf.set(name, entry);
    }
    return entry;
  };
  forEachOpenAt(
    dataset,
    asks.map((a) => a.day),
    (i, index, row) => {
      if (closeDay[row]! < starts[i]! || closeDay[row]! > ends[i]!) return;
      // A deal is visited for each day asked in a row: its account and engagement are looked up once.
      if (index !== seen) {
        seen = index;
        const o = opportunities[index]!;
        const account = o.accountId === null ? undefined : dataset.accountsById.get(o.accountId);
        icp = account?.isIcp === true ? 0 : account?.isIcp === false ? 1 : 2;
        const since = engagedSince.get(o.id);
        engaged = since === undefined ? Number.POSITIVE_INFINITY : dayNumber(since);
        won = o.isWon;
        closed = dayNumber(o.closeDate);
      }
      // Consecutive days often find the deal in the same state: its stage's keys are at hand.
      if (row !== lastRow) {
        lastRow = row;
        known = cellsOfStage(stage[row]!);
      }
      const persona = engaged <= days[i]! ? 0 : 1;
      sets[i]!.push({
        amount: amount[row]!,
        stage: known!.stage,
        cell: known!.cells[icp * PERSONA_LABELS.length + persona]!,
        won: won && closed >= starts[i]! && closed <= ends[i]!,
      });
    },
  );
  return sets;
}

/** First day each opportunity had an activity with a contact of a target persona. */
function targetPersonaEngagement(dataset: Dataset): Map<string, Day> {
  const log = dataset.records.activities.columns();
  const target = log.contacts.map((id) => dataset.contactsById.get(id)?.isTargetPersona === true);
  // Earliest day number per opportunity code; infinity when never engaged.
  const first = new Float64Array(log.opportunities.length).fill(Number.POSITIVE_INFINITY);
  for (let i = 0; i < log.size; i++) {
    const opportunity = log.opportunity[i]!;
    const contact = log.contact[i]!;
    if (opportunity === NO_REF || contact === NO_REF || !target[contact]) continue;
    if (log.day[i]! < first[opportunity]!) first[opportunity] = log.day[i]!;
  }
  const engaged = new Map<string, Day>();
  first.forEach((day, code) => {
    if (day !== Number.POSITIVE_INFINITY) engaged.set(log.opportunities[code]!, dayFromNumber(day));
  });
  return engaged;
}

/** Deals and wins per stage and per cell of a set of deals. */
interface Tally {
  deals: number;
  won: number;
  stages: Map<string, { deals: number; won: number }>;
  cells: Map<string, { deals: number; won: number }>;
}

const emptyTally = (): Tally => ({ deals: 0, won: 0, stages: new Map(), cells: new Map() });

// Each quarter's set trains up to seven models (the backtest's and this quarter's): counted once.
const tallies = new WeakMap<readonly Candidate[], Tally>();

function tallyOf(set: readonly Candidate[]): Tally {
  let tally = tallies.get(set);
  if (!tally) {
    tally = emptyTally();
    for (const c of set) {
      const one = { deals: 1, won: c.won ? 1 : 0 };
      addTo(tally, one);
      count(tally.stages, c.stage, one);
      count(tally.cells, c.cell, one);
    }
    tallies.set(set, tally);
  }
  return tally;
}

function addTo(into: { deals: number; won: number }, n: { deals: number; won: number }): void {
  into.deals += n.deals;
  into.won += n.won;
}

function count(
  m: Map<string, { deals: number; won: number }>,
  key: string,
  n: { deals: number; won: number },
) {
  const entry = m.get(key);
  if (entry) addTo(entry, n);
  else m.set(key, { ...n });
}

/** Win rates per stage and per cell learned from the training quarters' sets. */
function learn(training: readonly (readonly Candidate[])[]) {
  const all = emptyTally();
  for (const set of training) {
    const tally = tallyOf(set);
    addTo(all, tally);
    for (const [stage, n] of tally.stages) count(all.stages, stage, n);
    for (const [cell, n] of tally.cells) count(all.cells, cell, n);
  }
  const { stages, cells } = all;
  const overall = ratio(all.won, all.deals) ?? 0;
  const stageRate = (stage: string) => {
    const s = stages.get(stage);
    return s ? s.won / s.deals : overall;
  };
  return {
    deals: all.deals,
    cells,
    stageRate,
    /** A cell's win rate pooled towards its stage's rate. */
    rateOf(stage: string, cell: string) {
      const c = cells.get(cell) ?? { deals: 0, won: 0 };
      return (c.won + POOLING * stageRate(stage)) / (c.deals + POOLING);
    },
  };
}

function predict(set: readonly Candidate[], model: ReturnType<typeof learn>, quality: boolean): number {
  let cents = 0;
  for (const c of set)
    cents += Math.round(
      toCents(c.amount) * (quality ? model.rateOf(c.stage, c.cell) : model.stageRate(c.stage)),
    );
  return fromCents(cents);
}

function sumCents(set: readonly Candidate[]): number {
  return sumMoney(set, (c) => c.amount);
}
