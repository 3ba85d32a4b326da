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
  return reason !== null && noDecision.test(reason.slice(0, PATTERN_TEXT_LIMIT)) ? "noDecision" : "lost";
}
