import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/loadConfig.ts";
import { ingestFolder } from "../../src/ingest/ingestFolder.ts";
import { computeQuarterMetrics } from "../../src/metrics/computeQuarterMetrics.ts";
import { UNDATED } from "../../src/model/records.ts";

/*
 * The rules of reading any export (SPEC §3.2, §3.4): headers matched exactly, then loosely
 * only when unambiguous; days that stay days; history values that mean "none then"; rows
 * used where they can be; and messages that say what to add.
 */

const scratch = await mkdtemp(join(tmpdir(), "quarterdeck-rules-"));
afterAll(() => rm(scratch, { recursive: true, force: true }));
let folders = 0;

/** A data folder of the given files. */
async function folder(files: Record<string, string>): Promise<string> {
  const dir = join(scratch, String(++folders));
  await import("node:fs/promises").then((fs) => fs.mkdir(dir));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

const config = (raw: object = {}) => parseConfig({ company: "Rules Co", ...raw }, "test");

const SF_HEADER =
  "Id,Name,StageName,Amount,CloseDate,CreatedDate,IsClosed,IsWon,Loss_Reason__c,LossReason__c";
const SF_ROWS = [
  "006A,Lost to nobody,Closed Lost,100,2018-10-01 00:00:00,2018-07-02T10:00:00.000+0000,true,false,,No Decision",
  "006B,Lost on price,Closed Lost,200,2018-09-20,2018-07-03T10:00:00.000+0000,true,false,,Price",
  "006C,Won,Closed Won,300,2018-10-01 00:00:00,2018-07-04T10:00:00.000+0000,true,true,,",
];

describe("headers", () => {
  it("chooses the one of two look-alike columns that holds values, and says so", async () => {
    const dir = await folder({ "Opportunity.csv": [SF_HEADER, ...SF_ROWS].join("\n") });
    const result = await ingestFolder(dir, config());
    // 006A's reason is in LossReason__c only: it is a no decision, not a loss.
    expect(result.records.opportunities.map((o) => o.lossReason)).toEqual(["No Decision", "Price", null]);
    expect(
      result.ledger.issues.map((i) => `${i.file}:${i.line}: ${i.column}: ${i.problem}`),
    ).toMatchInlineSnapshot(`
      [
        "Opportunity.csv:1: LossReason__c: 2 columns could be loss_reason: "Loss_Reason__c" (0 values) and "LossReason__c" (2 values); used "LossReason__c", the one holding the most values. To choose another, name it in quarterdeck.config.json: "columns": { "opportunities": { "loss_reason": "<header>" } }",
      ]
    `);
  });

  it("uses the column the config names, matched exactly", async () => {
    const rows = SF_ROWS.map((r) => r.replace(",,No Decision", ",Budget,No Decision"));
    const dir = await folder({ "Opportunity.csv": [SF_HEADER, ...rows].join("\n") });
    const mapped = config({ columns: { opportunities: { loss_reason: "LossReason__c" } } });
    const result = await ingestFolder(dir, mapped);
    expect(result.records.opportunities[0]!.lossReason).toBe("No Decision");
    expect(result.ledger.issues).toEqual([]);
  });

  it("says which header to write when a mapped column is not in the file", async () => {
    const dir = await folder({ "Opportunity.csv": [SF_HEADER, ...SF_ROWS].join("\n") });
    const mapped = config({ columns: { opportunities: { loss_reason: "Reason" } } });
    await expect(ingestFolder(dir, mapped)).rejects.toThrowErrorMatchingInlineSnapshot(
      `[CliError: Opportunity.csv: quarterdeck.config.json maps "loss_reason": "Reason" under "columns": { "opportunities": … }, but the header has no such column. The header has: Id, Name, StageName, Amount, CloseDate, CreatedDate, IsClosed, IsWon, Loss_Reason__c, LossReason__c. Write the header exactly as the file has it.]`,
    );
  });
});

describe("days and timestamps", () => {
  it("keeps a close date a day west of UTC, and moves created timestamps into the company's zone", async () => {
    const dir = await folder({ "Opportunity.csv": [SF_HEADER, ...SF_ROWS].join("\n") });
    const result = await ingestFolder(dir, config({ timeZone: "America/Los_Angeles" }));
    const [a, , c] = result.records.opportunities;
    // "2018-10-01 00:00:00" stays 1 October (Q4), not 30 September in Los Angeles.
    expect([a!.closeDate, c!.closeDate]).toEqual(["2018-10-01", "2018-10-01"]);
    // 10:00 UTC on 2 July is 03:00 in Los Angeles, the same day.
    expect(a!.createdDate).toBe("2018-07-02");
    const headline = computeQuarterMetrics(result.records, "2018-Q3", config()).headline;
    expect(headline).toMatchObject({ dealsWon: 0, dealsLost: 1, bookings: 0 });
  });

  it("reads a dateFormat for anything else", async () => {
    const dir = await folder({
      "opportunities.csv":
        "id,owner,stage,amount,created_date,close_date,is_closed,is_won\nX1,Ann,Won,5,01.07.2026,2026/09/30,true,true\n",
    });
    const result = await ingestFolder(dir, config({ dateFormat: "YYYY/MM/DD" }));
    expect(result.records.opportunities[0]).toMatchObject({
      createdDate: "2026-07-01",
      closeDate: "2026-09-30",
    });
  });
});

describe("history", () => {
  it("takes an empty amount as no amount then, never the amount typed later", async () => {
    const dir = await folder({
      "opportunities.csv":
        "id,owner,stage,amount,created_date,close_date,is_closed,is_won\nO1,Ann,Proposal,9000,2026-06-01,2026-12-15,false,false\n",
      // Created with no amount on 1 Jun; 9,000 typed on 15 Aug.
      "history.csv":
        "opportunity_id,at,stage,amount\nO1,2026-06-01T09:00:00,Discovery,\nO1,2026-08-15T09:00:00,Proposal,9000\n",
    });
    const c = config();
    const result = await ingestFolder(dir, c);
    const metrics = computeQuarterMetrics(result.records, "2026-Q3", c);
    // Open on 30 Jun with no amount (0), on 30 Sep with 9,000.
    expect(computeQuarterMetrics(result.records, "2026-Q2", c).headline.openPipeline).toBe(0);
    expect(metrics.headline.openPipeline).toBe(9_000);
  });
});

describe("rows used where they can be", () => {
  it("counts every row of a file left out, and uses leads without a created date", async () => {
    const dir = await folder({
      "opportunities.csv":
        "id,owner,stage,amount,created_date,close_date,is_closed,is_won\nO1,Ann,Won,5,,2026-07-01,true,true\n",
      "leads.csv": "id,source\nL1,Web\nL2,Event\n",
      "contacts.csv": "title\nCFO\nCTO\nVP\n",
    });
    const result = await ingestFolder(dir, config());
    expect(result.records.opportunities[0]!.createdDate).toBe(UNDATED);
    expect(result.records.leads.map((l) => [l.id, l.createdDate])).toEqual([
      ["L1", UNDATED],
      ["L2", UNDATED],
    ]);
    const counts = result.ledger.files.map((f) => [f.file, f.kind, f.read, f.used, f.rejected]);
    expect(counts).toEqual([
      ["contacts.csv", "contacts (not used)", 3, 0, 3],
      ["leads.csv", "leads", 2, 2, 0],
      ["opportunities.csv", "opportunities", 1, 1, 0],
    ]);
    // A file left out whole does not fail the run: it has said why.
    expect(result.overThreshold).toEqual([]);
    expect(result.ledger.issues.map((i) => `${i.file}:${i.line}: ${i.problem}`)).toMatchInlineSnapshot(`
      [
        "contacts.csv:1: file not used, none of its 3 rows are: contacts.csv: required column "id" is missing. The header has: title. Add the column to the export, or map it in quarterdeck.config.json: "columns": { "contacts": { "id": "<your column name>" } }.",
        "leads.csv:2: the file has no created date column (created_date, CreatedDate); its leads are used but left out of each quarter's funnel",
        "opportunities.csv:2: is empty; the deal counts in bookings, win rates and open pipeline, but is left out of figures that need the day it was created (pipeline created, sales cycle, pipeline at past dates)",
      ]
    `);
    const metrics = computeQuarterMetrics(result.records, "2026-Q3", config());
    expect(metrics.headline).toMatchObject({ bookings: 5, dealsWon: 1, salesCycleDaysMedian: null });
    // Not measured, and not said to be created after it closed either.
    expect(metrics.sections.salesCycle).toMatchObject({ deals: 0, unmeasurable: 0 });
    expect(metrics.unavailable["headline.salesCycleDaysMedian"]).toMatch(
      /^No deal won in 2026-Q3 has a created date/,
    );
    // Pipeline created cannot be placed in time at all: said so, not "created on 9999-12-31".
    expect(metrics.headline.pipelineCreated).toBeNull();
    expect(metrics.unavailable["headline.pipelineCreated"]).toMatch(
      /^No opportunity in the export has a created date/,
    );
  });
});

describe("HubSpot", () => {
  const header = "Record ID,Deal Stage,Amount,Close Date,Create Date,Deal owner";
  const rows = ["1,Closed: won,100,2026-08-01,2026-07-01,ann", "2,Closed: lost,50,2026-08-02,2026-07-01,bo"];

  it("reports stages that look closed but are not configured", async () => {
    const dir = await folder({ "deals.csv": [header, ...rows].join("\n") });
    const result = await ingestFolder(dir, config());
    expect(result.format).toBe("hubspot");
    expect(result.ledger.issues.map((i) => i.problem)).toMatchInlineSnapshot(`
      [
        ""Closed: won" looks like a closed stage but is taken as open: add it to outcomes.won in quarterdeck.config.json (e.g. "outcomes": { "won": ["Closed: won"] })",
        ""Closed: lost" looks like a closed stage but is taken as open: add it to outcomes.lost in quarterdeck.config.json (e.g. "outcomes": { "lost": ["Closed: lost"] })",
      ]
    `);
    const outcomes = config({ outcomes: { won: ["closed: WON"], lost: ["Closed: lost"] } });
    const headline = computeQuarterMetrics(
      (await ingestFolder(dir, outcomes)).records,
      "2026-Q3",
      outcomes,
    ).headline;
    expect(headline).toMatchObject({ bookings: 100, dealsWon: 1, dealsLost: 1 });
  });

  it("refuses to choose between several deal exports unless files picks one", async () => {
    const dir = await folder({
      "deals-1.csv": [header, ...rows].join("\n"),
      "deals-2.csv": [header, rows[0]].join("\n"),
    });
    await expect(ingestFolder(dir, config())).rejects.toThrowErrorMatchingInlineSnapshot(
      `[CliError: 2 files look like HubSpot deals exports: deals-1.csv, deals-2.csv. Keep one in the folder, or pick one in quarterdeck.config.json: "files": { "opportunities": "deals-1.csv" }.]`,
    );
    const picked = await ingestFolder(dir, config({ files: { opportunities: "deals-2.csv" } }));
    expect(picked.records.opportunities.map((o) => o.id)).toEqual(["1"]);
  });
});

describe("messages that say what to add", () => {
  it("names the file setting and the outcome column when they do not fit the folder", async () => {
    const dir = await folder({ "sales.csv": "id,stage,amount,close_date\nS1,Won,5,2026-07-01\n" });
    await expect(ingestFolder(dir, config())).rejects.toThrow(
      /no opportunities found\. .*"files": \{ "opportunities": "<file>\.csv" \}.*quarterdeck init --data/,
    );
    await expect(ingestFolder(dir, config({ files: { opportunities: "deals.csv" } }))).rejects.toThrow(
      `"files": { "opportunities": "deals.csv" } in quarterdeck.config.json names a file the folder does not have. Files seen: sales.csv.`,
    );
    const noColumn = config({
      files: { opportunities: "sales.csv" },
      outcomes: { column: "Result", won: ["Won"] },
    });
    await expect(ingestFolder(dir, noColumn)).rejects.toThrowErrorMatchingInlineSnapshot(
      `[CliError: sales.csv: "outcomes": { "column": "Result" } in quarterdeck.config.json names a column the file does not have. Write the header exactly as the file has it, or leave "column" out to read outcomes from the stage.]`,
    );
    const noFlags = config({ files: { opportunities: "sales.csv" } });
    await expect(ingestFolder(dir, noFlags)).rejects.toThrow(
      /required columns "is_closed", "is_won" are missing.*"outcomes": { "won": \["Won"\], "lost": \["Lost"\] }/,
    );
  });
});

describe("forecast categories", () => {
  it("reads the names Salesforce, HubSpot and Dynamics give them, and reports the others per row", async () => {
    const header = "id,stage,amount,close_date,is_closed,is_won,forecast_category";
    const rows = [
      "A,Negotiation,100,2026-08-01,false,false,Best Case",
      "B,Negotiation,100,2026-08-01,false,false,Forecast", // Salesforce's API name of Commit
      "C,Negotiation,100,2026-08-01,false,false,BEST_CASE", // HubSpot's internal name
      "D,Closed Won,100,2026-07-01,true,true,Closed won", // HubSpot's label
      "E,Closed Lost,100,2026-07-01,true,false,Not forecasted",
      "F,Negotiation,100,2026-08-01,false,false,Committed", // Dynamics 365
      "G,Negotiation,100,2026-08-01,false,false,Most Likely",
      "H,Negotiation,100,2026-08-01,false,false,",
    ];
    const forecasts = [
      "quarter,submitted_date,category,amount",
      "2026-Q3,2026-07-01,Commit,500",
      "2026-Q3,2026-07-01,Best case,900",
      "2026-Q3,2026-07-01,Upside,1000",
    ];
    const dir = await folder({
      "opportunities.csv": [header, ...rows].join("\n"),
      "forecasts.csv": forecasts.join("\n"),
    });
    const result = await ingestFolder(dir, config());
    expect(result.records.opportunities.map((o) => o.forecastCategory)).toEqual([
      "bestCase",
      "commit",
      "bestCase",
      "closed",
      "omitted",
      "commit",
      null,
      null,
    ]);
    expect(result.records.forecasts.map((f) => f.category)).toEqual(["commit", "bestCase"]);
    // Kept without its category, and said so; a forecast call with no usable category is no call.
    expect(
      result.ledger.issues.map((i) => `${i.file}:${i.line}: ${i.severity}: ${i.problem}`),
    ).toMatchInlineSnapshot(`
        [
          "forecasts.csv:4: rejected: "Upside" is not a forecast category: use Pipeline, Best Case, Commit, Closed or Omitted",
          "opportunities.csv:2: warning: the file has no created date column (created_date); each deal counts in bookings, win rates and open pipeline, but is left out of figures that need the day it was created (pipeline created, sales cycle, pipeline at past dates). Map the column under "columns": { "opportunities": { "created_date": "<header>" } } if the export has one",
          "opportunities.csv:8: warning: "Most Likely" is not a forecast category: use Pipeline, Best Case, Commit, Closed or Omitted; the row is used without it",
        ]
      `);
  });
});
