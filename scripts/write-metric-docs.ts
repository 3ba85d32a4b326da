/*
 * Writes docs/metrics.md from the definitions the pack prints, so the user documentation and
 * the pack can never say different things. Run after changing src/site/definitions.ts.
 */
import { writeFileSync } from "node:fs";
import { DEFINITIONS } from "../src/site/definitions.ts";

export function metricDocs(): string {
  const lines = [
    "# Metric definitions",
    "",
    "Each figure in the pack, defined once. The pack's definitions appendix prints the same",
    "words (this file is written from `src/site/definitions.ts` by `npm run docs`).",
    "",
    "Money is in the reporting currency and summed to the cent; rates are fractions shown as",
    "percentages, and a rate whose denominator is zero is shown as — (undefined), never 0.",
    "",
  ];
  for (const { term, definition } of DEFINITIONS) lines.push(`## ${term}`, "", definition, "");
  return lines.join("\n");
}

if (import.meta.main) writeFileSync("docs/metrics.md", metricDocs());
