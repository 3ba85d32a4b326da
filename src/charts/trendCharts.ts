import { change } from "../site/comparisons.ts";
import { formatChange, formatMoney, formatQuarter } from "../site/format.ts";
import type { Snapshot } from "../snapshot/snapshot.ts";
import { labelledBars } from "./labelledBars.ts";
import { ACCENT, type Chart, FADED, hasData, moneyUnit, renderChart } from "./renderChart.ts";

/*
 * Charts across the archive: one bar per issued quarter, the latest highlighted. They read
 * from issued snapshots only, so they show the record as it was given to the board.
 */

/** Bookings per issued quarter up to `current`. */
export function bookingsTrendChart(archive: readonly Snapshot[], current: Snapshot): Chart | null {
  return trendChart(archive, current, {
    id: "bookings-trend",
    label: "Bookings",
    value: (s) => s.headline.bookings,
    finding: (now, yearAgo) =>
      yearAgo === undefined || yearAgo === null
        ? `Bookings were ${formatMoney(now, current.currency)} in ${formatQuarter(current.quarter)}`
        : `Bookings ${verb(change("bookings", now, yearAgo))} on the same quarter last year`,
  });
}

/** Open pipeline at the end of each issued quarter up to `current`. */
export function pipelineTrendChart(archive: readonly Snapshot[], current: Snapshot): Chart | null {
  return trendChart(archive, current, {
    id: "pipeline-trend",
    label: "Open pipeline at quarter end",
    value: (s) => s.headline.openPipeline,
    finding: (now, yearAgo) =>
      yearAgo === undefined || yearAgo === null
        ? `Open pipeline stood at ${formatMoney(now, current.currency)} at quarter end`
        : `Open pipeline ${verb(change("openPipeline", now, yearAgo))} on a year ago`,
  });
}

interface TrendOptions {
  id: string;
  label: string;
  value: (s: Snapshot) => number | null;
  finding: (now: number, yearAgo: number | null | undefined) => string;
}

function trendChart(archive: readonly Snapshot[], current: Snapshot, options: TrendOptions): Chart | null {
  const c = current.currency;
  const history = archive
    .filter((s) => s.quarter <= current.quarter)
    .sort((a, b) => a.quarter.localeCompare(b.quarter))
    .slice(-8);
  const data = history.map((s) => ({
    quarter: formatQuarter(s.quarter),
    value: options.value(s),
    current: s.quarter === current.quarter,
  }));
  // Nothing known in any quarter: no chart (the section says why), not an empty axis.
  if (data.every((d) => d.value === null)) return null;
  const yearAgo = archive.find((s) => s.quarter === current.comparisons.yearAgo.quarter);
  const money = (v: number) => formatMoney(v, c);
  const max = Math.max(0, ...data.map((d) => d.value ?? 0));
  const now = options.value(current);
  return renderChart({
    id: options.id,
    finding:
      now === null
        ? `${options.label} is not known for ${formatQuarter(current.quarter)}`
        : options.finding(now, yearAgo ? options.value(yearAgo) : undefined),
    subtitle: `${options.label}, ${moneyUnit(max, c)}, by quarter`,
    description: `Bars of ${options.label.toLowerCase()} for the last ${data.length} quarters, ${formatQuarter(current.quarter)} highlighted, each labelled with its value.`,
    hasData: hasData(data.map((d) => d.value)),
    table: {
      columns: ["Quarter", options.label],
      rows: data.map((d) => [d.quarter, d.value === null ? "not known" : money(d.value)]),
    },
    // A quarter whose figure the export could not support has no bar (its table row says so).
    plot: (layout) =>
      labelledBars(
        layout,
        data.map((d) => ({
          category: d.quarter,
          from: 0,
          to: d.value ?? 0,
          fill: d.current ? ACCENT : FADED,
          text: d.value === null ? "not known" : money(d.value),
        })),
        { format: money },
      ),
  });
}

function verb(c: ReturnType<typeof change>): string {
  if (c === null) return "are not comparable";
  const text = formatChange(c);
  return text.startsWith("+")
    ? `grew ${text.slice(1)}`
    : text.startsWith("−")
      ? `fell ${text.slice(1)}`
      : "were flat";
}
