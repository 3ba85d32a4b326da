import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Effects } from "../../src/cli/effects.ts";
import { main } from "../../src/cli/main.ts";

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

/** Runs the command line with captured output, as a user would from a terminal. */
async function run(...argv: string[]) {
  return runWith({}, ...argv);
}

async function runWith(env: Record<string, string>, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const effects: Effects = {
    info: (line) => out.push(line),
    warn: (line) => err.push(line),
    progress: () => {},
    env,
  };
  const code = await main(argv, effects);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

let reports: string;

/** Computes 2026-Q3 from a data folder into this test's reports folder. */
const computeQ3 = (data: string) => run("compute", "--data", data, "--quarter", "2026-Q3", "--out", reports);
beforeEach(async () => {
  reports = await mkdtemp(join(tmpdir(), "quarterdeck-"));
});
afterEach(async () => {
  await rm(reports, { recursive: true, force: true });
});

describe("quarterdeck compute", () => {
  it("writes a snapshot with every headline key, and computing again changes no byte", async () => {
    const data = fixture("cli/under-threshold");
    const first = await run("compute", "--data", data, "--quarter", "2026-Q3", "--out", reports);
    expect(first.code).toBe(0);
    const path = join(reports, "2026-Q3", "snapshot.json");
    const bytes = await readFile(path);
    const snapshot = JSON.parse(bytes.toString("utf8"));
    expect(Object.keys(snapshot.headline).sort()).toEqual(
      [
        "averageSellingPrice",
        "bookings",
        "cashWinRate",
        "competitiveWinRate",
        "dealsLost",
        "dealsNoDecision",
        "dealsWon",
        "newLogos",
        "openPipeline",
        "pipelineCreated",
        "pipelineGrowthQoQ",
        "pipelineGrowthYoY",
        "salesCycleDaysMedian",
        "winRate",
        // SPEC §5's plan keys, null with a reason when targets.csv gives no plan.
        "bookingsPlan",
        "attainment",
        "nextQuarterPlan",
        "nextQuarterPipeline",
        "nextQuarterCoverage",
        "noDecisionRate",
        "slipRate",
        "dealConcentration",
        "salesVelocity",
      ].sort(),
    );
    expect(snapshot).toMatchObject({
      schemaVersion: 1,
      quarter: "2026-Q3",
      period: { start: "2026-07-01", end: "2026-09-30" },
      version: 1,
      issuedAt: `${snapshot.asOf}T00:00:00.000Z`,
    });
    // The bad row is under the 5% threshold: the run succeeds and the ledger names its line.
    expect(snapshot.manifest.ledger.files).toContainEqual(
      expect.objectContaining({ file: "opportunities.csv", read: 25, used: 24, rejected: 1 }),
    );
    expect(snapshot.manifest.ledger.issues).toEqual([
      expect.objectContaining({
        file: "opportunities.csv",
        line: 26,
        column: "created_date",
        severity: "rejected",
      }),
    ]);

    const second = await run("compute", "--data", data, "--quarter", "2026-Q3", "--out", reports);
    expect(second.code).toBe(0);
    expect(second.out).toContain("reproduced exactly");
    expect(await readFile(path)).toEqual(bytes);
    const again = await mkdtemp(join(tmpdir(), "quarterdeck-"));
    await run("compute", "--data", data, "--quarter", "2026-Q3", "--out", again);
    expect(await readFile(join(again, "2026-Q3", "snapshot.json"))).toEqual(bytes);
    await rm(again, { recursive: true, force: true });
  });

  it("stamps issuedAt from SOURCE_DATE_EPOCH when set, never from the clock", async () => {
    const result = await runWith(
      { SOURCE_DATE_EPOCH: "1790000000" },
      "compute",
      "--data",
      fixture("cli/under-threshold"),
      "--quarter",
      "2026-Q3",
      "--out",
      reports,
    );
    expect(result.code).toBe(0);
    const snapshot = JSON.parse(await readFile(join(reports, "2026-Q3", "snapshot.json"), "utf8"));
    expect(snapshot.issuedAt).toBe("2026-09-21T14:13:20.000Z");
  });

  it("exits 1 naming the file and column when a required column is missing", async () => {
    const result = await computeQ3(fixture("ingest/missing-column"));
    expect(result.code).toBe(1);
    expect(result.err).toContain('opportunities.csv: required column "close_date" is missing');
    expect(result.err).not.toContain("    at ");
  });

  it("exits 1 and writes nothing when too many rows are rejected", async () => {
    const result = await computeQ3(fixture("ingest/basic"));
    expect(result.code).toBe(1);
    expect(result.err).toContain("opportunities.csv: 5 of 8 rows rejected, more than the 5% allowed");
    expect(result.out).toContain("opportunities.csv:9: amount: has no exchange rate from JPY to USD");
  });

  it("exits 2 on usage errors", async () => {
    expect((await run("compute", "--data", "x")).code).toBe(2);
    expect((await run("compute", "--data", "x", "--quarter", "2026-Q5")).code).toBe(2);
    expect((await run("frobnicate")).code).toBe(2);
  });

  it("exits 1 with a clear message for a data folder that does not exist", async () => {
    const result = await run(
      "compute",
      "--data",
      "/nonexistent/folder",
      "--quarter",
      "2026-Q3",
      "--out",
      reports,
    );
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/no such data folder/);
  });
});

describe("one company per archive", () => {
  it("says which config it used, and refuses another company's quarter without suggesting --reissue", async () => {
    const data = fixture("cli/under-threshold");
    const first = await run("compute", "--data", data, "--quarter", "2026-Q3", "--out", reports);
    expect(first.out.split("\n")[0]).toBe(
      `config: ${join(data, "quarterdeck.config.json")} (company "Fixture Co", currency USD)`,
    );
    // The same export under another company's name may not join this archive.
    const other = join(reports, "other-company");
    await cp(data, other, { recursive: true });
    await writeFile(join(other, "quarterdeck.config.json"), '{ "company": "Other Co" }');
    const second = await run("compute", "--data", other, "--quarter", "2026-Q3", "--out", reports);
    expect(second.code).toBe(1);
    expect(second.out.split("\n")[0]).toContain('(company "Other Co", currency USD)');
    expect(second.err).toContain(`holds the archive of "Fixture Co"`);
    expect(second.err).toContain("--out");
    expect(second.err).not.toContain("--reissue");
  });
});
