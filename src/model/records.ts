import { z } from "zod";
import type { ActivityLog } from "./activityLog.ts";
import type { HistoryLog } from "./historyLog.ts";

/*
 * The canonical model: what every CRM export is mapped onto by ingest. Past ingest, code
 * trusts these types. Dates are calendar days in the company's time zone as "YYYY-MM-DD"
 * strings (they sort and compare as text); history timestamps are local "YYYY-MM-DDTHH:mm:ss".
 * Amounts are in the reporting currency, rounded to the cent.
 */

/** A calendar day in the company's time zone, "YYYY-MM-DD". */
export const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** A moment in the company's time zone, "YYYY-MM-DDTHH:mm:ss". */
export const LocalTimeSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
/** Money in the reporting currency, to the cent. */
export const MoneySchema = z.number().finite();

export type Day = z.output<typeof DaySchema>;

/**
 * The day of a record the export left undated where the record is still usable (an open deal
 * with no expected close, a deal or lead with no created date): it sorts after every real
 * day, so the record falls in no quarter and exists at no past moment, and figures that need
 * the day leave it out.
 */
export const UNDATED: Day = "9999-12-31";

/** Owner shown for deals of an export that names no owners. */
export const NO_OWNER = "(no owner)";
export type LocalTime = z.output<typeof LocalTimeSchema>;

/** Where a deal stands in the forecast, as Salesforce and HubSpot name the categories. */
export const ForecastCategorySchema = z.enum(["pipeline", "bestCase", "commit", "closed", "omitted"]);
export type ForecastCategory = z.output<typeof ForecastCategorySchema>;

export const OpportunityTypeSchema = z.enum(["new", "expansion", "renewal"]);
export type OpportunityType = z.output<typeof OpportunityTypeSchema>;

export const AccountSchema = z.object({
  /** CRM id of the account. */
  id: z.string().min(1),
  /** Account name as the CRM shows it. */
  name: z.string(),
  /** Industry, when the CRM records it. */
  industry: z.string().nullable(),
  /** Employee count, when the CRM records it. */
  employees: z.number().int().nonnegative().nullable(),
  /** Market segment (Enterprise, Mid-Market, SMB, …). */
  segment: z.string().nullable(),
  /** ICP tier as recorded in the CRM (A, B, C, Tier 1, …). */
  icpTier: z.string().nullable(),
  /** Whether the account fits the ideal customer profile; null when nothing tells. */
  isIcp: z.boolean().nullable(),
  /** Whether the customer agreed to be named publicly (press release, earnings call); null when the export has no such field. */
  referenceApproved: z.boolean().nullable(),
});
export type Account = z.output<typeof AccountSchema>;

export const ContactSchema = z.object({
  /** CRM id of the contact. */
  id: z.string().min(1),
  /** Account the contact works for. */
  accountId: z.string().nullable(),
  /** Job title. */
  title: z.string().nullable(),
  /** Buyer persona (Economic Buyer, Champion, User, …), recorded or derived from the title. */
  persona: z.string().nullable(),
  /** Whether the persona is one the sales motion aims at. */
  isTargetPersona: z.boolean(),
});
export type Contact = z.output<typeof ContactSchema>;

export const OpportunitySchema = z.object({
  /** CRM id of the opportunity. */
  id: z.string().min(1),
  /** Account the deal is with. */
  accountId: z.string().nullable(),
  /** Deal name. */
  name: z.string(),
  /** Owner's display name (resolved from the user table when the CRM gives an id). */
  owner: z.string(),
  /** Product or product line. */
  product: z.string().nullable(),
  /** New business, expansion of an existing customer, or renewal. */
  type: OpportunityTypeSchema.nullable(),
  /** Stage name as the CRM shows it (any language). */
  stage: z.string(),
  /** Amount in the reporting currency. */
  amount: MoneySchema,
  /** Currency the amount was recorded in. */
  currency: z.string(),
  /** Amount in the recorded currency. */
  amountOriginal: z.number().finite(),
  /** Day the opportunity was created; UNDATED when the export has none. */
  createdDate: DaySchema,
  /** Expected or actual close day; UNDATED for an open deal with no expected close. */
  closeDate: DaySchema,
  /** Whether the deal is closed (won or not). */
  isClosed: z.boolean(),
  /** Whether the deal is closed won. */
  isWon: z.boolean(),
  /** Why a closed deal was not won. */
  lossReason: z.string().nullable(),
  /** Main competitor on the deal. */
  competitor: z.string().nullable(),
  /** Where the deal came from (web, referral, outbound, …). */
  leadSource: z.string().nullable(),
  /** Forecast category, when the export has one. */
  forecastCategory: ForecastCategorySchema.nullable(),
  /** Probability of winning, 0..1. */
  probability: z.number().min(0).max(1).nullable(),
  /** Market segment of the deal, else of its account. */
  segment: z.string().nullable(),
});
export type Opportunity = z.output<typeof OpportunitySchema>;

export const HistoryRowSchema = z.object({
  /** Opportunity the row belongs to. */
  opportunityId: z.string().min(1),
  /** When the values took effect. */
  at: LocalTimeSchema,
  /** Stage from that moment on. */
  stage: z.string(),
  /** Amount from that moment on, in the reporting currency. */
  amount: MoneySchema.nullable(),
  /** Close date from that moment on. */
  closeDate: DaySchema.nullable(),
  /** Probability from that moment on, 0..1. */
  probability: z.number().min(0).max(1).nullable(),
  /** Forecast category from that moment on. */
  forecastCategory: ForecastCategorySchema.nullable(),
  /** Whether the stage is a closed one. */
  isClosed: z.boolean(),
  /** Whether the stage is closed won. */
  isWon: z.boolean(),
});
export type HistoryRow = z.output<typeof HistoryRowSchema>;

export const ActivityTypeSchema = z.enum(["call", "meeting", "email", "task", "proposal", "other"]);
export type ActivityType = z.output<typeof ActivityTypeSchema>;

export const ActivitySchema = z.object({
  /** CRM id of the activity. */
  id: z.string().min(1),
  /** Who did it. */
  owner: z.string(),
  /** Call, meeting, email, task, proposal or other. */
  type: ActivityTypeSchema,
  /** Day it happened. */
  date: DaySchema,
  /** Account it was aimed at. */
  accountId: z.string().nullable(),
  /** Contact it was aimed at. */
  contactId: z.string().nullable(),
  /** Opportunity it was for. */
  opportunityId: z.string().nullable(),
});
export type Activity = z.output<typeof ActivitySchema>;

export const LeadSchema = z.object({
  /** CRM id of the lead. */
  id: z.string().min(1),
  /** Day the lead was created; UNDATED when the export has none. */
  createdDate: DaySchema,
  /** Day it became a marketing-qualified lead. */
  mqlDate: DaySchema.nullable(),
  /** Day it became a sales-qualified lead. */
  sqlDate: DaySchema.nullable(),
  /** Lead source. */
  source: z.string().nullable(),
  /** Owner's display name. */
  owner: z.string().nullable(),
  /** Opportunity the lead converted into. */
  convertedOpportunityId: z.string().nullable(),
});
export type Lead = z.output<typeof LeadSchema>;

export const ForecastSubmissionSchema = z.object({
  /** Quarter forecast, "YYYY-Qn". */
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/),
  /** Day the forecast was submitted. */
  submittedDate: DaySchema,
  /** Who submitted it; null for the company call. */
  owner: z.string().nullable(),
  /** The category the call is for (commit, best case, …). */
  category: ForecastCategorySchema,
  /** Forecast amount in the reporting currency. */
  amount: MoneySchema,
});
export type ForecastSubmission = z.output<typeof ForecastSubmissionSchema>;

/** What a target can be set on: bookings (the plan) and the weekly activities scored per rep. */
export const TARGET_METRICS = [
  "bookings",
  "calls",
  "meetings",
  "opportunitiesCreated",
  "pipelineCreated",
  "proposals",
] as const;
export const TargetMetricSchema = z.enum(TARGET_METRICS);
export type TargetMetric = z.output<typeof TargetMetricSchema>;

/** Whom a target is for: the whole company, a segment (or team), or one rep. */
export const TargetScopeSchema = z.enum(["company", "segment", "rep"]);
export type TargetScope = z.output<typeof TargetScopeSchema>;

export const TargetSchema = z.object({
  /** Quarter the target applies to. */
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/),
  /** What is targeted. */
  metric: TargetMetricSchema,
  /** The rep or segment the target is for; null for the whole company. */
  owner: z.string().nullable(),
  /** Whether the owner is a rep or a segment, or the target the company's. */
  scope: TargetScopeSchema,
  /** Whether the value is per week or for the whole quarter. */
  per: z.enum(["week", "quarter"]),
  /** Target value. */
  value: z.number().finite(),
});
export type Target = z.output<typeof TargetSchema>;

export const RockSchema = z.object({
  /** Quarter of the rock. */
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/),
  /** What the rock is. */
  title: z.string().min(1),
  /** Who owns it. */
  owner: z.string().nullable(),
  /** How progress is measured. */
  measurable: z.string().nullable(),
  /** Target value or outcome. */
  target: z.string().nullable(),
  /** Day it is due. */
  dueDate: DaySchema.nullable(),
  /** Status: on track, off track, done, missed. */
  status: z.string().nullable(),
});
export type Rock = z.output<typeof RockSchema>;

/** Everything ingest produces from one data folder. */
export interface Records {
  accounts: Account[];
  contacts: Contact[];
  opportunities: Opportunity[];
  /** Stored by column: an enterprise export's millions of changes would be as many objects. */
  history: HistoryLog;
  /** Stored by column: tens of millions of activities would not fit as objects. */
  activities: ActivityLog;
  leads: Lead[];
  forecasts: ForecastSubmission[];
  targets: Target[];
  rocks: Rock[];
  /** Day the export was taken: the latest day seen in the data. */
  asOf: Day;
  /** Which record kinds the data folder supplied, so sections can say what is missing. */
  supplied: RecordKind[];
}

/** A kind of record a data folder may supply. */
export type RecordKind =
  | "accounts"
  | "contacts"
  | "opportunities"
  | "history"
  | "activities"
  | "leads"
  | "forecasts"
  | "targets"
  | "rocks";
