import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../src/config/configSchema.ts";
import { startActivities } from "../../src/ingest/canonical/activitiesInWorker.ts";
import { cellContext } from "../../src/ingest/cells.ts";
import { CurrencyConverter } from "../../src/ingest/currency.ts";
import { DataFolder } from "../../src/ingest/dataFolder.ts";
import { personaRules } from "../../src/ingest/derive.ts";
import { Ledger } from "../../src/ingest/ledger.ts";

/*
 * A large activities file is read in a worker thread while the main thread reads the deals.
 * Whichever thread reads it, the activity log, the ledger and the manifest must be the same.
 */

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/ingest/${name}`, import.meta.url));
const config = ConfigSchema.parse({ timeZone: "America/New_York" });

async function read(dir: string, inWorker: boolean) {
  const ledger = new Ledger();
  const folder = await DataFolder.open(dir, ledger);
  const cells = cellContext({
    timeZone: config.timeZone,
    dateOrder: config.dateOrder,
    format: config.dateFormat,
  });
  const context = {
    config,
    cells,
    ledger,
    converter: new CurrencyConverter(config.currency, []),
    personas: personaRules(config.personas),
  };
  const pending = startActivities(
    folder,
    "activities.csv",
    context,
    {},
    inWorker ? 0 : Number.POSITIVE_INFINITY,
  );
  const log = await pending.finish();
  return {
    activities: [...log],
    ledger: ledger.summary(),
    inputs: await folder.inputs(),
    used: folder.used("activities.csv"),
    maxDay: cells.maxDay,
  };
}

describe("reading activities in a worker thread", () => {
  it("gives the same activities, ledger and manifest as reading them in turn", async () => {
    const here = await read(fixture("activities"), false);
    const there = await read(fixture("activities"), true);
    expect(there).toEqual(here);
    // Rows 5 (no id), 6 (fax) and 7 (not a day) are rejected; "Phone Call" and "Demo" are known types.
    expect(here.activities.map((a) => `${a.owner} ${a.type} ${a.date}`)).toEqual([
      "Ann call 2026-07-01",
      "Ann call 2026-07-02",
      "Bo, Jr. meeting 2026-07-03",
      "Cy meeting 2026-08-15",
      "Ann call 2026-09-30",
    ]);
    expect(here.activities[3]).toMatchObject({ accountId: null, contactId: "C3", opportunityId: "O3" });
    expect(here.ledger.files[0]).toMatchObject({ file: "activities.csv", read: 8, used: 5, rejected: 3 });
    // A row is rejected once, for its first problem; the column is named as the file has it.
    expect(here.ledger.issues.map((i) => `${i.line} ${i.column}`)).toEqual([
      "5 id",
      "6 activity_type",
      "7 date",
    ]);
    expect(here.maxDay).toBe("2026-09-30");
  });

  it("leaves a file without its required columns out in the same way", async () => {
    const here = await read(fixture("activities/missing-column"), false);
    const there = await read(fixture("activities/missing-column"), true);
    expect(there).toEqual(here);
    expect(here.used).toBe(false);
    expect(here.ledger.files[0]).toMatchObject({ kind: "activities (not used)", read: 2, rejected: 2 });
  });
});
