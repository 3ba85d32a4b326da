import { type FiscalCalendar, type Quarter, shiftQuarter } from "../calendar/fiscalCalendar.ts";
import { closedBetween, type Dataset } from "./dataset.ts";
import { growth, ratio, toCents } from "./money.ts";
import { newLogos } from "./newLogos.ts";
import { openPipelineAt } from "./openPipeline.ts";
import { pipelineCreated } from "./pipelineCreated.ts";
import { salesCycle } from "./salesCycle.ts";
import { summarizeWinLoss } from "./winLoss.ts";

/** The quarter's headline figures (SPEC §5): money in the reporting currency, rates as fractions. */
export interface Headline {
  bookings: number;
  dealsWon: number;
  dealsLost: number;
  dealsNoDecision: number;
  winRate: number | null;
  competitiveWinRate: number | null;
  cashWinRate: number | null;
  averageSellingPrice: number | null;
  newLogos: number;
  openPipeline: number;
  pipelineGrowthQoQ: number | null;
  pipelineGrowthYoY: number | null;
  pipelineCreated: number;
  salesCycleDaysMedian: number | null;
}

/** The headline figures of one quarter. */
export function computeHeadline(dataset: Dataset, quarter: Quarter, calendar: FiscalCalendar): Headline {
  const closed = closedBetween(dataset.records.opportunities, quarter.start, quarter.end);
  const winLoss = summarizeWinLoss(closed, dataset.noDecision);
  const open = openPipelineAt(dataset, quarter.end).amount;
  const openLastQuarter = openPipelineAt(dataset, shiftQuarter(quarter, -1, calendar).end).amount;
  const openLastYear = openPipelineAt(dataset, shiftQuarter(quarter, -4, calendar).end).amount;
  const averageCents = ratio(toCents(winLoss.wonAmount), winLoss.won);
  return {
    bookings: winLoss.wonAmount,
    dealsWon: winLoss.won,
    dealsLost: winLoss.lost,
    dealsNoDecision: winLoss.noDecision,
    winRate: winLoss.winRate,
    competitiveWinRate: winLoss.competitiveWinRate,
    cashWinRate: winLoss.cashWinRate,
    averageSellingPrice: averageCents === null ? null : Math.round(averageCents) / 100,
    newLogos: newLogos(dataset, quarter).count,
    openPipeline: open,
    pipelineGrowthQoQ: growth(open, openLastQuarter),
    pipelineGrowthYoY: growth(open, openLastYear),
    pipelineCreated: pipelineCreated(dataset, quarter).amount,
    salesCycleDaysMedian: salesCycle(closed.filter((o) => o.isWon)).medianDays,
  };
}
