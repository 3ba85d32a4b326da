import * as Plot from "@observablehq/plot";
import type { WinLossGroup } from "../metrics/winLoss.ts";
import { formatCount, formatMoneyExact, formatPercent } from "../site/format.ts";
import type { Snapshot } from "../snapshot/snapshot.ts";
import { type Chart, chartDocument, OUTCOME_COLORS, svgMarkup } from "./renderChart.ts";

/** Outcomes of closed deals per competitor, by count: who we beat and who beats us. */
export function competitorChart(snapshot: Snapshot): Chart {
  const groups = snapshot.sections.winLoss.byCompetitor;
  const named = groups.filter((g) => g.key !== "(none)" && g.won + g.lost > 0);
  const ranked = [...named].sort((a, b) => (b.competitiveWinRate ?? 0) - (a.competitiveWinRate ?? 0));
  const best = ranked[0];
  const worst = ranked[ranked.length - 1];
  const finding =
    best && worst && best !== worst
      ? `We win ${formatPercent(best.competitiveWinRate)} against ${best.key} but ${formatPercent(worst.competitiveWinRate)} against ${worst.key}`
      : "Outcomes of closed deals by competitor";
  return outcomeChart("win-loss-by-competitor", finding, "competitor", groups, snapshot.currency);
}

/** Outcomes of closed deals per product. */
export function productOutcomeChart(snapshot: Snapshot): Chart {
  const groups = snapshot.sections.winLoss.byProduct;
  const ranked = [...groups]
    .filter((g) => g.winRate !== null)
    .sort((a, b) => (b.winRate ?? 0) - (a.winRate ?? 0));
  const finding = ranked[0]
    ? `${ranked[0].key} has the highest win rate, ${formatPercent(ranked[0].winRate)}`
    : "Outcomes by product";
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
  const total = reasons.reduce((n, r) => n + r.deals, 0);
  const top = reasons[0];
  const finding = top
    ? `${top.reason} was the most common reason we lost (${formatPercent(top.deals / total)} of losses)`
    : "No deals were lost";
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
