import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { quarterFromId, shiftQuarter } from "../../src/calendar/fiscalCalendar.ts";
import { loadConfig } from "../../src/config/loadConfig.ts";
import { ingestFolder } from "../../src/ingest/ingestFolder.ts";
import { prepareDataset } from "../../src/metrics/dataset.ts";
import { pipelineFlow } from "../../src/metrics/pipelineFlow.ts";

/** start + created + pulled in + increased − decreased − pushed out − won − lost + residual = end, in cents. */
function balances(flow: ReturnType<typeof pipelineFlow>["flow"]): number {
  const cents = (v: number) => Math.round(v * 100);
  return (
    cents(flow.start) +
    cents(flow.created) +
    cents(flow.pulledIn) +
    cents(flow.increased) -
    cents(flow.decreased) -
    cents(flow.pushedOut) -
    cents(flow.won) -
    cents(flow.lost) +
    cents(flow.residual) -
    cents(flow.end)
  );
}

const sample = fileURLToPath(new URL("../../data/2026-Q3", import.meta.url));
const salesforce = fileURLToPath(new URL("../../../shared/datasets/salesforce-sample", import.meta.url));

describe("the pipeline flow identity on real exports with history", () => {
  it("holds with no residual on every quarter of the sample company", async () => {
    const { config } = await loadConfig(undefined, {
      dataDirs: [],
      projectDir: fileURLToPath(new URL("../..", import.meta.url)),
    });
    const dataset = prepareDataset((await ingestFolder(sample, config)).records, config);
    let quarter = quarterFromId("2024-Q3", config);
    for (let i = 0; i < 9; i++, quarter = shiftQuarter(quarter, 1, config)) {
      const { flow } = pipelineFlow(dataset, quarter);
      expect(balances(flow), quarter.id).toBe(0);
      expect(flow.residual, quarter.id).toBe(0);
    }
  });

  it.skipIf(!existsSync(salesforce))("holds with no residual on the Salesforce sample export", async () => {
    const { config } = await loadConfig(undefined, { dataDirs: [salesforce], projectDir: salesforce });
    const dataset = prepareDataset((await ingestFolder(salesforce, config)).records, config);
    for (const id of ["2024-Q1", "2026-Q1"]) {
      const { flow } = pipelineFlow(dataset, quarterFromId(id, config));
      expect(balances(flow), id).toBe(0);
      expect(flow.residual, id).toBe(0);
    }
  });
});
