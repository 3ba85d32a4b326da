import { afterAll, describe, expect, it } from "vitest";
import {
  cleanUp,
  cli,
  computeQuarter,
  dataFolder,
  deal,
  expectAccounted,
  HEADER,
  ingest,
  issuesOf,
  tempDir,
} from "./corpus.ts";

/*
 * Values that cannot be real. Deal n of the clean export is on line n + 1; deal 6 is won
 * (n % 3 === 0), deal 7 lost, deal 8 open. Each case breaks one value of one deal and says
 * whether the row must be rejected or used with a warning.
 */

afterAll(cleanUp);

const csvWith = (n: number, overrides: Record<string, string>, count = 40) =>
  [HEADER, ...Array.from({ length: count }, (_, i) => deal(i + 1, i + 1 === n ? overrides : {}))].join("\n") +
  "\n";

interface Case {
  name: string;
  deal: number;
  overrides: Record<string, string>;
  outcome: "rejected" | "warning" | "used";
  word?: string;
}

const cases: Case[] = [
  {
    name: "a 400-digit amount",
    deal: 6,
    overrides: { amount: "9".repeat(400) },
    outcome: "rejected",
    word: "more digits",
  },
  {
    name: "a 30-digit amount",
    deal: 6,
    overrides: { amount: "1".repeat(30) },
    outcome: "rejected",
    word: "more digits",
  },
  {
    name: "a 16-digit amount",
    deal: 8,
    overrides: { amount: "1234567890123456" },
    outcome: "rejected",
    word: "more digits",
  },
  {
    name: "a 13-digit amount with cents is exact",
    deal: 8,
    overrides: { amount: "1234567890123.45" },
    outcome: "used",
  },
  {
    name: "float noise 16120999.999999998",
    deal: 6,
    overrides: { amount: "16120999.999999998" },
    outcome: "used",
  },
  {
    name: '"(-5000)" is negative twice',
    deal: 7,
    overrides: { amount: "(-5000)" },
    outcome: "rejected",
    word: "negative twice",
  },
  {
    name: '"(5000)" on a won deal is a negative won amount',
    deal: 6,
    overrides: { amount: "(5000)" },
    outcome: "rejected",
    word: "negative on a won deal",
  },
  {
    name: "-100 on a won deal",
    deal: 9,
    overrides: { amount: "-100" },
    outcome: "rejected",
    word: "negative on a won deal",
  },
  { name: "-100 on a lost deal is a credit, kept", deal: 7, overrides: { amount: "-100" }, outcome: "used" },
  {
    name: '"Infinity" as an amount',
    deal: 6,
    overrides: { amount: "Infinity" },
    outcome: "rejected",
    word: "not an amount",
  },
  {
    name: '"1e400" as an amount',
    deal: 6,
    overrides: { amount: "1e400" },
    outcome: "rejected",
    word: "not an amount",
  },
  {
    name: '"NaN" as an amount',
    deal: 6,
    overrides: { amount: "NaN" },
    outcome: "rejected",
    word: "not an amount",
  },
  {
    name: "a close date of 9999-12-31 on a won deal",
    deal: 6,
    overrides: { close_date: "9999-12-31" },
    outcome: "rejected",
    word: "more than ten years after",
  },
  {
    name: "a created date of 9999-12-31",
    deal: 8,
    overrides: { created_date: "9999-12-31" },
    outcome: "rejected",
    word: "more than ten years after",
  },
  {
    name: "a created date of 1899-12-31",
    deal: 6,
    overrides: { created_date: "1899-12-31" },
    outcome: "rejected",
    word: "before 1970",
  },
  {
    name: "a close date of 1969-12-31",
    deal: 7,
    overrides: { close_date: "1969-12-31" },
    outcome: "rejected",
    word: "before 1970",
  },
  {
    name: "a close date of 12/31/69 (read as 1969)",
    deal: 7,
    overrides: { close_date: "12/31/69" },
    outcome: "rejected",
    word: "before 1970",
  },
  {
    name: "an open deal expected to close in nine years is plausible",
    deal: 8,
    overrides: { close_date: "2035-06-30" },
    outcome: "used",
  },
  {
    name: "a close before creation",
    deal: 6,
    overrides: { created_date: "2026-09-20", close_date: "2026-07-01" },
    outcome: "warning",
    word: "before the deal was created",
  },
  { name: "a NUL inside the owner's name", deal: 6, overrides: { owner: "Ann\u0000 Lee" }, outcome: "used" },
  {
    name: "control characters in a name",
    deal: 6,
    overrides: { name: "Deal\u0007\u001b[31m six\u0008" },
    outcome: "used",
  },
];

describe("hostile values", () => {
  it.each(cases)("$name", async ({ deal: n, overrides, outcome, word }) => {
    const dir = await dataFolder({ "opportunities.csv": csvWith(n, overrides) });
    const result = await ingest(dir);
    const entry = expectAccounted(result, "opportunities.csv", 40);
    const line = n + 1;
    const rejected = issuesOf(result, "opportunities.csv", "rejected");
    const warnings = issuesOf(result, "opportunities.csv", "warning");
    if (outcome === "rejected") {
      expect(rejected).toHaveLength(1);
      expect(rejected[0]).toMatch(new RegExp(`^${line}: `));
      expect(rejected[0]).toContain(word);
      expect(result.records.opportunities.some((o) => o.id === `O${n}`)).toBe(false);
    } else {
      expect(entry.rejected).toBe(0);
      expect(result.records.opportunities.some((o) => o.id === `O${n}`)).toBe(true);
      if (outcome === "warning") expect(warnings.join("\n")).toContain(`${line}: `);
      if (word) expect(warnings.join("\n")).toContain(word);
    }
    // No figure turns infinite or null because of one row, and no day beyond reason is the as-of.
    for (const o of result.records.opportunities) {
      expect(Number.isFinite(o.amount)).toBe(true);
      for (const text of [o.owner, o.name]) expect([...text].some((c) => c.charCodeAt(0) < 32)).toBe(false);
    }
    expect(result.records.asOf).toBe("2026-09-25");
    const run = await cli("validate", "--data", dir);
    expect(run.code).toBe(0);
    if (outcome !== "used") expect(run.out).toContain(`opportunities.csv:${line}:`);
  });

  it("a NUL in an owner's name does not make a new rep", async () => {
    const dir = await dataFolder({ "opportunities.csv": csvWith(6, { owner: "Ann\u0000 Lee" }) });
    const owners = new Set((await ingest(dir)).records.opportunities.map((o) => o.owner));
    expect([...owners].sort()).toEqual(["Ann Lee", "Bo Chen"]);
  });

  it("a 400-digit amount leaves the issued headline finite, and a recompute restates nothing", async () => {
    const dir = await dataFolder({ "opportunities.csv": csvWith(6, { amount: "9".repeat(400) }) });
    const reports = await tempDir();
    const { run, snapshot } = await computeQuarter(dir, reports);
    expect(run.code).toBe(0);
    for (const key of ["bookings", "averageSellingPrice", "cashWinRate"])
      expect(snapshot.headline[key]).toEqual(expect.any(Number));
    expect(snapshot.issuedAt).toBe("2026-09-25T00:00:00.000Z");
    const again = await computeQuarter(dir, reports);
    expect(again.run.code).toBe(0);
    expect(again.run.out).toContain("reproduced exactly");
  });

  it("a close before creation is kept out of the sales cycle", async () => {
    // Deals 3, 6, 9 … 39 are won; deal 6 is made to close 81 days before it was created.
    const dir = await dataFolder({
      "opportunities.csv": csvWith(6, { created_date: "2026-09-20", close_date: "2026-07-01" }),
    });
    const { snapshot } = await computeQuarter(dir, await tempDir());
    // Won in Q3: deals 3, 9, 12, …, 39 (12 deals) plus deal 6 — which is left out of the cycle.
    expect(snapshot.headline.dealsWon).toBe(13);
    expect(snapshot.sections.salesCycle.deals).toBe(12);
  });
});
