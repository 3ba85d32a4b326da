import * as Plot from "@observablehq/plot";
import type { Snapshot } from "../snapshot/snapshot.ts";
import { chartDocument, chartMarkup } from "./renderChart.ts";

/** Bookings per quarter across the archive, as inline SVG. */
export function bookingsTrendChart(snapshots: Snapshot[], label: string): string {
  const data = [...snapshots]
    .sort((a, b) => a.quarter.localeCompare(b.quarter))
    .map((s) => ({ quarter: s.quarter, bookings: s.headline.bookings }));
  const figure = Plot.plot({
    document: chartDocument(),
    width: 640,
    height: 240,
    marginLeft: 60,
    x: { label: null },
    y: { label: "Bookings", grid: true, tickFormat: "~s" },
    marks: [Plot.barY(data, { x: "quarter", y: "bookings", fill: "#2f5d8a" }), Plot.ruleY([0])],
  });
  return chartMarkup(figure, label);
}
