import { type FiscalCalendar, type Quarter, shiftQuarter } from "../calendar/fiscalCalendar.ts";
import { knowsPipelineAt, REASONS, type Unavailable } from "./coverage.ts";
import { closedBetween, type Dataset } from "./dataset.ts";
import { growth, ratio, sumMoney, toCents } from "./money.ts";
import { newLogos } from "./newLogos.ts";
import { openPipelineAt } from "./openPipeline.ts";
import { createdIn } from "./pipelineCreated.ts";
import { pipelineFlow } from "./pipelineFlow.ts";
import { companyPlan, pipelineDueIn } from "./plan.ts";
import { salesCycle } from "./salesCycle.ts";
import { summarizeWinLoss } from "./winLoss.ts";

/**
 * The quarter's headline figures: money in the reporting currency, rates as
 * fractions; null where the inputs cannot support the figure, with the reason recorded.
 */
export interface Headline {
  bookings: number;
  dealsWon: number;
  dealsLost: number;
  dealsNoDecision: number;
  winRate: number | null;
  competitiveWinRate: number | null;
  cashWinRate: number | null;
  averageSellingPrice: number | null;
  newLogos: number | null;
  openPipeline: number | null;
  pipelineGrowthQoQ: number | null;
  pipelineGrowthYoY: number | null;
  pipelineCreated: number | null;
  salesCycleDaysMedian: number | null;
  /** The quarter's bookings plan (targets.csv); null when none is given. */
  bookingsPlan: number | null;
  /** bookings / bookingsPlan. */
  attainment: number | null;
  /** Next quarter's bookings plan. */
  nextQuarterPlan: number | null;
  /** Open pipeline at the end of the quarter whose close date (as of then) falls in the next. */
  nextQuarterPipeline: number | null;
  /** nextQuarterPipeline / nextQuarterPlan. */
  nextQuarterCoverage: number | null;
  /** No decision / all closed. */
  noDecisionRate: number | null;
  /** Pushed out of the quarter / pipeline due in it at its start (pipeline flow). */
  slipRate: number | null;
  /** Share of bookings in the ten largest wins. */
  dealConcentration: number | null;
  /** Deals open at the start × average selling price × win rate / median cycle days: bookings per day. */
  salesVelocity: number | null;
}

/**
 * The headline figures of one quarter. Each figure left null gets its reason in
 * `unavailable` under "headline.<key>".
 */
export function computeHeadline(
  dataset: Dataset,
  quarter: Quarter,
  calendar: FiscalCalendar,
  unavailable: Unavailable = {},
): Headline {
  const { coverage } = dataset;
  const q = quarter.id;
  const closed = closedBetween(dataset, quarter.start, quarter.end);
  const winLoss = summarizeWinLoss(closed, dataset.noDecision);
  const won = closed.filter((o) => o.isWon);
  const cycle = salesCycle(won);
  const pipeline = (day: string) =>
    knowsPipelineAt(coverage, day) ? openPipelineAt(dataset, day).amount : null;
  const open = pipeline(quarter.end);
  const previous = shiftQuarter(quarter, -1, calendar);
  const yearAgo = shiftQuarter(quarter, -4, calendar);
  const averageCents = ratio(toCents(winLoss.wonAmount), winLoss.won);
  const averageSellingPrice = averageCents === null ? null : Math.round(averageCents) / 100;
  const next = shiftQuarter(quarter, 1, calendar);
  const plan = companyPlan(dataset.records.targets, q)?.value ?? null;
  const nextPlan = companyPlan(dataset.records.targets, next.id)?.value ?? null;
  // Close dates as they stood at quarter end: from history, or from the export itself when
  // it was taken by then (today's close dates would count deals pulled in since).
  const closeDatesKnown = coverage.history || dataset.records.asOf <= quarter.end;
  const nextPipeline =
    knowsPipelineAt(coverage, quarter.end) && closeDatesKnown
      ? pipelineDueIn(dataset, quarter, next).amount
      : null;
  const flow =
    coverage.history && knowsPipelineAt(coverage, quarter.start) ? pipelineFlow(dataset, quarter).flow : null;
  const openAtStart = knowsPipelineAt(coverage, previous.end)
    ? openPipelineAt(dataset, previous.end).deals
    : null;
  const topTen = won
    .map((o) => toCents(o.amount))
    .sort((a, b) => b - a)
    .slice(0, 10)
    .reduce((s, c) => s + c, 0);
  const headline: Headline = {
    bookings: winLoss.wonAmount,
    dealsWon: winLoss.won,
    dealsLost: winLoss.lost,
    dealsNoDecision: winLoss.noDecision,
    winRate: winLoss.winRate,
    competitiveWinRate: winLoss.competitiveWinRate,
    cashWinRate: winLoss.cashWinRate,
    averageSellingPrice,
    newLogos: coverage.accountLink ? newLogos(dataset, quarter).count : null,
    openPipeline: open,
    pipelineGrowthQoQ: growthOf(open, pipeline(previous.end)),
    pipelineGrowthYoY: growthOf(open, pipeline(yearAgo.end)),
    pipelineCreated: knowsPipelineAt(coverage, quarter.end)
      ? sumMoney(createdIn(dataset, quarter), (c) => c.amount)
      : null,
    salesCycleDaysMedian: cycle.medianDays,
    bookingsPlan: plan,
    attainment: plan === null ? null : ratio(winLoss.wonAmount, plan),
    nextQuarterPlan: nextPlan,
    nextQuarterPipeline: nextPipeline,
    nextQuarterCoverage: nextPlan === null || nextPipeline === null ? null : ratio(nextPipeline, nextPlan),
    noDecisionRate: ratio(winLoss.noDecision, closed.length),
    slipRate: flow === null ? null : ratio(flow.pushedOut, flow.start),
    dealConcentration: winLoss.wonAmount > 0 ? topTen / toCents(winLoss.wonAmount) : null,
    salesVelocity:
      openAtStart === null || averageSellingPrice === null || winLoss.winRate === null || !cycle.medianDays
        ? null
        : Math.round((openAtStart * averageSellingPrice * winLoss.winRate * 100) / cycle.medianDays) / 100,
  };
  const why = (key: keyof Headline, reason: string) => {
    if (headline[key] === null) unavailable[`headline.${key}`] = reason;
  };
  const noneClosed = `No deal closed in ${q}.`;
  why("winRate", noneClosed);
  why(
    "competitiveWinRate",
    winLoss.noDecision > 0 ? `Every deal closed in ${q} ended in no decision.` : noneClosed,
  );
  why("cashWinRate", closed.length === 0 ? noneClosed : `The deals closed in ${q} carry no amounts.`);
  why("averageSellingPrice", `No deal was won in ${q}.`);
  why("newLogos", REASONS.noAccountLink);
  why("openPipeline", REASONS.pipelineBefore(coverage.firstCreated));
  why("pipelineCreated", REASONS.createdBefore(quarter.id, coverage.firstCreated));
  why("pipelineGrowthQoQ", growthReason(open, pipeline(previous.end), previous.end, coverage.firstCreated));
  why("pipelineGrowthYoY", growthReason(open, pipeline(yearAgo.end), yearAgo.end, coverage.firstCreated));
  why(
    "salesCycleDaysMedian",
    won.length === 0
      ? `No deal was won in ${q}.`
      : cycle.unmeasurable > 0
        ? `Every deal won in ${q} with a created date has it after its close date (records loaded into the CRM after the fact), so no cycle can be measured.`
        : `No deal won in ${q} has a created date, so no cycle can be measured. Export the created date (Salesforce CreatedDate, HubSpot Create Date).`,
  );
  why("bookingsPlan", REASONS.noPlan(q));
  why("attainment", plan === null ? REASONS.noPlan(q) : `The bookings plan for ${q} is zero.`);
  why("nextQuarterPlan", REASONS.noPlan(next.id));
  const pipelineReason = !knowsPipelineAt(coverage, quarter.end)
    ? REASONS.pipelineBefore(coverage.firstCreated)
    : REASONS.closeDatesSince(quarter.end, dataset.records.asOf);
  why("nextQuarterPipeline", pipelineReason);
  why(
    "nextQuarterCoverage",
    nextPlan === null
      ? REASONS.noPlan(next.id)
      : nextPipeline === null
        ? pipelineReason
        : `The bookings plan for ${next.id} is zero.`,
  );
  why("noDecisionRate", noneClosed);
  why(
    "slipRate",
    !coverage.history
      ? REASONS.noHistory
      : flow === null
        ? REASONS.pipelineBefore(coverage.firstCreated)
        : `No pipeline was due to close in ${q} at its start.`,
  );
  why("dealConcentration", `No deal was won in ${q}.`);
  why(
    "salesVelocity",
    openAtStart === null
      ? REASONS.pipelineBefore(coverage.firstCreated)
      : averageSellingPrice === null
        ? `No deal was won in ${q}.`
        : `The median sales cycle of ${q} is unknown or zero days.`,
  );
  return headline;
}

function growthOf(now: number | null, before: number | null): number | null {
  return now === null || before === null ? null : growth(now, before);
}

function growthReason(now: number | null, before: number | null, day: string, firstCreated: string | null) {
  if (now === null || before === null) return REASONS.pipelineBefore(firstCreated);
  return `Open pipeline was nothing on ${day}: growth from zero is undefined.`;
}
