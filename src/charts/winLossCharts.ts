import * as Plot from "@observablehq/plot";
import type { WinLossGroup } from "../metrics/winLoss.ts";
import { formatCount, formatMoney, formatPercent } from "../site/format.ts";
import { isRecorded, laggards, leaders, listNames } from "../site/leaders.ts";
import type { Snapshot } from "../snapshot/snapshot.ts";
import {
  baseOptions,
  type Chart,
  fitLabel,
  hasData,
  labelMargin,
  OUTCOME_COLORS,
  renderChart,
} from "./renderChart.ts";

const OUTCOMES = Object.keys(OUTCOME_COLORS) as (keyof typeof OUTCOME_COLORS)[];
const OUTCOME_LEGEND = OUTCOMES.map((label) => ({ label, color: OUTCOME_COLORS[label] }));

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
  const data = groups.flatMap((g) => {
    const closed = g.won + g.lost + g.noDecision;
    return [
      { key: g.key, outcome: "Won", deals: g.won, share: closed === 0 ? 0 : g.won / closed },
      { key: g.key, outcome: "Lost", deals: g.lost, share: closed === 0 ? 0 : g.lost / closed },
      {
        key: g.key,
        outcome: "No decision",
        deals: g.noDecision,
        share: closed === 0 ? 0 : g.noDecision / closed,
      },
    ];
  });
  return renderChart({
    id,
    finding,
    subtitle: `Closed deals, % of count, by ${noun} and outcome`,
    description: `Stacked bars: for each ${noun}, the share of closed deals won, lost and ended with no decision, each part labelled with its percentage when there is room.`,
    hasData: hasData(data.map((d) => d.deals)),
    legend: OUTCOME_LEGEND,
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
        formatMoney(g.wonAmount, currency),
        formatPercent(g.cashWinRate),
      ]),
    },
    plot: (layout) => {
      const labels = groups.map((g) => fitLabel(g.key, layout));
      const shown = data.map((d) => ({ ...d, key: fitLabel(d.key, layout) }));
      // A percentage is printed inside its part only where it fits.
      const room = layout.narrow ? 0.18 : 0.08;
      // Bars and their labels stack by the same outcome, in the same order.
      const stack = { x: "deals", y: "key", z: "outcome", order: OUTCOMES, offset: "normalize" } as const;
      return Plot.plot({
        ...baseOptions(layout, 40 + groups.length * (layout.fontSize * 2.4)),
        marginLeft: labelMargin(labels, layout),
        marginRight: 24,
        x: {
          label: null,
          percent: true,
          grid: true,
          ticks: layout.narrow ? 2 : 5,
          tickFormat: (v: number) => `${v}%`,
        },
        color: { domain: OUTCOMES, range: OUTCOMES.map((o) => OUTCOME_COLORS[o]) },
        y: { label: null, domain: labels },
        marks: [
          Plot.barX(shown, Plot.stackX({ ...stack, fill: "outcome" })),
          Plot.text(
            shown,
            Plot.stackX({
              ...stack,
              text: (d: { share: number }) => (d.share >= room ? formatPercent(d.share) : ""),
              fill: (d: { outcome: string }) => (d.outcome === "No decision" ? "#1d2430" : "white"),
            }),
          ),
          Plot.ruleX([0]),
        ],
      });
    },
  });
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
  return renderChart({
    id: "loss-reasons",
    finding,
    subtitle: "Deals lost, count, by recorded loss reason",
    description:
      "Horizontal bars: number of deals lost for each recorded loss reason, each labelled with its count; no-decision reasons in grey.",
    hasData: hasData(reasons.map((r) => r.deals)),
    legend: [
      { label: "Lost", color: OUTCOME_COLORS.Lost },
      { label: "No decision", color: OUTCOME_COLORS["No decision"] },
    ],
    table: {
      columns: ["Loss reason", "Deals", "Amount", "Counts as"],
      rows: reasons.map((r) => [
        r.reason,
        formatCount(r.deals),
        formatMoney(r.amount, snapshot.currency),
        r.noDecision ? "No decision" : "Lost",
      ]),
    },
    plot: (layout) => {
      const shown = reasons.map((r) => ({ ...r, label: fitLabel(r.reason, layout) }));
      return Plot.plot({
        ...baseOptions(layout, 24 + reasons.length * (layout.fontSize * 2.2)),
        marginLeft: labelMargin(
          shown.map((r) => r.label),
          layout,
        ),
        marginRight: 40,
        x: { axis: null },
        y: { label: null, domain: shown.map((r) => r.label) },
        marks: [
          Plot.barX(shown, {
            x: "deals",
            y: "label",
            fill: (r: { noDecision: boolean }) =>
              r.noDecision ? OUTCOME_COLORS["No decision"] : OUTCOME_COLORS.Lost,
          }),
          Plot.text(shown, {
            x: "deals",
            y: "label",
            text: (r: { deals: number }) => formatCount(r.deals),
            textAnchor: "start",
            dx: 4,
          }),
          Plot.ruleX([0]),
        ],
      });
    },
  });
}
