import { z } from "zod";

/** A regular expression given as a string in the config file; checked when the config is read. */
const PatternSchema = z.string().refine(
  (source) => {
    try {
      new RegExp(source, "i");
      return true;
    } catch {
      return false;
    }
  },
  { message: "is not a valid regular expression" },
);

/** Column names of one canonical entity mapped onto the names a CRM export uses. */
const ColumnMappingSchema = z.record(z.string(), z.string());

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
      .prefault({}),
    hubspot: z
      .object({
        /** Deal stages (labels or internal ids) that mean closed won. */
        closedWonStages: z.array(z.string()).default(["Closed Won", "closedwon"]),
        /** Deal stages that mean closed lost. */
        closedLostStages: z.array(z.string()).default(["Closed Lost", "closedlost"]),
      })
      .prefault({}),
    /** Which CRM format the data folder holds; detected from file names and headers when absent. */
    format: z.enum(["canonical", "salesforce", "hubspot"]).optional(),
    /** Column overrides per canonical file, e.g. { "opportunities": { "amount": "Deal Value" } }. */
    columns: z.record(z.string(), ColumnMappingSchema).default({}),
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
