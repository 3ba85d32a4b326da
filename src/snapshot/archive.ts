import { readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { isQuarterId } from "../calendar/fiscalCalendar.ts";
import { CliError } from "../errors.ts";
import { formatZodIssues } from "../zodIssues.ts";
import { createFileAtomic, TEMP_MARK, withLock, writeFileAtomic } from "./atomicFiles.ts";
import { restatedFigures } from "./restatements.ts";
import { type Restatement, SCHEMA_VERSION, type Snapshot } from "./snapshot.ts";
import { SnapshotSchema } from "./snapshotSchema.ts";

/*
 * The archive: one folder per quarter under the reports folder, holding every issued version
 * as v1.json, v2.json, … and the latest again as snapshot.json. An issued version is never
 * rewritten: a recompute either reproduces it, or is refused, or (with a reason) is issued
 * as the next version with the restated figures recorded. The version files are the record;
 * snapshot.json is a copy of the newest for readers that want one file.
 */

/** What writing a snapshot into the archive did, with what it found and repaired on the way. */
export type ArchiveOutcome = (
  | { kind: "issued"; version: number; path: string }
  | { kind: "unchanged"; version: number; path: string }
  | { kind: "reissued"; version: number; path: string; restated: Restatement[] }
  | { kind: "refused"; version: number; restated: Restatement[] }
) & { notes: string[] };

/** Serialises a snapshot the one way it is ever written, so equal snapshots are equal bytes. */
export function serializeSnapshot(snapshot: Snapshot): string {
  return `${JSON.stringify(snapshot, null, 2)}\n`;
}

/** Writes a freshly computed version-1 snapshot into the archive, following the rules above. */
export async function writeToArchive(
  reportsDir: string,
  computed: Snapshot,
  reissueReason: string | undefined,
): Promise<ArchiveOutcome> {
  const dir = join(reportsDir, computed.quarter);
  const latestPath = join(dir, "snapshot.json");
  return withLock(dir, computed.quarter, async () => {
    const notes = await clearInterruptedWrites(dir);
    const found = await readQuarter(dir);
    notes.push(...found.notes);
    const latest = found.latest;
    if (latest === null) {
      await writeVersion(dir, computed);
      return { kind: "issued", version: 1, path: latestPath, notes };
    }
    // A run stopped between writing vN.json and its copy leaves snapshot.json behind: catch up.
    if (found.copyIsStale) {
      await writeFileAtomic(latestPath, serializeSnapshot(latest));
      notes.push(`${latestPath}: brought up to date with v${latest.version}.json.`);
    }
    const restated = restatedFigures(latest, computed);
    if (restated.length === 0) return { kind: "unchanged", version: latest.version, path: latestPath, notes };
    if (reissueReason === undefined) return { kind: "refused", version: latest.version, restated, notes };
    const version = latest.version + 1;
    const reissued: Snapshot = {
      ...computed,
      version,
      revisions: [
        ...latest.revisions,
        { version, issuedAt: computed.issuedAt, reason: reissueReason, restated },
      ],
    };
    await writeVersion(dir, reissued);
    return { kind: "reissued", version, path: latestPath, restated, notes };
  });
}

/** The latest version of every quarter in the archive, oldest quarter first. */
export async function readArchive(reportsDir: string): Promise<Snapshot[]> {
  let entries: string[];
  try {
    entries = await readdir(reportsDir);
  } catch (error) {
    // A missing folder is an empty archive; anything else (a path through a file, no
    // permission) is told by the command line as a system error, with the path.
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const snapshots: Snapshot[] = [];
  for (const quarter of entries.filter(isQuarterId).sort()) {
    const { latest } = await readQuarter(join(reportsDir, quarter));
    if (latest) snapshots.push(latest);
  }
  return snapshots;
}

/** Every version of one quarter, oldest first (files emptied by an interrupted write aside). */
export async function readVersions(quarterDir: string): Promise<Snapshot[]> {
  const files = await versionFiles(quarterDir);
  const snapshots: Snapshot[] = [];
  for (const file of files) {
    const snapshot = await readSnapshotOrEmpty(join(quarterDir, file));
    if (snapshot !== null) snapshots.push(snapshot);
  }
  return snapshots;
}

/**
 * Reads one snapshot file through the snapshot schema. A damaged file, or one written by a
 * newer version of Quarterdeck, stops the run with the file's name and what to do.
 */
export async function readSnapshot(path: string): Promise<Snapshot> {
  const snapshot = await readSnapshotOrEmpty(path);
  if (snapshot === null) throw damaged(path, "it is empty");
  return snapshot;
}

/** A snapshot, or null for an empty file (what a write interrupted before atomic writes left). */
async function readSnapshotOrEmpty(path: string): Promise<Snapshot | null> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new CliError(
      `${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? "unknown error"}).`,
    );
  }
  if (text.trim() === "") return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw damaged(path, `it is not complete JSON: ${(error as Error).message}`);
  }
  const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === "number" && version > SCHEMA_VERSION) {
    throw new CliError(
      `${path}: written by a newer Quarterdeck (snapshot schemaVersion ${version}; this one reads ${SCHEMA_VERSION}). Upgrade Quarterdeck to read this archive.`,
    );
  }
  const parsed = SnapshotSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = formatZodIssues(parsed.error, { unknownKeys: "a snapshot has no such field" }, 5);
    throw damaged(path, `it is not a snapshot:\n  ${lines.join("\n  ")}`);
  }
  // The sections are checked as objects only (see snapshotSchema.ts); their figures are as written.
  return parsed.data as unknown as Snapshot;
}

function damaged(path: string, why: string): CliError {
  return new CliError(
    `${path}: damaged snapshot, ${why}\nRestore the file from a backup (or from git), or move the quarter's folder aside and compute it again.`,
  );
}

/** What a quarter folder holds: its latest version, and whether snapshot.json lags behind it. */
async function readQuarter(
  dir: string,
): Promise<{ latest: Snapshot | null; copyIsStale: boolean; notes: string[] }> {
  const notes: string[] = [];
  let newest: Snapshot | null = null;
  let files: string[];
  try {
    files = await versionFiles(dir);
  } catch {
    return { latest: null, copyIsStale: false, notes };
  }
  for (const file of files) {
    const snapshot = await readSnapshotOrEmpty(join(dir, file));
    if (snapshot === null) notes.push(`${join(dir, file)}: empty (a write was interrupted); ignored.`);
    else newest = snapshot;
  }
  const copyPath = join(dir, "snapshot.json");
  let copy: Snapshot | null = null;
  try {
    copy = await readSnapshotOrEmpty(copyPath);
    if (copy === null) notes.push(`${copyPath}: empty (a write was interrupted); ignored.`);
  } catch (error) {
    if (!(error instanceof CliError) || !(await missing(copyPath))) throw error;
  }
  if (newest === null) return { latest: copy, copyIsStale: false, notes };
  if (copy !== null && copy.version > newest.version) return { latest: copy, copyIsStale: false, notes };
  return { latest: newest, copyIsStale: copy === null || copy.version < newest.version, notes };
}

async function missing(path: string): Promise<boolean> {
  try {
    await readFile(path);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT";
  }
}

async function versionFiles(dir: string): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => /^v\d+\.json$/.test(f));
  return files.sort((a, b) => Number(a.slice(1, -5)) - Number(b.slice(1, -5)));
}

/**
 * Removes what interrupted runs left (temporary files, and version files they left empty),
 * under the quarter's lock, and says what was removed.
 */
async function clearInterruptedWrites(dir: string): Promise<string[]> {
  const notes: string[] = [];
  for (const file of await readdir(dir)) {
    const path = join(dir, file);
    if (file.includes(TEMP_MARK)) {
      await rm(path, { force: true });
      notes.push(`${path}: removed, left by an interrupted run.`);
    } else if (/^v\d+\.json$/.test(file) && (await readFile(path, "utf8")).trim() === "") {
      await rm(path, { force: true });
      notes.push(`${path}: removed, an empty file left by an interrupted write.`);
    }
  }
  return notes;
}

async function writeVersion(dir: string, snapshot: Snapshot): Promise<void> {
  const text = serializeSnapshot(snapshot);
  const versionPath = join(dir, `v${snapshot.version}.json`);
  if (!(await createFileAtomic(versionPath, text))) {
    throw new CliError(
      `${versionPath}: already exists although the archive's latest version is ${snapshot.version - 1}. Check the quarter's folder: a version file may have been copied in by hand.`,
    );
  }
  await writeFileAtomic(join(dir, "snapshot.json"), text);
}
