import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigSchema } from "../../src/config/configSchema.ts";
import { ingestFolder } from "../../src/ingest/ingestFolder.ts";
import { readSnapshot } from "../../src/snapshot/archive.ts";
import type { Snapshot } from "../../src/snapshot/snapshot.ts";
import { runQuiet } from "../site/buildSite.ts";

const run = promisify(execFile);
const cli = fileURLToPath(new URL("../../bin/quarterdeck.mjs", import.meta.url));

/*
 * Each public export in ../shared/datasets, taken through compute and build as a new user
 * would (no config), must give a pack in which every figure is right or says it is missing:
 * no negative durations, no −100% forecast error made of absent inputs, no closed stage in
 * open pipeline, no "(none)" leading a sentence or a title, no null headline figure without
 * its reason. Skipped where the datasets are not beside the project.
 */

const shared = fileURLToPath(new URL("../../../shared/datasets/", import.meta.url));
const DATASETS = [
  { name: "salesforce-sample", quarter: "2024-Q1" },
  { name: "salesforce-demo-org", quarter: "2023-Q4" },
  { name: "hubspot-synthetic", quarter: "2025-Q1" },
];
const cleanup: string[] = [];
afterAll(async () => {
  for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
});

/** The visible text of a built page, tags and inline styles removed. */
function pageText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ");
}

describe.skipIf(!existsSync(shared))("the public exports, computed and built as a new user would", () => {
  for (const { name, quarter } of DATASETS) {
    it(`${name} ${quarter}: every figure right or absent with its reason`, async () => {
      const data = join(shared, name);
      const reports = await mkdtemp(join(tmpdir(), "quarterdeck-dataset-"));
      cleanup.push(reports);
      await runQuiet(["compute", "--data", data, "--quarter", quarter, "--out", reports]);
      const snapshot: Snapshot = await readSnapshot(join(reports, quarter, "snapshot.json"));
      const { headline, sections, unavailable } = snapshot;

      // Null only with a reason; never infinite.
      for (const [key, value] of Object.entries(headline)) {
        if (value === null) expect(unavailable[`headline.${key}`], key).toBeTypeOf("string");
        else expect(Number.isFinite(value), key).toBe(true);
      }
      // Durations are never negative.
      expect(headline.salesCycleDaysMedian ?? 0).toBeGreaterThanOrEqual(0);
      for (const g of sections.salesCycle.bySegment) expect(g.medianDays ?? 0).toBeGreaterThanOrEqual(0);
      for (const d of sections.salesCycle.stageDurations) expect(d.medianDays ?? 0).toBeGreaterThanOrEqual(0);
      // A forecast error of exactly −100% means a forecast of nothing: an absent input, not a miss.
      for (const t of sections.forecast.trend) expect(t.error.share).not.toBe(-1);
      // No stage that any deal closed in is listed as open pipeline.
      const { records } = await ingestFolder(data, ConfigSchema.parse({}));
      const closedStages = new Set(
        [...records.opportunities, ...records.history].filter((r) => r.isClosed).map((r) => r.stage),
      );
      for (const g of sections.pipeline.openByStage ?? []) expect(closedStages.has(g.key), g.key).toBe(false);
      // A part is never larger than its whole.
      if (sections.pipeline.created && headline.openPipeline !== null)
        expect(sections.pipeline.created.stillOpen).toBeLessThanOrEqual(headline.openPipeline);

      // A process of its own per build, as a user runs it (Astro keeps module state per process).
      const site = await mkdtemp(join(tmpdir(), "quarterdeck-dataset-site-"));
      cleanup.push(site);
      await run(process.execPath, [cli, "build", "--reports", reports, "--out", site]);
      const text = pageText(await readFile(join(site, quarter.toLowerCase(), "index.html"), "utf8"));
      // Placeholders never win a comparison.
      expect(text).not.toMatch(/\((none|no owner)\) (led|has|have|was|were|share)\b/);
      expect(text).not.toMatch(/against \((none|no owner)\)/);
      expect(text).not.toMatch(/-\d+(\.\d)? days/);
      expect(text).not.toMatch(/−100(\.0)?%/);
      // Every reason recorded is shown somewhere on the page.
      for (const reason of new Set(Object.values(unavailable)))
        expect(text.includes(reason.replace(/'/g, "'")), reason).toBe(true);
    }, 120_000);
  }
});
