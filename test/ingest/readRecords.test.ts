import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/loadConfig.ts";
import { cellContext } from "../../src/ingest/cells.ts";
import type { IngestContext } from "../../src/ingest/context.ts";
import { CurrencyConverter } from "../../src/ingest/currency.ts";
import { DataFolder } from "../../src/ingest/dataFolder.ts";
import { personaRules } from "../../src/ingest/derive.ts";
import { Ledger } from "../../src/ingest/ledger.ts";
import { RecordReader } from "../../src/ingest/readRecords.ts";
import type { TableSpec } from "../../src/ingest/readTable.ts";

/* The one way adapters read a kind: find its file, read it with the config's mapping, note it supplied. */

const scratch = await mkdtemp(join(tmpdir(), "quarterdeck-reader-"));
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** Reads just the id of each row, as kind "accounts". */
const ids: TableSpec<{ id: string }> = {
  kind: "accounts",
  columns: [{ key: "id", required: true }],
  build: (row) => (row.get("id") === "" ? row.reject("id", "is empty") : { id: row.get("id") }),
};

async function reader(files: Record<string, string>, raw: object = {}) {
  const dir = join(scratch, String(Object.keys(files).join("-")));
  await mkdir(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  const config = parseConfig({ company: "Reader Co", ...raw }, "test");
  const ledger = new Ledger();
  const context: IngestContext = {
    config,
    cells: cellContext({ timeZone: "UTC", dateOrder: "month-first" }),
    ledger,
    converter: new CurrencyConverter(config.currency, []),
    personas: personaRules(config.personas),
  };
  return { read: new RecordReader(await DataFolder.open(dir, ledger), context), ledger };
}

describe("RecordReader", () => {
  it("finds a kind's file by name in any case, or as the config's files name it", async () => {
    const { read } = await reader({ "ACCOUNTS.CSV": "id\nA\n", "orgs.csv": "id\nB\n" });
    expect(read.locate("accounts", "accounts.csv")).toBe("ACCOUNTS.CSV");
    expect(read.locate("contacts", "contacts.csv")).toBeUndefined();
    const named = await reader(
      { "accounts.csv": "id\nA\n", "orgs2.csv": "id\nB\n" },
      { files: { accounts: "orgs2.csv" } },
    );
    expect(named.read.locate("accounts", "accounts.csv")).toBe("orgs2.csv");
  });

  it("hands each record to the sink with its row, maps columns by the config, and notes the kind once", async () => {
    const { read } = await reader(
      { "a1.csv": "Org ID\nA\n\nB\n", "a2.csv": "Org ID\nC\n" },
      { columns: { accounts: { id: "Org ID" } } },
    );
    const seen: string[] = [];
    await read.each("accounts", "a1.csv", ids, (record, row) => seen.push(`${record.id}@${row.line}`));
    expect(await read.all("accounts", "a2.csv", ids)).toEqual([{ id: "C" }]);
    // Line 3 is empty: blank lines are passed over, so B is on line 4.
    expect(seen).toEqual(["A@2", "B@4"]);
    expect(read.supplied).toEqual(["accounts"]);
  });

  it("does not count a kind as supplied when its only file is left out whole, or there is none", async () => {
    const { read, ledger } = await reader({ "accounts.csv": "name\nAcme\n" });
    expect(await read.all("accounts", "accounts.csv", ids)).toEqual([]);
    expect(await read.all("contacts", undefined, ids)).toEqual([]);
    expect(read.supplied).toEqual([]);
    expect(ledger.summary().issues.map((i) => i.problem)).toEqual([
      expect.stringMatching(
        /^file not used, none of its 1 rows are: accounts.csv: required column "id" is missing/,
      ),
    ]);
  });
});
