import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/loadConfig.ts";
import { ingestFolder } from "../../src/ingest/ingestFolder.ts";
import { computeQuarterMetrics } from "../../src/metrics/computeQuarterMetrics.ts";
import { type DealRecords, prepareDataset, prepareDeals } from "../../src/metrics/dataset.ts";
import { HistoryLog } from "../../src/model/historyLog.ts";
import type { Opportunity } from "../../src/model/records.ts";

/*
 * `compute` has the deals' indexes built while the ingest still reads the activities: the
 * ingest hands over the deals and history it will return, and the metrics then find the
 * indexes ready. Warmed or not, the figures are the same.
 */

const data = fileURLToPath(new URL("../../data/2026-Q3", import.meta.url));

describe("the deals' indexes, built while the activities are read", () => {
  it("are built from the very accounts, deals and history the ingest returns, and used as they are", async () => {
    const { config } = await loadConfig(undefined, { dataDirs: [data], projectDir: data }, () => {});
    const handed: DealRecords[] = [];
    const warmed = await ingestFolder(data, config, undefined, {
      dealsRead: (deals) => {
        handed.push(deals);
        prepareDeals(deals);
      },
    });
    expect(handed).toHaveLength(1);
    expect(handed[0]!.accounts).toBe(warmed.records.accounts);
    expect(handed[0]!.opportunities).toBe(warmed.records.opportunities);
    expect(handed[0]!.history).toBe(warmed.records.history);
    const ready = prepareDeals(warmed.records);
    const dataset = prepareDataset(warmed.records, config);
    expect(dataset.timelines).toBe(ready.timelines);
    expect(dataset.accounts).toBe(ready.accounts);

    const cold = await ingestFolder(data, config);
    expect(computeQuarterMetrics(warmed.records, "2026-Q3", config)).toEqual(
      computeQuarterMetrics(cold.records, "2026-Q3", config),
    );
  });

  it("are kept for the same records, and built again for other history or accounts", () => {
    const deals = { accounts: [], opportunities: [] as Opportunity[], history: new HistoryLog() };
    const first = prepareDeals(deals);
    expect(prepareDeals({ ...deals })).toBe(first);
    expect(prepareDeals({ ...deals, history: new HistoryLog() })).not.toBe(first);
    expect(prepareDeals({ ...deals, accounts: [] })).not.toBe(first);
  });
});
