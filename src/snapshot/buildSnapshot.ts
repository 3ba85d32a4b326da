import { quarterFromId } from "../calendar/fiscalCalendar.ts";
import type { Config } from "../config/configSchema.ts";
import { commentaryFor } from "../ingest/commentary.ts";
import type { IngestResult } from "../ingest/ingestFolder.ts";
import { computeQuarterMetrics } from "../metrics/computeQuarterMetrics.ts";
import { voiceOfCustomer } from "../metrics/voiceOfCustomer.ts";
import { SCHEMA_VERSION, type Snapshot } from "./snapshot.ts";

/** Everything a snapshot is built from besides the data. */
export interface SnapshotContext {
  config: Config;
  configFile: { file: string | null; sha256: string };
  generator: { name: string; version: string };
  /** Seconds since the epoch from SOURCE_DATE_EPOCH, when set. */
  sourceDateEpoch: number | null;
}

/** Computes version 1 of a quarter's snapshot from ingested records. */
export function buildSnapshot(ingest: IngestResult, quarterId: string, context: SnapshotContext): Snapshot {
  const { config } = context;
  const quarter = quarterFromId(quarterId, config);
  const metrics = computeQuarterMetrics(ingest.records, quarterId, config);
  return {
    schemaVersion: SCHEMA_VERSION,
    quarter: quarter.id,
    period: { start: quarter.start, end: quarter.end },
    company: config.company,
    currency: config.currency,
    version: 1,
    issuedAt: issuedAt(ingest.records.asOf, context.sourceDateEpoch),
    asOf: ingest.records.asOf,
    manifest: {
      generator: context.generator,
      format: ingest.format,
      config: context.configFile,
      inputs: ingest.inputs,
      supplied: ingest.records.supplied,
      ledger: ingest.ledger,
    },
    headline: metrics.headline,
    unavailable: metrics.unavailable,
    comparisons: metrics.comparisons,
    sections: metrics.sections,
    voiceOfCustomer: voiceOfCustomer(ingest.interviews, ingest.records.opportunities, quarter, config),
    commentary: commentaryFor(ingest.commentary, quarter.id),
    revisions: [],
  };
}

/** SOURCE_DATE_EPOCH when given (reproducible-builds convention), else the data's as-of day. */
export function issuedAt(asOf: string, sourceDateEpoch: number | null): string {
  if (sourceDateEpoch !== null) return new Date(sourceDateEpoch * 1000).toISOString();
  return `${asOf}T00:00:00.000Z`;
}
