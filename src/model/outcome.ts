import { z } from "zod";

/*
 * What became of a deal, in one closed set: ingest reads it from flags, stages or statuses,
 * metrics count by it, and interview notes name it.
 */

/** What became of a deal: won, lost to someone, no decision by the buyer, or still open. */
export const OutcomeSchema = z.enum(["won", "lost", "noDecision", "open"]);
export type Outcome = z.output<typeof OutcomeSchema>;

/** How a closed deal ended. */
export type ClosedOutcome = Exclude<Outcome, "open">;

/** How interview notes write each closed outcome in their front matter (docs/interviews.md). */
export const NOTE_OUTCOMES = {
  won: "won",
  lost: "lost",
  noDecision: "no-decision",
} as const satisfies Record<ClosedOutcome, string>;
/** A closed outcome as an interview note writes it. */
export type NoteOutcome = (typeof NOTE_OUTCOMES)[ClosedOutcome];
