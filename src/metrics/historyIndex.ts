import { dayNumber } from "../calendar/days.ts";
import { Dictionary } from "../model/dictionary.ts";
import type { HistoryRow, LocalTime, Opportunity } from "../model/records.ts";

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
  /** The rows of group g are order[from[g]] … order[from[g + 1] − 1]. */
  readonly from: Int32Array;
  /**
   * The opportunities' ids: a group is the first position of its id, and rows of ids of no
   * opportunity are in none (they are not used).
   */
  readonly ids: Dictionary;
  /** Group of each id in `ids`: the first position of the id among the opportunities. */
  readonly groupOfId: Int32Array;
  /** Group of each opportunity given, by index (a repeated id shares the first one's). */
  readonly groupOfOpportunity: Int32Array;
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
  const ids = new Dictionary();
  const groupOfOpportunity = new Int32Array(opportunities.length);
  const firstPositions: number[] = [];
  opportunities.forEach((o, i) => {
    const id = ids.code(o.id);
    if (id === firstPositions.length) firstPositions.push(i);
    groupOfOpportunity[i] = firstPositions[id]!;
  });
  const groupOfId = Int32Array.from(firstPositions);
  const groupOf = (id: string) => {
    const at = ids.find(id);
    return at === -1 ? -1 : groupOfId[at]!;
  };
  const groups = opportunities.length;
  const groupOfRow = new Int32Array(rows.length);
  const from = new Int32Array(groups + 1);
  const seconds = new Float64Array(rows.length);
  // Exports list a deal's rows together, mostly: the id of the row before is asked first.
  let lastId = "";
  let lastGroup = -1;
  for (let r = 0; r < rows.length; r++) {
    const id = rows[r]!.opportunityId;
    const g = id === lastId ? lastGroup : groupOf(id);
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
  return { rows, seconds, order, from, ids, groupOfId, groupOfOpportunity };
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

/** The history rows of one opportunity, oldest first. */
export function historyOf(index: HistoryIndex, opportunityId: string): HistoryRow[] {
  const at = index.ids.find(opportunityId);
  if (at === -1) return [];
  const g = index.groupOfId[at]!;
  const rows: HistoryRow[] = [];
  for (let k = index.from[g]!; k < index.from[g + 1]!; k++) rows.push(index.rows[index.order[k]!]!);
  return rows;
}
