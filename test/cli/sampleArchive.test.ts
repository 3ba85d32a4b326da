import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";

/*
 * `npm run build` recomputes every archived sample quarter from the bundled export and
 * refuses to build if any figure would change. Every file the archive was computed from
 * (CSVs, commentary, interview notes) must therefore be committed: this test recomputes
 * each archived quarter from a clean checkout's data/ into a copy of reports/.
 */

const root = fileURLToPath(new URL("../..", import.meta.url));
let reports: string;

beforeAll(async () => {
  reports = await mkdtemp(join(tmpdir(), "quarterdeck-sample-"));
  await cp(join(root, "reports"), reports, { recursive: true });
});
afterAll(async () => {
  await rm(reports, { recursive: true, force: true });
});

describe("the bundled sample company", () => {
  it("reproduces every archived quarter from data/2026-Q3 exactly", async () => {
    const quarters = (await readdir(reports)).filter((name) => /^\d{4}-Q[1-4]$/.test(name)).sort();
    expect(quarters.length).toBeGreaterThanOrEqual(8);
    for (const quarter of quarters) {
      const lines: string[] = [];
      const code = await main(
        ["compute", "--data", join(root, "data/2026-Q3"), "--quarter", quarter, "--out", reports],
        {
          info: (line) => lines.push(line),
          warn: (line) => lines.push(line),
          progress: () => {},
          env: {},
        },
      );
      expect({ quarter, code, last: lines.at(-1) }).toMatchObject({ quarter, code: 0 });
      expect(lines.at(-1)).toContain("reproduced exactly");
    }
  }, 120_000);
});
