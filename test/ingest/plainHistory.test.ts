import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../src/config/configSchema.ts";
import { historySpec } from "../../src/ingest/canonical/history.ts";
import { ingestFolder } from "../../src/ingest/ingestFolder.ts";
import { KnownDeals } from "../../src/ingest/knownDeals.ts";
import { STORED, type TableSpec } from "../../src/ingest/readTable.ts";
import { learnStageOutcomes } from "../../src/ingest/stageOutcomes.ts";
import { HistoryLog } from "../../src/model/historyLog.ts";
import type { Day, HistoryRow } from "../../src/model/records.ts";
import { openByHand } from "./readByHand.ts";

/*
 * Plain history rows are read from their bytes; every other row by the spec's `build`. The
 * fixture mixes both: times with a space or a "T", a bare day, an empty amount, "-0", a euro
 * deal, an unknown deal, a stage no deal has, a probability, a forecast category, flags, a
 * time zone suffix, a stage to trim, three decimals, an impossible day, a dollar sign, a row
 * cut short, and (last) a quoted amount. Read either way, the rows and the ledger are the same.
 */

const dir = fileURLToPath(new URL("../fixtures/ingest/history-awkward", import.meta.url));
const config = ConfigSchema.parse({ timeZone: "America/New_York", rates: { EUR: 1.1 } });

async function read(plain: boolean, latestDay: Day | null = null) {
  const { records } = await ingestFolder(dir, config);
  const { ledger, folder, cells, context } = await openByHand(dir, config, latestDay);
  const deals = KnownDeals.of(records.opportunities);
  const log = new HistoryLog(deals.ids);
  const { plain: reader, ...generic } = historySpec(
    context,
    log,
    deals,
    learnStageOutcomes(records.opportunities),
  );
  const spec: TableSpec<HistoryRow | typeof STORED> = generic;
  let fromBytes = 0;
  if (plain && reader) {
    spec.plain = (columns, count) => {
      const read = reader(columns, count);
      return (...line) => {
        const row = read(...line);
        if (row !== undefined) fromBytes++;
        return row;
      };
    };
  }
  await folder.read("history.csv", spec, (row) => {
    if (row !== STORED) log.push(row);
  });
  return { result: { rows: [...log], ledger: ledger.summary(), maxDay: cells.maxDay }, fromBytes };
}

describe("reading history from its bytes", () => {
  it("gives the same rows and ledger as reading every row as text", async () => {
    const { result: text } = await read(false);
    const { result: bytes, fromBytes } = await read(true);
    expect(bytes).toEqual(text);
    // Plain: O1's two rows, O2's two (a bare day; an empty amount), O3's "-0" and its 2027 close.
    expect(fromBytes).toBe(6);
    expect(
      text.rows.slice(0, 5).map((r) => `${r.opportunityId} ${r.at} ${r.stage} ${r.amount} ${r.closeDate}`),
    ).toEqual([
      "O1 2026-01-05T05:00:00 Proposal 800 2026-03-31",
      "O1 2026-03-20T05:15:00 Closed Won 1000.5 2026-03-20",
      // 2,000 EUR at 1.1, converted on the deal's close date.
      "O2 2026-01-10T00:00:00 Proposal 2200 null",
      "O2 2026-04-15T04:00:00 Closed Lost 0 2026-04-15",
      "O3 2026-02-01T07:00:00 Proposal 0 2026-09-30",
    ]);
  });

  it("agrees with the latest plausible day", async () => {
    const { result: text } = await read(false, "2026-06-30");
    const { result: bytes, fromBytes } = await read(true, "2026-06-30");
    expect(bytes).toEqual(text);
    // O3's rows close after the bound: only O1's and O2's four rows are plain and kept.
    expect(fromBytes).toBe(4);
  });
});
