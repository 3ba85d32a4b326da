import * as Plot from "@observablehq/plot";
import { formatCount, formatDay, formatMoney, formatMoneyExact, formatPercent } from "../site/format.ts";
import type { Snapshot } from "../snapshot/snapshot.ts";
import { type Chart, chartDocument, svgMarkup } from "./renderChart.ts";

/** Pipeline created per week of the quarter: when reps add opportunities. */
export function pipelineCreatedByWeekChart(snapshot: Snapshot): Chart | null {
  const created = snapshot.sections.pipeline.created;
  // Nothing created (or nothing with an amount): no bars drawn at a height of $0.
  if (created === null || created.byWeek.every((w) => w.amount === 0)) return null;
  const weeks = created.byWeek;
  const lastMonth = weeks.slice(-4).reduce((sum, w) => sum + w.amount, 0);
  const share = created.amount === 0 ? null : lastMonth / created.amount;
  const finding =
    share === null
      ? "No pipeline was created this quarter"
      : `${formatPercent(share)} of new pipeline was created in the last four weeks of the quarter`;
  const id = "pipeline-created-by-week";
  const figure = Plot.plot({
    document: chartDocument(),
    width: 640,
    height: 220,
    marginLeft: 56,
    x: { label: "Week of quarter", tickFormat: (w: number) => String(w) },
    y: { label: null, grid: true, tickFormat: (v: number) => formatMoney(v, snapshot.currency) },
    marks: [Plot.barY(weeks, { x: "week", y: "amount", fill: "#1f4e79" }), Plot.ruleY([0])],
  });
  return {
    id,
    finding,
    description: `Bar chart of pipeline created in each of the ${weeks.length} weeks of the quarter.`,
    svg: svgMarkup(figure, finding, `${id}-desc`),
    table: {
      columns: ["Week", "Starting", "Pipeline created", "Opportunities"],
      rows: weeks.map((w) => [
        String(w.week),
        formatDay(w.start),
        formatMoneyExact(w.amount, snapshot.currency),
        formatCount(w.deals),
      ]),
    },
  };
}
