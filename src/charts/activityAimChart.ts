import * as Plot from "@observablehq/plot";
import { ratio } from "../metrics/money.ts";
import { formatCount, formatPercent } from "../site/format.ts";
import type { Snapshot } from "../snapshot/snapshot.ts";
import { type Chart, chartDocument, svgMarkup } from "./renderChart.ts";

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
  const finding = aimedBetter
    ? `${busiest!.owner} logged the most activity but won ${formatPercent(busiest!.winRate)}; ${bestWinRate!.owner} aimed more at the ICP and won ${formatPercent(bestWinRate!.winRate)}`
    : "Calls and meetings per rep, on target and otherwise";
  const id = "activity-aim";
  const figure = Plot.plot({
    document: chartDocument(),
    width: 640,
    height: 60 + reps.length * 30,
    marginLeft: 110,
    x: { label: "Calls and meetings in the quarter", grid: true },
    y: { label: null, domain: reps.map((r) => r.owner) },
    color: { domain: ["On target", "Other"], range: ["#1f4e79", "#b8bec6"], legend: true },
    marks: [
      Plot.barX(data, Plot.stackX({ x: "count", y: "owner", fill: "part", order: ["On target", "Other"] })),
      Plot.ruleX([0]),
    ],
  });
  return {
    id,
    finding,
    description:
      "Stacked bars per rep: calls and meetings with an ICP account and a target persona (on target), and the rest.",
    svg: svgMarkup(figure, finding, `${id}-desc`),
    table: {
      columns: ["Rep", "Calls + meetings", "On target", "Win rate"],
      rows: reps.map((r) => [
        r.owner,
        formatCount(r.calls.count + r.meetings.count),
        formatCount(r.calls.onTarget + r.meetings.onTarget),
        formatPercent(r.winRate),
      ]),
    },
  };
}
