import type { Quarter } from "../calendar/fiscalCalendar.ts";
import { closedIndexesBetween, type Dataset } from "./dataset.ts";
import { median } from "./groups.ts";
import { CLOSED } from "./pointInTime.ts";

/** Days deals spent in one stage. */
export interface StageDuration {
  stage: string;
  /** Stays measured: a deal entering the stage and later leaving it. */
  stays: number;
  medianDays: number | null;
  meanDays: number | null;
}

/**
 * How long the deals that closed in the quarter spent in each open stage, from their history:
 * a stay runs from the change into a stage to the next change of stage. Deals without
 * history tell nothing here. Stages are listed in the order deals first reach them.
 */
export function stageDurations(dataset: Dataset, quarter: Quarter): StageDuration[] {
  const stays = new Map<string, number[]>();
  const order = new Map<string, number>();
  const { log, from, groupOfOpportunity } = dataset.history;
  const { seconds, stage: stageCode, flags } = log;
  for (const i of closedIndexesBetween(dataset, quarter.start, quarter.end)) {
    const g = groupOfOpportunity[i]!;
    let current: { stage: string; since: number } | null = null;
    // The deal's rows oldest first; a row's day is its time in seconds, in whole days.
    for (let k = from[g]!; k < from[g + 1]!; k++) {
      const r = dataset.history.order[k]!;
      const stage = log.stages.texts[stageCode[r]!]!;
      const day = Math.floor(seconds[r]! / 86_400);
      if (!order.has(stage)) order.set(stage, order.size);
      if (current !== null && stage !== current.stage) {
        const list = stays.get(current.stage) ?? [];
        list.push(day - current.since);
        stays.set(current.stage, list);
      }
      if (current === null || stage !== current.stage)
        current = flags[r]! & CLOSED ? null : { stage, since: day };
    }
  }
  return [...stays]
    .map(([stage, days]) => {
      const sorted = [...days].sort((a, b) => a - b);
      return {
        stage,
        stays: days.length,
        medianDays: median(sorted),
        meanDays: days.reduce((a, b) => a + b, 0) / days.length,
      };
    })
    .sort((a, b) => (order.get(a.stage) ?? 0) - (order.get(b.stage) ?? 0) || a.stage.localeCompare(b.stage));
}
