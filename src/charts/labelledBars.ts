import * as Plot from "@observablehq/plot";
import { baseOptions, type ChartLayout, labelMargin } from "./renderChart.ts";

/*
 * Bars of one amount per category, each labelled with its value: up the page on wide screens,
 * across it on a phone, where a dozen categories would crowd a horizontal axis. Used by the
 * trends, pipeline created per week and the waterfall.
 */

/** One bar: from `from` (0 for a plain bar) to `to`. */
export interface LabelledBar {
  category: string;
  from: number;
  to: number;
  fill: string;
  /** The label drawn at the bar's end; "" for none. */
  text: string;
  /** Outlined at `to`, so that a total near zero still shows. */
  outlined?: boolean;
}

/** Options of `labelledBars`. */
export interface LabelledBarsOptions {
  /** Tick labels of the value axis (wide rendering). */
  format: (value: number) => string;
  /** Title of the category axis on the wide rendering; none when absent. */
  categoryLabel?: string;
  /** Colour of the outline of outlined bars. */
  outline?: string;
}

/** Draws labelled bars in a layout. */
export function labelledBars(
  layout: ChartLayout,
  bars: readonly LabelledBar[],
  options: LabelledBarsOptions,
): Element {
  const data = bars.map((b) => ({ ...b, top: Math.max(b.from, b.to) }));
  const domain = data.map((b) => b.category);
  const outlined = data.filter((b) => b.outlined);
  const { outline = "currentColor" } = options;
  if (layout.narrow) {
    return Plot.plot({
      ...baseOptions(layout, 24 + data.length * layout.fontSize * 2.1),
      marginLeft: labelMargin(domain, layout),
      marginRight: 64,
      x: { axis: null },
      y: { label: null, domain },
      marks: [
        Plot.barX(data, { y: "category", x1: "from", x2: "to", fill: "fill" }),
        Plot.tickX(outlined, { y: "category", x: "to", stroke: outline, strokeWidth: 3 }),
        Plot.text(data, { y: "category", x: "top", text: "text", textAnchor: "start", dx: 5 }),
        Plot.ruleX([0]),
      ],
    });
  }
  return Plot.plot({
    ...baseOptions(layout, 270),
    marginLeft: 64,
    marginTop: 28,
    marginBottom: options.categoryLabel ? 40 : 30,
    x: { label: options.categoryLabel ?? null, domain },
    y: { label: null, grid: true, ticks: 4, tickFormat: options.format },
    marks: [
      Plot.barY(data, { x: "category", y1: "from", y2: "to", fill: "fill" }),
      Plot.tickY(outlined, { x: "category", y: "to", stroke: outline, strokeWidth: 3 }),
      Plot.text(data, { x: "category", y: "top", text: "text", dy: -10 }),
      Plot.ruleY([0]),
    ],
  });
}
