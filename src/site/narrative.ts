import type { Snapshot } from "../snapshot/snapshot.ts";
import { type Baseline, change } from "./comparisons.ts";
import {
  formatChange,
  formatCount,
  formatMoney,
  formatMultiple,
  formatPercent,
  formatQuarter,
} from "./format.ts";
import { laggards, leaders, listNames } from "./leaders.ts";

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
  // Every sentence below is built from figures; a figure the export cannot support is left
  // out or said to be unknown, and a placeholder ("no product recorded") never leads.
  // Plan against actual comes first: it is what the board asks first.
  const quarter = formatQuarter(snapshot.quarter);
  if (h.bookingsPlan !== null && h.attainment !== null) {
    const short = h.bookings < h.bookingsPlan;
    const by = money(Math.abs(h.bookings - h.bookingsPlan));
    // Earlier quarters' attainment as figures, not as a change in points, which reads ambiguously.
    const before = [qoq, yoy]
      .filter((b) => b.headline.attainment != null)
      .map((b) => `${formatPercent(b.headline.attainment)} in ${formatQuarter(b.quarter)}`);
    sentences.push(
      `${quarter} bookings were ${money(h.bookings)} against a plan of ${money(h.bookingsPlan)}: ` +
        `${formatPercent(h.attainment)} of plan (${short ? `${by} short` : h.bookings === h.bookingsPlan ? "exactly on plan" : `${by} ahead`})` +
        `${before.length > 0 ? `, against ${before.join(" and ")}` : ""}.`,
    );
    sentences.push(
      bookingsMoves === ""
        ? `They came from ${plural(h.dealsWon, "deal")} won.`
        : `Bookings were ${bookingsMoves.slice(2)}, from ${plural(h.dealsWon, "deal")} won.`,
    );
  } else {
    sentences.push(
      `${quarter} bookings were ${money(h.bookings)} from ${plural(h.dealsWon, "deal")} won${bookingsMoves}; no plan was given to set them against.`,
    );
  }
  const next = sections.plan.nextQuarter;
  if (next.pipeline !== null) {
    const nextQuarter = formatQuarter(next.quarter);
    if (next.plan === null || next.coverage === null) {
      sentences.push(
        `${nextQuarter} starts with ${money(next.pipeline)} of pipeline due; no plan was given for it.`,
      );
    } else {
      const need =
        next.requiredCoverage === null || next.gap === null || h.cashWinRate === null
          ? ""
          : `, against the ${formatMultiple(next.requiredCoverage)} our ${formatPercent(h.cashWinRate)} cash win rate needs: ` +
            (next.gap > 0 ? `${money(next.gap)} of pipeline still to find` : `${money(-next.gap)} to spare`);
      sentences.push(
        `${nextQuarter} starts with ${money(next.pipeline)} of pipeline due against a plan of ${money(next.plan)}: ` +
          `${formatMultiple(next.coverage)} coverage${need}.`,
      );
    }
  }
  const product = leaders(sections.bookings.byProduct, (g) => g.amount);
  if (product && h.bookings > 0) {
    const share = formatPercent(product.value / h.bookings);
    const segment = leaders(sections.bookings.bySegment, (g) => g.amount);
    const segmentPart =
      segment && segment.keys.length === 1
        ? `; ${segment.keys[0]} deals brought ${formatPercent(segment.value / h.bookings)}`
        : "";
    sentences.push(
      product.keys.length === 1
        ? `${product.keys[0]} led with ${money(product.value)} (${share} of bookings)${segmentPart}.`
        : `${listNames(product.keys)} tied for the lead with ${money(product.value)} each (${share} of bookings apiece)${segmentPart}.`,
    );
  }
  const logos = sections.newLogos;
  if (h.newLogos === null) {
    sentences.push("New logos cannot be counted from this export: the deals name no account.");
  } else if (logos.count > 0) {
    const named =
      logos.nameable === null
        ? "the export does not record which may be named publicly"
        : `${logos.nameable === 0 ? "none" : formatCount(logos.nameable)} may be named publicly`;
    sentences.push(`We won ${plural(logos.count, "new logo")} worth ${money(logos.amount)}; ${named}.`);
  } else {
    sentences.push("We won no new logos this quarter.");
  }
  if (h.winRate !== null) {
    sentences.push(
      `Win rate was ${formatPercent(h.winRate)} of deals closed (${formatPercent(h.competitiveWinRate)} of those decided ` +
        `for a vendor) and ${formatPercent(h.cashWinRate)} by value${movement("winRate", h.winRate, qoq, yoy)}.`,
    );
  }
  if (h.openPipeline !== null) {
    sentences.push(
      `Open pipeline ended the quarter at ${money(h.openPipeline)}${movement("openPipeline", h.openPipeline, qoq, yoy)}.`,
    );
  }
  const created = sections.pipeline.created;
  if (created !== null && created.deals > 0) {
    // Pipeline created is the whole of what was added; only part of it is still open, so
    // the sentence never presents it as a part of the open pipeline.
    sentences.push(
      `Reps created ${money(created.amount)} of new pipeline in ${plural(created.deals, "opportunity", "opportunities")}; ` +
        `${money(created.stillOpen)} of it was still open at quarter end.`,
    );
  }
  // Competitive win rate (won / won + lost): deals that ended in no decision beat no rival.
  const rivals = sections.winLoss.byCompetitor.filter((g) => g.won + g.lost >= 5);
  const best = leaders(rivals, (g) => g.competitiveWinRate);
  const worst = laggards(rivals, (g) => g.competitiveWinRate);
  if (best && worst && best.value !== worst.value) {
    sentences.push(
      `Against ${listNames(best.keys)} we won ${formatPercent(best.value)} of competitive deals (won or lost to a rival); ` +
        `against ${listNames(worst.keys)}, ${formatPercent(worst.value)}.`,
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

function plural(n: number, word: string, words = `${word}s`): string {
  return `${formatCount(n)} ${n === 1 ? word : words}`;
}
