import * as Plot from "@observablehq/plot";
import { formatDay, formatMoney, formatMoneyExact, formatPercent } from "../site/format.ts";
import type { Snapshot } from "../snapshot/snapshot.ts";
import { type Chart, chartDocument, svgMarkup } from "./renderChart.ts";

/** The forecast week by week against what was finally booked. */
export function forecastChart(snapshot: Snapshot): Chart {
  const f = snapshot.sections.forecast;
  const c = snapshot.currency;
  const points = [f.atStart, ...f.weekly];
  const series = points.flatMap((p) => [
    ...(p.submittedCommit === null
      ? []
      : [{ week: p.week, value: p.submittedCommit, series: "Submitted commit" }]),
    ...(p.weightedPipeline === null
      ? []
      : [{ week: p.week, value: p.weightedPipeline, series: "CRM weighted pipeline" }]),
  ]);
  const share = f.error.share;
  const finding =
    f.error.amount === null
      ? "No forecast standing at the start of the quarter can be reconstructed from this export"
      : share === null
        ? "Nothing was booked, so the forecast cannot be scored"
        : `The forecast at the start of the quarter was ${formatPercent(Math.abs(share))} ${share < 0 ? "below" : "above"} what we booked`;
  const id = "forecast-by-week";
  const figure = Plot.plot({
    document: chartDocument(),
    width: 640,
    height: 240,
    marginLeft: 60,
    x: { label: "Week of quarter (0 = the day before it started)" },
    y: { label: null, grid: true, tickFormat: (v: number) => formatMoney(v, c) },
    color: {
      domain: ["Submitted commit", "CRM weighted pipeline"],
      range: ["#1f4e79", "#d9822b"],
      legend: true,
    },
    marks: [
      Plot.ruleY([f.actual], { stroke: "#5b6472", strokeDasharray: "4 3" }),
      Plot.text([{ week: 0, value: f.actual }], {
        x: "week",
        y: "value",
        text: () => "Booked",
        dy: -8,
        textAnchor: "start",
      }),
      Plot.line(series, { x: "week", y: "value", stroke: "series", strokeWidth: 2 }),
      Plot.dot(series, { x: "week", y: "value", fill: "series", r: 2.5 }),
    ],
  });
  return {
    id,
    finding,
    description:
      "Lines: the submitted commit call and the CRM's probability-weighted forecast each week; dashed line: actual bookings.",
    svg: svgMarkup(figure, finding, `${id}-desc`),
    table: {
      columns: ["Week", "Day", "Submitted commit", "Submitted best case", "CRM weighted", "CRM commit"],
      rows: points.map((p) => [
        String(p.week),
        formatDay(p.date),
        p.submittedCommit === null ? "—" : formatMoneyExact(p.submittedCommit, c),
        p.submittedBestCase === null ? "—" : formatMoneyExact(p.submittedBestCase, c),
        formatMoneyExact(p.weightedPipeline, c),
        formatMoneyExact(p.crmCommit, c),
      ]),
    },
  };
}
