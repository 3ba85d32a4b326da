import { dayFromNumber, dayNumber } from "../calendar/days.ts";
import type { Quarter } from "../calendar/fiscalCalendar.ts";
import type { Day } from "../model/records.ts";
import type { Dataset } from "./dataset.ts";
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

type Bucket = Exclude<keyof PipelineFlow, "start" | "end" | "residual">;

// The headline (slip rate) and the flow section ask for the same quarters.
const flowCache = new WeakMap<Dataset, Map<string, { flow: PipelineFlow; movers: FlowMover[] }>>();

/** The quarter's pipeline flow and its largest movers. */
export function pipelineFlow(
  dataset: Dataset,
  quarter: Quarter,
): { flow: PipelineFlow; movers: FlowMover[] } {
  let cache = flowCache.get(dataset);
  if (!cache) {
    cache = new Map();
    flowCache.set(dataset, cache);
  }
  let result = cache.get(quarter.id);
  if (!result) {
    result = computeFlow(dataset, quarter);
    cache.set(quarter.id, result);
  }
  return { flow: { ...result.flow }, movers: [...result.movers] };
}

function computeFlow(dataset: Dataset, quarter: Quarter): { flow: PipelineFlow; movers: FlowMover[] } {
  const cents: Record<Bucket | "start" | "end", number> = {
    start: 0,
    created: 0,
    pulledIn: 0,
    increased: 0,
    decreased: 0,
    pushedOut: 0,
    won: 0,
    lost: 0,
    end: 0,
  };
  // The largest movers, in rank order (see keepLargest).
  const movers: Mover[] = [];
  const timelines = dataset.timelines;
  const { closeDay, amount, flags, created, closedFrom, first: firstRow, at } = timelines;
  const first = dayNumber(quarter.start);
  const last = dayNumber(quarter.end);
  // States are rows of the timelines, −1 before the deal existed.
  const inQuarter = (r: number) => r >= 0 && closeDay[r]! >= first && closeDay[r]! <= last;
  const member = (r: number) => inQuarter(r) && (flags[r]! & CLOSED) === 0;
  // The deal and day being classified, for the movers list.
  let deal = 0;
  let today = 0;
  const move = (bucket: Bucket, moved: number) => {
    cents[bucket] += toCents(moved);
    if (bucket === "pushedOut" || bucket === "pulledIn" || bucket === "increased" || bucket === "decreased") {
      // Most movements are smaller than the smallest of a full list: they are not made into movers.
      if (movers.length === MOVERS && moved < movers[MOVERS - 1]!.amount) return;
      const o = timelines.opportunities[deal]!;
      keepLargest(movers, {
        id: o.id,
        name: o.name,
        owner: o.owner,
        movement: bucket,
        amount: moved,
        day: today,
      });
    }
  };
  const states = { member, inQuarter, amount, flags };
  const days: number[] = [];
  for (let i = 0; i < created.length; i++) {
    if (created[i]! > last) continue;
    // Created before the quarter and last changed before it: the same state all quarter
    // long (the common case, told without listing days or searching the timeline).
    const lastRow = firstRow[i + 1]! - 1;
    if (created[i]! < first && at[lastRow]! < first * 86_400) {
      if (member(lastRow)) {
        cents.start += toCents(amount[lastRow]!);
        cents.end += toCents(amount[lastRow]!);
      }
      continue;
    }
    eventDays(timelines, i, first, last, days);
    if (closedFrom[i]! < first && days.length === 0) continue;
    deal = i;
    // The state at the end of each day, found by moving forward through the timeline (its
    // changes are in time order) rather than searched for day by day: −1 before creation.
    let row = lastRowBy(at, firstRow[i]!, lastRow, first - 1);
    let before = created[i]! > first - 1 ? -1 : row;
    if (member(before)) cents.start += toCents(amount[before]!);
    for (const day of days) {
      row = lastRowBy(at, row, lastRow, day);
      const after = created[i]! > day ? -1 : row;
      today = day;
      classify(before, after, states, move);
      before = after;
    }
    // Unchanged within the quarter: it ends as it began.
    const end = days.length === 0 ? before : lastRowBy(at, row, lastRow, last);
    if (member(end)) cents.end += toCents(amount[end]!);
  }
  const explained =
    cents.start +
    cents.created +
    cents.pulledIn +
    cents.increased -
    cents.decreased -
    cents.pushedOut -
    cents.won -
    cents.lost;
  const flow: PipelineFlow = {
    start: fromCents(cents.start),
    created: fromCents(cents.created),
    pulledIn: fromCents(cents.pulledIn),
    increased: fromCents(cents.increased),
    decreased: fromCents(cents.decreased),
    pushedOut: fromCents(cents.pushedOut),
    won: fromCents(cents.won),
    lost: fromCents(cents.lost),
    residual: fromCents(cents.end - explained),
    end: fromCents(cents.end),
  };
  return { flow, movers: movers.map((m) => ({ ...m, day: dayFromNumber(m.day) })) };
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

/** What a state row says, for `classify`. */
interface States {
  member: (row: number) => boolean;
  inQuarter: (row: number) => boolean;
  amount: Float64Array;
  flags: Uint8Array;
}

/** Puts one day's change of a deal (state rows before and after, −1 before it existed) into the flow's buckets. */
function classify(
  before: number,
  after: number,
  { member, inQuarter, amount, flags }: States,
  move: (bucket: Bucket, amount: number) => void,
): void {
  if (after === -1) return;
  const closedInQuarter = (flags[after]! & CLOSED) !== 0 && inQuarter(after);
  const outcome = (flags[after]! & WON) !== 0 ? "won" : "lost";
  if (member(before)) {
    if (member(after) || closedInQuarter) {
      const delta = amount[after]! - amount[before]!;
      if (delta > 0) move("increased", delta);
      if (delta < 0) move("decreased", -delta);
      if (closedInQuarter) move(outcome, amount[after]!);
    } else {
      move("pushedOut", amount[before]!);
    }
    return;
  }
  if (
    member(after) ||
    (closedInQuarter && !(before !== -1 && (flags[before]! & CLOSED) !== 0 && inQuarter(before)))
  ) {
    move(before === -1 ? "created" : "pulledIn", amount[after]!);
    if (closedInQuarter) move(outcome, amount[after]!);
  }
}

/**
 * The day numbers in [first, last] on which deal i may have changed, ascending, into `days`:
 * its creation and each change on its timeline.
 */
function eventDays(timelines: Timelines, i: number, first: number, last: number, days: number[]): void {
  days.length = 0;
  const created = timelines.created[i]!;
  if (created >= first && created <= last) days.push(created);
  // A timeline without history has one change at most: its close. Changes are in time order.
  for (let r = timelines.first[i]!; r < timelines.first[i + 1]!; r++) {
    const day = Math.floor(timelines.at[r]! / 86_400);
    if (day >= first && day <= last && day !== days[days.length - 1]) days.push(day);
  }
  if (days.length > 1 && days[0] === created) {
    // The creation day may come after the first changes (rows time-stamped before it).
    days.sort((a, b) => a - b);
    let kept = 1;
    for (let k = 1; k < days.length; k++) if (days[k] !== days[kept - 1]) days[kept++] = days[k]!;
    days.length = kept;
  }
}
