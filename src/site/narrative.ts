import type { Snapshot } from "../snapshot/snapshot.ts";
import { type Baseline, change } from "./comparisons.ts";
import { formatChange, formatCount, formatMoney, formatPercent, formatQuarter } from "./format.ts";

/*
 * The executive summary in sentences a CFO could read out: what moved, by how much, and what
 * led it. Every sentence is built from figures in the snapshot; none is written by hand.
 */

/** Plain-text sentences summarising the quarter. */
export function narrative(snapshot: Snapshot, qoq: Baseline, yoy: Baseline): string[] {
  const { headline: h, currency: c, sections } = snapshot;
  const money = (v: number | null) => formatMoney(v, c);
  const sentences: string[] = [];

  const bookingsMoves = movement("bookings", h.bookings, qoq, yoy);
  sentences.push(
    `${formatQuarter(snapshot.quarter)} bookings were ${money(h.bookings)} from ${plural(h.dealsWon, "deal")} won${bookingsMoves}.`,
  );
  const leadProduct = sections.bookings.byProduct[0];
  const leadSegment = sections.bookings.bySegment[0];
  if (leadProduct && h.bookings > 0) {
    const share = formatPercent(leadProduct.amount / h.bookings);
    const segment =
      leadSegment && leadSegment.key !== "(none)"
        ? `; ${leadSegment.key} deals brought ${formatPercent(leadSegment.amount / h.bookings)}`
        : "";
    sentences.push(
      `${leadProduct.key} led with ${money(leadProduct.amount)} (${share} of bookings)${segment}.`,
    );
  }
  const logos = sections.newLogos;
  if (logos.count > 0) {
    sentences.push(
      `We won ${plural(logos.count, "new logo")} worth ${money(logos.amount)}; ` +
        `${logos.nameable === 0 ? "none" : formatCount(logos.nameable)} may be named publicly.`,
    );
  } else {
    sentences.push("We won no new logos this quarter.");
  }
  if (h.winRate !== null) {
    sentences.push(
      `Win rate was ${formatPercent(h.winRate)} of deals (${formatPercent(h.competitiveWinRate)} of those decided ` +
        `for a vendor) and ${formatPercent(h.cashWinRate)} by value${movement("winRate", h.winRate, qoq, yoy)}.`,
    );
  }
  sentences.push(
    `Open pipeline ended the quarter at ${money(h.openPipeline)}${movement("openPipeline", h.openPipeline, qoq, yoy)}; ` +
      `${money(h.pipelineCreated)} of it was created this quarter.`,
  );
  const rivals = sections.winLoss.byCompetitor.filter((g) => g.key !== "(none)" && g.won + g.lost >= 5);
  if (rivals.length >= 2) {
    const sorted = [...rivals].sort((a, b) => (b.competitiveWinRate ?? 0) - (a.competitiveWinRate ?? 0));
    const best = sorted[0]!;
    const worst = sorted[sorted.length - 1]!;
    sentences.push(
      `Against ${best.key} we won ${formatPercent(best.competitiveWinRate)} of competitive deals; ` +
        `against ${worst.key}, ${formatPercent(worst.competitiveWinRate)}.`,
    );
  }
  return sentences;
}

function movement(
  key: "bookings" | "winRate" | "openPipeline",
  now: number | null,
  qoq: Baseline,
  yoy: Baseline,
): string {
  const parts: string[] = [];
  const vsQuarter = change(key, now, qoq.headline[key]);
  const vsYear = change(key, now, yoy.headline[key]);
  if (vsQuarter) parts.push(`${describe(formatChange(vsQuarter))} on ${formatQuarter(qoq.quarter)}`);
  if (vsYear) parts.push(`${describe(formatChange(vsYear))} on ${formatQuarter(yoy.quarter)}`);
  return parts.length > 0 ? `, ${parts.join(" and ")}` : "";
}

/** "+15%" → "up 15%", "−4 pts" → "down 4 pts". */
function describe(formatted: string): string {
  if (formatted.startsWith("+")) return `up ${formatted.slice(1)}`;
  if (formatted.startsWith("−")) return `down ${formatted.slice(1)}`;
  return "flat";
}

function plural(n: number, word: string): string {
  return `${formatCount(n)} ${word}${n === 1 ? "" : "s"}`;
}
