import * as Plot from "@observablehq/plot";
import { formatDay, formatMoney, formatPercent } from "../site/format.ts";
import type { Snapshot } from "../snapshot/snapshot.ts";
import { baseOptions, type Chart, hasData, moneyUnit, renderChart } from "./renderChart.ts";

const SERIES = { "Submitted commit": "#1f4e79", "CRM weighted pipeline": "#d9822b" } as const;

/** The forecast week by week against what was finally booked. */
export function forecastChart(snapshot: Snapshot): Chart {
  const f = snapshot.sections.forecast;
  const c = snapshot.currency;
  const points = [f.atStart, ...f.weekly];
  const series = points.flatMap((p) => [
    ...(p.submittedCommit === null
      ? []
      : [{ week: p.week, value: p.submittedCommit, series: "Submitted commit" as const }]),
    ...(p.weightedPipeline === null
      ? []
      : [{ week: p.week, value: p.weightedPipeline, series: "CRM weighted pipeline" as const }]),
  ]);
  const shown = new Set(series.map((s) => s.series));
  const share = f.error.share;
  const money = (v: number) => formatMoney(v, c);
  const max = Math.max(f.actual, ...series.map((s) => s.value));
  // The last value of each line is labelled; the higher label goes above, the lower below, so
  // two lines ending close together keep readable labels.
  const last = [...shown]
    .map((name) => series.filter((s) => s.series === name).at(-1)!)
    .sort((a, b) => b.value - a.value)
    .map((s, i) => ({ ...s, dy: i === 0 ? -9 : 13 }));
  return renderChart({
    id: "forecast-by-week",
    finding:
      f.error.amount === null
        ? "No forecast standing at the start of the quarter can be reconstructed from this export"
        : share === null
          ? "Nothing was booked, so the forecast cannot be scored"
          : `The forecast at the start of the quarter was ${formatPercent(Math.abs(share))} ${share < 0 ? "below" : "above"} what we booked`,
    subtitle: `Forecast and bookings, ${moneyUnit(max, c)}, by week of the quarter (0 = the day before it started)`,
    description:
      "Lines: the submitted commit call and the CRM's probability-weighted forecast each week, the last value of each labelled; dashed line: actual bookings.",
    hasData: hasData([f.actual, ...series.map((s) => s.value)]),
    legend: [
      ...Object.entries(SERIES)
        .filter(([name]) => shown.has(name as keyof typeof SERIES))
        .map(([label, color]) => ({ label, color })),
      { label: "Booked (dashed)", color: "#5b6472" },
    ],
    table: {
      columns: ["Week", "Day", "Submitted commit", "Submitted best case", "CRM weighted", "CRM commit"],
      rows: points.map((p) => [
        String(p.week),
        formatDay(p.date),
        p.submittedCommit === null ? "—" : money(p.submittedCommit),
        p.submittedBestCase === null ? "—" : money(p.submittedBestCase),
        p.weightedPipeline === null ? "—" : money(p.weightedPipeline),
        p.crmCommit === null ? "—" : money(p.crmCommit),
      ]),
    },
    plot: (layout) =>
      Plot.plot({
        ...baseOptions(layout, layout.narrow ? 220 : 280),
        marginLeft: 64,
        marginRight: layout.narrow ? 52 : 72,
        marginTop: 24,
        marginBottom: 36,
        x: { label: "Week", ticks: layout.narrow ? 4 : 8 },
        y: { label: null, grid: true, ticks: 4, tickFormat: money },
        color: { domain: Object.keys(SERIES), range: Object.values(SERIES) },
        marks: [
          Plot.ruleY([f.actual], { stroke: "#5b6472", strokeDasharray: "4 3" }),
          Plot.text([{ week: 0, value: f.actual }], {
            x: "week",
            y: "value",
            text: () => `Booked ${money(f.actual)}`,
            dy: -10,
            textAnchor: "start",
          }),
          Plot.line(series, { x: "week", y: "value", stroke: "series", strokeWidth: 2 }),
          Plot.dot(series, { x: "week", y: "value", fill: "series", r: 2.5 }),
          ...last.map((s) =>
            Plot.text([s], {
              x: "week",
              y: "value",
              text: () => money(s.value),
              textAnchor: "end",
              dy: s.dy,
              fill: SERIES[s.series],
            }),
          ),
        ],
      }),
  });
}
