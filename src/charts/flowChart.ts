import * as Plot from "@observablehq/plot";
import { formatMoney, formatMoneyExact, formatQuarter } from "../site/format.ts";
import type { Snapshot } from "../snapshot/snapshot.ts";
import { type Chart, chartDocument, svgMarkup } from "./renderChart.ts";

const STEPS = [
  ["start", "Start", 0],
  ["created", "Created", 1],
  ["pulledIn", "Pulled in", 1],
  ["increased", "Increased", 1],
  ["decreased", "Decreased", -1],
  ["pushedOut", "Pushed out", -1],
  ["won", "Won", -1],
  ["lost", "Lost", -1],
  ["residual", "Unexplained", 1],
  ["end", "End", 0],
] as const;

/** A waterfall of the quarter's pipeline: from the start through each movement to the end. */
export function flowChart(snapshot: Snapshot): Chart | null {
  if (snapshot.sections.flow === null) return null;
  const flow = snapshot.sections.flow.flow;
  // A quarter with no pipeline due and no movement has nothing to draw: no bars at $0.
  if (STEPS.every(([key]) => flow[key] === 0)) return null;
  const c = snapshot.currency;
  let level = 0;
  const bars = STEPS.filter(([key]) => key !== "residual" || flow.residual !== 0).map(
    ([key, label, sign]) => {
      const value = flow[key];
      const from = sign === 0 ? 0 : level;
      const to = sign === 0 ? value : level + sign * value;
      level = to;
      const kind = sign === 0 ? "Total" : sign > 0 ? "Added" : "Removed";
      return { label, from, to, kind, value };
    },
  );
  const finding = `${formatMoney(flow.won, c)} of the ${formatMoney(flow.start + flow.created + flow.pulledIn, c)} due in ${formatQuarter(snapshot.quarter)} was won; ${formatMoney(flow.pushedOut, c)} was pushed out`;
  const id = "pipeline-flow";
  const figure = Plot.plot({
    document: chartDocument(),
    width: 640,
    height: 240,
    marginLeft: 60,
    x: { label: null, domain: bars.map((b) => b.label), tickRotate: 0 },
    y: { label: null, grid: true, tickFormat: (v: number) => formatMoney(v, c) },
    color: { domain: ["Total", "Added", "Removed"], range: ["#1f4e79", "#5a9e6f", "#d9822b"], legend: true },
    marks: [Plot.barY(bars, { x: "label", y1: "from", y2: "to", fill: "kind" }), Plot.ruleY([0])],
  });
  return {
    id,
    finding,
    description:
      "Waterfall: the pipeline due to close in the quarter at its start, what was added and removed during it, and what was left at its end.",
    svg: svgMarkup(figure, finding, `${id}-desc`),
    table: {
      columns: ["Movement", "Amount"],
      rows: bars.map((b) => [b.label, formatMoneyExact(b.value, c)]),
    },
  };
}
