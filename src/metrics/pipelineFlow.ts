import { dayFromNumber, dayNumber } from "../calendar/days.ts";
import type { Quarter } from "../calendar/fiscalCalendar.ts";
import type { Day } from "../model/records.ts";
import { answersPerDataset, type Dataset } from "./dataset.ts";
import { fromCents, toCents } from "./money.ts";
import { CLOSED, endOfDay, type Timelines, WON } from "./pointInTime.ts";

/*
 * Pipeline flow: how the pipeline due to close in a quarter moved from its first day to its
 * last. The pipeline is the open deals whose close date (as of that moment) falls in the
 * quarter. Each deal is followed day by day through the changes its history records, and
 * every change is put in exactly one bucket, so that
 *   start + created + pulledIn + increased − decreased − pushedOut − won − lost + residual = end
 * holds to the cent. `end` is summed on its own, so `residual` shows anything the movements
 * fail to explain; it is zero whenever the history is complete and consistent.
 */

/** The movements of the quarter's pipeline, in the reporting currency. */
export interface PipelineFlow {
  start: number;
  /** Deals created during the quarter with a close date in it. */
  created: number;
  /** Deals whose close date moved into the quarter (or that were reopened). */
  pulledIn: number;
  increased: number;
  decreased: number;
  /** Deals whose close date moved out of the quarter. */
  pushedOut: number;
  won: number;
  lost: number;
  residual: number;
  end: number;
}

/** A deal that moved the flow a lot. */
export interface FlowMover {
  id: string;
  name: string;
  owner: string;
  movement: "pushedOut" | "pulledIn" | "increased" | "decreased";
  amount: number;
  day: Day;
}

// The headline (slip rate) and the flow section ask for the same quarters.
const flows = answersPerDataset<{ flow: PipelineFlow; movers: FlowMover[] }>();

/** The quarter's pipeline flow and its largest movers. */
export function pipelineFlow(
  dataset: Dataset,
  quarter: Quarter,
): { flow: PipelineFlow; movers: FlowMover[] } {
  const result = flows(dataset, quarter.id, () => computeFlow(dataset, quarter));
  return { flow: { ...result.flow }, movers: [...result.movers] };
}

function computeFlow(dataset: Dataset, quarter: Quarter): { flow: PipelineFlow; movers: FlowMover[] } {
  const timelines = dataset.timelines;
  const { amount, created, closedFrom, first: firstRow, at } = timelines;
  const first = dayNumber(quarter.start);
  const last = dayNumber(quarter.end);
  const tally = new FlowTally(timelines, first, last);
  // The days of one deal's changes, in a buffer kept across deals (grown for a long history).
  let days = new Int32Array(64);
  for (let i = 0; i < created.length; i++) {
    if (created[i]! > last) continue;
    // Created before the quarter and last changed before it: the same state all quarter
    // long (the common case, told without listing days or searching the timeline).
    const lastRow = firstRow[i + 1]! - 1;
    if (created[i]! < first && at[lastRow]! < first * 86_400) {
      if (tally.member(lastRow)) {
        tally.start += toCents(amount[lastRow]!);
        tally.end += toCents(amount[lastRow]!);
      }
      continue;
    }
    if (lastRow - firstRow[i]! + 2 > days.length) days = new Int32Array(2 * (lastRow - firstRow[i]! + 2));
    const count = eventDays(timelines, i, first, last, days);
    if (closedFrom[i]! < first && count === 0) continue;
    tally.deal = i;
    // The state at the end of each day, found by moving forward through the timeline (its
    // changes are in time order) rather than searched for day by day: −1 before creation.
    let row = lastRowBy(at, firstRow[i]!, lastRow, first - 1);
    let before = created[i]! > first - 1 ? -1 : row;
    if (tally.member(before)) tally.start += toCents(amount[before]!);
    for (let k = 0; k < count; k++) {
      const day = days[k]!;
      row = lastRowBy(at, row, lastRow, day);
      const after = created[i]! > day ? -1 : row;
      tally.today = day;
      tally.classify(before, after);
      before = after;
    }
    // Unchanged within the quarter: it ends as it began.
    const end = count === 0 ? before : lastRowBy(at, row, lastRow, last);
    if (tally.member(end)) tally.end += toCents(amount[end]!);
  }
  const explained =
    tally.start +
    tally.created +
    tally.pulledIn +
    tally.increased -
    tally.decreased -
    tally.pushedOut -
    tally.won -
    tally.lost;
  const flow: PipelineFlow = {
    start: fromCents(tally.start),
    created: fromCents(tally.created),
    pulledIn: fromCents(tally.pulledIn),
    increased: fromCents(tally.increased),
    decreased: fromCents(tally.decreased),
    pushedOut: fromCents(tally.pushedOut),
    won: fromCents(tally.won),
    lost: fromCents(tally.lost),
    residual: fromCents(tally.end - explained),
    end: fromCents(tally.end),
  };
  return { flow, movers: tally.movers.map((m) => ({ ...m, day: dayFromNumber(m.day) })) };
}

/**
 * One quarter's flow being summed, bucket by bucket in cents, with its largest movers. The
 * states it is told of are rows of the timelines, −1 before the deal existed.
 */
class FlowTally {
  start = 0;
  created = 0;
  pulledIn = 0;
  increased = 0;
  decreased = 0;
  pushedOut = 0;
  won = 0;
  lost = 0;
  end = 0;
  /** The largest movers, in rank order (see keepLargest). */
  readonly movers: Mover[] = [];
  /** The deal and day being classified, for the movers list. */
  deal = 0;
  today = 0;

  readonly timelines: Timelines;
  readonly first: number;
  readonly last: number;

  constructor(timelines: Timelines, first: number, last: number) {
    this.timelines = timelines;
    this.first = first;
    this.last = last;
  }

  /** Whether the state's close date is in the quarter. */
  inQuarter(row: number): boolean {
    const closeDay = this.timelines.closeDay;
    return row >= 0 && closeDay[row]! >= this.first && closeDay[row]! <= this.last;
  }

  /** Whether the state is in the quarter's pipeline: open, and due in the quarter. */
  member(row: number): boolean {
    return this.inQuarter(row) && (this.timelines.flags[row]! & CLOSED) === 0;
  }

  /** Puts one day's change of the deal (its states before and after) into the buckets. */
  classify(before: number, after: number): void {
    if (after === -1) return;
    const { amount, flags } = this.timelines;
    const closedInQuarter = (flags[after]! & CLOSED) !== 0 && this.inQuarter(after);
    if (this.member(before)) {
      if (this.member(after) || closedInQuarter) {
        const delta = amount[after]! - amount[before]!;
        if (delta > 0) this.move("increased", delta);
        if (delta < 0) this.move("decreased", -delta);
        if (closedInQuarter) this.close(after);
      } else {
        this.move("pushedOut", amount[before]!);
      }
      return;
    }
    if (
      this.member(after) ||
      (closedInQuarter && !(before !== -1 && (flags[before]! & CLOSED) !== 0 && this.inQuarter(before)))
    ) {
      if (before === -1) this.created += toCents(amount[after]!);
      else this.move("pulledIn", amount[after]!);
      if (closedInQuarter) this.close(after);
    }
  }

  /** A deal won or lost within the quarter, at its amount then. */
  close(after: number): void {
    const cents = toCents(this.timelines.amount[after]!);
    if ((this.timelines.flags[after]! & WON) !== 0) this.won += cents;
    else this.lost += cents;
  }

  /** A movement of the deal's amount, which may make it one of the largest movers. */
  move(movement: Mover["movement"], moved: number): void {
    this[movement] += toCents(moved);
    // Most movements are smaller than the smallest of a full list: they are not made into movers.
    if (this.movers.length === MOVERS && moved < this.movers[MOVERS - 1]!.amount) return;
    const o = this.timelines.opportunities[this.deal]!;
    keepLargest(this.movers, {
      id: o.id,
      name: o.name,
      owner: o.owner,
      movement,
      amount: moved,
      day: this.today,
    });
  }
}

/** The last row from `row` to `lastRow` whose change was made by the end of `day` (`row` when none after it was). */
function lastRowBy(at: Float64Array, row: number, lastRow: number, day: number): number {
  const end = endOfDay(day);
  while (row < lastRow && at[row + 1]! <= end) row++;
  return row;
}

/** How many movers the flow lists. */
const MOVERS = 15;

type Mover = Omit<FlowMover, "day"> & { day: number };

/** Largest amount first, then by id. */
const rank = (a: Mover, b: Mover) => b.amount - a.amount || a.id.localeCompare(b.id);

/**
 * Keeps `mover` among the MOVERS largest seen so far, in rank order; of equal rank the one
 * seen first stays first. A quarter of an enterprise export has hundreds of thousands of
 * movements: sorting them all to list fifteen would cost more than finding them.
 */
function keepLargest(top: Mover[], mover: Mover): void {
  if (top.length === MOVERS && rank(mover, top[MOVERS - 1]!) >= 0) return;
  let at = top.length;
  while (at > 0 && rank(mover, top[at - 1]!) < 0) at--;
  top.splice(at, 0, mover);
  if (top.length > MOVERS) top.pop();
}

/**
 * The day numbers in [first, last] on which deal i may have changed, ascending, into `days`
 * (long enough for its creation and each of its rows); returns how many. They are its
 * creation and each change on its timeline.
 */
function eventDays(timelines: Timelines, i: number, first: number, last: number, days: Int32Array): number {
  let count = 0;
  const created = timelines.created[i]!;
  if (created >= first && created <= last) days[count++] = created;
  // A timeline without history has one change at most: its close. Changes are in time order.
  for (let r = timelines.first[i]!; r < timelines.first[i + 1]!; r++) {
    const day = Math.floor(timelines.at[r]! / 86_400);
    if (day >= first && day <= last && (count === 0 || day !== days[count - 1])) days[count++] = day;
  }
  if (count > 1 && days[0] === created) {
    // The creation day may come after the first changes (rows time-stamped before it).
    days.subarray(0, count).sort();
    let kept = 1;
    for (let k = 1; k < count; k++) if (days[k] !== days[kept - 1]) days[kept++] = days[k]!;
    count = kept;
  }
  return count;
}
