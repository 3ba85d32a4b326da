import { ConfigSchema } from "../../src/config/configSchema.ts";
import { buildSnapshot } from "../../src/snapshot/buildSnapshot.ts";
import type { Snapshot } from "../../src/snapshot/snapshot.ts";
import { fixtureRecords } from "../metrics/fixture.ts";

/** The hand-worked metric fixture (test/metrics/fixture.ts) as the snapshot of a quarter. */
export function fixtureSnapshot(quarter: string): Snapshot {
  const config = ConfigSchema.parse({ company: "Fixture Co" });
  const ingest = {
    records: fixtureRecords(),
    format: "canonical" as const,
    formatLabel: "canonical CSV",
    commentary: [],
    interviews: [],
    inputs: [],
    ledger: { files: [], issues: [], issuesNotListed: 0 },
    overThreshold: [],
  };
  return buildSnapshot(ingest, quarter, {
    config,
    configFile: { file: null, sha256: "0".repeat(64) },
    generator: { name: "quarterdeck", version: "test" },
    sourceDateEpoch: 0,
  });
}
