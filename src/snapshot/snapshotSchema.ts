import { z } from "zod";
import { SCHEMA_VERSION } from "./snapshot.ts";

/*
 * The shape a snapshot is read back through. Snapshots are the archive of what the company
 * told its board, and the site is rendered from them alone, so a damaged or foreign file must
 * stop the build with its name rather than render a page of "undefined". The top level, the
 * headline and the revisions are checked strictly; the sections are checked as objects only
 * for now (they are written by this same program, and their figures are compared field by
 * field by the restatement check).
 */

const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "is not a day (YYYY-MM-DD)");

/** A figure: a finite number, or null where it is undefined. */
const FigureSchema = z.number().nullable();

/** The headline keys every snapshot has; plan figures and later keys are extra numbers-or-null. */
export const HeadlineSchema = z
  .object({
    bookings: FigureSchema,
    dealsWon: FigureSchema,
    dealsLost: FigureSchema,
    dealsNoDecision: FigureSchema,
    winRate: FigureSchema,
    competitiveWinRate: FigureSchema,
    cashWinRate: FigureSchema,
    averageSellingPrice: FigureSchema,
    newLogos: FigureSchema,
    openPipeline: FigureSchema,
    pipelineGrowthQoQ: FigureSchema,
    pipelineGrowthYoY: FigureSchema,
    pipelineCreated: FigureSchema,
    salesCycleDaysMedian: FigureSchema,
  })
  .catchall(FigureSchema);

const RestatementSchema = z.object({ figure: z.string(), old: z.unknown(), new: z.unknown() });

const RevisionSchema = z.object({
  version: z.number().int().min(2),
  issuedAt: z.string(),
  reason: z.string(),
  restated: z.array(RestatementSchema),
});

const ManifestSchema = z.looseObject({
  generator: z.object({ name: z.string(), version: z.string() }),
  format: z.string(),
  config: z.object({ file: z.string().nullable(), sha256: z.string() }),
  inputs: z.array(z.looseObject({ file: z.string(), sha256: z.string() })),
  supplied: z.array(z.string()),
  ledger: z.looseObject({
    files: z.array(z.looseObject({ file: z.string() })),
    issues: z.array(z.unknown()),
  }),
});

/** A snapshot file as read from the archive. */
export const SnapshotSchema = z.strictObject({
  /** Version of this shape; a newer one is refused rather than misread. */
  schemaVersion: z.literal(SCHEMA_VERSION),
  /** The quarter's id, such as 2026-Q3. */
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/, "is not a quarter such as 2026-Q3"),
  period: z.strictObject({ start: DaySchema, end: DaySchema }),
  company: z.string(),
  currency: z.string().regex(/^[A-Z]{3}$/, "is not a currency code"),
  /** 1 when first issued, then 2, 3, … */
  version: z.number().int().min(1),
  issuedAt: z.string(),
  asOf: DaySchema,
  manifest: ManifestSchema,
  headline: HeadlineSchema,
  /** Figures that are null for want of input, with the reason (figure path → reason). */
  unavailable: z.record(z.string(), z.string()).optional(),
  comparisons: z.looseObject({}),
  sections: z.looseObject({}),
  voiceOfCustomer: z.looseObject({}),
  commentary: z.string().nullable(),
  revisions: z.array(RevisionSchema),
});
