import * as Plot from "@observablehq/plot";
import { ratio } from "../metrics/money.ts";
import { formatCount, formatPercent } from "../site/format.ts";
import type { Snapshot } from "../snapshot/snapshot.ts";
import {
  ACCENT,
  baseOptions,
  type Chart,
  fitLabel,
  hasData,
  labelMargin,
  renderChart,
} from "./renderChart.ts";

const PARTS = { "On target": ACCENT, Other: "#b8bec6" } as const;

/** Each rep's calls and meetings, split into on-target (ICP account and target persona) and the rest, beside their win rate. */
export function activityAimChart(snapshot: Snapshot): Chart | null {
  const reps = snapshot.sections.leadingIndicators.reps;
  const data = reps.flatMap((r) => {
    const total = r.calls.count + r.meetings.count;
    const onTarget = r.calls.onTarget + r.meetings.onTarget;
    return [
      { owner: r.owner, part: "On target", count: onTarget },
      { owner: r.owner, part: "Other", count: total - onTarget },
    ];
  });
  const totals = reps.map((r) => ({
    owner: r.owner,
    total: r.calls.count + r.meetings.count,
    onTarget: r.calls.onTarget + r.meetings.onTarget,
  }));
  const busiest = [...reps].sort(
    (a, b) => b.calls.count + b.meetings.count - (a.calls.count + a.meetings.count),
  )[0];
  const bestWinRate = [...reps]
    .filter((r) => r.winRate !== null)
    .sort((a, b) => (b.winRate ?? 0) - (a.winRate ?? 0))[0];
  const onTargetShare = (r: (typeof reps)[number]) =>
    ratio(r.calls.onTarget + r.meetings.onTarget, r.calls.count + r.meetings.count);
  const aimKnown =
    snapshot.unavailable["sections.leadingIndicators.icp"] === undefined &&
    snapshot.unavailable["sections.leadingIndicators.personas"] === undefined;
  // Without ICP fit or personas there is no aim to show: the section says what to export.
  if (!aimKnown) return null;
  // The title claims better aim only when the figures show it.
  const aimedBetter =
    busiest !== undefined &&
    bestWinRate !== undefined &&
    busiest.owner !== bestWinRate.owner &&
    (onTargetShare(bestWinRate) ?? 0) > (onTargetShare(busiest) ?? 0);
  return renderChart({
    id: "activity-aim",
    finding: aimedBetter
      ? `${busiest!.owner} logged the most activity but won ${formatPercent(busiest!.winRate)}; ${bestWinRate!.owner} aimed more at the ICP and won ${formatPercent(bestWinRate!.winRate)}`
      : "Calls and meetings per rep, on target and otherwise",
    subtitle: "Calls and meetings, count, by rep: on target and the rest",
    description:
      "Stacked bars per rep: calls and meetings with an ICP account and a target persona (on target), and the rest; each bar labelled with its total and the on-target count.",
    hasData: hasData(data.map((d) => d.count)),
    legend: Object.entries(PARTS).map(([label, color]) => ({ label, color })),
    table: {
      columns: ["Rep", "Calls + meetings", "On target", "Win rate"],
      rows: reps.map((r) => [
        r.owner,
        formatCount(r.calls.count + r.meetings.count),
        formatCount(r.calls.onTarget + r.meetings.onTarget),
        formatPercent(r.winRate),
      ]),
    },
    plot: (layout) => {
      const short = (owner: string) => fitLabel(owner, layout);
      const labels = reps.map((r) => short(r.owner));
      return Plot.plot({
        ...baseOptions(layout, 24 + reps.length * (layout.fontSize * 2.2)),
        marginLeft: labelMargin(labels, layout),
        marginRight: layout.narrow ? 48 : 220,
        x: { axis: null },
        y: { label: null, domain: labels },
        marks: [
          Plot.barX(
            data.map((d) => ({ ...d, owner: short(d.owner) })),
            Plot.stackX({
              x: "count",
              y: "owner",
              fill: (d: { part: keyof typeof PARTS }) => PARTS[d.part],
              order: Object.keys(PARTS),
            }),
          ),
          Plot.text(
            totals.map((t) => ({ ...t, owner: short(t.owner) })),
            {
              x: "total",
              y: "owner",
              text: (t: { total: number; onTarget: number }) =>
                layout.narrow
                  ? formatCount(t.total)
                  : `${formatCount(t.total)} (${formatCount(t.onTarget)} on target)`,
              textAnchor: "start",
              dx: 4,
            },
          ),
          Plot.ruleX([0]),
        ],
      });
    },
  });
}
