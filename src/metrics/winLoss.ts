import type { Opportunity } from "../model/records.ts";
import { groupBy, NONE } from "./groups.ts";
import { fromCents, ratio, toCents } from "./money.ts";
import { outcomeOf } from "./outcomes.ts";

/** Count and cash view of a set of closed deals. */
export interface WinLossSummary {
  won: number;
  lost: number;
  noDecision: number;
  wonAmount: number;
  lostAmount: number;
  noDecisionAmount: number;
  /** won / (won + lost + no decision). */
  winRate: number | null;
  /** won / (won + lost): against competitors only, leaving out deals nobody won. */
  competitiveWinRate: number | null;
  /** won amount / amount of every closed deal. */
  cashWinRate: number | null;
}

/** A summary for one value of a breakdown (one competitor, product, …). */
export interface WinLossGroup extends WinLossSummary {
  key: string;
}

export { NONE };

/** Win/loss counts, amounts and rates of closed deals (open deals are ignored). */
export function summarizeWinLoss(deals: Iterable<Opportunity>, noDecision: RegExp): WinLossSummary {
  // Counted in variables, not by the outcome's name: this runs over every closed deal of
  // every breakdown.
  const count = { won: 0, lost: 0, noDecision: 0 };
  const cents = { won: 0, lost: 0, noDecision: 0 };
  for (const deal of deals) {
    const outcome = outcomeOf(deal, noDecision);
    if (outcome === "won") {
      count.won++;
      cents.won += toCents(deal.amount);
    } else if (outcome === "lost") {
      count.lost++;
      cents.lost += toCents(deal.amount);
    } else if (outcome === "noDecision") {
      count.noDecision++;
      cents.noDecision += toCents(deal.amount);
    }
  }
  const closedCents = cents.won + cents.lost + cents.noDecision;
  return {
    won: count.won,
    lost: count.lost,
    noDecision: count.noDecision,
    wonAmount: fromCents(cents.won),
    lostAmount: fromCents(cents.lost),
    noDecisionAmount: fromCents(cents.noDecision),
    winRate: ratio(count.won, count.won + count.lost + count.noDecision),
    competitiveWinRate: ratio(count.won, count.won + count.lost),
    cashWinRate: ratio(cents.won, closedCents),
  };
}

/** The same summary per value of `keyOf`, largest closed amount first. */
export function winLossBy(
  deals: readonly Opportunity[],
  keyOf: (deal: Opportunity) => string | null,
  noDecision: RegExp,
): WinLossGroup[] {
  return [...groupBy(deals, keyOf)]
    .map(([key, list]) => ({ key, ...summarizeWinLoss(list, noDecision) }))
    .sort((a, b) => closedAmount(b) - closedAmount(a) || a.key.localeCompare(b.key));
}

/** Loss reasons of lost and no-decision deals, most frequent first. */
export function lossReasons(deals: readonly Opportunity[], noDecision: RegExp) {
  const reasons = new Map<string, { reason: string; deals: number; cents: number; noDecision: boolean }>();
  for (const deal of deals) {
    const outcome = outcomeOf(deal, noDecision);
    if (outcome !== "lost" && outcome !== "noDecision") continue;
    const reason = deal.lossReason ?? NONE;
    const entry = reasons.get(reason) ?? { reason, deals: 0, cents: 0, noDecision: outcome === "noDecision" };
    entry.deals++;
    entry.cents += toCents(deal.amount);
    reasons.set(reason, entry);
  }
  return [...reasons.values()]
    .map(({ reason, deals, cents, noDecision: nd }) => ({
      reason,
      deals,
      amount: fromCents(cents),
      noDecision: nd,
    }))
    .sort((a, b) => b.deals - a.deals || b.amount - a.amount || a.reason.localeCompare(b.reason));
}

function closedAmount(s: WinLossSummary): number {
  return s.wonAmount + s.lostAmount + s.noDecisionAmount;
}
