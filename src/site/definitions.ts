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
  {
    term: "Bookings plan",
    definition:
      "The quarter's bookings target from targets.csv (metric bookings, per quarter): the company's row (empty owner), else the sum of the segments' plans, else the sum of the reps' quotas. Segments and reps may carry their own plans; rep quotas often add up to more than the company's plan.",
  },
  {
    term: "Attainment",
    definition:
      "Bookings divided by the bookings plan, for the company, each segment (bookings of deals of that segment) and each rep (bookings of deals they own). Changes on earlier quarters are in percentage points.",
  },
  {
    term: "Attainment bands",
    definition:
      "Reps by attainment of their quota: under 50%, 50–80%, 80–100%, 100–120% and over 120%. A rep on a band's lower edge is in that band (exactly 100% made quota); exactly 120% is in 100–120%. A rep whose quota is zero is in none.",
  },
  {
    term: "Next quarter's pipeline",
    definition:
      "Open pipeline at the end of the quarter whose close date, as it stood then, falls in the next quarter: amounts and close dates from the history, or from the export itself only when it was taken by the quarter's end.",
  },
  {
    term: "Coverage",
    definition:
      "Next quarter's pipeline divided by next quarter's bookings plan (3.1× means three dollars due for each dollar of plan).",
  },
  {
    term: "Coverage the win rate needs",
    definition:
      "One divided by the quarter's cash win rate: the coverage that, won at that rate, would just make plan. The pipeline still to find is that coverage times next quarter's plan, less next quarter's pipeline (negative: pipeline to spare).",
  },
  {
    term: "No-decision rate",
    definition: "Deals that ended in no decision divided by all deals closed in the quarter.",
  },
  {
    term: "Slip rate",
    definition:
      "The amount pushed out of the quarter (deals whose close date moved beyond it while open) divided by the pipeline due in the quarter at its start, both from the pipeline flow. Not available without stage history.",
  },
  {
    term: "Deal concentration",
    definition:
      "The share of bookings in the quarter's ten largest wins (all of them when there are ten or fewer).",
  },
  {
    term: "Sales velocity",
    definition:
      "Bookings the pipeline yields per day: deals open at the start of the quarter × average selling price × win rate (by count) ÷ median sales cycle in days, all of the quarter.",
  },
  {
    term: "Pipeline flow",
    definition:
      "How the pipeline due to close in the quarter (open deals whose close date, as of that day, falls in it) moved from the day before its start to its end: start + created + pulled in + increased − decreased − pushed out − won − lost = end, each change of each deal in exactly one bucket, from the history; a residual line shows anything the movements do not explain.",
  },
  {
    term: "Forecast accuracy",
    definition:
      "The forecast standing the day before the quarter began against the bookings of the quarter: the submitted commit call (forecasts.csv) when there is one, else the CRM's view rebuilt from history (won so far plus open deals due in the quarter weighted by their probability). Error is forecast less bookings, as an amount and as a share of bookings.",
  },
  {
    term: "Quality-weighted forecast",
    definition:
      "Open deals due in a quarter, each weighted by the win rate of deals like it (stage × ICP fit × whether a target persona was engaged) learned from the quarters before, against the flat per-stage win rate. Both are backtested on past quarters, each learning only from the quarters before it; next quarter's forecast applies both to the pipeline due then.",
  },
  {
    term: "Funnel",
    definition:
      "The leads created in the quarter followed to the day of the export: marketing-qualified, sales-qualified, an opportunity, discovery (probability ever 20% or more, or a discovery stage), proposal (50% or more, or a proposal stage) and won; conversion is each step's count over the step before. Recent cohorts are still moving.",
  },
  {
    term: "Leading indicators",
    definition:
      "Per rep: calls, meetings, proposals and emails in the quarter, opportunities and pipeline created, and the share of each aimed at ICP accounts and at target personas (of those whose account or contact is known). An activity with an ICP account and a target persona is on target.",
  },
  {
    term: "Weekly scorecard",
    definition:
      "Each rep's weekly activity against their weekly targets (targets.csv, per week); week 1 is the quarter's first seven days, and a short last week is scored against a pro-rated target. Four or more weeks in a row all on or all below target are flagged as a streak.",
  },
  {
    term: "Renewals",
    definition:
      "Renewal deals closed in the quarter: renewed divided by closed, by count and by amount. Deal type (new business, expansion, renewal) splits bookings into new and existing customers' business.",
  },
  {
    term: "Time in each stage",
    definition:
      "For deals closed in the quarter, days from a change into a stage to the next change of stage, from the history: median and mean per stage.",
  },
  {
    term: "Rocks",
    definition:
      "The quarter's priorities from rocks.csv, each checked for an owner, a measurable, a target and a due date within the quarter. Where the measurable is a figure of the pack (a sales cycle, a win rate, bookings, new logos, slip or no-decision rate), that figure is set against the target; a rock past its due date cannot still be on track.",
  },
  {
    term: "Voice of the customer",
    definition:
      "The win/loss interviews of the quarter (a note belongs to the quarter its deal closed in, else the quarter of the interview). Themes are counted once per interview, from its tags and its decision sections, by the configured words for each theme; channels come from its research section; featured quotes follow a fixed rule (the best of each outcome first).",
  },
];
