import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../src/config/configSchema.ts";
import { accountsSpec } from "../../src/ingest/canonical/accounts.ts";
import { opportunitiesSpec } from "../../src/ingest/canonical/opportunities.ts";
import type { TableSpec } from "../../src/ingest/readTable.ts";
import { rejectDuplicateIds } from "../../src/ingest/uniqueIds.ts";
import { Dictionary } from "../../src/model/dictionary.ts";
import type { Account, Day, Opportunity } from "../../src/model/records.ts";
import { openByHand } from "./readByHand.ts";

/*
 * Plain deals are read from their bytes; every other row by the spec's `build`. The fixture
 * mixes both: a time of day late in the evening (another day in New York), a euro deal, a
 * percentage, empty flags, yes/no flags, "-0", a lower-case currency; and rows `build` must
 * see: an open deal without a close date, an empty amount, an unknown type, a close before
 * the created day, a negative win, won but open, a repeated id, "$1200", an owner to trim,
 * a currency without a rate, an unknown forecast category, a probability of 150, no created
 * day, three decimals, an impossible day, a one-digit month, a far close date, a bad flag, a
 * row too wide, and (last) a quoted name. Read either way, the deals and the ledger are the same.
 */

const dir = fileURLToPath(new URL("../fixtures/ingest/opportunities-awkward", import.meta.url));
const config = ConfigSchema.parse({ timeZone: "America/New_York", rates: { EUR: 1.1 } });

async function read(plain: boolean, latestDay: Day | null = null) {
  const { ledger, folder, cells, context } = await openByHand(dir, config, latestDay);
  const accounts: Account[] = [];
  await folder.read("accounts.csv", accountsSpec(context), (a) => accounts.push(a));
  const { plain: reader, ...generic } = opportunitiesSpec(context, new Map(accounts.map((a) => [a.id, a])));
  const spec: TableSpec<Opportunity> = generic;
  let fromBytes = 0;
  if (plain) {
    expect(reader).toBeDefined();
    spec.plain = (columns, count) => {
      const readLine = reader!(columns, count);
      return (...line) => {
        const deal = readLine(...line);
        if (deal !== undefined) fromBytes++;
        return deal;
      };
    };
  }
  const ids = new Dictionary();
  const deals: Opportunity[] = [];
  await folder.read("opportunities.csv", rejectDuplicateIds(spec, ids), (o) => deals.push(o));
  return { result: { deals, ledger: ledger.summary(), maxDay: cells.maxDay }, fromBytes, ids };
}

describe("reading deals from their bytes", () => {
  it("gives the same deals and ledger as reading every row as text", async () => {
    const { result: text } = await read(false);
    const { result: bytes, fromBytes, ids } = await read(true);
    expect(bytes).toEqual(text);
    // Plain: O1, O2, O16, O17, O21, O22 (the repeated O1 is read, then left to `build`).
    expect(fromBytes).toBe(7);
    // The duplicate-id check keeps each kept deal's id at its position.
    expect(ids.texts).toEqual(bytes.deals.map((o) => o.id));
    const byId = new Map(text.deals.map((o) => [o.id, o]));
    // 2,000.50 EUR at 1.1; created at 23:30 UTC, which is still the 10th in New York.
    expect(byId.get("O2")).toMatchObject({
      amount: 2200.55,
      amountOriginal: 2000.5,
      currency: "EUR",
      createdDate: "2026-01-10",
      probability: 0.1,
      forecastCategory: "omitted",
      segment: "Mid-Market",
      type: "new",
    });
    expect(byId.get("O1")).toMatchObject({ segment: "Enterprise", probability: 0.9, name: "Acme renewal" });
    expect(byId.get("O16")).toMatchObject({ isClosed: true, isWon: false, lossReason: "Timing" });
    expect(byId.get("O17")).toMatchObject({ amount: 0, currency: "USD", accountId: null, segment: null });
    expect(byId.get("O21")).toMatchObject({ isClosed: false, currency: "USD", createdDate: "2026-01-31" });
    // The repeated id is reported by `build` with the line of the first.
    expect(text.ledger.issues.find((i) => i.line === 10)).toMatchObject({
      severity: "rejected",
      problem: 'duplicate id "O1" (first on line 2)',
    });
  });

  it("agrees with the latest plausible day", async () => {
    const { result: text } = await read(false, "2030-01-01");
    const { result: bytes, fromBytes } = await read(true, "2030-01-01");
    expect(bytes).toEqual(text);
    // O22's close is past the bound: it is left to `build`, which rejects it.
    expect(fromBytes).toBe(6);
    expect(text.deals.map((o) => o.id)).not.toContain("O22");
  });
});
