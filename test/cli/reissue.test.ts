import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { buildSite } from "../site/buildSite.ts";

/*
 * An issued quarter never changes silently: a recompute with different figures is refused
 * with the list of what would change, and only --reissue writes version 2, keeping version 1.
 */

const fixture = fileURLToPath(new URL("../fixtures/cli/under-threshold", import.meta.url));
let work: string;

async function run(...argv: string[]) {
  const lines: string[] = [];
  const code = await main(argv, {
    info: (l) => lines.push(l),
    warn: (l) => lines.push(l),
    progress: () => {},
    env: {},
  });
  return { code, output: lines.join("\n") };
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "quarterdeck-reissue-"));
  await cp(fixture, join(work, "data"), { recursive: true });
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("reissuing a quarter", () => {
  it("refuses changed figures, then issues version 2 with the restatements and keeps version 1", async () => {
    const data = join(work, "data");
    const reports = join(work, "reports");
    expect((await run("compute", "--data", data, "--quarter", "2026-Q3", "--out", reports)).code).toBe(0);
    const v1 = await readFile(join(reports, "2026-Q3", "v1.json"));

    // A correction: deal O3 (won, 3,000) was really 4,000.
    const path = join(data, "opportunities.csv");
    const csv = await readFile(path, "utf8");
    await writeFile(
      path,
      csv.replace(
        "O3,A3,Deal 3,Ann Lee,Platform,new,Closed Won,3000,",
        "O3,A3,Deal 3,Ann Lee,Platform,new,Closed Won,4000,",
      ),
    );

    const refused = await run("compute", "--data", data, "--quarter", "2026-Q3", "--out", reports);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain("2026-Q3 version 1 is already issued and these figures would change:");
    expect(refused.output).toMatch(/headline\.bookings: \d+ → \d+/);
    expect(refused.output).toContain('run again with --reissue "why"');
    expect(await readFile(join(reports, "2026-Q3", "snapshot.json"))).toEqual(v1);

    const reissued = await run(
      "compute",
      "--data",
      data,
      "--quarter",
      "2026-Q3",
      "--out",
      reports,
      "--reissue",
      "O3 amount corrected",
    );
    expect(reissued.code).toBe(0);
    const latest = JSON.parse(await readFile(join(reports, "2026-Q3", "snapshot.json"), "utf8"));
    expect(latest.version).toBe(2);
    expect(latest.revisions).toHaveLength(1);
    expect(latest.revisions[0].reason).toBe("O3 amount corrected");
    const bookings = latest.revisions[0].restated.find(
      (r: { figure: string }) => r.figure === "headline.bookings",
    );
    expect(bookings.new - bookings.old).toBe(1_000);
    expect(await readFile(join(reports, "2026-Q3", "v1.json"))).toEqual(v1);

    // The same data again reproduces version 2: nothing is written.
    expect((await run("compute", "--data", data, "--quarter", "2026-Q3", "--out", reports)).output).toContain(
      "version 2 reproduced exactly",
    );

    // The site shows the revision on the quarter's page and keeps version 1 at its own URL.
    const site = await buildSite(reports);
    const page = await readFile(join(site, "2026-q3", "index.html"), "utf8");
    expect(page).toContain("O3 amount corrected");
    expect(page).toContain('href="../2026-q3/v1/index.html"');
    const old = await readFile(join(site, "2026-q3", "v1", "index.html"), "utf8");
    expect(old).toContain("Superseded");
    expect(await readFile(join(site, "2026-q3", "v1", "snapshot.json"))).toEqual(v1);
    await rm(site, { recursive: true, force: true });
  });
});
