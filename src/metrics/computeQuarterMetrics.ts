import { quarterFromId, shiftQuarter } from "../calendar/fiscalCalendar.ts";
import type { Config } from "../config/configSchema.ts";
import { NO_OWNER, type Opportunity, type Records, UNDATED } from "../model/records.ts";
import { BREAKDOWN_SOURCES, knowsPipelineAt, REASONS, type Unavailable } from "./coverage.ts";
import { closedBetween, type Dataset, prepareDataset } from "./dataset.ts";
import { forecastAccuracy } from "./forecastAccuracy.ts";
import { funnel } from "./funnel.ts";
import { type AmountGroup, sumBy } from "./groupSums.ts";
import { computeHeadline, type Headline } from "./headline.ts";
import { icpShareByAmount, leadingIndicators } from "./leadingIndicators.ts";
import { type NewLogos, newLogos } from "./newLogos.ts";
import { openPipelineAt, openPipelineByStage, openRowsAt, type PipelinePoint } from "./openPipeline.ts";
import { createdIn, type PipelineCreated, pipelineCreated } from "./pipelineCreated.ts";
import { pipelineFlow } from "./pipelineFlow.ts";
import {
  type NextQuarterCoverage,
  nextQuarterCoverage,
  pipelineDueIn,
  type QuarterPlan,
  quarterPlan,
} from "./plan.ts";
import { type QualityForecast, qualityForecast } from "./qualityForecast.ts";
import { type Renewals, renewals } from "./renewals.ts";
import { type CheckedRock, checkRocks, type RockFigure } from "./rocks.ts";
import { type SalesCycle, salesCycle, salesCycleBy } from "./salesCycle.ts";
import { type StageDuration, stageDurations } from "./stageDurations.ts";
import {
  lossReasons,
  summarizeWinLoss,
  type WinLossGroup,
  type WinLossSummary,
  winLossBy,
} from "./winLoss.ts";

/** Every figure of one quarter. */
export interface QuarterMetrics {
  headline: Headline;
  /**
   * Figure path ("headline.openPipeline", "sections.flow", …) → why the inputs cannot support
   * it and what to export. Every null headline figure and every section left out is listed.
   */
  unavailable: Unavailable;
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
      open: {
        end: PipelinePoint | null;
        previousQuarterEnd: PipelinePoint | null;
        yearAgoEnd: PipelinePoint | null;
      };
      openByStage: AmountGroup[] | null;
      created: PipelineCreated | null;
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
    flow: ReturnType<typeof pipelineFlow> | null;
    forecast: ReturnType<typeof forecastAccuracy>;
    qualityForecast: QualityForecast | null;
    funnel: ReturnType<typeof funnel>;
    leadingIndicators: ReturnType<typeof leadingIndicators>;
    renewals: Renewals;
    rocks: CheckedRock[];
    /** The quarter's plan and attainment (null without a plan), and next quarter's coverage. */
    plan: { quarter: QuarterPlan | null; nextQuarter: NextQuarterCoverage };
  };
}

/** All metrics of a quarter: pure, deterministic, from records and config alone. */
export function computeQuarterMetrics(records: Records, quarterId: string, config: Config): QuarterMetrics {
  const dataset = prepareDataset(records, config);
  const quarter = quarterFromId(quarterId, config);
  const previous = shiftQuarter(quarter, -1, config);
  const yearAgo = shiftQuarter(quarter, -4, config);
  const closed = closedBetween(dataset, quarter.start, quarter.end);
  const won = closed.filter((o) => o.isWon);
  const amount = (o: { amount: number }) => o.amount;
  const { noDecision, coverage } = dataset;
  const unavailable: Unavailable = {};
  /** The figure when the inputs support it, else null with its reason recorded. */
  const when = <T>(path: string, reason: string | null, figure: () => T): T | null => {
    if (reason === null) return figure();
    unavailable[path] = reason;
    return null;
  };
  const pipelineAt = (path: string, day: string) =>
    when(path, pipelineGap(dataset, day), () => openPipelineAt(dataset, day));
  const historyGap = (day: string) => (coverage.history ? pipelineGap(dataset, day) : REASONS.noHistory);
  // The deals open at every day the headlines (this quarter's and its two comparisons') and
  // the pipeline section ask about, found in one pass: each quarter's end, the one before, a
  // year before. Open pipeline, pipeline by stage and pipeline due next quarter read them.
  openRowsAt(
    dataset,
    [quarter, previous, yearAgo].flatMap((q) => [0, -1, -4].map((n) => shiftQuarter(q, n, config).end)),
  );
  const headline = computeHeadline(dataset, quarter, config, unavailable);
  const logos = newLogos(dataset, quarter);
  if (!coverage.accountLink) unavailable["sections.newLogos"] = REASONS.noAccountLink;
  else if (!coverage.referenceField) unavailable["sections.newLogos.nameable"] = REASONS.noReferenceField;
  const durations = stageDurations(dataset, quarter);
  if (durations.length === 0)
    unavailable["sections.salesCycle.stageDurations"] = coverage.history
      ? `None of the deals closed in ${quarter.id} has a change of stage in the history supplied.`
      : REASONS.noHistory;
  if (!coverage.activities) unavailable["sections.leadingIndicators"] = REASONS.noActivities;
  else if (!coverage.icp) unavailable["sections.leadingIndicators.icp"] = REASONS.noIcp;
  if (coverage.activities && !coverage.personas)
    unavailable["sections.leadingIndicators.personas"] = REASONS.noPersonas;
  // A breakdown whose every closed deal lacks the field is not a breakdown: say what to export.
  const unrecorded = (
    path: string,
    source: keyof typeof BREAKDOWN_SOURCES,
    keyOf: (o: Opportunity) => string | null,
    deals: readonly Opportunity[] = closed,
  ) => {
    const [field, howTo] = BREAKDOWN_SOURCES[source];
    if (deals.length > 0 && deals.every((o) => keyOf(o) === null || keyOf(o) === NO_OWNER))
      unavailable[path] = REASONS.unrecorded(field, howTo);
  };
  unrecorded("sections.winLoss.byCompetitor", "competitor", (o) => o.competitor);
  unrecorded("sections.winLoss.byProduct", "product", (o) => o.product);
  unrecorded("sections.winLoss.bySegment", "segment", (o) => o.segment);
  unrecorded("sections.winLoss.byOwner", "owner", (o) => o.owner);
  unrecorded(
    "sections.winLoss.lossReasons",
    "lossReason",
    (o) => o.lossReason,
    closed.filter((o) => !o.isWon),
  );
  if (records.leads.length === 0) unavailable["sections.funnel"] = REASONS.noLeads;
  else if (records.leads.every((l) => l.createdDate === UNDATED))
    unavailable["sections.funnel"] = REASONS.undatedLeads;
  if (!coverage.types) unavailable["sections.renewals"] = REASONS.noTypes;
  const forecast = forecastAccuracy(dataset, quarter, config);
  if (forecast.atStart.submittedCommit === null && forecast.atStart.weightedPipeline === null)
    unavailable["sections.forecast"] = coverage.probability
      ? historyGap(forecast.atStart.date)!
      : REASONS.noProbability;
  const cycleBySegment = salesCycleBy(won, (o) => o.segment);
  const icpShare = () =>
    pipelineGap(dataset, quarter.end) === null
      ? icpShareByAmount(dataset, createdIn(dataset, quarter))
      : null;
  const plan = quarterPlan(dataset, quarter);
  if (plan === null) unavailable["sections.plan.quarter"] = unavailable["headline.bookingsPlan"]!;
  const next = shiftQuarter(quarter, 1, config);
  const nextPipeline = headline.nextQuarterPipeline === null ? null : pipelineDueIn(dataset, quarter, next);
  return {
    headline,
    unavailable,
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
      newLogos: logos,
      pipeline: {
        open: {
          end: pipelineAt("sections.pipeline.open.end", quarter.end),
          previousQuarterEnd: pipelineAt("sections.pipeline.open.previousQuarterEnd", previous.end),
          yearAgoEnd: pipelineAt("sections.pipeline.open.yearAgoEnd", yearAgo.end),
        },
        openByStage: when("sections.pipeline.openByStage", historyGap(quarter.end), () =>
          openPipelineByStage(dataset, quarter.end),
        ),
        created: when(
          "sections.pipeline.created",
          pipelineGap(dataset, quarter.end) && REASONS.createdBefore(quarter.id, coverage.firstCreated),
          () => pipelineCreated(dataset, quarter),
        ),
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
        bySegment: cycleBySegment,
        stageDurations: durations,
      },
      flow: when("sections.flow", historyGap(quarter.start), () => pipelineFlow(dataset, quarter)),
      forecast,
      qualityForecast: when("sections.qualityForecast", historyGap(quarter.end), () =>
        qualityForecast(dataset, quarter, config),
      ),
      funnel: funnel(dataset, quarter, config),
      leadingIndicators: leadingIndicators(dataset, quarter),
      renewals: renewals(dataset, quarter),
      // The figures a rock may name cost a pass over the deals: only worked out for rocks.
      rocks: records.rocks.some((r) => r.quarter === quarter.id)
        ? checkRocks(records.rocks, quarter, rockFigures(headline, cycleBySegment, icpShare), records.asOf)
        : [],
      plan: {
        quarter: plan,
        nextQuarter: nextQuarterCoverage(
          next.id,
          headline.nextQuarterPlan,
          nextPipeline,
          headline.cashWinRate,
        ),
      },
    },
  };
}

/** The pack's figures a rock's measurable may name. */
function rockFigures(
  headline: Headline,
  cycleBySegment: readonly (SalesCycle & { key: string })[],
  icpShareOfCreated: () => number | null,
): RockFigure[] {
  const cycle = /\bcycle\b|days from creat/i;
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return [
    {
      name: "median sales cycle",
      patterns: [cycle],
      value: headline.salesCycleDaysMedian,
      unit: "days",
      lowerIsBetter: true,
    },
    ...cycleBySegment.map(
      (s): RockFigure => ({
        name: `median sales cycle, ${s.key}`,
        patterns: [cycle, new RegExp(`\\b${literal(s.key)}\\b`, "i")],
        value: s.medianDays,
        unit: "days",
        lowerIsBetter: true,
      }),
    ),
    {
      name: "share of pipeline created at ICP accounts",
      patterns: [/\bICP\b|ideal customer/i, /pipeline/i],
      value: icpShareOfCreated(),
      unit: "share",
      lowerIsBetter: false,
    },
    {
      name: "win rate",
      patterns: [/\bwin rate\b/i],
      value: headline.winRate,
      unit: "share",
      lowerIsBetter: false,
    },
    {
      name: "bookings",
      patterns: [/\bbookings\b/i],
      value: headline.bookings,
      unit: "money",
      lowerIsBetter: false,
    },
    {
      name: "new logos",
      patterns: [/\bnew logos?\b/i],
      value: headline.newLogos,
      unit: "count",
      lowerIsBetter: false,
    },
    {
      name: "slip rate",
      patterns: [/\bslip|pushed out/i],
      value: headline.slipRate,
      unit: "share",
      lowerIsBetter: true,
    },
    {
      name: "no-decision rate",
      patterns: [/no.?decision/i],
      value: headline.noDecisionRate,
      unit: "share",
      lowerIsBetter: true,
    },
  ];
}

/** Why the export cannot say what was open at the end of `day`, or null when it can. */
function pipelineGap(dataset: Dataset, day: string): string | null {
  return knowsPipelineAt(dataset.coverage, day)
    ? null
    : REASONS.pipelineBefore(dataset.coverage.firstCreated);
}
