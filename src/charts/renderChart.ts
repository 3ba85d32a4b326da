import { parseHTML } from "linkedom";

/*
 * Charts are Observable Plot figures rendered to SVG markup at build time, through a
 * server-side DOM: the page needs no chart JavaScript and prints as drawn. Every chart comes
 * with the sentence it proves (its title), a description for screen readers, and the table
 * of numbers behind it.
 */

/** A chart ready for the page. */
export interface Chart {
  /** Stable id, used for the heading anchor and the description. */
  id: string;
  /** The finding the chart shows, as a sentence. */
  finding: string;
  /** What is drawn, for readers who cannot see it. */
  description: string;
  /** The SVG markup. */
  svg: string;
  /** The numbers behind the chart. */
  table: { columns: string[]; rows: string[][] };
}

/** A DOM document Plot can draw into. */
export function chartDocument(): Document {
  return parseHTML("<!doctype html><html><body></body></html>").document as unknown as Document;
}

/**
 * Serialises a figure Plot rendered, naming the chart for assistive technology. With a legend
 * Plot wraps the chart in a <figure> beside swatch SVGs; those are hidden (the legend's text
 * stays readable) so that exactly one image, the chart, is announced.
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
