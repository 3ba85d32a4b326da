import * as Plot from "@observablehq/plot";
import { chartDocument } from "./renderChart.ts";

/** A word-sized trend line of a figure across quarters (decorative: the numbers are in the table beside it). */
export function sparkline(values: readonly (number | null)[]): string {
  const data = values.map((value, index) => ({ index, value })).filter((d) => d.value !== null);
  if (data.length < 2) return "";
  const figure = Plot.plot({
    document: chartDocument(),
    width: 96,
    height: 24,
    margin: 2,
    axis: null,
    marks: [
      Plot.lineY(data, { x: "index", y: "value", stroke: "#1f4e79", strokeWidth: 1.5 }),
      Plot.dot(data.slice(-1), { x: "index", y: "value", r: 2, fill: "#1f4e79" }),
    ],
  });
  figure.setAttribute("aria-hidden", "true");
  figure.setAttribute("class", `${figure.getAttribute("class") ?? ""} spark`);
  return figure.outerHTML;
}
