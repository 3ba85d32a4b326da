import { parseHTML } from "linkedom";

/*
 * Charts are Observable Plot figures rendered to SVG markup at build time, through a
 * server-side DOM: the page needs no chart JavaScript and prints as drawn.
 */

/** A DOM document Plot can draw into. */
export function chartDocument(): Document {
  return parseHTML("<!doctype html><html><body></body></html>").document as unknown as Document;
}

/** Serialises a figure Plot rendered, giving it an accessible name. */
export function chartMarkup(figure: Element, label: string): string {
  const svg = figure.tagName.toLowerCase() === "svg" ? figure : figure.querySelector("svg");
  if (svg) {
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", label);
  }
  return figure.outerHTML;
}
