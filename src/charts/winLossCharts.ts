import * as Plot from "@observablehq/plot";
import type { WinLossGroup } from "../metrics/winLoss.ts";
import { formatCount, formatMoneyExact, formatPercent } from "../site/format.ts";
import { isRecorded, laggards, leaders, listNames } from "../site/leaders.ts";
import type { Snapshot } from "../snapshot/snapshot.ts";
import { type Chart, chartDocument, OUTCOME_COLORS, svgMarkup } from "./renderChart.ts";

/**
 * Outcomes of closed deals per competitor, by count: who we beat and who beats us. The title
 * uses the same rate the bars show: won as a share of all closed deals against that rival.
 */
export function competitorChart(snapshot: Snapshot): Chart {
  const groups = snapshot.sections.winLoss.byCompetitor;
  const best = leaders(groups, (g) => g.winRate);
  const worst = laggards(groups, (g) => g.winRate);
  const finding =
    best && worst && best.value !== worst.value
      ? `We won ${formatPercent(best.value)} of closed deals against ${listNames(best.keys)} but ${formatPercent(worst.value)} against ${listNames(worst.keys)}`
      : best
        ? `We won ${formatPercent(best.value)} of closed deals against ${listNames(best.keys)}`
        : "No closed deal names a competitor";
  return outcomeChart("win-loss-by-competitor", finding, "competitor", groups, snapshot.currency);
}

/** Outcomes of closed deals per product; the title names every product sharing the top win rate. */
export function productOutcomeChart(snapshot: Snapshot): Chart {
  const groups = snapshot.sections.winLoss.byProduct;
  const best = leaders(groups, (g) => g.winRate);
  const finding =
    best === null
      ? "No closed deal names a product"
      : best.keys.length === groups.filter((g) => isRecorded(g.key) && g.winRate !== null).length &&
          best.keys.length > 1
        ? `Every product won ${formatPercent(best.value)} of its closed deals`
        : `${listNames(best.keys)} ${best.keys.length > 1 ? "share" : "has"} the highest win rate, ${formatPercent(best.value)} of closed deals`;
  return outcomeChart("win-loss-by-product", finding, "product", groups, snapshot.currency);
}

function outcomeChart(
  id: string,
  finding: string,
  noun: string,
  groups: WinLossGroup[],
  currency: string,
): Chart {
  const data = groups.flatMap((g) => [
    { key: g.key, outcome: "Won", deals: g.won },
    { key: g.key, outcome: "Lost", deals: g.lost },
    { key: g.key, outcome: "No decision", deals: g.noDecision },
  ]);
  const figure = Plot.plot({
    document: chartDocument(),
    width: 640,
    height: 60 + groups.length * 34,
    marginLeft: 110,
    x: { label: "Share of closed deals", percent: true, grid: true },
    y: { label: null, domain: groups.map((g) => g.key) },
    color: { domain: Object.keys(OUTCOME_COLORS), range: Object.values(OUTCOME_COLORS), legend: true },
    marks: [
      Plot.barX(
        data,
        Plot.stackX({
          x: "deals",
          y: "key",
          fill: "outcome",
          offset: "normalize",
          order: Object.keys(OUTCOME_COLORS),
        }),
      ),
      Plot.ruleX([0]),
    ],
  });
  return {
    id,
    finding,
    description: `Stacked bars: for each ${noun}, the share of closed deals won, lost and ended with no decision.`,
    svg: svgMarkup(figure, finding, `${id}-desc`),
    table: {
      columns: [
        noun[0]!.toUpperCase() + noun.slice(1),
        "Won",
        "Lost",
        "No decision",
        "Win rate",
        "Competitive win rate",
        "Won amount",
        "Cash win rate",
      ],
      rows: groups.map((g) => [
        g.key,
        formatCount(g.won),
        formatCount(g.lost),
        formatCount(g.noDecision),
        formatPercent(g.winRate),
        formatPercent(g.competitiveWinRate),
        formatMoneyExact(g.wonAmount, currency),
        formatPercent(g.cashWinRate),
      ]),
    },
  };
}

/** Why deals were lost, by number of deals. */
export function lossReasonsChart(snapshot: Snapshot): Chart {
  const reasons = snapshot.sections.winLoss.lossReasons;
  // Shares are of lost deals only: a no-decision deal was not lost to anyone.
  const lost = reasons.filter((r) => !r.noDecision);
  const lostDeals = lost.reduce((n, r) => n + r.deals, 0);
  const top = leaders(
    lost.map((r) => ({ ...r, key: r.reason })),
    (r) => r.deals,
  );
  const unrecorded = lost.find((r) => !isRecorded(r.reason))?.deals ?? 0;
  const finding =
    lostDeals === 0
      ? "No deals were lost"
      : top === null
        ? `No loss reason is recorded for the ${formatCount(lostDeals)} deals lost`
        : `${listNames(top.keys)} ${top.keys.length > 1 ? "were" : "was"} the most common reason we lost (${formatPercent(top.value / lostDeals)} of lost deals${top.keys.length > 1 ? " each" : ""}${unrecorded > 0 ? `; ${formatCount(unrecorded)} have no reason recorded` : ""})`;
  const id = "loss-reasons";
  const figure = Plot.plot({
    document: chartDocument(),
    width: 640,
    height: 60 + reasons.length * 30,
    marginLeft: 140,
    x: { label: "Deals", grid: true },
    y: { label: null, domain: reasons.map((r) => r.reason) },
    marks: [
      Plot.barX(reasons, {
        x: "deals",
        y: "reason",
        fill: (r: { noDecision: boolean }) =>
          r.noDecision ? OUTCOME_COLORS["No decision"] : OUTCOME_COLORS.Lost,
      }),
      Plot.ruleX([0]),
    ],
  });
  return {
    id,
    finding,
    description:
      "Horizontal bars: number of deals lost for each recorded loss reason; no-decision reasons in grey.",
    svg: svgMarkup(figure, finding, `${id}-desc`),
    table: {
      columns: ["Loss reason", "Deals", "Amount", "Counts as"],
      rows: reasons.map((r) => [
        r.reason,
        formatCount(r.deals),
        formatMoneyExact(r.amount, snapshot.currency),
        r.noDecision ? "no decision" : "lost",
      ]),
    },
  };
}
