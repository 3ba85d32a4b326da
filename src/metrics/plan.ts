import { dayNumber } from "../calendar/days.ts";
import type { Quarter } from "../calendar/fiscalCalendar.ts";
import type { Opportunity, Target } from "../model/records.ts";
import { closingBetween, type Dataset } from "./dataset.ts";
import { fromCents, ratio, toCents } from "./money.ts";
import { openRowsAt } from "./openPipeline.ts";

/*
 * Plan and attainment: the bookings plan of targets.csv (metric bookings, per
 * quarter) for the company, its segments and its reps, against what was booked; and the
 * pipeline standing at the end of the quarter for the next one against next quarter's plan.
 */

/** Where the company's plan came from: its own row, else the sum of the segments' or the reps' plans. */
export type PlanSource = "company" | "segments" | "reps";

/** A plan against what was booked. */
export interface PlanLine {
  /** Segment or rep; "Company" for the whole. */
  key: string;
  plan: number;
  bookings: number;
  /** bookings / plan; null when the plan is zero. */
  attainment: number | null;
}

/** Reps by attainment: lower bound inclusive, so a rep at exactly 100% made plan. */
export const ATTAINMENT_BANDS = [
  { band: "under 50%", from: Number.NEGATIVE_INFINITY },
  { band: "50–80%", from: 0.5 },
  { band: "80–100%", from: 0.8 },
  { band: "100–120%", from: 1 },
  { band: "over 120%", from: 1.2 },
] as const;
export type AttainmentBand = (typeof ATTAINMENT_BANDS)[number]["band"];

/** The band of an attainment; 120% itself is in 100–120%, anything above it over 120%. */
export function attainmentBand(attainment: number): AttainmentBand {
  let band: AttainmentBand = ATTAINMENT_BANDS[0].band;
  for (const b of ATTAINMENT_BANDS) {
    if (b.band === "over 120%" ? attainment > b.from : attainment >= b.from) band = b.band;
  }
  return band;
}

/** The quarter's plan, attainment by segment and rep, and reps by band. */
export interface QuarterPlan {
  quarter: string;
  plan: number;
  source: PlanSource;
  bookings: number;
  attainment: number | null;
  bySegment: PlanLine[];
  byRep: (PlanLine & { band: AttainmentBand | null })[];
  /** Every band, in order, with the reps in it (reps whose plan is zero are in none). */
  bands: { band: AttainmentBand; reps: string[] }[];
}

/** The bookings plan rows of a quarter. */
function planRows(targets: readonly Target[], quarterId: string): Target[] {
  return targets.filter((t) => t.quarter === quarterId && t.metric === "bookings");
}

/** The company's bookings plan for a quarter, or null when targets.csv gives none. */
export function companyPlan(
  targets: readonly Target[],
  quarterId: string,
): { value: number; source: PlanSource } | null {
  const rows = planRows(targets, quarterId);
  const company = rows.find((t) => t.scope === "company");
  if (company) return { value: company.value, source: "company" };
  for (const [scope, source] of [
    ["segment", "segments"],
    ["rep", "reps"],
  ] as const) {
    const parts = rows.filter((t) => t.scope === scope);
    if (parts.length > 0)
      return { value: fromCents(parts.reduce((s, t) => s + toCents(t.value), 0)), source };
  }
  return null;
}

/** Plan and attainment of a quarter; null when targets.csv has no bookings plan for it. */
export function quarterPlan(dataset: Dataset, quarter: Quarter): QuarterPlan | null {
  const plan = companyPlan(dataset.records.targets, quarter.id);
  if (plan === null) return null;
  const won = closingBetween(dataset, quarter.start, quarter.end).filter((o) => o.isWon);
  const booked = (match: (o: Opportunity) => boolean) =>
    fromCents(won.reduce((s, o) => (match(o) ? s + toCents(o.amount) : s), 0));
  const line = (key: string, planned: number, bookings: number): PlanLine => ({
    key,
    plan: planned,
    bookings,
    attainment: ratio(bookings, planned),
  });
  const rows = planRows(dataset.records.targets, quarter.id);
  const bookings = booked(() => true);
  const bySegment = rows
    .filter((t) => t.scope === "segment")
    .map((t) =>
      line(
        t.owner!,
        t.value,
        booked((o) => o.segment === t.owner),
      ),
    )
    .sort((a, b) => b.plan - a.plan || a.key.localeCompare(b.key));
  const byRep = rows
    .filter((t) => t.scope === "rep")
    .map((t) => {
      const rep = line(
        t.owner!,
        t.value,
        booked((o) => o.owner === t.owner),
      );
      return { ...rep, band: rep.attainment === null ? null : attainmentBand(rep.attainment) };
    })
    .sort((a, b) => (b.attainment ?? -1) - (a.attainment ?? -1) || a.key.localeCompare(b.key));
  return {
    quarter: quarter.id,
    plan: plan.value,
    source: plan.source,
    bookings,
    attainment: ratio(bookings, plan.value),
    bySegment,
    byRep,
    bands: ATTAINMENT_BANDS.map(({ band }) => ({
      band,
      reps: byRep.filter((r) => r.band === band).map((r) => r.key),
    })),
  };
}

/**
 * Open pipeline at the end of `quarter` whose close date, as it stood then, falls in `next`:
 * what the next quarter starts with.
 */
export function pipelineDueIn(
  dataset: Dataset,
  quarter: Quarter,
  next: Quarter,
): { amount: number; deals: number } {
  let cents = 0;
  let deals = 0;
  const { closeDay, amount } = dataset.timelines;
  const first = dayNumber(next.start);
  const last = dayNumber(next.end);
  for (const row of openRowsAt(dataset, [quarter.end])[0]!) {
    if (closeDay[row]! < first || closeDay[row]! > last) continue;
    cents += toCents(amount[row]!);
    deals++;
  }
  return { amount: fromCents(cents), deals };
}

/** Next quarter's pipeline against its plan and against what the win rate says it needs. */
export interface NextQuarterCoverage {
  quarter: string;
  plan: number | null;
  pipeline: number | null;
  deals: number | null;
  /** pipeline / plan. */
  coverage: number | null;
  /** 1 / this quarter's cash win rate: the coverage that, won at that rate, just makes plan. */
  requiredCoverage: number | null;
  /** required coverage × plan − pipeline: the pipeline still to find (negative: to spare). */
  gap: number | null;
}

/** Sets next quarter's pipeline and plan against the coverage the cash win rate implies. */
export function nextQuarterCoverage(
  quarterId: string,
  plan: number | null,
  pipeline: { amount: number; deals: number } | null,
  cashWinRate: number | null,
): NextQuarterCoverage {
  const required = cashWinRate === null || cashWinRate === 0 ? null : 1 / cashWinRate;
  const coverage = plan === null || pipeline === null ? null : ratio(pipeline.amount, plan);
  return {
    quarter: quarterId,
    plan,
    pipeline: pipeline?.amount ?? null,
    deals: pipeline?.deals ?? null,
    coverage,
    requiredCoverage: required,
    gap:
      required === null || plan === null || pipeline === null
        ? null
        : Math.round(required * plan * 100 - toCents(pipeline.amount)) / 100,
  };
}
