import { formatCount, formatDay, formatMoney, formatPercent } from "../site/format.ts";
import { partialWeekNote, quarterWeek } from "../site/weeks.ts";
import type { Snapshot } from "../snapshot/snapshot.ts";
import { labelledBars } from "./labelledBars.ts";
import { ACCENT, type Chart, FADED, hasData, moneyUnit, renderChart } from "./renderChart.ts";

/** Pipeline created per week of the quarter: when reps add opportunities. */
export function pipelineCreatedByWeekChart(snapshot: Snapshot): Chart | null {
  const c = snapshot.currency;
  const created = snapshot.sections.pipeline.created;
  // Nothing created (or nothing with an amount): no bars drawn at a height of $0.
  if (created === null || created.byWeek.every((w) => w.amount === 0)) return null;
  // A short last week is starred and drawn lighter, so it does not read as a slump.
  const weeks = created.byWeek.map((w) => ({ ...w, ...quarterWeek(snapshot, w.week) }));
  const partial = weeks.filter((w) => w.days < 7);
  const lastMonth = weeks.slice(-4).reduce((sum, w) => sum + w.amount, 0);
  const share = created.amount === 0 ? null : lastMonth / created.amount;
  const money = (v: number) => formatMoney(v, c);
  const note = partialWeekNote(weeks);
  return renderChart({
    id: "pipeline-created-by-week",
    finding:
      share === null
        ? "No pipeline was created this quarter"
        : `${formatPercent(share)} of new pipeline was created in the last four weeks of the quarter`,
    subtitle: `Pipeline created, ${moneyUnit(Math.max(0, ...weeks.map((w) => w.amount)), c)}, by week of the quarter${note && `; ${note}`}`,
    description: `Bars of pipeline created in each of the ${weeks.length} weeks of the quarter, each labelled with its value${partial.length > 0 ? "; a short last week is starred and drawn lighter" : ""}.`,
    hasData: hasData(weeks.map((w) => w.amount)),
    table: {
      columns: ["Week", "Starting", "Days", "Pipeline created", "Opportunities"],
      rows: weeks.map((w) => [
        w.label,
        formatDay(w.start),
        String(w.days),
        money(w.amount),
        formatCount(w.deals),
      ]),
    },
    plot: (layout) =>
      labelledBars(
        layout,
        weeks.map((w) => ({
          category: w.label,
          from: 0,
          to: w.amount,
          fill: w.days < 7 ? FADED : ACCENT,
          text: w.amount === 0 ? "" : money(w.amount),
        })),
        { format: money, categoryLabel: "Week of quarter" },
      ),
  });
}
