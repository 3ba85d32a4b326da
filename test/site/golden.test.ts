import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectGolden } from "../expectGolden.ts";
import { buildSite, runQuiet } from "./buildSite.ts";

/*
 * Golden pages: the site built from a small fixture archive is compared with the files under
 * test/output/site/. A mismatch writes <name>-changed.html beside the golden for review; CI
 * never writes goldens.
 */

const data = fileURLToPath(new URL("../fixtures/cli/under-threshold", import.meta.url));
const goldens = fileURLToPath(new URL("../output/site/", import.meta.url));
let reports: string;
let site: string;

beforeAll(async () => {
  reports = await mkdtemp(join(tmpdir(), "quarterdeck-reports-"));
  for (const quarter of ["2026-Q2", "2026-Q3"]) {
    await runQuiet(["compute", "--data", data, "--quarter", quarter, "--out", reports]);
  }
  site = await buildSite(reports);
});

afterAll(async () => {
  await rm(reports, { recursive: true, force: true });
  await rm(site, { recursive: true, force: true });
});

/** One tag per line, so a golden's diff shows what changed. */
function normalize(html: string): string {
  return `${html.replace(/>\s*</g, ">\n<").trim()}\n`;
}

/** The built page `page` against the golden `golden`. */
async function expectPage(page: string, golden: string): Promise<void> {
  await expectGolden(normalize(await readFile(join(site, page), "utf8")), join(goldens, golden));
}

describe("the site built from a fixture archive", () => {
  it("matches the golden archive home", async () => {
    await expectPage("index.html", "index.html");
  });

  it("matches the golden quarter page", async () => {
    await expectPage("2026-q3/index.html", "quarter.html");
  });

  it("serves each quarter's snapshot byte for byte and its tables as CSV", async () => {
    const served = await readFile(join(site, "2026-q3", "snapshot.json"));
    expect(served).toEqual(await readFile(join(reports, "2026-Q3", "snapshot.json")));
    const headline = await readFile(join(site, "2026-q3", "headline.csv"), "utf8");
    expect(headline.split("\n")[0]).toBe("figure,value");
    expect(headline).toContain("dealsWon,");
  });

  it("builds byte-identical trees from the same archive", async () => {
    const again = await buildSite(reports);
    expect(await treeHashes(again)).toEqual(await treeHashes(site));
    await rm(again, { recursive: true, force: true });
  });
});

async function treeHashes(root: string): Promise<Record<string, string>> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const hashes: Record<string, string> = {};
  for (const entry of entries.filter((e) => e.isFile())) {
    const path = join(entry.parentPath, entry.name);
    hashes[relative(root, path)] = createHash("sha256")
      .update(await readFile(path))
      .digest("hex");
  }
  return Object.fromEntries(Object.entries(hashes).sort(([a], [b]) => a.localeCompare(b)));
}
