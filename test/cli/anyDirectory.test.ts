import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";

// An ops lead keeps the exports and the archive in their own repository and runs the
// installed command there: every command runs as a real process whose working directory is
// a folder outside the project, and is given paths relative to that folder.

const BIN = fileURLToPath(new URL("../../bin/quarterdeck.mjs", import.meta.url));
const DATA = fileURLToPath(new URL("../fixtures/cli/under-threshold", import.meta.url));
const hasChromium = ["/usr/bin/chromium", process.env.QUARTERDECK_CHROMIUM].some((p) => p && existsSync(p));

let folder: string;

/** Runs `quarterdeck ...argv` in `folder`; resolves with the exit code and both streams. */
async function quarterdeck(...argv: string[]) {
  return quarterdeckWith({}, ...argv);
}

async function quarterdeckWith(env: Record<string, string>, ...argv: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...argv], {
      cwd: folder,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "quarterdeck-elsewhere-"));
  await cp(DATA, join(folder, "exports"), { recursive: true });
  // Vitest runs what beforeAll returns once the file's tests are done.
  return () => rm(folder, { recursive: true, force: true });
});

describe("every command, run from a folder outside the project", () => {
  it("init writes the proposed config into that folder", async () => {
    const run = await quarterdeck("init", "--data", "exports", "--out", "proposed.json");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`wrote ${join(folder, "proposed.json")}`);
    expect(JSON.parse(await readFile(join(folder, "proposed.json"), "utf8"))).toHaveProperty("columns");
  });

  it("validate reads the exports named relative to that folder", async () => {
    const run = await quarterdeck("validate", "--data", "exports");
    expect(run.stderr).not.toContain("error:");
    expect(run.code).toBe(0);
  });

  it("compute writes the snapshot into that folder", async () => {
    const run = await quarterdeck("compute", "--data", "exports", "--quarter", "2026-Q3", "--out", "reports");
    expect(run.stderr).not.toContain("error:");
    expect(run.code).toBe(0);
    const snapshot = JSON.parse(await readFile(join(folder, "reports/2026-Q3/snapshot.json"), "utf8"));
    expect(snapshot.quarter).toBe("2026-Q3");
  });

  it("build renders the site of that archive into that folder", async () => {
    const run = await quarterdeck("build", "--reports", "reports", "--out", "site");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const page = await readFile(join(folder, "site/2026-q3/index.html"), "utf8");
    expect(page.includes('<footer class="site-footer"><p>Fixture Co · Q3 2026')).toBe(true);
    // Astro's server code is written and removed inside the project, never in the user's folder.
    expect(existsSync(join(folder, ".astro"))).toBe(false);
    expect(existsSync(join(folder, "site/.prerender"))).toBe(false);
  });

  it.skipIf(!hasChromium)("pdf prints the built page into that folder", async () => {
    const run = await quarterdeck("pdf", "--reports", "reports", "--site", "site", "--out", "pack.pdf");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const pdf = await readFile(join(folder, "pack.pdf"));
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it("encrypt seals the site built in that folder", async () => {
    const passphrase = { QUARTERDECK_PASSPHRASE: "correct horse battery staple" };
    const run = await quarterdeckWith(passphrase, "encrypt", "--site", "site");
    expect(run.code).toBe(0);
    const page = await readFile(join(folder, "site/index.html"), "utf8");
    expect(page.includes("Fixture Co")).toBe(false);
  });
});
