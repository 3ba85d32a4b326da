import type { Opportunity } from "../model/records.ts";

/** Whether a stage name is a closed one, and a won one. */
export interface StageOutcome {
  isClosed: boolean;
  isWon: boolean;
}

/**
 * Learns what each stage name means from the opportunities' own closed/won flags, so that
 * history rows (which carry only the stage name, in any language) can be read without a
 * list of stage names. Where opportunities disagree about a stage, the majority wins.
 */
export function learnStageOutcomes(opportunities: Iterable<Opportunity>): Map<string, StageOutcome> {
  const votes = new Map<string, Map<string, number>>();
  for (const { stage, isClosed, isWon } of opportunities) {
    const key = `${isClosed ? 1 : 0}${isWon ? 1 : 0}`;
    let counts = votes.get(stage);
    if (!counts) {
      counts = new Map();
      votes.set(stage, counts);
    }
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const outcomes = new Map<string, StageOutcome>();
  for (const [stage, counts] of votes) {
    const [winner] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
    outcomes.set(stage, { isClosed: winner[0] === "1", isWon: winner[1] === "1" });
  }
  return outcomes;
}
