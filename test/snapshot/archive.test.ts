import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CliError } from "../../src/errors.ts";
import {
  readArchive,
  readSnapshot,
  readVersions,
  serializeSnapshot,
  writeToArchive,
} from "../../src/snapshot/archive.ts";
import { restatedFigures } from "../../src/snapshot/restatements.ts";
import type { Snapshot } from "../../src/snapshot/snapshot.ts";

// The archive's outcomes, worked on a real snapshot: the sample company's 2026-Q3 as issued
// (version 1, 162 deals won for $10,843,084 of bookings). A recompute is that snapshot again,
// or that snapshot with one figure changed.

const SAMPLE = fileURLToPath(new URL("../../reports", import.meta.url));

let reports: string;
let issued: Snapshot;
beforeEach(async () => {
  reports = await mkdtemp(join(tmpdir(), "quarterdeck-archive-"));
  issued = JSON.parse(await readFile(join(SAMPLE, "2026-Q3/v1.json"), "utf8")) as Snapshot;
});
afterEach(async () => {
  await rm(reports, { recursive: true, force: true });
});

/** The snapshot recomputed with bookings $100 higher and one more deal won. */
function withMoreBookings(snapshot: Snapshot): Snapshot {
  const changed = structuredClone(snapshot);
  changed.headline = { ...changed.headline, bookings: 10_843_184, dealsWon: 163 };
  return changed;
}

const files = async (quarter: string) => (await readdir(join(reports, quarter))).sort();

describe("writing into the archive", () => {
  it("issues version 1 as v1.json and snapshot.json, the same bytes", async () => {
    const outcome = await writeToArchive(reports, issued, undefined);
    expect(outcome).toMatchObject({
      kind: "issued",
      version: 1,
      path: join(reports, "2026-Q3/snapshot.json"),
    });
    expect(await files("2026-Q3")).toEqual(["snapshot.json", "v1.json"]);
    const v1 = await readFile(join(reports, "2026-Q3/v1.json"), "utf8");
    expect(v1).toBe(serializeSnapshot(issued));
    expect(await readFile(join(reports, "2026-Q3/snapshot.json"), "utf8")).toBe(v1);
    // The serialisation is the one the sample archive was written with.
    expect(v1).toBe(await readFile(join(SAMPLE, "2026-Q3/v1.json"), "utf8"));
  });

  it("computing the same figures again is unchanged and writes nothing", async () => {
    await writeToArchive(reports, issued, undefined);
    const before = await readFile(join(reports, "2026-Q3/snapshot.json"), "utf8");
    // Metadata outside the figures (the manifest) may differ without restating anything.
    const recomputed = { ...structuredClone(issued), manifest: { ...issued.manifest, format: "other" } };
    const outcome = await writeToArchive(reports, recomputed, undefined);
    expect(outcome).toMatchObject({
      kind: "unchanged",
      version: 1,
      path: join(reports, "2026-Q3/snapshot.json"),
    });
    expect(await files("2026-Q3")).toEqual(["snapshot.json", "v1.json"]);
    expect(await readFile(join(reports, "2026-Q3/snapshot.json"), "utf8")).toBe(before);
  });

  it("refuses changed figures without a reason, naming each, and writes nothing", async () => {
    await writeToArchive(reports, issued, undefined);
    const outcome = await writeToArchive(reports, withMoreBookings(issued), undefined);
    expect(outcome).toMatchObject({
      kind: "refused",
      version: 1,
      restated: [
        { figure: "headline.bookings", old: 10_843_084, new: 10_843_184 },
        { figure: "headline.dealsWon", old: 162, new: 163 },
      ],
    });
    expect(await files("2026-Q3")).toEqual(["snapshot.json", "v1.json"]);
  });

  it("reissues with a reason as version 2, keeping version 1 and recording what was restated", async () => {
    await writeToArchive(reports, issued, undefined);
    const v1 = await readFile(join(reports, "2026-Q3/v1.json"), "utf8");
    const outcome = await writeToArchive(reports, withMoreBookings(issued), "a late deal booked");
    expect(outcome).toMatchObject({ kind: "reissued", version: 2 });
    expect(await files("2026-Q3")).toEqual(["snapshot.json", "v1.json", "v2.json"]);
    expect(await readFile(join(reports, "2026-Q3/v1.json"), "utf8")).toBe(v1);
    const latest = await readSnapshot(join(reports, "2026-Q3/snapshot.json"));
    expect(latest.version).toBe(2);
    expect(latest.headline.bookings).toBe(10_843_184);
    expect(latest.revisions).toEqual([
      {
        version: 2,
        issuedAt: issued.issuedAt,
        reason: "a late deal booked",
        restated: [
          { figure: "headline.bookings", old: 10_843_084, new: 10_843_184 },
          { figure: "headline.dealsWon", old: 162, new: 163 },
        ],
      },
    ]);
    // A third issue restates against version 2, not version 1: only bookings moves ($10 more).
    const third = withMoreBookings(issued);
    third.headline = { ...third.headline, bookings: 10_843_194 };
    const again = await writeToArchive(reports, third, "a credit note");
    expect(again).toMatchObject({
      kind: "reissued",
      version: 3,
      restated: [{ figure: "headline.bookings", old: 10_843_184, new: 10_843_194 }],
    });
    expect((await readVersions(join(reports, "2026-Q3"))).map((s) => s.version)).toEqual([1, 2, 3]);
  });
});

describe("reading the archive", () => {
  it("lists the latest version of each quarter, oldest first, and passes over other folders", async () => {
    await cp(join(SAMPLE, "2026-Q2"), join(reports, "2026-Q2"), { recursive: true });
    await cp(join(SAMPLE, "2025-Q4"), join(reports, "2025-Q4"), { recursive: true });
    await mkdir(join(reports, "drafts"));
    await mkdir(join(reports, "2026-Q1"));
    const archive = await readArchive(reports);
    // 2026-Q1 has no snapshot.json yet: it is not in the archive.
    expect(archive.map((s) => s.quarter)).toEqual(["2025-Q4", "2026-Q2"]);
  });

  it("is empty when the folder does not exist", async () => {
    expect(await readArchive(join(reports, "missing"))).toEqual([]);
  });

  it("orders versions by number, v10 after v9", async () => {
    const dir = join(reports, "2026-Q3");
    await mkdir(dir);
    for (const version of [1, 2, 9, 10]) {
      await writeFile(join(dir, `v${version}.json`), serializeSnapshot({ ...issued, version }));
    }
    expect((await readVersions(dir)).map((s) => s.version)).toEqual([1, 2, 9, 10]);
  });

  it("stops on a damaged snapshot with its path and no stack trace", async () => {
    const path = join(reports, "2026-Q3/snapshot.json");
    await mkdir(join(reports, "2026-Q3"));
    await writeFile(path, '{ "quarter": "2026-Q3", ');
    const error = await readArchive(reports).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message.startsWith(`${path}: `)).toBe(true);
  });

  it("says which file cannot be read", async () => {
    const path = join(reports, "none.json");
    await expect(readSnapshot(path)).rejects.toThrow(`${path}: cannot be read (ENOENT).`);
  });
});

describe("restated figures", () => {
  it("are the figures that differ, by dotted path; a figure only one side has restates nothing", () => {
    const before = structuredClone(issued);
    const after = withMoreBookings(issued);
    // A newer generator adding a headline figure is not a restatement of the issued ones.
    Object.assign(after.headline, { added: 1 });
    after.commentary = "New words.";
    expect(restatedFigures(before, after)).toEqual([
      { figure: "headline.bookings", old: 10_843_084, new: 10_843_184 },
      { figure: "headline.dealsWon", old: 162, new: 163 },
      { figure: "commentary", old: before.commentary, new: "New words." },
    ]);
  });
});
