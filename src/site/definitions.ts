/*
 * Every figure's definition in words. The pack's definitions appendix prints these, and
 * docs/metrics.md carries the same sentences (a test keeps the two in step).
 */

/** A figure and what it means. */
export interface Definition {
  term: string;
  definition: string;
}

export const DEFINITIONS: Definition[] = [
  {
    term: "Quarter",
    definition:
      "A fiscal quarter, from its first to its last day in the company's time zone. A deal is in a quarter by its close date unless said otherwise.",
  },
  {
    term: "Won, lost, no decision",
    definition:
      'Closed won in the quarter is won. Closed not won whose loss reason matches the no-decision pattern (by default "no decision") is no decision: the buyer chose nobody. Every other closed deal is lost.',
  },
  {
    term: "Bookings",
    definition: "The sum of the amounts of deals won in the quarter, in the reporting currency.",
  },
  { term: "Average selling price", definition: "Bookings divided by the number of deals won." },
  {
    term: "Win rate",
    definition: "Deals won divided by all deals closed in the quarter (won, lost and no decision).",
  },
  {
    term: "Competitive win rate",
    definition: "Deals won divided by deals won or lost, leaving out those that ended with no decision.",
  },
  {
    term: "Cash win rate",
    definition: "The amount won divided by the amount of all deals closed in the quarter.",
  },
  {
    term: "New logos",
    definition:
      "Accounts whose first-ever won deal closed in the quarter, with the amount they signed in the quarter. A logo may be named publicly only when the account is marked reference-approved.",
  },
  {
    term: "Open pipeline",
    definition:
      "At a given day: the sum of the amounts, as they stood that day, of deals created on or before it whose stage that day was not closed, whatever their expected close date. Past days are reconstructed from the opportunity history; a deal without history counts with today's values, open until its close date.",
  },
  {
    term: "Pipeline growth",
    definition:
      "Open pipeline at the end of the quarter against the end of the quarter before (quarter on quarter) and the end of the same quarter a year before (year on year).",
  },
  {
    term: "Pipeline created",
    definition:
      "The sum of the amounts, as they stood at the end of the quarter, of deals created in the quarter, whatever became of them. Split by week of the quarter (week 1 is its first seven days), owner, product, lead source, and new prospects against existing customers (an account with a won deal closed before the opportunity was created).",
  },
  {
    term: "Sales cycle",
    definition:
      "Days from creation to close of deals won in the quarter: the median (the mean of the middle two for an even count) and the mean.",
  },
];
