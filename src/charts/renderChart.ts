import { parseHTML } from "linkedom";

/*
 * Charts are Observable Plot figures rendered to SVG markup at build time, through a
 * server-side DOM: the page needs no chart JavaScript and prints as drawn. Every chart comes
 * with the sentence it proves (its title), a subtitle naming the measure and its unit, a
 * description for screen readers, and the table of numbers behind it.
 *
 * Each chart is drawn twice, narrow for phones and wide for larger screens, and the stylesheet
 * shows one of them: an SVG scales as a picture, so a single drawing would shrink its text
 * below legibility on a phone or leave half a desktop column empty.
 */

/** How one rendering of a chart is laid out. */
export interface ChartLayout {
  /** A DOM document Plot can draw into. */
  document: Document;
  /** Width in SVG units. */
  width: number;
  /** Text size in SVG units; at the widths the stylesheet shows each rendering, at least 10 px on screen. */
  fontSize: number;
  /** The phone rendering: bars run across rather than up, labels are shorter. */
  narrow: boolean;
}

/** The phone rendering: shown below 740 px of viewport, where the column is at most 708 px. */
export const NARROW: Omit<ChartLayout, "document"> = { width: 360, fontSize: 12, narrow: true };
/** The wide rendering: at 740 px of viewport it is scaled to 0.74, so 14 units read as 10.3 px. */
export const WIDE: Omit<ChartLayout, "document"> = { width: 960, fontSize: 14, narrow: false };

/** One entry of a chart's legend, drawn as text beside the chart (so it never scales). */
export interface LegendEntry {
  label: string;
  color: string;
}

/** What a chart module describes; `renderChart` turns it into a chart for the page. */
export interface ChartSpec {
  /** Stable id, used for the figure's anchor and the description. */
  id: string;
  /** The finding the chart shows, as a sentence. */
  finding: string;
  /** The measure, its unit and its breakdown: "Bookings, $M, by quarter". */
  subtitle: string;
  /** What is drawn, for readers who cannot see it. */
  description: string;
  /** Draws the chart in a layout; called once per rendering. */
  plot: (layout: ChartLayout) => Element;
  /** The numbers behind the chart. */
  table: { columns: string[]; rows: string[][] };
  legend?: LegendEntry[];
  /** False when every value is zero or missing: the chart is not drawn, the page says so. */
  hasData: boolean;
}

/** A chart ready for the page. */
export interface Chart {
  id: string;
  finding: string;
  subtitle: string;
  description: string;
  legend: LegendEntry[];
  /** The two renderings' SVG markup; null when there is nothing to draw. */
  svg: { narrow: string; wide: string } | null;
  table: { columns: string[]; rows: string[][] };
}

/** Renders a chart narrow and wide, named for assistive technology; skips drawing when it has no data. */
export function renderChart(spec: ChartSpec): Chart {
  const { id, finding, subtitle, description, table, legend = [], hasData } = spec;
  const draw = (layout: Omit<ChartLayout, "document">) =>
    svgMarkup(spec.plot({ ...layout, document: chartDocument() }), finding, `${id}-desc`);
  return {
    id,
    finding,
    subtitle,
    description,
    legend,
    svg: hasData ? { narrow: draw(NARROW), wide: draw(WIDE) } : null,
    table,
  };
}

/** True when at least one value is a non-zero number. */
export function hasData(values: readonly (number | null)[]): boolean {
  return values.some((v) => v !== null && v !== 0);
}

/** A DOM document Plot can draw into. */
export function chartDocument(): Document {
  return parseHTML("<!doctype html><html><body></body></html>").document as unknown as Document;
}

/** Plot's options every chart shares in a layout: size, text and no legend of Plot's own. */
export function baseOptions(layout: ChartLayout, height: number) {
  return {
    document: layout.document,
    width: layout.width,
    height,
    style: { fontSize: `${layout.fontSize}px` },
  };
}

/**
 * The left margin that fits the longest category label, at most 40% of the width; labels
 * longer than that are cut with an ellipsis by `fitLabel` (the table keeps them whole).
 */
export function labelMargin(labels: readonly string[], layout: ChartLayout): number {
  const longest = Math.max(0, ...labels.map((l) => l.length));
  return Math.min(Math.ceil(longest * layout.fontSize * 0.58) + 10, Math.floor(layout.width * 0.4));
}

/** A category label cut to what fits in `labelMargin`. */
export function fitLabel(label: string, layout: ChartLayout): string {
  const room = Math.floor((Math.floor(layout.width * 0.4) - 10) / (layout.fontSize * 0.58));
  return label.length <= room ? label : `${label.slice(0, Math.max(1, room - 1))}…`;
}

/** The unit money is read in on a chart whose largest value is `max`: "$M", "$K" or "$". */
export function moneyUnit(max: number, currency: string): string {
  const symbol = new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0 })
    .format(0)
    .replace(/[\d\s.,]/g, "");
  return Math.abs(max) >= 1_000_000 ? `${symbol}M` : Math.abs(max) >= 1_000 ? `${symbol}K` : symbol;
}

/**
 * Serialises a figure Plot rendered, naming the chart for assistive technology: exactly one
 * image per rendering, with Plot's names for its mark groups removed.
 */
export function svgMarkup(figure: Element, label: string, descriptionId: string): string {
  const isSvg = (e: Element) => e.tagName.toLowerCase() === "svg";
  const chart = isSvg(figure) ? figure : [...figure.children].find(isSvg);
  if (!isSvg(figure)) {
    for (const swatch of figure.querySelectorAll("svg"))
      if (swatch !== chart) swatch.setAttribute("aria-hidden", "true");
  }
  if (chart) {
    // Plot labels its mark groups ("bar", "rule"); inside a named image they only add noise,
    // and ARIA forbids names on plain groups.
    for (const part of chart.querySelectorAll("[aria-label], [aria-description]")) {
      part.removeAttribute("aria-label");
      part.removeAttribute("aria-description");
    }
    chart.setAttribute("role", "img");
    chart.setAttribute("aria-label", label);
    chart.setAttribute("aria-describedby", descriptionId);
  }
  return figure.outerHTML;
}

/** Colours that mean the same thing on every chart, distinct in greyscale too (dark, mid, light). */
export const OUTCOME_COLORS = { Won: "#1f4e79", Lost: "#d9822b", "No decision": "#b8bec6" } as const;

/** The pack's colour for a single series, and for the earlier bars a highlighted one stands out from. */
export const ACCENT = "#1f4e79";
export const FADED = "#9fb3c8";
