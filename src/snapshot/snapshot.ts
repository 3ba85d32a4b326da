import type { InputFile } from "../ingest/dataFolder.ts";
import type { LedgerSummary } from "../ingest/ledger.ts";
import type { QuarterMetrics } from "../metrics/computeQuarterMetrics.ts";
import type { VoiceOfCustomer } from "../metrics/voiceOfCustomer.ts";
import type { Day, RecordKind } from "../model/records.ts";

/*
 * The snapshot: every figure of one quarter as issued, with where it came from. The site is
 * rendered from snapshots alone, so raw exports never need to be kept or published.
 */

/** Bumped when the snapshot's shape changes in a way older readers cannot follow. */
export const SCHEMA_VERSION = 1;

/** Where a snapshot's figures came from. */
export interface Manifest {
  generator: { name: string; version: string };
  /** Export format detected or configured. */
  format: string;
  config: { file: string | null; sha256: string };
  /** Every file of the data folder with its SHA-256. */
  inputs: InputFile[];
  /** Which record kinds the data folder supplied. */
  supplied: RecordKind[];
  /** Rows read, used and rejected per file, and why. */
  ledger: LedgerSummary;
}

/** One figure restated by a reissue. */
export interface Restatement {
  /** Dotted path of the figure in the snapshot, such as "headline.bookings". */
  figure: string;
  old: unknown;
  new: unknown;
}

/** A version of a quarter after the first: why it was reissued and what changed. */
export interface Revision {
  version: number;
  issuedAt: string;
  reason: string;
  restated: Restatement[];
}

/** All figures of one quarter. */
export interface Snapshot {
  schemaVersion: typeof SCHEMA_VERSION;
  quarter: string;
  period: { start: Day; end: Day };
  company: string;
  currency: string;
  /** 1 when first issued, then 2, 3, … for each reissue. */
  version: number;
  /** When this version was issued: the data's as-of day, or SOURCE_DATE_EPOCH; never the wall clock. */
  issuedAt: string;
  /** Latest day seen in the export. */
  asOf: Day;
  manifest: Manifest;
  headline: QuarterMetrics["headline"];
  /** Figure path → why the inputs cannot support that figure and what to export to get it. */
  unavailable: QuarterMetrics["unavailable"];
  comparisons: QuarterMetrics["comparisons"];
  sections: QuarterMetrics["sections"];
  /** What the quarter's win/loss interviews say. */
  voiceOfCustomer: VoiceOfCustomer;
  /** The ops lead's commentary (Markdown), if any. */
  commentary: string | null;
  /** Reissues of this quarter, oldest first; empty for version 1. */
  revisions: Revision[];
}
