import { formatMoney, formatQuarter } from "../site/format.ts";
import type { Snapshot } from "../snapshot/snapshot.ts";
import { labelledBars } from "./labelledBars.ts";
import { type Chart, hasData, moneyUnit, OUTCOME_COLORS, renderChart } from "./renderChart.ts";

/*
 * A waterfall of the pipeline due to close in the quarter. Won and lost both leave the
 * pipeline, but they are opposite news, so each has its outcome colour rather than one
 * "removed" colour; totals are outlined so a tiny end total still shows.
 */

const STEPS = [
  ["start", "Start", 0, "Total"],
  ["created", "Created", 1, "Added"],
  ["pulledIn", "Pulled in", 1, "Added"],
  ["increased", "Increased", 1, "Added"],
  ["decreased", "Decreased", -1, "Removed"],
  ["pushedOut", "Pushed out", -1, "Removed"],
  ["won", "Won", -1, "Won"],
  ["lost", "Lost", -1, "Lost"],
  ["residual", "Unexplained", 1, "Added"],
  ["end", "End", 0, "Total"],
] as const;

const KINDS = {
  Total: "#5b6472",
  Added: "#5a9e6f",
  Removed: "#c9a227",
  Won: OUTCOME_COLORS.Won,
  Lost: OUTCOME_COLORS.Lost,
} as const;

const LEGEND = {
  Total: "Pipeline at start and end",
  Added: "Added",
  Removed: "Shrunk or pushed out",
  Won: "Won",
  Lost: "Lost",
} as const;

/** A waterfall of the quarter's pipeline: from the start through each movement to the end. */
export function flowChart(snapshot: Snapshot): Chart | null {
  if (snapshot.sections.flow === null) return null;
  const flow = snapshot.sections.flow.flow;
  // A quarter with no pipeline due and no movement has nothing to draw: no bars at $0.
  if (STEPS.every(([key]) => flow[key] === 0)) return null;
  const c = snapshot.currency;
  let level = 0;
  const bars = STEPS.filter(([key]) => key !== "residual" || flow.residual !== 0).map(
    ([key, label, sign, kind]) => {
      const value = flow[key];
      const from = sign === 0 ? 0 : level;
      const to = sign === 0 ? value : level + sign * value;
      level = to;
      return { label, from, to, kind, value, top: Math.max(from, to) };
    },
  );
  const money = (v: number) => formatMoney(v, c);
  const text = (b: { value: number; kind: string }) =>
    b.kind === "Total" || b.value === 0
      ? money(b.value)
      : `${b.kind === "Added" ? "+" : "−"}${money(b.value)}`;
  const shown = new Set(bars.map((b) => b.kind));
  return renderChart({
    id: "pipeline-flow",
    finding: `${money(flow.won)} of the ${money(flow.start + flow.created + flow.pulledIn)} due in ${formatQuarter(snapshot.quarter)} was won; ${money(flow.pushedOut)} was pushed out`,
    subtitle: `Pipeline due to close in ${formatQuarter(snapshot.quarter)}, ${moneyUnit(Math.max(0, ...bars.map((b) => b.top)), c)}, from the quarter's start to its end`,
    description:
      "Waterfall: the pipeline due to close in the quarter at its start, what was added, shrunk, pushed out, won and lost during it, and what was left at its end; each step labelled with its amount.",
    hasData: hasData(bars.map((b) => b.value)),
    legend: Object.entries(LEGEND)
      .filter(([kind]) => shown.has(kind as keyof typeof KINDS))
      .map(([kind, label]) => ({ label, color: KINDS[kind as keyof typeof KINDS] })),
    table: {
      columns: ["Movement", "Amount"],
      rows: bars.map((b) => [b.label, money(b.value)]),
    },
    plot: (layout) =>
      labelledBars(
        layout,
        bars.map((b) => ({
          category: b.label,
          from: b.from,
          to: b.to,
          fill: KINDS[b.kind],
          text: text(b),
          outlined: b.kind === "Total",
        })),
        { format: money, outline: KINDS.Total },
      ),
  });
}
