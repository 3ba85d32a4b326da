import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/loadConfig.ts";
import { ingestFolder } from "../../src/ingest/ingestFolder.ts";
import { computeQuarterMetrics } from "../../src/metrics/computeQuarterMetrics.ts";
import { prepareDataset, prepareDeals } from "../../src/metrics/dataset.ts";
import type { HistoryRow, Opportunity } from "../../src/model/records.ts";

/*
 * `compute` has the deals' indexes built while the ingest still reads the activities: the
 * ingest hands over the deals and history it will return, and the metrics then find the
 * indexes ready. Warmed or not, the figures are the same.
 */

const data = fileURLToPath(new URL("../../data/2026-Q3", import.meta.url));

describe("the deals' indexes, built while the activities are read", () => {
  it("are built from the very deals and history the ingest returns, and used as they are", async () => {
    const { config } = await loadConfig(undefined, { dataDirs: [data], projectDir: data }, () => {});
    const handed: [readonly Opportunity[], readonly HistoryRow[]][] = [];
    const warmed = await ingestFolder(data, config, undefined, {
      dealsRead: (opportunities, history) => {
        handed.push([opportunities, history]);
        prepareDeals(opportunities, history);
      },
    });
    expect(handed).toHaveLength(1);
    expect(handed[0]![0]).toBe(warmed.records.opportunities);
    expect(handed[0]![1]).toBe(warmed.records.history);
    const ready = prepareDeals(warmed.records.opportunities, warmed.records.history);
    expect(prepareDataset(warmed.records, config).timelines).toBe(ready.timelines);

    const cold = await ingestFolder(data, config);
    expect(computeQuarterMetrics(warmed.records, "2026-Q3", config)).toEqual(
      computeQuarterMetrics(cold.records, "2026-Q3", config),
    );
  });

  it("are kept for the same deals and history, and built again for other history", () => {
    const deals: Opportunity[] = [];
    const history: HistoryRow[] = [];
    const first = prepareDeals(deals, history);
    expect(prepareDeals(deals, history)).toBe(first);
    expect(prepareDeals(deals, [])).not.toBe(first);
  });
});
