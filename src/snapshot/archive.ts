import { access, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { isQuarterId } from "../calendar/fiscalCalendar.ts";
import { CliError } from "../errors.ts";
import { restatedFigures } from "./restatements.ts";
import type { Restatement, Snapshot } from "./snapshot.ts";

/*
 * The archive: one folder per quarter under the reports folder, holding every issued version
 * as v1.json, v2.json, … and the latest again as snapshot.json. An issued version is never
 * rewritten: a recompute either reproduces it, or is refused, or (with a reason) is issued
 * as the next version with the restated figures recorded.
 */

/** What writing a snapshot into the archive did. */
export type ArchiveOutcome =
  | { kind: "issued"; version: number; path: string }
  | { kind: "unchanged"; version: number; path: string }
  | { kind: "reissued"; version: number; path: string; restated: Restatement[] }
  | { kind: "refused"; version: number; restated: Restatement[] };

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
  const latest = await readLatest(dir);
  if (latest === null) {
    await writeVersion(dir, computed);
    return { kind: "issued", version: 1, path: join(dir, "snapshot.json") };
  }
  const restated = restatedFigures(latest, computed);
  if (restated.length === 0)
    return { kind: "unchanged", version: latest.version, path: join(dir, "snapshot.json") };
  if (reissueReason === undefined) return { kind: "refused", version: latest.version, restated };
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
  return { kind: "reissued", version, path: join(dir, "snapshot.json"), restated };
}

/** The latest version of every quarter in the archive, oldest quarter first. */
export async function readArchive(reportsDir: string): Promise<Snapshot[]> {
  let entries: string[];
  try {
    entries = await readdir(reportsDir);
  } catch {
    return [];
  }
  const snapshots: Snapshot[] = [];
  for (const quarter of entries.filter(isQuarterId).sort()) {
    const latest = await readLatest(join(reportsDir, quarter));
    if (latest) snapshots.push(latest);
  }
  return snapshots;
}

/** Every version of one quarter, oldest first. */
export async function readVersions(quarterDir: string): Promise<Snapshot[]> {
  const files = (await readdir(quarterDir)).filter((f) => /^v\d+\.json$/.test(f));
  files.sort((a, b) => Number(a.slice(1, -5)) - Number(b.slice(1, -5)));
  return Promise.all(files.map((f) => readSnapshot(join(quarterDir, f))));
}

/** Reads one snapshot file. */
export async function readSnapshot(path: string): Promise<Snapshot> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new CliError(`${path}: cannot be read.`);
  }
  try {
    return JSON.parse(text) as Snapshot;
  } catch (error) {
    throw new CliError(`${path}: is not a valid snapshot (${(error as Error).message}).`);
  }
}

async function readLatest(quarterDir: string): Promise<Snapshot | null> {
  const path = join(quarterDir, "snapshot.json");
  try {
    await access(path);
  } catch {
    return null;
  }
  return readSnapshot(path);
}

async function writeVersion(dir: string, snapshot: Snapshot): Promise<void> {
  await mkdir(dir, { recursive: true });
  const text = serializeSnapshot(snapshot);
  await writeFile(join(dir, `v${snapshot.version}.json`), text, { flag: "wx" });
  await writeFile(join(dir, "snapshot.json"), text);
}
