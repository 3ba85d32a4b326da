import { z } from "zod";
import { isRealDay } from "../calendar/days.ts";
import { NOTE_OUTCOMES, type NoteOutcome } from "./outcome.ts";

/*
 * A win/loss interview note: Markdown with YAML front matter (docs/interviews.md). The front
 * matter is validated here; the body stays Markdown and is rendered with raw HTML disabled.
 */

const dateField = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v.trim()))
  // Date.parse rolls 2026-02-31 over into March: the day is checked against the calendar.
  .refine(
    (v) =>
      /^\d{4}-\d{2}-\d{2}$/.test(v) &&
      isRealDay(Number(v.slice(0, 4)), Number(v.slice(5, 7)), Number(v.slice(8))),
    {
      message: "is not a date: write it as YYYY-MM-DD",
    },
  );

export const InterviewFrontMatterSchema = z
  .object({
    /** CRM id of the opportunity the interview is about. */
    opportunity: z.union([z.string(), z.number()]).transform(String).optional(),
    /** Account name, when the note names no opportunity. */
    account: z.string().optional(),
    /** How the deal ended. */
    outcome: z.enum(NOTE_OUTCOMES, { message: "must be won, lost or no-decision" }),
    /** The competitor the buyer weighed us against, if any. */
    competitor: z.string().optional(),
    /** Day of the interview. */
    interview_date: dateField,
    /** Day the buyer realised they had the problem, when they said. */
    problem_realised: dateField.optional(),
    /** The interviewee's role (CFO, VP Sales Operations, …); never their name. */
    interviewee_role: z.string().min(1, "is empty: give the interviewee's role, such as CFO"),
    /** Who held the interview. */
    interviewer: z.string().optional(),
    /** Free tags, counted as themes when they name one. */
    tags: z.array(z.string()).default([]),
  })
  .strict()
  .refine((v) => v.opportunity !== undefined || v.account !== undefined, {
    message: "names neither an opportunity nor an account: add opportunity: <CRM id> or account: <name>",
    path: ["opportunity"],
  });
export type InterviewFrontMatter = z.output<typeof InterviewFrontMatterSchema>;

/** The sections a note answers, as Markdown (null when the note lacks one). */
export interface InterviewSections {
  /** How and when the customer realised the problem. */
  realisation: string | null;
  /** What research they did, and how they found us. */
  research: string | null;
  /** Their key decision criteria. */
  criteria: string | null;
  /** How the decision was made. */
  decision: string | null;
}

/** A validated interview note. */
export interface Interview {
  /** Path in the data folder, e.g. "interviews/acme-won.md". */
  file: string;
  /** URL-safe name for its page. */
  slug: string;
  opportunityId: string | null;
  account: string | null;
  outcome: NoteOutcome;
  competitor: string | null;
  interviewDate: string;
  problemRealised: string | null;
  intervieweeRole: string;
  interviewer: string | null;
  tags: string[];
  sections: InterviewSections;
  /** Quotes marked in the note (blockquotes), without their quotation marks. */
  quotes: string[];
  /** The whole body, Markdown. */
  body: string;
}
