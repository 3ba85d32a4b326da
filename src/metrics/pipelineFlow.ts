import { addDays, dayNumber } from "../calendar/days.ts";
import type { Quarter } from "../calendar/fiscalCalendar.ts";
import type { Day } from "../model/records.ts";
import type { Dataset } from "./dataset.ts";
import { fromCents, toCents } from "./money.ts";
import { type OpportunityState, stateAt, type Timeline } from "./pointInTime.ts";

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
  const movers: FlowMover[] = [];
  const dayBefore = addDays(quarter.start, -1);
  const inQuarter = (s: OpportunityState | null) =>
    s !== null && s.closeDate >= quarter.start && s.closeDate <= quarter.end;
  const member = (s: OpportunityState | null) => inQuarter(s) && !s!.isClosed;

  const { closedFrom } = dataset.openWindows;
  const closedBeforeStart = dayNumber(dayBefore);
  for (let i = 0; i < dataset.timelines.length; i++) {
    const timeline = dataset.timelines[i]!;
    const o = timeline.opportunity;
    if (o.createdDate > quarter.end) continue;
    const days = eventDays(timeline, quarter);
    // Closed for good before the quarter and untouched in it: neither in its pipeline nor moving.
    if (closedFrom[i]! <= closedBeforeStart && days.length === 0) continue;
    let before = stateAt(timeline, dayBefore);
    if (member(before)) cents.start += toCents(before!.amount);
    for (const day of days) {
      const after = stateAt(timeline, day);
      const move = (bucket: Bucket, amount: number) => {
        cents[bucket] += toCents(amount);
        if (
          bucket === "pushedOut" ||
          bucket === "pulledIn" ||
          bucket === "increased" ||
          bucket === "decreased"
        ) {
          movers.push({ id: o.id, name: o.name, owner: o.owner, movement: bucket, amount, day });
        }
      };
      classify(before, after, member, inQuarter, move);
      before = after;
    }
    const last = stateAt(timeline, quarter.end);
    if (member(last)) cents.end += toCents(last!.amount);
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
  movers.sort((a, b) => b.amount - a.amount || a.id.localeCompare(b.id));
  return { flow, movers: movers.slice(0, 15) };
}

/** Puts one day's change of a deal into the flow's buckets. */
function classify(
  before: OpportunityState | null,
  after: OpportunityState | null,
  member: (s: OpportunityState | null) => boolean,
  inQuarter: (s: OpportunityState | null) => boolean,
  move: (bucket: Bucket, amount: number) => void,
): void {
  if (after === null) return;
  const closedInQuarter = after.isClosed && inQuarter(after);
  if (member(before)) {
    if (member(after) || closedInQuarter) {
      const delta = after.amount - before!.amount;
      if (delta > 0) move("increased", delta);
      if (delta < 0) move("decreased", -delta);
      if (closedInQuarter) move(after.isWon ? "won" : "lost", after.amount);
    } else {
      move("pushedOut", before!.amount);
    }
    return;
  }
  if (member(after) || (closedInQuarter && !(before?.isClosed && inQuarter(before)))) {
    move(before === null ? "created" : "pulledIn", after.amount);
    if (closedInQuarter) move(after.isWon ? "won" : "lost", after.amount);
  }
}

/** The days in the quarter on which the deal may have changed: its creation and each change on its timeline. */
function eventDays(timeline: Timeline, quarter: Quarter): Day[] {
  const days = new Set<Day>();
  const within = (d: Day) => d >= quarter.start && d <= quarter.end;
  if (within(timeline.opportunity.createdDate)) days.add(timeline.opportunity.createdDate);
  // A timeline without history has one change at most: its close.
  for (const at of timeline.at) if (within(at.slice(0, 10))) days.add(at.slice(0, 10));
  return [...days].sort();
}
