import type { Quarter } from "../calendar/fiscalCalendar.ts";
import type { Day, Rock } from "../model/records.ts";

/*
 * Rocks: the quarter's priorities, checked for being SMART and, where the measurable is a
 * figure the pack itself computes ("cut the Mid-Market cycle to 60 days"), checked against
 * that figure, so the status ops wrote and the figures the pack shows cannot disagree
 * unnoticed. A rock past its due date is done or not: it can no longer be "on track".
 */

/** A figure of the pack a rock's measurable may name. */
export interface RockFigure {
  /** How the pack names it ("median sales cycle, Mid-Market"). */
  name: string;
  /** Every pattern must match the rock's title or measurable for the figure to be its measure. */
  patterns: RegExp[];
  value: number | null;
  unit: "days" | "share" | "count" | "money";
  /** Whether a lower value is the better one (a sales cycle), unless the target says otherwise. */
  lowerIsBetter: boolean;
}

/** A rock's measurable read as a pack figure and its target. */
export interface RockMeasure {
  figure: string;
  unit: RockFigure["unit"];
  measured: number;
  target: number;
  /** Whether the target is a ceiling ("under 20", "cut to 60 days") rather than a floor. */
  atMost: boolean;
  met: boolean;
}

/** A rock with its checks. */
export interface CheckedRock extends Rock {
  /** Gaps, in words; empty when the rock is SMART and its status agrees with the dates. */
  gaps: string[];
  /** The pack's own figure for the measurable, when it computes one. */
  measure: RockMeasure | null;
  /** Past its due date (before the export's day) yet still marked on track. */
  overdue: boolean;
}

/** The quarter's rocks, each checked: SMART, against the pack's figures, and against the calendar. */
export function checkRocks(
  rocks: readonly Rock[],
  quarter: Quarter,
  figures: readonly RockFigure[] = [],
  asOf: Day | null = null,
): CheckedRock[] {
  return rocks
    .filter((r) => r.quarter === quarter.id)
    .map((rock) => {
      const gaps: string[] = [];
      if (!rock.owner) gaps.push("no owner named");
      if (!rock.measurable) gaps.push("no measurable");
      if (!rock.target) gaps.push("no target");
      if (!rock.dueDate) gaps.push("no due date");
      else if (rock.dueDate < quarter.start || rock.dueDate > quarter.end)
        gaps.push("due outside the quarter");
      const onTrack = /^on[\s-]?track$/i.test(rock.status?.trim() ?? "");
      const overdue = onTrack && rock.dueDate !== null && asOf !== null && rock.dueDate < asOf;
      if (overdue) gaps.push(`past its due date (${rock.dueDate}) yet marked on track: it is done or missed`);
      const measure = measureRock(rock, figures);
      if (measure && onTrack && !measure.met)
        gaps.push("marked on track, but the pack's figure misses the target");
      return { ...rock, gaps, measure, overdue };
    });
}

/** Reads a rock's measurable as one of the pack's figures, with the target as a number. */
export function measureRock(rock: Rock, figures: readonly RockFigure[]): RockMeasure | null {
  if (!rock.target) return null;
  const text = `${rock.title} ${rock.measurable ?? ""}`;
  // The figure matching the most patterns is the most specific (a segment's cycle before the whole).
  const candidates = figures
    .filter((f) => f.value !== null && f.patterns.every((p) => p.test(text)))
    .sort((a, b) => b.patterns.length - a.patterns.length);
  const figure = candidates[0];
  if (figure === undefined) return null;
  const target = parseTarget(rock.target, figure.unit);
  if (target === null) return null;
  const ceiling = /\b(under|below|less than|at most|no more than|max(imum)?)\b|[<≤]/i.test(rock.target);
  const floor = /\b(over|above|more than|at least|min(imum)?)\b|[>≥]/i.test(rock.target);
  const cut = /\b(cut|shorten|reduce|lower|bring down|decrease)\b/i.test(rock.title);
  const atMost = ceiling || (!floor && (cut || figure.lowerIsBetter));
  const measured = figure.value!;
  return {
    figure: figure.name,
    unit: figure.unit,
    measured,
    target,
    atMost,
    met: atMost ? measured <= target : measured >= target,
  };
}

/** "60 days" → 60, "60%" → 0.6 for a share, "$1.2M" → 1,200,000; null when no single number is there. */
function parseTarget(text: string, unit: RockFigure["unit"]): number | null {
  const numbers = text.match(/\d[\d,]*(\.\d+)?\s*[kKmM%]?/g) ?? [];
  if (numbers.length !== 1) return null;
  const raw = numbers[0]!.replace(/\s/g, "");
  const suffix = raw.at(-1)!;
  let value = Number(raw.replace(/[,kKmM%]/g, ""));
  if (!Number.isFinite(value)) return null;
  if (suffix === "k" || suffix === "K") value *= 1_000;
  if (suffix === "m" || suffix === "M") value *= 1_000_000;
  if (unit === "share") return suffix === "%" || value > 1 ? value / 100 : value;
  return suffix === "%" ? null : value;
}
