import { type Day, type Opportunity, type Records, UNDATED } from "../model/records.ts";

/*
 * What the inputs can support. A figure the export cannot back (no history for a question
 * about a past day, no probability for a weighted forecast, no account on the deals for new
 * logos) is not computed from what happens to be there: it is null, and the snapshot says
 * under `unavailable` what is missing and what to export. This module answers "is it there?"
 * once per dataset; the metrics and the snapshot ask it.
 */

/** Which kinds of evidence the records hold. */
export interface DataCoverage {
  /** Opportunities with stage history rows (point-in-time stages, amounts, probabilities). */
  history: boolean;
  /** Some deal or history row carries a probability. */
  probability: boolean;
  /** Some deal or history row carries a forecast category. */
  forecastCategory: boolean;
  /** Some deal names its account. */
  accountLink: boolean;
  /** Some deal records its type (new business, expansion, renewal). */
  types: boolean;
  /** The accounts say whether each customer may be named publicly. */
  referenceField: boolean;
  /** Some account's ICP fit is known. */
  icp: boolean;
  /** Some contact is of a known persona. */
  personas: boolean;
  /** Activities were supplied. */
  activities: boolean;
  /**
   * Earliest day any opportunity was created: the export says nothing of pipeline before it.
   * Null when no opportunity has a created date.
   */
  firstCreated: Day | null;
}

/** Reads the coverage of a set of records. */
export function dataCoverage(records: Records): DataCoverage {
  let { firstCreated, probability, forecastCategory, accountLink, types } = dealsCoverage(
    records.opportunities,
  );
  // The history's columns, each read until a value is found (a loop, not `some`: millions of
  // rows without one would each be a call).
  probability ||= anyNumber(records.history.probability);
  forecastCategory ||= anyNonZero(records.history.category);
  return {
    history: records.history.length > 0,
    probability,
    forecastCategory,
    accountLink,
    types,
    referenceField: records.accounts.some((a) => a.referenceApproved !== null),
    icp: records.accounts.some((a) => a.isIcp !== null),
    personas: records.contacts.some((c) => c.persona !== null),
    activities: records.activities.length > 0,
    firstCreated,
  };
}

/** Whether some value of the column is a number (NaN marks a blank). */
function anyNumber(column: Float64Array): boolean {
  for (let i = 0; i < column.length; i++) if (!Number.isNaN(column[i]!)) return true;
  return false;
}

/** Whether some value of the column is not 0 (0 marks a blank). */
function anyNonZero(column: Uint8Array): boolean {
  for (let i = 0; i < column.length; i++) if (column[i] !== 0) return true;
  return false;
}

type DealsCoverage = Pick<
  DataCoverage,
  "firstCreated" | "probability" | "forecastCategory" | "accountLink" | "types"
>;

const dealsCoverageOf = new WeakMap<readonly Opportunity[], DealsCoverage>();

/**
 * What the deals themselves hold, read once for these deals: `compute` has it read with the
 * deals' indexes while the activities are still read (see `prepareDeals`).
 */
export function dealsCoverage(opportunities: readonly Opportunity[]): DealsCoverage {
  const known = dealsCoverageOf.get(opportunities);
  if (known !== undefined) return known;
  let firstCreated: Day | null = null;
  let probability = false;
  let forecastCategory = false;
  let accountLink = false;
  let types = false;
  for (const o of opportunities) {
    // A deal without a created date says nothing of when the export's pipeline begins.
    if (o.createdDate !== UNDATED && (firstCreated === null || o.createdDate < firstCreated))
      firstCreated = o.createdDate;
    if (o.probability !== null) probability = true;
    if (o.forecastCategory !== null) forecastCategory = true;
    if (o.accountId !== null) accountLink = true;
    if (o.type !== null) types = true;
  }
  const coverage = { firstCreated, probability, forecastCategory, accountLink, types };
  dealsCoverageOf.set(opportunities, coverage);
  return coverage;
}

/** Whether the export can say what was open at the end of `day`. */
export function knowsPipelineAt(coverage: DataCoverage, day: Day): boolean {
  return coverage.firstCreated !== null && coverage.firstCreated <= day;
}

/** Figure path → why the inputs cannot support it, as the pack shows it. */
export type Unavailable = Record<string, string>;

const NO_CREATED_DATES =
  "No opportunity in the export has a created date, so none can be placed in time. Export the created date (Salesforce CreatedDate, HubSpot Create Date) or map it as created_date.";

/** The reasons the pack gives, in one place so the same gap is said the same way everywhere. */
export const REASONS = {
  noHistory:
    "The export has no stage history, so the stage, amount and probability each deal had on a past day are unknown. Export Salesforce OpportunityHistory.csv, or HubSpot's deal stage history (canonical history.csv).",
  noProbability:
    "The deals carry no probability, so no CRM-weighted forecast can be made. Export the Probability field (HubSpot: Deal probability), or supply submitted calls in forecasts.csv.",
  noAccountLink:
    "The deals name no account, so a new customer cannot be told from a repeat one. Export the account with each deal (Salesforce AccountId, HubSpot Associated Company).",
  noReferenceField:
    "The accounts have no reference-approved field, so the pack cannot say which new logos may be named publicly. Add one (e.g. Reference_Approved__c) and map it as reference_approved.",
  noIcp:
    "No account's ICP fit is known. Export an ICP tier field with the accounts, or set icp.industries / icp.minEmployees in the config.",
  noPersonas:
    "No contact has a known buyer persona. Export contacts with a persona or job title, or set personas.titlePatterns in the config.",
  noLeads:
    "No leads were supplied. Export leads (Salesforce Lead.csv, canonical leads.csv) with their created, MQL and SQL dates and the opportunity each converted into.",
  undatedLeads:
    "The leads have no created date, so none can be placed in a quarter's cohort. Export the lead's created date (Salesforce CreatedDate) or map it as created_date.",
  noTypes:
    "No deal records its type (new business, expansion, renewal), so renewals cannot be told apart. Export the Type field (HubSpot Deal Type) or map it as type.",
  noActivities:
    "No activities (calls, meetings, emails) were supplied. Export Task.csv and Event.csv, or HubSpot activities.",
  createdBefore: (quarter: string, firstCreated: Day | null) =>
    firstCreated === null
      ? NO_CREATED_DATES
      : `The export's earliest opportunity was created on ${firstCreated}, after ${quarter} ended: it cannot tell what pipeline was created then. Export every opportunity, closed ones included, with its original created date.`,
  unrecorded: (field: string, howTo: string) =>
    `No closed deal of the quarter records its ${field}. ${howTo}`,
  noPlan: (quarter: string) =>
    `No bookings plan for ${quarter} in targets.csv: add a row quarter=${quarter}, metric=bookings, owner empty, per=quarter, value=the plan (or one row per segment or rep).`,
  closeDatesSince: (day: Day, asOf: Day) =>
    `The export has no stage history and was taken on ${asOf}, after ${day}: the close dates deals had on ${day} are unknown (today's would count deals pulled in since). Export Salesforce OpportunityHistory.csv, or HubSpot's deal stage history (canonical history.csv).`,
  pipelineBefore: (firstCreated: Day | null) =>
    firstCreated === null
      ? NO_CREATED_DATES
      : `The export's earliest opportunity was created on ${firstCreated}: it cannot tell what was open on any day before that. Export every opportunity, closed ones included, with its original created date.`,
} as const;

/** How to supply each breakdown of closed deals when the export records none of it. */
export const BREAKDOWN_SOURCES = {
  competitor: [
    "competitor",
    "Export OpportunityCompetitor.csv (Salesforce) or a competitor field, and map it as competitor.",
  ],
  product: ["product", "Export a product or product-line field with the deals and map it as product."],
  segment: ["segment", "Export a segment field on deals or accounts and map it as segment."],
  owner: ["owner", "Export the owner with each deal (Salesforce OwnerId with User.csv, HubSpot Deal owner)."],
  lossReason: [
    "loss reason",
    "Export a loss-reason field (e.g. Loss_Reason__c, HubSpot Closed Lost Reason) and map it as loss_reason.",
  ],
} as const;
