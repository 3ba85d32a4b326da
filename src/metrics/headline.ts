import { type FiscalCalendar, type Quarter, shiftQuarter } from "../calendar/fiscalCalendar.ts";
import { knowsPipelineAt, REASONS, type Unavailable } from "./coverage.ts";
import { closedBetween, type Dataset } from "./dataset.ts";
import { growth, ratio, toCents } from "./money.ts";
import { newLogos } from "./newLogos.ts";
import { openPipelineAt } from "./openPipeline.ts";
import { pipelineCreated } from "./pipelineCreated.ts";
import { salesCycle } from "./salesCycle.ts";
import { summarizeWinLoss } from "./winLoss.ts";

/**
 * The quarter's headline figures (SPEC §5): money in the reporting currency, rates as
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
  const closed = closedBetween(dataset.records.opportunities, quarter.start, quarter.end);
  const winLoss = summarizeWinLoss(closed, dataset.noDecision);
  const won = closed.filter((o) => o.isWon);
  const cycle = salesCycle(won);
  const pipeline = (day: string) =>
    knowsPipelineAt(coverage, day) ? openPipelineAt(dataset, day).amount : null;
  const open = pipeline(quarter.end);
  const previous = shiftQuarter(quarter, -1, calendar);
  const yearAgo = shiftQuarter(quarter, -4, calendar);
  const averageCents = ratio(toCents(winLoss.wonAmount), winLoss.won);
  const headline: Headline = {
    bookings: winLoss.wonAmount,
    dealsWon: winLoss.won,
    dealsLost: winLoss.lost,
    dealsNoDecision: winLoss.noDecision,
    winRate: winLoss.winRate,
    competitiveWinRate: winLoss.competitiveWinRate,
    cashWinRate: winLoss.cashWinRate,
    averageSellingPrice: averageCents === null ? null : Math.round(averageCents) / 100,
    newLogos: coverage.accountLink ? newLogos(dataset, quarter).count : null,
    openPipeline: open,
    pipelineGrowthQoQ: growthOf(open, pipeline(previous.end)),
    pipelineGrowthYoY: growthOf(open, pipeline(yearAgo.end)),
    pipelineCreated: knowsPipelineAt(coverage, quarter.end) ? pipelineCreated(dataset, quarter).amount : null,
    salesCycleDaysMedian: cycle.medianDays,
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
  return headline;
}

function growthOf(now: number | null, before: number | null): number | null {
  return now === null || before === null ? null : growth(now, before);
}

function growthReason(now: number | null, before: number | null, day: string, firstCreated: string | null) {
  if (now === null || before === null) return REASONS.pipelineBefore(firstCreated);
  return `Open pipeline was nothing on ${day}: growth from zero is undefined.`;
}
