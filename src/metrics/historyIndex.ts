import { dayNumber } from "../calendar/days.ts";
import type { HistoryRow, LocalTime, Opportunity } from "../model/records.ts";
import { type IdIndex, indexIds } from "./idIndex.ts";

/*
 * The history rows of each opportunity, oldest first, without one array per opportunity: the
 * row numbers sit in one typed array, grouped by opportunity, so that an enterprise export's
 * million deals cost a few flat arrays rather than a million small ones for the collector to
 * trace. Times are seconds of the local clock, so that ordering and point-in-time questions
 * compare numbers, not strings.
 */

/** History rows grouped by opportunity id and sorted by time. */
export interface HistoryIndex {
  readonly rows: readonly HistoryRow[];
  /** Each row's time in seconds of the local clock since 1970-01-01T00:00:00. */
  readonly seconds: Float64Array;
  /** Row numbers, opportunity by opportunity, oldest first within each. */
  readonly order: Int32Array;
  /**
   * The rows of group g are order[from[g]] … order[from[g + 1] − 1]. A group is the first
   * position of an id among the opportunities; rows of ids of no opportunity are in none
   * (they are not used).
   */
  readonly from: Int32Array;
  /** Group of each opportunity given, by index (a repeated id shares the first one's). */
  readonly groupOfOpportunity: Int32Array;
  /** The opportunities' ids, to find a deal's position from its id. */
  readonly ids: IdIndex;
}

/** A local time as seconds since 1970-01-01T00:00:00 of the same clock: orders as the text does. */
export function secondsOf(time: LocalTime): number {
  const two = (at: number) => (time.charCodeAt(at) - 48) * 10 + time.charCodeAt(at + 1) - 48;
  return dayNumber(time) * 86_400 + two(11) * 3600 + two(14) * 60 + two(17);
}

/** Groups the history rows of the given opportunities by id, each group sorted by time. */
export function indexHistory(
  opportunities: readonly Pick<Opportunity, "id">[],
  rows: readonly HistoryRow[],
): HistoryIndex {
  const ids = indexIds(opportunities);
  const groupOfOpportunity = ids.firstOf;
  const groups = opportunities.length;
  const groupOfRow = new Int32Array(rows.length);
  const from = new Int32Array(groups + 1);
  const seconds = new Float64Array(rows.length);
  // Exports list a deal's rows together, mostly in the deals' own order: the deal of the row
  // before and the next few are tried before the id is looked up.
  let lastId = "";
  let lastGroup = -1;
  let cursor = 0;
  for (let r = 0; r < rows.length; r++) {
    const id = rows[r]!.opportunityId;
    let g = lastGroup;
    if (id !== lastId) {
      let i = nearby(opportunities, cursor, id);
      if (i === -1) i = ids.find(id);
      if (i !== -1) cursor = i;
      g = i === -1 ? -1 : groupOfOpportunity[i]!;
    }
    lastId = id;
    lastGroup = g;
    groupOfRow[r] = g;
    if (g === -1) continue;
    from[g + 1]!++;
    seconds[r] = secondsOf(rows[r]!.at);
  }
  for (let g = 0; g < groups; g++) from[g + 1]! += from[g]!;
  // A counting sort by group keeps file order within each group; a group is then sorted by
  // time only when the file had it out of order, stably, so rows with the same timestamp
  // stay as the CRM wrote them.
  const order = new Int32Array(from[groups]!);
  const next = from.slice(0, groups);
  for (let r = 0; r < rows.length; r++) {
    const g = groupOfRow[r]!;
    if (g >= 0) order[next[g]!++] = r;
  }
  for (let g = 0; g < groups; g++) sortByTime(order, from[g]!, from[g + 1]!, seconds);
  return { rows, seconds, order, from, groupOfOpportunity, ids };
}

/** How many deals past the last one matched a row's id is looked for before the lookup. */
const LOOKAHEAD = 4;

/** The position among cursor … cursor + LOOKAHEAD of the opportunity with `id`, or −1. */
function nearby(opportunities: readonly Pick<Opportunity, "id">[], cursor: number, id: string): number {
  const end = Math.min(opportunities.length, cursor + LOOKAHEAD + 1);
  for (let i = cursor; i < end; i++) if (opportunities[i]!.id === id) return i;
  return -1;
}

/**
 * Sorts order[start … end − 1] by the rows' times, stably. Insertion sort: a deal's history is
 * a handful of rows, often in order already, and it needs no array of its own.
 */
function sortByTime(order: Int32Array, start: number, end: number, seconds: Float64Array): void {
  for (let k = start + 1; k < end; k++) {
    const row = order[k]!;
    const time = seconds[row]!;
    let j = k - 1;
    while (j >= start && seconds[order[j]!]! > time) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = row;
  }
}

/** The history rows of the opportunity at position `opportunity`, oldest first. */
export function historyOf(index: HistoryIndex, opportunity: number): HistoryRow[] {
  const g = index.groupOfOpportunity[opportunity]!;
  const rows: HistoryRow[] = [];
  for (let k = index.from[g]!; k < index.from[g + 1]!; k++) rows.push(index.rows[index.order[k]!]!);
  return rows;
}
