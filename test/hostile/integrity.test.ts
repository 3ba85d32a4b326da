import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cleanCsv,
  cleanUp,
  cli,
  dataFolder,
  deal,
  expectNoStack,
  folderBytes,
  HEADER,
  tempDir,
} from "./corpus.ts";

/*
 * The archive's integrity: what an interrupted write, a full disk, concurrent runs or a
 * damaged file leave behind, and what the next run makes of it. Issued bytes never change.
 */

afterAll(cleanUp);

const BIN = fileURLToPath(new URL("../../bin/quarterdeck.mjs", import.meta.url));
let data: string;
let changed: string;
/** v1.json of the clean export, as a clean run writes it. */
let issued: Buffer;

beforeAll(async () => {
  data = await dataFolder({ "opportunities.csv": cleanCsv(30) });
  changed = await dataFolder({
    "opportunities.csv":
      [HEADER, ...Array.from({ length: 30 }, (_, i) => deal(i + 1, i === 2 ? { amount: "3500" } : {}))].join(
        "\n",
      ) + "\n",
  });
  const reports = await tempDir();
  expect((await cli("compute", "--data", data, "--quarter", "2026-Q3", "--out", reports)).code).toBe(0);
  issued = await readFile(join(reports, "2026-Q3", "v1.json"));
});

/** A reports folder whose 2026-Q3 holds `files` (name → bytes, or "v1" for the issued version). */
async function archiveWith(
  files: Record<string, string | Buffer>,
): Promise<{ reports: string; quarter: string }> {
  const reports = await tempDir();
  const quarter = join(reports, "2026-Q3");
  await mkdir(quarter, { recursive: true });
  for (const [name, bytes] of Object.entries(files))
    await writeFile(join(quarter, name), bytes === "v1" ? issued : bytes);
  return { reports, quarter };
}

const compute = (reports: string, folder = data, ...extra: string[]) =>
  cli("compute", "--data", folder, "--quarter", "2026-Q3", "--out", reports, ...extra);

describe("recovering from interrupted writes", () => {
  it.each([
    { name: "an empty v1.json and no snapshot.json", files: { "v1.json": "" } },
    { name: "an empty v1.json and an empty snapshot.json", files: { "v1.json": "", "snapshot.json": "" } },
    { name: "an empty snapshot.json alone", files: { "snapshot.json": "" } },
    {
      name: "a temporary file left by a killed run",
      files: { ".v1.json.tmp-99999": '{"schemaVersion": 1, "qua' },
    },
  ])("$name: the next compute issues v1 and says what it found", async ({ files }) => {
    const { reports, quarter } = await archiveWith(files);
    const run = await compute(reports);
    expect(run.code).toBe(0);
    expect(run.out).toContain("issued 2026-Q3 version 1");
    expect(run.err).toMatch(/interrupted/);
    expect(await readFile(join(quarter, "v1.json"))).toEqual(issued);
    expect(await readFile(join(quarter, "snapshot.json"))).toEqual(issued);
    expect((await readdir(quarter)).sort()).toEqual(["snapshot.json", "v1.json"]);
  });

  it("an empty snapshot.json beside a good v1.json: v1 stands and the copy is restored", async () => {
    const { reports, quarter } = await archiveWith({ "v1.json": "v1", "snapshot.json": "" });
    const run = await compute(reports);
    expect(run.code).toBe(0);
    expect(run.out).toContain("version 1 reproduced exactly");
    expect(await readFile(join(quarter, "snapshot.json"))).toEqual(issued);
  });

  it("a run stopped between writing v2.json and its copy: snapshot.json catches up", async () => {
    const { reports, quarter } = await archiveWith({ "v1.json": "v1", "snapshot.json": "v1" });
    expect((await compute(reports, changed, "--reissue", "deal 3 corrected")).code).toBe(0);
    const v2 = await readFile(join(quarter, "v2.json"));
    await writeFile(join(quarter, "snapshot.json"), issued); // as if the copy had not been written
    const run = await compute(reports, changed);
    expect(run.code).toBe(0);
    expect(run.out).toContain("version 2 reproduced exactly");
    expect(await readFile(join(quarter, "snapshot.json"))).toEqual(v2);
  });

  it("a lock left by a killed run is taken over", async () => {
    const { reports } = await archiveWith({ ".lock": "999999" });
    const run = await compute(reports);
    expect(run.code).toBe(0);
    expect(run.out).toContain("issued 2026-Q3 version 1");
  });
});

describe("damaged snapshots stop compute and build with the file's name", () => {
  const half = () => issued.subarray(0, Math.floor(issued.length / 2));
  const withVersion = (v: number) => JSON.stringify({ ...JSON.parse(issued.toString()), schemaVersion: v });
  const withBookings = (b: unknown) => {
    const s = JSON.parse(issued.toString());
    s.headline.bookings = b;
    return JSON.stringify(s);
  };
  it.each([
    {
      name: "a truncated snapshot.json (disk full before atomic writes)",
      file: "snapshot.json",
      bytes: half,
      says: "not complete JSON",
    },
    { name: "{}", file: "snapshot.json", bytes: () => "{}", says: "not a snapshot" },
    { name: "[]", file: "snapshot.json", bytes: () => "[]", says: "not a snapshot" },
    { name: "null", file: "snapshot.json", bytes: () => "null", says: "not a snapshot" },
    {
      name: "a future schemaVersion",
      file: "snapshot.json",
      bytes: () => withVersion(99),
      says: "newer Quarterdeck",
    },
    {
      name: "bookings as text",
      file: "snapshot.json",
      bytes: () => withBookings("10M"),
      says: "headline.bookings",
    },
    {
      name: "an extra top-level field",
      file: "snapshot.json",
      bytes: () => JSON.stringify({ ...JSON.parse(issued.toString()), evil: 1 }),
      says: "evil",
    },
    {
      name: "a damaged v1.json beside a good snapshot.json",
      file: "v1.json",
      bytes: () => "garbage",
      says: "not complete JSON",
    },
  ])("$name", async ({ file, bytes, says }) => {
    const files: Record<string, string | Buffer> = { "v1.json": "v1", "snapshot.json": "v1" };
    files[file] = bytes();
    const { reports, quarter } = await archiveWith(files);
    const before = await folderBytes(reports);
    const computed = await compute(reports);
    expect(computed.code).toBe(1);
    expect(computed.err).toContain(join(quarter, file));
    expect(computed.err).toContain(says);
    expectNoStack(computed.err);
    const site = await tempDir();
    const built = await cli("build", "--reports", reports, "--out", join(site, "out"));
    expect(built.code).toBe(1);
    expect(built.err).toContain(join(quarter, file));
    expectNoStack(built.err);
    expect(await folderBytes(reports)).toEqual(before);
    expect(existsSync(join(site, "out"))).toBe(false);
  });
});

describe("concurrent runs", () => {
  it("three computes of one quarter in one process issue v1 once", async () => {
    const reports = await tempDir();
    const runs = await Promise.all([compute(reports), compute(reports), compute(reports)]);
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
    expect(runs.filter((r) => r.out.includes("issued 2026-Q3 version 1"))).toHaveLength(1);
    expect((await readdir(join(reports, "2026-Q3"))).sort()).toEqual(["snapshot.json", "v1.json"]);
    expect(await readFile(join(reports, "2026-Q3", "v1.json"))).toEqual(issued);
  });

  it("three compute processes of one quarter issue v1 once", async () => {
    const reports = await tempDir();
    const codes = await Promise.all(
      [0, 1, 2].map(
        () =>
          new Promise<number>((resolve) => {
            const child = spawn(
              process.execPath,
              [BIN, "compute", "--data", data, "--quarter", "2026-Q3", "--out", reports],
              { stdio: "ignore" },
            );
            child.on("exit", (code) => resolve(code ?? -1));
          }),
      ),
    );
    expect(codes).toEqual([0, 0, 0]);
    expect((await readdir(join(reports, "2026-Q3"))).sort()).toEqual(["snapshot.json", "v1.json"]);
    expect(await readFile(join(reports, "2026-Q3", "v1.json"))).toEqual(issued);
  });

  it("kill -9 at any moment leaves no version but a whole one, and the next run recovers", async () => {
    const reports = await tempDir();
    for (const delay of [50, 150, 250, 350, 450, 600]) {
      const child = spawn(
        process.execPath,
        [BIN, "compute", "--data", data, "--quarter", "2026-Q3", "--out", reports],
        { stdio: "ignore" },
      );
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill("SIGKILL");
      await new Promise((resolve) => child.on("exit", resolve));
      const quarter = join(reports, "2026-Q3");
      for (const file of existsSync(quarter) ? await readdir(quarter) : []) {
        if (/^v\d+\.json$|^snapshot\.json$/.test(file))
          expect(await readFile(join(quarter, file))).toEqual(issued);
      }
    }
    const run = await compute(reports);
    expect(run.code).toBe(0);
    expect(await readFile(join(reports, "2026-Q3", "snapshot.json"))).toEqual(issued);
  });
});

describe("system errors", () => {
  it("a reports path through a file says so in one line", async () => {
    const root = await tempDir();
    await writeFile(join(root, "file"), "x");
    const run = await compute(join(root, "file", "reports"));
    expect(run.code).toBe(1);
    expect(run.err).toContain(join(root, "file"));
    expect(run.err).toContain("not a folder");
    expectNoStack(run.err);
  });

  it("a data folder that is a file says so", async () => {
    const root = await tempDir();
    await writeFile(join(root, "export.csv"), cleanCsv());
    const run = await cli("validate", "--data", join(root, "export.csv"));
    expect(run.code).toBe(1);
    expect(run.err).toContain("export.csv");
    expectNoStack(run.err);
  });

  it.skipIf(process.getuid?.() === 0)("an unwritable reports folder says so in one line", async () => {
    const reports = await tempDir();
    execFileSync("chmod", ["555", reports]);
    const run = await compute(reports);
    execFileSync("chmod", ["755", reports]);
    expect(run.code).toBe(1);
    expect(run.err).toContain("permission denied");
    expectNoStack(run.err);
  });
});

/** A tiny RAM disk, where the machine allows mounting one. */
function mountTinyDisk(dir: string, size: string): boolean {
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", dir], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

describe("a full disk", () => {
  let disk: string;
  let mounted = false;
  beforeAll(async () => {
    disk = await tempDir();
    mounted = process.platform === "linux" && mountTinyDisk(disk, "512k");
  });
  afterAll(() => {
    if (mounted) execFileSync("umount", [disk]);
  });

  /** Fills the disk until fewer than `free` bytes are left. */
  async function fill(free: number) {
    const { statfs } = await import("node:fs/promises");
    const s = await statfs(disk);
    const left = s.bavail * s.bsize - free;
    if (left > 0) await writeFile(join(disk, "filler"), Buffer.alloc(left));
  }

  it("leaves issued versions whole and nothing half-written, and the run says what to do", async (context) => {
    if (!mounted) context.skip();
    const reports = join(disk, "reports");
    await mkdir(join(reports, "2026-Q3"), { recursive: true });
    await copyFile(join(await archiveSource(), "v1.json"), join(reports, "2026-Q3", "v1.json"));
    await copyFile(join(reports, "2026-Q3", "v1.json"), join(reports, "2026-Q3", "snapshot.json"));
    const before = await folderBytes(reports);
    await fill(issued.length / 2);
    const run = await compute(reports, changed, "--reissue", "deal 3 corrected");
    expect(run.code).toBe(1);
    expect(run.err).toContain("the disk is full");
    expectNoStack(run.err);
    expect(await folderBytes(reports)).toEqual(before);
    await rm(join(disk, "filler"));
    const again = await compute(reports, changed, "--reissue", "deal 3 corrected");
    expect(again.code).toBe(0);
    expect((await stat(join(reports, "2026-Q3", "v2.json"))).size).toBeGreaterThan(0);
  });

  it("a first issue on a full disk leaves no empty v1.json behind", async (context) => {
    if (!mounted) context.skip();
    const reports = join(disk, "reports-first");
    await mkdir(reports);
    await fill(issued.length / 2);
    const run = await compute(reports);
    expect(run.code).toBe(1);
    expect(run.err).toContain("the disk is full");
    await rm(join(disk, "filler"));
    expect(await readdir(join(reports, "2026-Q3"))).toEqual([]);
    expect((await compute(reports)).code).toBe(0);
  });
});

/** A reports folder holding the issued v1, for copying. */
async function archiveSource(): Promise<string> {
  return (await archiveWith({ "v1.json": "v1" })).quarter;
}
