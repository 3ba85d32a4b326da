import { PATTERN_TEXT_LIMIT } from "../config/safePattern.ts";
import type { Outcome } from "../model/outcome.ts";
import type { Opportunity } from "../model/records.ts";

/**
 * A deal's outcome. Closed-not-won deals whose loss reason matches the no-decision pattern
 * are "no decision" (the buyer chose nobody); other closed-not-won deals are "lost".
 */
export function outcomeOf(opportunity: Opportunity, noDecision: RegExp): Outcome {
  if (!opportunity.isClosed) return "open";
  if (opportunity.isWon) return "won";
  const reason = opportunity.lossReason;
  return reason !== null && meansNoDecision(reason, noDecision) ? "noDecision" : "lost";
}

// Whether each loss reason matches, per pattern: a pack asks of the same few reasons for
// every lost deal of every breakdown, and a pattern need not be run again on the same text.
const matchesOf = new WeakMap<RegExp, Map<string, boolean>>();
/** Reasons remembered per pattern at most: free-text reasons may all differ. */
const REASONS_KEPT = 10_000;

function meansNoDecision(reason: string, noDecision: RegExp): boolean {
  let matches = matchesOf.get(noDecision);
  if (matches === undefined) {
    matches = new Map();
    matchesOf.set(noDecision, matches);
  }
  let match = matches.get(reason);
  if (match === undefined) {
    match = noDecision.test(reason.slice(0, PATTERN_TEXT_LIMIT));
    if (matches.size < REASONS_KEPT) matches.set(reason, match);
  }
  return match;
}
