import { quarterFromId, shiftQuarter } from "../calendar/fiscalCalendar.ts";
import type { Config } from "../config/configSchema.ts";
import type { Records } from "../model/records.ts";
import { closedBetween, prepareDataset } from "./dataset.ts";
import { forecastAccuracy } from "./forecastAccuracy.ts";
import { funnel } from "./funnel.ts";
import { type AmountGroup, sumBy } from "./groupSums.ts";
import { computeHeadline, type Headline } from "./headline.ts";
import { leadingIndicators } from "./leadingIndicators.ts";
import { type NewLogos, newLogos } from "./newLogos.ts";
import { openPipelineAt, openPipelineByStage, type PipelinePoint } from "./openPipeline.ts";
import { type PipelineCreated, pipelineCreated } from "./pipelineCreated.ts";
import { pipelineFlow } from "./pipelineFlow.ts";
import { type QualityForecast, qualityForecast } from "./qualityForecast.ts";
import { type Renewals, renewals } from "./renewals.ts";
import { type CheckedRock, checkRocks } from "./rocks.ts";
import { type SalesCycle, salesCycle, salesCycleBy } from "./salesCycle.ts";
import { type StageDuration, stageDurations } from "./stageDurations.ts";
import {
  lossReasons,
  summarizeWinLoss,
  type WinLossGroup,
  type WinLossSummary,
  winLossBy,
} from "./winLoss.ts";

/** Every figure of one quarter that the first set of metrics computes. */
export interface QuarterMetrics {
  headline: Headline;
  /** The same headline for the quarter before and the same quarter a year before, from the same records. */
  comparisons: {
    previousQuarter: { quarter: string; headline: Headline };
    yearAgo: { quarter: string; headline: Headline };
  };
  sections: {
    bookings: {
      amount: number;
      byProduct: AmountGroup[];
      bySegment: AmountGroup[];
      byType: AmountGroup[];
      byOwner: AmountGroup[];
    };
    newLogos: NewLogos;
    pipeline: {
      /** Open pipeline at the end of the quarter, of the one before, and of the same quarter a year before. */
      open: { end: PipelinePoint; previousQuarterEnd: PipelinePoint; yearAgoEnd: PipelinePoint };
      openByStage: AmountGroup[];
      created: PipelineCreated;
    };
    winLoss: {
      overall: WinLossSummary;
      byCompetitor: WinLossGroup[];
      byProduct: WinLossGroup[];
      bySegment: WinLossGroup[];
      byOwner: WinLossGroup[];
      lossReasons: { reason: string; deals: number; amount: number; noDecision: boolean }[];
    };
    salesCycle: SalesCycle & { bySegment: (SalesCycle & { key: string })[]; stageDurations: StageDuration[] };
    flow: ReturnType<typeof pipelineFlow>;
    forecast: ReturnType<typeof forecastAccuracy>;
    qualityForecast: QualityForecast;
    funnel: ReturnType<typeof funnel>;
    leadingIndicators: ReturnType<typeof leadingIndicators>;
    renewals: Renewals;
    rocks: CheckedRock[];
  };
}

/** All first-set metrics of a quarter: pure, deterministic, from records and config alone. */
export function computeQuarterMetrics(records: Records, quarterId: string, config: Config): QuarterMetrics {
  const dataset = prepareDataset(records, config);
  const quarter = quarterFromId(quarterId, config);
  const previous = shiftQuarter(quarter, -1, config);
  const yearAgo = shiftQuarter(quarter, -4, config);
  const closed = closedBetween(records.opportunities, quarter.start, quarter.end);
  const won = closed.filter((o) => o.isWon);
  const amount = (o: { amount: number }) => o.amount;
  const { noDecision } = dataset;
  return {
    headline: computeHeadline(dataset, quarter, config),
    comparisons: {
      previousQuarter: { quarter: previous.id, headline: computeHeadline(dataset, previous, config) },
      yearAgo: { quarter: yearAgo.id, headline: computeHeadline(dataset, yearAgo, config) },
    },
    sections: {
      bookings: {
        amount: summarizeWinLoss(won, noDecision).wonAmount,
        byProduct: sumBy(won, (o) => o.product, amount),
        bySegment: sumBy(won, (o) => o.segment, amount),
        byType: sumBy(won, (o) => o.type, amount),
        byOwner: sumBy(won, (o) => o.owner, amount),
      },
      newLogos: newLogos(dataset, quarter),
      pipeline: {
        open: {
          end: openPipelineAt(dataset, quarter.end),
          previousQuarterEnd: openPipelineAt(dataset, previous.end),
          yearAgoEnd: openPipelineAt(dataset, yearAgo.end),
        },
        openByStage: openPipelineByStage(dataset, quarter.end),
        created: pipelineCreated(dataset, quarter),
      },
      winLoss: {
        overall: summarizeWinLoss(closed, noDecision),
        byCompetitor: winLossBy(closed, (o) => o.competitor, noDecision),
        byProduct: winLossBy(closed, (o) => o.product, noDecision),
        bySegment: winLossBy(closed, (o) => o.segment, noDecision),
        byOwner: winLossBy(closed, (o) => o.owner, noDecision),
        lossReasons: lossReasons(closed, noDecision),
      },
      salesCycle: {
        ...salesCycle(won),
        bySegment: salesCycleBy(won, (o) => o.segment),
        stageDurations: stageDurations(dataset, quarter),
      },
      flow: pipelineFlow(dataset, quarter),
      forecast: forecastAccuracy(dataset, quarter, config),
      qualityForecast: qualityForecast(dataset, quarter, config),
      funnel: funnel(dataset, quarter, config),
      leadingIndicators: leadingIndicators(dataset, quarter),
      renewals: renewals(dataset, quarter),
      rocks: checkRocks(records.rocks, quarter),
    },
  };
}
