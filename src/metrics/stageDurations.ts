import { daysBetween } from "../calendar/days.ts";
import type { Quarter } from "../calendar/fiscalCalendar.ts";
import { closedIndexesBetween, type Dataset } from "./dataset.ts";
import { median } from "./groups.ts";
import { historyOf } from "./historyIndex.ts";

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
  for (const i of closedIndexesBetween(dataset, quarter.start, quarter.end)) {
    const rows = historyOf(dataset.history, i);
    let current: { stage: string; since: string } | null = null;
    for (const row of rows) {
      if (!order.has(row.stage)) order.set(row.stage, order.size);
      if (current !== null && row.stage !== current.stage) {
        const list = stays.get(current.stage) ?? [];
        list.push(daysBetween(current.since.slice(0, 10), row.at.slice(0, 10)));
        stays.set(current.stage, list);
      }
      if (current === null || row.stage !== current.stage)
        current = row.isClosed ? null : { stage: row.stage, since: row.at };
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
