import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { Effects } from "../../src/cli/effects.ts";
import { init } from "../../src/cli/init.ts";
import { parseConfig } from "../../src/config/loadConfig.ts";
import { ingestFolder } from "../../src/ingest/ingestFolder.ts";
import { computeQuarterMetrics } from "../../src/metrics/computeQuarterMetrics.ts";
import { runInit } from "./runInit.ts";

/*
 * What `init` prints on each fixture of test/fixtures/anycrm: every guess with its evidence
 * and what to confirm. The figures its configs give are checked in test/ingest/anyCrm.test.ts.
 */

const fixtures = fileURLToPath(new URL("../fixtures/anycrm/", import.meta.url));
const scratch = await mkdtemp(join(tmpdir(), "quarterdeck-init-"));
afterAll(() => rm(scratch, { recursive: true, force: true }));

const run = (dir: string, name: string) => runInit(dir, join(scratch, `${name}.json`));

describe("quarterdeck init", () => {
  it("maps a generic pipeline CSV and proposes outcomes from its stages", async () => {
    const { printed } = await run(join(fixtures, "generic"), "generic");
    expect(printed).toMatchInlineSnapshot(`
      [
        "format: not a known CRM; deals in sales_pipeline.csv (10 rows sampled)",
        "  id                ← "opportunity_id" (named so; 10 unique values, such as "G1")",
        "  stage             ← "deal_stage" (named so; 4 distinct values: Won, Lost, Engaging, Prospecting)",
        "  amount            ← "close_value" (named so; numbers such as "4800")",
        "  created_date      ← "engage_date" (named so; dates such as "2026-06-20")",
        "  close_date        ← "close_date" (named so; dates such as "2026-07-15")",
        "  owner             ← "sales_agent" (named so; values such as "Ann Lee")",
        "  account_id        ← "account" (named so; values such as "Acme")",
        "  product           ← "product" (named so; values such as "GTX Pro")",
        "outcomes: from "deal_stage": won = Won; lost = Lost; no decision = none; open = Engaging, Prospecting",
        "to confirm:",
        "  - check the outcomes above: every value not listed is an open deal",
        "  - amounts carry no currency: set "currency" if they are not in USD",
        "  - add "company": the name shown on the pack",
        "  - add "timeZone" (e.g. "America/New_York") unless the CRM's timestamps are meant in UTC",
        "wrote OUT; check it with: quarterdeck validate --data DIR",
      ]
    `);
  });

  it("reads a Zoho export's textual days and finds the outcome in Forecast Type", async () => {
    const { printed, written } = await run(join(fixtures, "zoho"), "zoho");
    expect(printed).toMatchInlineSnapshot(`
      [
        "format: not a known CRM; deals in Potentials.csv (7 rows sampled)",
        "  id                ← "Record Id" (named so; 7 unique values, such as "Z1")",
        "  name              ← "Potential Name" (named so; values such as "Acme renewal")",
        "  stage             ← "Stage" (named so; 5 distinct values: Contract Signed, Went Elsewhere, Shelved, Negotiation/Review, Needs Analysis)",
        "  amount            ← "Amount" (named so; numbers such as "12,000.00")",
        "  created_date      ← "Created Time" (named so; dates such as "15 Apr, 2026 00:02:00")",
        "  close_date        ← "Closing Date" (named so; dates such as "01 Jul, 2026")",
        "  owner             ← "Potential Owner" (named so; values such as "Dana Ruiz")",
        "  account_id        ← "Account Name" (named so; values such as "Acme")",
        "  loss_reason       ← "Reason For Loss" (named so; values such as "Price")",
        "  lead_source       ← "Lead Source" (named so; values such as "Web")",
        "outcomes: from "Forecast Type": won = Won; lost = Lost; no decision = none; open = Open",
        "dates: months written as words (such as "01 Jul, 2026"), read as they are",
        "to confirm:",
        "  - check the outcomes above: every value not listed is an open deal",
        "  - amounts carry no currency: set "currency" if they are not in USD",
        "  - add "company": the name shown on the pack",
        "  - add "timeZone" (e.g. "America/New_York") unless the CRM's timestamps are meant in UTC",
        "wrote OUT; check it with: quarterdeck validate --data DIR",
      ]
    `);
    expect(written.outcomes).toEqual({
      column: "Forecast Type",
      won: ["Won"],
      lost: ["Lost"],
      noDecision: [],
    });
  });

  it("recognises HubSpot and Pipedrive", async () => {
    expect((await run(join(fixtures, "hubspot"), "hubspot")).printed).toMatchInlineSnapshot(`
      [
        "format: HubSpot deals export (hubspot-crm-exports-enterprise-deals-2026-10-01.csv); closed and won come from its "Is Deal Closed?" and "Is Closed Won" columns",
        "to confirm:",
        "  - amounts carry no currency: set "currency" if they are not in USD",
        "  - add "company": the name shown on the pack",
        "  - add "timeZone" (e.g. "America/New_York") unless the CRM's timestamps are meant in UTC",
        "wrote OUT; check it with: quarterdeck validate --data DIR",
      ]
    `);
    expect((await run(join(fixtures, "pipedrive"), "pipedrive")).printed).toMatchInlineSnapshot(`
      [
        "format: Pipedrive deals export (deals.csv has "Deal - Title" and "Deal - Status"; won and lost come from the status)",
        "currency: EUR (the "Deal - Currency" column)",
        "to confirm:",
        "  - add "company": the name shown on the pack",
        "  - add "timeZone" (e.g. "America/New_York") unless the CRM's timestamps are meant in UTC",
        "wrote OUT; check it with: quarterdeck validate --data DIR",
      ]
    `);
  });

  it("proposes outcomes for HubSpot custom closed stages when the closed/won columns are not exported", async () => {
    const dir = join(scratch, "hubspot-stages");
    await mkdir(dir);
    const text = await readFile(
      join(fixtures, "hubspot", "hubspot-crm-exports-enterprise-deals-2026-10-01.csv"),
      "utf8",
    );
    // The same deals without "Is Deal Closed?" and "Is Closed Won".
    await writeFile(join(dir, "deals.csv"), text.replace(/,[^,\n]*,[^,\n]*$/gm, ""));
    const { printed, written } = await run(dir, "hubspot-stages");
    expect(printed).toMatchInlineSnapshot(`
      [
        "format: HubSpot deals export (deals.csv has Deal Stage)",
        "outcomes: from "Deal Stage": won = Closed: won; lost = Closed: lost; no decision = Closed: abandoned; open = Demo scheduled, Contract sent",
        "to confirm:",
        "  - check the outcomes above: every value not listed is an open deal",
        "  - amounts carry no currency: set "currency" if they are not in USD",
        "  - add "company": the name shown on the pack",
        "  - add "timeZone" (e.g. "America/New_York") unless the CRM's timestamps are meant in UTC",
        "wrote OUT; check it with: quarterdeck validate --data DIR",
      ]
    `);
    const config = parseConfig({ ...written, company: "Hub Co" }, "init");
    const records = (await ingestFolder(dir, config)).records;
    // As with the closed/won columns (test/ingest/anyCrm.test.ts): 20,000 won, 1 lost, 1 no decision.
    expect(computeQuarterMetrics(records, "2026-Q3", config).headline).toMatchObject({
      bookings: 20_000,
      dealsWon: 2,
      dealsLost: 1,
      dealsNoDecision: 1,
      openPipeline: 17_500,
    });
  });

  it("picks the last of several exports and says so; never writes over a config", async () => {
    const dir = join(scratch, "two-exports");
    await mkdir(dir);
    await copyFile(join(fixtures, "pipedrive", "deals.csv"), join(dir, "deals-2026-07-01.csv"));
    await copyFile(join(fixtures, "pipedrive", "deals.csv"), join(dir, "deals-2026-10-01.csv"));
    const { printed, written } = await run(dir, "two");
    expect(written.files).toEqual({ opportunities: "deals-2026-10-01.csv" });
    expect(printed.join("\n")).toContain(
      `2 files look like Pipedrive deals exports (deals-2026-07-01.csv, deals-2026-10-01.csv): "files" picks deals-2026-10-01.csv`,
    );
    const effects: Effects = { info: () => {}, warn: () => {}, progress: () => {}, env: {} };
    await expect(init({ data: dir, out: join(scratch, "two.json") }, effects)).rejects.toThrow(
      /two\.json already exists; it is left as it is\. Pass --out to write the proposed config elsewhere\./,
    );
  });
});
