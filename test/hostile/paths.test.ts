import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MARKER, prepareOutDir, swapIntoPlace } from "../../src/cli/outDir.ts";
import { cleanCsv, cleanUp, cli, dataFolder, expectNoStack, folderBytes, tempDir } from "./corpus.ts";

/*
 * Paths given to `build --out`: a build replaces its output folder whole, so it must refuse
 * every folder whose loss would hurt, and a failed build must leave the previous site whole.
 * None of these cases reaches Astro; the site itself is built once, in site.test.ts.
 */

afterAll(cleanUp);

const PROJECT = fileURLToPath(new URL("../..", import.meta.url));
let reports: string;
let root: string;

beforeAll(async () => {
  root = await tempDir();
  reports = join(root, "reports");
  const data = await dataFolder({ "opportunities.csv": cleanCsv() });
  expect((await cli("compute", "--data", data, "--quarter", "2026-Q3", "--out", reports)).code).toBe(0);
});

describe("build --out refuses what it must not replace", () => {
  it.each([
    { name: "the reports folder itself", out: () => reports, says: "overlaps the reports folder" },
    {
      name: "a folder inside the reports",
      out: () => join(reports, "2026-Q3", "site"),
      says: "overlaps the reports folder",
    },
    { name: "a folder holding the reports", out: () => root, says: "overlaps the reports folder" },
    {
      name: "the reports folder by a relative path with ..",
      out: () => join(reports, "2026-Q3", "..", "..", "reports"),
      says: "overlaps the reports folder",
    },
    { name: "the project folder", out: () => PROJECT, says: "overlaps the project's own files" },
    {
      name: "the project's source",
      out: () => join(PROJECT, "src"),
      says: "overlaps the project's own files",
    },
    {
      name: "a folder inside the project's source",
      out: () => join(PROJECT, "src", "pages", "out"),
      says: "overlaps the project's own files",
    },
    {
      name: "a folder holding the project",
      out: () => join(PROJECT, ".."),
      says: "overlaps the project's own files",
    },
  ])("$name", async ({ out, says }) => {
    const before = await folderBytes(reports);
    const run = await cli("build", "--reports", reports, "--out", out());
    expect(run.code).toBe(2);
    expect(run.err).toContain(says);
    expectNoStack(run.err);
    expect(await folderBytes(reports)).toEqual(before);
  });

  it("a non-empty folder that is not a previous build is left as it was", async () => {
    const out = join(await tempDir(), "mine");
    await mkdir(out);
    await writeFile(join(out, "thesis.docx"), "years of work");
    const before = await folderBytes(out);
    const run = await cli("build", "--reports", reports, "--out", out);
    expect(run.code).toBe(2);
    expect(run.err).toContain("is not a previous Quarterdeck build");
    expect(await folderBytes(out)).toEqual(before);
  });

  it("--out naming a file says so plainly", async () => {
    const file = join(await tempDir(), "site.html");
    await writeFile(file, "<p>mine</p>");
    const run = await cli("build", "--reports", reports, "--out", file);
    expect(run.code).toBe(2);
    expect(run.err).toContain("is a file, not a folder");
    expect(run.err).not.toContain("rolldown");
    expectNoStack(run.err);
  });

  it("--out under a file says so in one line", async () => {
    const file = join(await tempDir(), "plain");
    await writeFile(file, "x");
    const run = await cli("build", "--reports", reports, "--out", join(file, "site"));
    expect(run.code).toBe(1);
    expect(run.err).toContain("not a folder");
    expectNoStack(run.err);
  });

  it("a reports folder that does not exist says what to run", async () => {
    const run = await cli("build", "--reports", join(root, "nowhere"), "--out", join(root, "site"));
    expect(run.code).toBe(1);
    expect(run.err).toContain("no snapshots in the archive");
  });
});

describe("a failed build leaves the previous site whole", () => {
  it("a damaged snapshot stops the build before the old site is touched", async () => {
    const site = join(await tempDir(), "site");
    await mkdir(join(site, "2026-q3"), { recursive: true });
    await writeFile(join(site, MARKER), "");
    await writeFile(join(site, "index.html"), "<p>previous</p>");
    await writeFile(join(site, "2026-q3", "index.html"), "<p>previous quarter</p>");
    const damaged = join(await tempDir(), "reports");
    await mkdir(join(damaged, "2026-Q3"), { recursive: true });
    await writeFile(join(damaged, "2026-Q3", "snapshot.json"), "{}");
    const before = await folderBytes(site);
    const run = await cli("build", "--reports", damaged, "--out", site);
    expect(run.code).toBe(1);
    expect(await folderBytes(site)).toEqual(before);
    expect((await readdir(join(site, ".."))).sort()).toEqual(["site"]); // no staging left
  });

  it("a build that fails while rendering leaves the old site, and one that succeeds replaces it", async () => {
    const parent = await tempDir();
    const site = join(parent, "site");
    await mkdir(site);
    await writeFile(join(site, MARKER), "");
    await writeFile(join(site, "index.html"), "<p>previous</p>");
    const before = await folderBytes(site);
    const failing = await prepareOutDir(site, { reports, project: PROJECT });
    await writeFile(join(failing.staging, "index.html"), "<p>half</p>"); // a render that then fails
    const { discardStaging } = await import("../../src/cli/outDir.ts");
    await discardStaging(failing);
    expect(await folderBytes(site)).toEqual(before);
    const next = await prepareOutDir(site, { reports, project: PROJECT });
    await writeFile(join(next.staging, "index.html"), "<p>new</p>");
    await swapIntoPlace(next);
    expect(Object.keys(await folderBytes(site)).sort()).toEqual([`/${MARKER}`, "/index.html"]);
    expect((await readdir(parent)).sort()).toEqual(["site"]);
  });

  it("a site built before builds were marked (home page and quarter folders only) may be replaced", async () => {
    const parent = await tempDir();
    const site = join(parent, "dist");
    await mkdir(join(site, "2026-q3"), { recursive: true });
    await writeFile(join(site, "index.html"), "<p>old</p>");
    await swapIntoPlace(await prepareOutDir(site, { reports, project: PROJECT }));
    expect(await readdir(site)).toEqual([MARKER]);
    await writeFile(join(site, "index.html"), "");
    await writeFile(join(site, "notes.txt"), "mine");
    await rm(join(site, MARKER));
    await expect(prepareOutDir(site, { reports, project: PROJECT })).rejects.toThrow(
      "not a previous Quarterdeck build",
    );
  });

  it("an empty folder and a folder that does not exist yet are fine", async () => {
    const parent = await tempDir();
    await mkdir(join(parent, "empty"));
    for (const out of [join(parent, "empty"), join(parent, "new", "deeper")]) {
      const target = await prepareOutDir(out, { reports, project: PROJECT });
      await swapIntoPlace(target);
      expect(await readdir(out)).toEqual([MARKER]);
    }
  });
});
