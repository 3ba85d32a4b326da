import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CANONICAL_FIELDS } from "../../src/config/canonicalFields.ts";
import { ConfigSchema } from "../../src/config/configSchema.ts";
import { loadConfig, parseConfig } from "../../src/config/loadConfig.ts";
import { accountsSpec } from "../../src/ingest/canonical/accounts.ts";
import { activitiesSpec } from "../../src/ingest/canonical/activities.ts";
import { contactsSpec } from "../../src/ingest/canonical/contacts.ts";
import { historySpec } from "../../src/ingest/canonical/history.ts";
import { leadsSpec } from "../../src/ingest/canonical/leads.ts";
import { opportunitiesSpec } from "../../src/ingest/canonical/opportunities.ts";
import { ratesSpec } from "../../src/ingest/canonical/rates.ts";
import { cellContext } from "../../src/ingest/cells.ts";
import { CurrencyConverter } from "../../src/ingest/currency.ts";
import { personaRules } from "../../src/ingest/derive.ts";
import { KnownDeals } from "../../src/ingest/knownDeals.ts";
import { Ledger } from "../../src/ingest/ledger.ts";
import { forecastsSpec, rocksSpec, targetsSpec } from "../../src/ingest/planning.ts";
import { HistoryLog } from "../../src/model/historyLog.ts";

/** The problems a config has, as the command line prints them. */
function problems(raw: unknown): string {
  try {
    parseConfig(raw, "quarterdeck.config.json");
    return "none";
  } catch (error) {
    return (error as Error).message;
  }
}

describe("the config", () => {
  it("names the valid keys beside a misspelt one, at any depth", () => {
    expect(problems({ icp: { idealTier: ["A"] } })).toMatchInlineSnapshot(`
      "quarterdeck.config.json: the config has 1 problem:
        icp: unknown key "idealTier"; the valid keys are idealTiers, industries, minEmployees."
    `);
    expect(problems({ columns: { opportunity: { amount: "Value" } } })).toMatchInlineSnapshot(`
      "quarterdeck.config.json: the config has 1 problem:
        columns: unknown key "opportunity"; the valid keys are opportunities, history, accounts, contacts, activities, leads, forecasts, targets, rocks, rates."
    `);
    expect(
      problems({ columns: { opportunities: { amout: "Value" } }, files: { deals: "d.csv" } }),
    ).toMatchInlineSnapshot(`
      "quarterdeck.config.json: the config has 2 problems:
        files: unknown key "deals"; the valid keys are opportunities, history, accounts, contacts, activities, leads, forecasts, targets, rocks, rates.
        columns.opportunities: unknown key "amout"; the valid keys are id, account_id, name, owner, product, type, stage, amount, currency, created_date, close_date, is_closed, is_won, loss_reason, competitor, lead_source, forecast_category, probability, segment."
    `);
    expect(problems({ outcomes: { column: "Result" }, dateFormat: "dd/mm/yyyy" })).toMatchInlineSnapshot(`
      "quarterdeck.config.json: the config has 2 problems:
        dateFormat: is not a date format: write it with YYYY, MM, DD, MMM, HH, mm, ss, as in DD/MM/YYYY.
        outcomes: lists no values: add the values that mean won and lost, e.g. "won": ["Won"], "lost": ["Lost"]."
    `);
  });

  it("accepts files, columns, outcomes and dateFormat", () => {
    const config = parseConfig(
      {
        files: { opportunities: "sales_pipeline.csv" },
        columns: { opportunities: { amount: "close_value" } },
        outcomes: { column: "Forecast Type", won: ["Won"], lost: ["Lost"] },
        dateFormat: "DD/MM/YYYY HH:mm",
      },
      "test",
    );
    expect(config.outcomes).toEqual({
      column: "Forecast Type",
      won: ["Won"],
      lost: ["Lost"],
      noDecision: [],
    });
  });

  it("reads a JSON config saved with a byte-order mark", async () => {
    const dir = await mkdtemp(join(tmpdir(), "quarterdeck-config-"));
    await writeFile(join(dir, "quarterdeck.config.json"), '\uFEFF{ "company": "Bom Co" }');
    expect((await loadConfig(undefined, { dataDirs: [dir], projectDir: dir })).config.company).toBe("Bom Co");
    await rm(dir, { recursive: true, force: true });
  });

  it("knows exactly the fields the canonical specs read", () => {
    const config = ConfigSchema.parse({});
    const cells = cellContext({ timeZone: "UTC", dateOrder: "month-first" });
    const context = {
      config,
      cells,
      ledger: new Ledger(),
      converter: new CurrencyConverter("USD", []),
      personas: personaRules(config.personas),
    };
    const specs = [
      opportunitiesSpec(context, new Map()),
      historySpec(context, new HistoryLog(), KnownDeals.of([]), new Map()),
      accountsSpec(context),
      contactsSpec(context),
      activitiesSpec(context),
      leadsSpec(context),
      forecastsSpec(context),
      targetsSpec(context, []),
      rocksSpec(context),
      ratesSpec(cells),
    ];
    const read = Object.fromEntries(specs.map((s) => [s.kind, s.columns.map((c) => c.key)]));
    expect(read).toEqual(CANONICAL_FIELDS);
  });
});
