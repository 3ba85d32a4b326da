import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/*
 * The sales-pack workflow's steps (scripts/ci-pack.sh, what pack.yml runs) on the two layouts
 * a repository can have: the quarter's export committed in data/, or only reports/ committed
 * with the raw exports kept private. The PDF step needs Chromium.
 */

const hasChromium = ["/usr/bin/chromium", process.env.QUARTERDECK_CHROMIUM].some((p) => p && existsSync(p));
const project = fileURLToPath(new URL("../..", import.meta.url));
const script = join(project, "scripts/ci-pack.sh");

let work: string;

/** Runs the workflow script in `root` as CI would, with `env` added. */
function runPack(root: string, env: Record<string, string> = {}) {
  const githubEnv = join(root, "github-env");
  const result = spawnSync("bash", [script], {
    cwd: root,
    encoding: "utf8",
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      QUARTERDECK_CHROMIUM: process.env.QUARTERDECK_CHROMIUM,
      QUARTERDECK: `${process.execPath} ${join(project, "bin/quarterdeck.mjs")}`,
      GITHUB_ENV: githubEnv,
      ...env,
    },
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}`, githubEnv };
}

async function snapshotFiles(root: string) {
  const files = (await readdir(join(root, "reports"), { recursive: true })).sort();
  return Promise.all(files.map(async (f) => [f, await readFile(join(root, "reports", f)).catch(() => null)]));
}

describe.skipIf(!hasChromium)("scripts/ci-pack.sh", () => {
  beforeAll(async () => {
    // Inside the project (tmp/ is ignored by git): the site is built from a repository's root.
    await mkdir(join(project, "tmp"), { recursive: true });
    work = await mkdtemp(join(project, "tmp", "ci-pack-"));
  });

  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it("validates and computes the quarter when its export is in data/, then builds and prints", async () => {
    const root = join(work, "with-export");
    await cp(join(project, "data/2026-Q3"), join(root, "data/2026-Q3"), { recursive: true });
    await cp(join(project, "reports"), join(root, "reports"), { recursive: true });
    const before = await snapshotFiles(root);
    const { code, output, githubEnv } = runPack(root);
    expect(code, output).toBe(0);
    expect(output).toContain("== 2026-Q3: validating and computing data/2026-Q3");
    expect(output).toContain("not encrypting");
    // The sample quarter is already issued with the same figures: the archive is unchanged.
    expect(await snapshotFiles(root)).toEqual(before);
    expect(await readFile(join(root, "dist/2026-q3/index.html"), "utf8")).toContain("Northwind Analytics");
    const pdf = await readFile(join(root, "dist/2026-q3/2026-Q3-sales-pack.pdf"));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(await readFile(githubEnv, "utf8")).toBe("QUARTER=2026-Q3\n");
    // Validate, compute, build and print run one after another: minutes on a busy machine.
  }, 300_000);

  it("publishes from reports/ alone when data/ has no export for the quarter, encrypted with the secret", async () => {
    const root = join(work, "reports-only");
    await cp(join(project, "reports"), join(root, "reports"), { recursive: true });
    await mkdir(join(root, "data"));
    const before = await snapshotFiles(root);
    const { code, output } = runPack(root, { QUARTERDECK_PASSPHRASE: "correct horse battery staple" });
    expect(code, output).toBe(0);
    expect(output).toContain(
      "== 2026-Q3: no export in data/2026-Q3; publishing the archive in reports/ as committed",
    );
    expect(output).not.toMatch(/validat|computing/);
    expect(output).toContain("== encrypting the site");
    expect(await snapshotFiles(root)).toEqual(before);
    const index = await readFile(join(root, "dist/index.html"), "utf8");
    expect(index).toContain('id="qd-payload"');
    expect(index).not.toContain("Northwind");
    // The PDF was printed from the plain site, then encrypted with everything else.
    const pdf = await readFile(join(root, "dist/2026-q3/2026-Q3-sales-pack.pdf"));
    expect(pdf.length).toBeGreaterThan(10_000);
    expect(pdf.includes("%PDF")).toBe(false);
  }, 300_000);

  it("says what is missing when the quarter is in neither folder", async () => {
    const root = join(work, "reports-only");
    const { code, output } = runPack(root, { QUARTER: "2030-Q1" });
    expect(code).toBe(1);
    expect(output.trim()).toBe(
      "error: 2030-Q1 is neither in data/ (an export to compute) nor in reports/ (an issued snapshot).",
    );
  });
});
