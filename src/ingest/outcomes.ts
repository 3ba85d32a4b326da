import type { ClosedOutcome, Outcome } from "../model/outcome.ts";
import type { Row } from "./readTable.ts";

/*
 * Whether a deal is open, won, lost or closed without a decision, from the values of one
 * column (the stage unless the config's `outcomes.column` names another). Values match
 * without regard to case or surrounding spaces; every other value is open. A value that is
 * taken as open but reads like a closed one ("Closed: won") is reported once, with the
 * config line that would settle it: a deal never silently stays open forever.
 */

/** What a row says of its deal's outcome. */
export interface DealOutcome {
  outcome: Outcome;
  /** The value the outcome was read from ("" when it came from closed/won flags). */
  value: string;
}

/** Lists of values meaning won, lost and no decision. */
export interface OutcomeValues {
  won: readonly string[];
  lost: readonly string[];
  noDecision: readonly string[];
}

/** Values that read as won, lost and no decision, for proposing outcomes. */
export const READS_AS = {
  noDecision: /no.?decision|abandon/i,
  won: /\bwon\b|^win$|^closed[\s:_-]*win/i,
  lost: /\blost\b|^lose$|^closed[\s:_-]*lo|\bdead\b|disqualified|cancel+ed|rejected/i,
};

/** Which outcome list a value most likely belongs to. */
export function likelyOutcome(value: string): ClosedOutcome | null {
  if (READS_AS.noDecision.test(value)) return "noDecision";
  if (READS_AS.won.test(value)) return "won";
  if (READS_AS.lost.test(value)) return "lost";
  return null;
}

const CLOSED_LOOKING =
  /\b(closed?|won|win|lost|lose|abandon\w*|dead|cancel+ed|disqualified|churned|no.?decision)\b/i;

/** Whether a value reads like a closed outcome. */
export function looksClosed(value: string): boolean {
  return CLOSED_LOOKING.test(value);
}

/** Reads outcomes from the values of a column, warning once per open value that looks closed. */
export function outcomeRule(values: OutcomeValues) {
  const key = (v: string) => v.trim().toLowerCase();
  const won = new Set(values.won.map(key));
  const lost = new Set(values.lost.map(key));
  const noDecision = new Set(values.noDecision.map(key));
  const warned = new Set<string>();
  return (row: Row, column: string): DealOutcome => {
    const value = row.get(column);
    const k = key(value);
    if (won.has(k)) return { outcome: "won", value };
    if (lost.has(k)) return { outcome: "lost", value };
    if (noDecision.has(k)) return { outcome: "noDecision", value };
    if (looksClosed(value) && !warned.has(k)) {
      warned.add(k);
      row.warn(
        column,
        `"${value}" looks like a closed stage but is taken as open: add it to outcomes.${likelyOutcome(value) ?? "lost"} ` +
          `in quarterdeck.config.json (e.g. "outcomes": { "${likelyOutcome(value) ?? "lost"}": ["${value}"] })`,
      );
    }
    return { outcome: "open", value };
  };
}
