import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Config } from "../../src/config/configSchema.ts";
import type { Format } from "../../src/config/formats.ts";
import { parseConfig } from "../../src/config/loadConfig.ts";
import { type IngestResult, ingestFolder } from "../../src/ingest/ingestFolder.ts";
import {
  AccountSchema,
  ContactSchema,
  ForecastSubmissionSchema,
  HistoryRowSchema,
  LeadSchema,
  OpportunitySchema,
  type RecordKind,
  RockSchema,
  TargetSchema,
  UNDATED,
} from "../../src/model/records.ts";

/*
 * One suite over every adapter, as Arquero runs one suite over its two CSV parsers: each
 * format's fixture, read through the real adapter, must keep the same promises whatever the
 * CRM. A new adapter adds its fixture to FORMATS and is held to all of them.
 */

const fixtures = fileURLToPath(new URL("../fixtures/", import.meta.url));

/** A format's fixture folder, read with the config at `config` (a JSON file under test/fixtures/) or the defaults. */
function fixture(name: string, folder: string, format: Format, config?: string) {
  const load = async (): Promise<Config> =>
    parseConfig(config === undefined ? {} : JSON.parse(await readFile(join(fixtures, config), "utf8")), name);
  return { name, folder, format, config: load };
}

const FORMATS = [
  fixture("canonical CSV", "ingest/basic", "canonical", "ingest/basic/quarterdeck.config.json"),
  // Deleted rows in every object, a duplicate contact, a bad amount, history of an unknown deal.
  fixture("Salesforce", "salesforce", "salesforce"),
  fixture("HubSpot", "anycrm/hubspot", "hubspot", "anycrm/configs/hubspot.json"),
  fixture("Pipedrive", "anycrm/pipedrive", "pipedrive", "anycrm/configs/pipedrive.json"),
  fixture("an export mapped by the config", "anycrm/zoho", "canonical", "anycrm/configs/zoho.json"),
  fixture("a spreadsheet mapped by the config", "anycrm/generic", "canonical", "anycrm/configs/generic.json"),
  fixture("HubSpot with the planning files", "plan/hubspot", "hubspot"),
];

const RECORD_KINDS: readonly string[] = [
  "accounts",
  "contacts",
  "opportunities",
  "history",
  "activities",
  "leads",
  "forecasts",
  "targets",
  "rocks",
] satisfies RecordKind[];

/** The ids of a list that are there more than once. */
function repeated(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  return ids.filter((id) => seen.has(id) || !seen.add(id));
}

describe.each(FORMATS)("$name ($folder)", ({ folder, format, config }) => {
  let result: IngestResult;
  const read = async () => ingestFolder(join(fixtures, folder), await config());

  it("is read by its own adapter", async () => {
    result = await read();
    expect(result.format).toBe(format);
  });

  it("uses every row or reports it with its file and line", () => {
    expect(result.ledger.issuesNotListed).toBe(0);
    for (const f of result.ledger.files) {
      expect(f.read, `${f.file}: rows read`).toBe(f.used + f.rejected + f.skipped);
      const left = result.ledger.issues.filter(
        (i) => i.file === f.file && (i.severity === "rejected" || i.severity === "skipped"),
      );
      for (const issue of left) expect(issue.line, `${f.file}: ${issue.problem}`).toBeGreaterThan(1);
      // One listed reason per row left out, so the ledger can name each of them.
      expect(new Set(left.map((i) => i.line)).size, `${f.file}: rows left out`).toBe(f.rejected + f.skipped);
    }
  });

  it("keeps records that fit the model: ids unique, amounts finite, days real", () => {
    const { records } = result;
    const checks = [
      [AccountSchema, records.accounts],
      [ContactSchema, records.contacts],
      [OpportunitySchema, records.opportunities],
      [HistoryRowSchema, [...records.history]],
      [LeadSchema, records.leads],
      [ForecastSubmissionSchema, records.forecasts],
      [TargetSchema, records.targets],
      [RockSchema, records.rocks],
    ] as const;
    for (const [schema, list] of checks) for (const record of list) schema.parse(record);
    for (const list of [records.accounts, records.contacts, records.opportunities, records.leads]) {
      expect(repeated(list.map((r) => r.id))).toEqual([]);
    }
    expect(records.opportunities.length).toBeGreaterThan(0);
  });

  it("closes deals consistently: won implies closed, and a closed deal has its close day", () => {
    for (const o of result.records.opportunities) {
      if (o.isWon) expect(o.isClosed, o.id).toBe(true);
      if (o.isClosed) expect(o.closeDate, o.id).not.toBe(UNDATED);
    }
  });

  it("has history only of deals it knows", () => {
    const known = new Set(result.records.opportunities.map((o) => o.id));
    for (const h of result.records.history) expect(known.has(h.opportunityId), h.opportunityId).toBe(true);
  });

  it("says it supplied exactly the kinds of the files it used", () => {
    const used = result.inputs.map((i) => i.kind).filter((kind) => RECORD_KINDS.includes(kind));
    expect([...result.records.supplied].sort()).toEqual([...new Set(used)].sort());
  });

  it("reads the same input to the same records, ledger and manifest", async () => {
    const again = await read();
    expect(again.records).toEqual(result.records);
    // The activity log keeps its columns private: compare the activities themselves.
    expect([...again.records.activities]).toEqual([...result.records.activities]);
    expect(again.ledger).toEqual(result.ledger);
    expect(again.inputs).toEqual(result.inputs);
  });
});
