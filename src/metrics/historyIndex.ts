import type { HistoryLog } from "../model/historyLog.ts";
import type { HistoryRow, Opportunity } from "../model/records.ts";
import { dictionaryIds, type IdIndex, indexIds } from "./idIndex.ts";

/*
 * The history rows of each opportunity, oldest first, without one array per opportunity: the
 * row numbers sit in one typed array, grouped by opportunity, so that an enterprise export's
 * million deals cost a few flat arrays rather than a million small ones for the collector to
 * trace. Times are the log's seconds of the local clock, so that ordering and point-in-time
 * questions compare numbers, not strings.
 */

/** History rows grouped by opportunity id and sorted by time. */
export interface HistoryIndex {
  /** The rows, by column (their times in `log.seconds`). */
  readonly log: HistoryLog;
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

/** Groups the history rows of the given opportunities by id, each group sorted by time. */
export function indexHistory(
  opportunities: readonly Pick<Opportunity, "id">[],
  log: HistoryLog,
): HistoryIndex {
  const groups = opportunities.length;
  // A log coded by the deals' own dictionary (as ingest codes it) holds each deal's id at the
  // deal's position: the dictionary is then the index of the ids, and each code its deal's group.
  const texts = log.opportunities.texts;
  let aligned = texts.length === groups;
  for (let c = 0; aligned && c < groups; c++) aligned = opportunities[c]!.id === texts[c];
  const ids = aligned ? dictionaryIds(log.opportunities) : indexIds(opportunities);
  const groupOfOpportunity = ids.firstOf;
  const groupOfCode = aligned ? groupOfOpportunity : new Int32Array(texts.length);
  if (!aligned)
    for (let c = 0; c < texts.length; c++) {
      const i = ids.find(texts[c]!);
      groupOfCode[c] = i === -1 ? -1 : groupOfOpportunity[i]!;
    }
  const rows = log.length;
  const code = log.opportunity;
  const from = new Int32Array(groups + 1);
  for (let r = 0; r < rows; r++) {
    const g = groupOfCode[code[r]!]!;
    if (g !== -1) from[g + 1]!++;
  }
  for (let g = 0; g < groups; g++) from[g + 1]! += from[g]!;
  // A counting sort by group keeps file order within each group; a group is then sorted by
  // time only when the file had it out of order, stably, so rows with the same timestamp
  // stay as the CRM wrote them.
  const seconds = log.seconds;
  const order = new Int32Array(from[groups]!);
  const next = from.slice(0, groups);
  for (let r = 0; r < rows; r++) {
    const g = groupOfCode[code[r]!]!;
    if (g !== -1) order[next[g]!++] = r;
  }
  for (let g = 0; g < groups; g++) sortByTime(order, from[g]!, from[g + 1]!, seconds);
  return { log, order, from, groupOfOpportunity, ids };
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
  for (let k = index.from[g]!; k < index.from[g + 1]!; k++) rows.push(index.log.at(index.order[k]!));
  return rows;
}
