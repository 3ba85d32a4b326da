import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigSchema } from "../../src/config/configSchema.ts";
import { ingestFolder } from "../../src/ingest/ingestFolder.ts";
import { computeQuarterMetrics } from "../../src/metrics/computeQuarterMetrics.ts";

/*
 * A small Salesforce export as a French org writes it: ISO-8859-1, semicolons, stage names in
 * French, amounts in euros with Salesforce's rates (units per US dollar, the corporate
 * currency), a deleted row, the null id, owner ids resolved through User.csv.
 */
const FILES: Record<string, string> = {
  "Opportunity.csv": [
    "Id;IsDeleted;AccountId;Name;StageName;Amount;CurrencyIsoCode;CloseDate;CreatedDate;IsClosed;IsWon;OwnerId;Type;Loss_Reason__c",
    "006A;false;001A;Affaire A;Clôturée gagnée;1000;EUR;2026-08-15;2026-07-01T10:00:00.000+0000;true;true;005A;New Business;",
    "006B;false;000000000000000AAA;Affaire B;Clôturée perdue;2000;USD;2026-09-01;2026-07-02T10:00:00.000+0000;true;false;005B;;Pas de décision",
    "006C;true;001A;Supprimée;Négociation;5000;USD;2026-09-10;2026-07-03T10:00:00.000+0000;false;false;005A;;",
    "006D;false;001A;Affaire D;Négociation;3000;EUR;2026-09-20;2026-07-04T10:00:00.000+0000;false;false;005A;;",
    "006E;false;001A;Affaire E;Clôturée gagnée;100;JPY;2026-09-21;2026-07-04T10:00:00.000+0000;true;true;005A;;",
  ].join("\r\n"),
  "CurrencyType.csv": "IsoCode,ConversionRate,IsCorporate,IsActive\nUSD,1,true,true\nEUR,0.8,false,true\n",
  "DatedConversionRate.csv":
    "IsoCode,ConversionRate,StartDate,NextStartDate\nEUR,0.5,2026-08-01,9999-12-31\n",
  "User.csv": "Id,Name\n005A,Anne Lefèvre\n005B,Bo Chen\n",
  "OpportunityCompetitor.csv": "Id,OpportunityId,CompetitorName\n00X1,006A,Vantage\n",
  "OpportunityHistory.csv": [
    "Id,OpportunityId,CreatedDate,StageName,Amount,CloseDate",
    "008A,006A,2026-07-01T10:00:00.000+0000,Négociation,800,2026-09-30",
    "008B,006A,2026-08-15T12:00:00.000+0000,Clôturée gagnée,1000,2026-08-15",
  ].join("\n"),
  "Account.csv":
    "Id,Name,Industry,NumberOfEmployees,Tier__c\n001A,Société Générale des Tests,Finance,1200,A\n",
};

let dir: string;
const config = ConfigSchema.parse({ noDecisionPattern: "d[ée]cision" });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "quarterdeck-sf-"));
  for (const [name, text] of Object.entries(FILES))
    await writeFile(join(dir, name), Buffer.from(text, "latin1"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("a Salesforce export", () => {
  it("is detected, decoded as ISO-8859-1 and read with closed/won from IsClosed/IsWon", async () => {
    const result = await ingestFolder(dir, config);
    expect(result.format).toBe("salesforce");
    expect(result.inputs.find((i) => i.file === "Opportunity.csv")?.encoding).toBe("windows-1252");
    const byId = new Map(result.records.opportunities.map((o) => [o.id, o]));
    expect([...byId.keys()]).toEqual(["006A", "006B", "006D"]);
    expect(byId.get("006A")).toMatchObject({
      stage: "Clôturée gagnée",
      isWon: true,
      owner: "Anne Lefèvre",
      competitor: "Vantage",
      type: "new",
    });
    expect(byId.get("006B")).toMatchObject({
      accountId: null,
      isClosed: true,
      isWon: false,
      owner: "Bo Chen",
    });
    expect(result.records.accounts[0]).toMatchObject({
      name: "Société Générale des Tests",
      isIcp: true,
      employees: 1200,
    });
  });

  it("converts with dated rates at the close date, and never converts a currency without a rate", async () => {
    const result = await ingestFolder(dir, config);
    const amounts = Object.fromEntries(result.records.opportunities.map((o) => [o.id, o.amount]));
    // EUR is 0.8 per dollar (1.25 $/€) until 1 Aug 2026, then 0.5 per dollar (2 $/€).
    // 006A closes 15 Aug: 1,000 € × 2 = 2,000 $; 006D closes 20 Sep: 3,000 € × 2 = 6,000 $.
    expect(amounts).toEqual({ "006A": 2000, "006B": 2000, "006D": 6000 });
    // History rows convert at their own close date: 800 € due 30 Sep → 1,600 $.
    expect([...result.records.history].map((h) => [h.stage, h.amount, h.isClosed])).toEqual([
      ["Négociation", 1600, false],
      ["Clôturée gagnée", 2000, true],
    ]);
    const file = result.ledger.files.find((f) => f.file === "Opportunity.csv")!;
    expect(file).toMatchObject({ read: 5, used: 3, rejected: 1, skipped: 1 });
    expect(
      result.ledger.issues
        .filter((i) => i.file === "Opportunity.csv")
        .map((i) => `${i.line} ${i.severity}: ${i.problem}`),
    ).toEqual([
      "4 skipped: deleted in Salesforce",
      '6 rejected: has no exchange rate from JPY to USD; add "JPY" to "rates" in quarterdeck.config.json or to rates.csv (or DatedConversionRate.csv)',
    ]);
  });

  it("computes the headline with no decision from the configured pattern", async () => {
    const { records } = await ingestFolder(dir, config);
    const { headline } = computeQuarterMetrics(records, "2026-Q3", config);
    expect(headline).toMatchObject({
      bookings: 2000,
      dealsWon: 1,
      dealsLost: 0,
      dealsNoDecision: 1,
      winRate: 0.5,
      cashWinRate: 0.5,
    });
  });
});

const shared = fileURLToPath(new URL("../../../shared/datasets/", import.meta.url));

describe.skipIf(!existsSync(shared))("the public Salesforce exports", () => {
  it("salesforce-sample: 2024-Q1 as counted independently", async () => {
    // Counted with a one-off script over Opportunity.csv: CloseDate 02/03/24 (the only 2024-Q1
    // date) with IsWon TRUE: 12 deals, Amount summing to 2,815,000; IsClosed TRUE and IsWon
    // FALSE: 6 deals, 830,000. No loss reasons, so no "no decision".
    const defaults = ConfigSchema.parse({});
    const { records } = await ingestFolder(join(shared, "salesforce-sample"), defaults);
    const { headline } = computeQuarterMetrics(records, "2024-Q1", defaults);
    expect(headline).toMatchObject({ dealsWon: 12, bookings: 2_815_000, dealsLost: 6, dealsNoDecision: 0 });
    expect(headline.cashWinRate).toBeCloseTo(2_815_000 / 3_645_000, 12);
    expect(records.history).toHaveLength(48);
  });

  it("salesforce-demo-org: 2023-Q4 as counted independently", async () => {
    // CloseDate in Oct–Dec 2023 with IsWon "1": 6 deals, 4,753,026.31; IsClosed "1" and IsWon
    // empty: 1 deal. IsClosed/IsWon are "1" or empty in this org's export.
    const defaults = ConfigSchema.parse({});
    const { records, ledger } = await ingestFolder(join(shared, "salesforce-demo-org"), defaults);
    const { headline } = computeQuarterMetrics(records, "2023-Q4", defaults);
    expect(headline).toMatchObject({ dealsWon: 6, bookings: 4_753_026.31, dealsLost: 1 });
    expect(records.activities.length).toBe(75);
    expect(ledger.files.filter((f) => f.kind === "ignored").map((f) => f.file)).toContain("Case.csv");
  });
});
