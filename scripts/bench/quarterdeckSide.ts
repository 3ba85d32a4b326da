/*
 * The bench child for Quarterdeck: ingests the data folder and computes one quarter, as
 * `quarterdeck compute` does (the deals' indexes built while the activities are read), timing
 * the two steps.
 *   node scripts/bench/quarterdeckSide.ts DIR QUARTER
 */
import { ConfigSchema } from "../../src/config/configSchema.ts";
import { ingestFolder } from "../../src/ingest/ingestFolder.ts";
import { computeQuarterMetrics } from "../../src/metrics/computeQuarterMetrics.ts";
import { prepareDeals } from "../../src/metrics/dataset.ts";
import { report } from "./side.ts";

const [dir, quarter] = process.argv.slice(2) as [string, string];
const config = ConfigSchema.parse({});
const t0 = performance.now();
const ingest = await ingestFolder(dir, config, undefined, { dealsRead: prepareDeals });
const t1 = performance.now();
const metrics = computeQuarterMetrics(ingest.records, quarter, config);
const t2 = performance.now();
report({
  loadMs: t1 - t0,
  computeMs: t2 - t1,
  totalMs: t2 - t0,
  check: {
    bookings: metrics.headline.bookings,
    openPipeline: metrics.headline.openPipeline,
    pipelineCreated: metrics.headline.pipelineCreated,
  },
});
