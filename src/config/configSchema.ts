import { z } from "zod";
import { CANONICAL_FIELDS, type MappedKind } from "./canonicalFields.ts";
import { FORMATS } from "./formats.ts";
import { unsafePatternReason } from "./safePattern.ts";

/**
 * A regular expression given as a string in the config file; checked when the config is read,
 * both that it compiles and that it cannot take without bound to match (see safePattern.ts).
 */
const PatternSchema = z.string().superRefine((source, context) => {
  try {
    new RegExp(source, "i");
  } catch {
    context.addIssue({ code: "custom", message: "is not a valid regular expression", input: source });
    return;
  }
  const unsafe = unsafePatternReason(source);
  if (unsafe !== null) context.addIssue({ code: "custom", message: `"${source}" ${unsafe}` });
});

/** Per record kind, the export's header for each canonical field: only known kinds and fields. */
const ColumnsSchema = z
  .object(
    Object.fromEntries(
      Object.entries(CANONICAL_FIELDS).map(([kind, fields]) => [
        kind,
        z
          .object(Object.fromEntries(fields.map((field) => [field, z.string().min(1).optional()])))
          .strict()
          .optional(),
      ]),
    ) as Record<MappedKind, z.ZodOptional<z.ZodObject<Record<string, z.ZodOptional<z.ZodString>>>>>,
  )
  .strict();

/** Which file of the data folder holds each record kind. */
const FilesSchema = z
  .object(
    Object.fromEntries(
      Object.keys(CANONICAL_FIELDS).map((kind) => [kind, z.string().min(1).optional()]),
    ) as Record<MappedKind, z.ZodOptional<z.ZodString>>,
  )
  .strict();

/** Which values of which column mean won, lost and no decision; every other value is open. */
const OutcomesSchema = z
  .object({
    /** Header of the column holding the outcome; the stage when absent. */
    column: z.string().min(1).optional(),
    /** Values meaning closed won (matched without regard to case). */
    won: z.array(z.string()).default([]),
    /** Values meaning closed lost to a competitor or for a reason. */
    lost: z.array(z.string()).default([]),
    /** Values meaning closed because the buyer made no decision. */
    noDecision: z.array(z.string()).default([]),
  })
  .strict()
  .refine((o) => o.won.length > 0 || o.lost.length > 0 || o.noDecision.length > 0, {
    message: 'lists no values: add the values that mean won and lost, e.g. "won": ["Won"], "lost": ["Lost"]',
  });

/** Tokens a `dateFormat` is written with (YYYY-MM-DD, DD/MM/YYYY HH:mm, D MMM YYYY, …). */
const DATE_FORMAT = /^(?:YYYY|YY|MMMM|MMM|MM|M|DD|D|HH|H|hh|h|mm|ss|A|[^A-Za-z])+$/;

export const ConfigSchema = z
  .object({
    /** Company name shown on the pack. */
    company: z.string().min(1).default("Your company"),
    /** ISO 4217 code every amount is converted to. */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, "must be a three-letter ISO currency code such as USD")
      .default("USD"),
    /** Month (1 = January) in which the fiscal year starts. */
    fiscalYearStartMonth: z.number().int().min(1).max(12).default(1),
    /** Whether fiscal year N is the one that starts or the one that ends in calendar year N. */
    fiscalYearNamedBy: z.enum(["start", "end"]).default("end"),
    /** IANA time zone in which timestamps are turned into dates. */
    timeZone: z
      .string()
      .refine(isTimeZone, { message: "is not an IANA time zone such as Europe/Paris or UTC" })
      .default("UTC"),
    /** How to read ambiguous dates such as 03/04/2026: month first (US) or day first. */
    dateOrder: z.enum(["month-first", "day-first"]).default("month-first"),
    /** How dates other than the usual ones are written, e.g. "DD/MM/YYYY HH:mm" or "YYYY.MM.DD". */
    dateFormat: z
      .string()
      .regex(
        DATE_FORMAT,
        "is not a date format: write it with YYYY, MM, DD, MMM, HH, mm, ss, as in DD/MM/YYYY",
      )
      .optional(),
    /** How amounts separate cents: "." as in 1,200.00 or "," as in 1.200,00. */
    decimalSeparator: z.enum([".", ","]).default("."),
    /** Loss reasons that mean the buyer made no decision rather than choosing someone else. */
    noDecisionPattern: PatternSchema.default("no.?decision"),
    /** Share of a file's rows that may be rejected before compute fails (0..1). */
    rejectThreshold: z.number().min(0).max(1).default(0.05),
    /** Static exchange rates: units of the reporting currency per one unit of each currency. */
    rates: z.record(z.string().regex(/^[A-Z]{3}$/), z.number().positive()).default({}),
    icp: z
      .object({
        /** Account ICP tier values that count as the ideal customer profile. */
        idealTiers: z.array(z.string()).default(["A", "1", "Tier 1", "Tier A", "Ideal", "ICP"]),
        /** Industries that define the ICP when the CRM has no tier field. */
        industries: z.array(z.string()).default([]),
        /** Minimum employee count for the ICP when the CRM has no tier field. */
        minEmployees: z.number().int().nonnegative().nullable().default(null),
      })
      .strict()
      .prefault({}),
    personas: z
      .object({
        /** Personas the sales motion aims at (economic buyer, champion, …). */
        targets: z.array(z.string()).default(["Economic Buyer", "Champion"]),
        /** Persona derived from a contact's job title when the CRM has no persona field: persona → pattern. */
        titlePatterns: z.record(z.string(), PatternSchema).default({
          "Economic Buyer": "\\b(chief|cfo|ceo|coo|cro|cio|cto|vp|vice president|head of|president)\\b",
          Champion: "\\b(director|manager|lead)\\b",
        }),
      })
      .strict()
      .prefault({}),
    voiceOfCustomer: z
      .object({
        /** Themes counted in interview notes: theme → words and phrases that mention it. */
        themes: z.record(z.string(), z.array(z.string())).default({
          "Ease of use": ["ease of use", "easy to use", "intuitive", "usability", "simple"],
          Price: ["price", "pricing", "cost", "budget", "expensive", "cheaper", "discount"],
          Integrations: ["integration", "integrate", "connector", "api", "salesforce sync"],
          "Time to value": [
            "time to value",
            "onboarding",
            "implementation",
            "up and running",
            "go live",
            "quick to deploy",
          ],
          Support: ["support", "customer success", "responsive", "account team"],
          Security: ["security", "compliance", "soc 2", "sso", "gdpr"],
          Reporting: ["reporting", "dashboards", "forecasting", "analytics", "visibility"],
          "Executive sponsor": ["sponsor", "cfo", "economic buyer", "executive", "board"],
          "Missing features": ["missing", "feature gap", "roadmap", "couldn't do", "lacked"],
          "No urgency": [
            "no urgency",
            "priorities changed",
            "not a priority",
            "budget freeze",
            "on hold",
            "status quo",
          ],
        }),
        /** The differentiators the company claims; the pack shows whether wins cite them. */
        differentiators: z
          .array(z.string())
          .default(["Ease of use", "Time to value", "Integrations", "Reporting"]),
        /** How buyers found us, counted in the research sections: channel → words. */
        channels: z.record(z.string(), z.array(z.string())).default({
          Referral: ["referral", "referred", "recommended", "colleague", "peer", "former"],
          Search: ["search", "google", "searched"],
          "Analyst or review site": ["analyst", "gartner", "g2", "review site", "forrester"],
          Event: ["event", "conference", "webinar", "trade show", "meetup"],
          Outbound: ["cold", "reached out", "our rep", "sdr", "outreach"],
        }),
      })
      .strict()
      .prefault({}),
    hubspot: z
      .object({
        /** Deal stages (labels or internal ids) that mean closed won. */
        closedWonStages: z.array(z.string()).default(["Closed Won", "closedwon"]),
        /** Deal stages that mean closed lost. */
        closedLostStages: z.array(z.string()).default(["Closed Lost", "closedlost"]),
      })
      .strict()
      .prefault({}),
    /** Which CRM format the data folder holds; detected from file names and headers when absent. */
    format: z.enum(FORMATS).optional(),
    /** The file holding each record kind, e.g. { "opportunities": "sales_pipeline.csv" }. */
    files: FilesSchema.default({}),
    /** The export's header for each canonical field, per kind, e.g. { "opportunities": { "amount": "Deal Value" } }. */
    columns: ColumnsSchema.default({}),
    /** Which column and values mean won, lost and no decision, when the export has no closed/won flags. */
    outcomes: OutcomesSchema.optional(),
  })
  .strict();

export type Config = z.output<typeof ConfigSchema>;
export type ConfigInput = z.input<typeof ConfigSchema>;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
