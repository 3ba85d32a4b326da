import { join, resolve } from "node:path";
import { readArchive, readVersions } from "../snapshot/archive.ts";
import type { Snapshot } from "../snapshot/snapshot.ts";

/** The reports folder the site is rendered from (set by `quarterdeck build --reports`). */
export function reportsDir(): string {
  return resolve(process.env.QUARTERDECK_REPORTS ?? "reports");
}

const cache = new Map<string, Promise<Snapshot[]>>();

/** Every quarter's latest snapshot, newest quarter first; read once per build and folder. */
export function loadArchive(): Promise<Snapshot[]> {
  const dir = reportsDir();
  let archive = cache.get(dir);
  if (!archive) {
    archive = readArchive(dir).then((snapshots) => snapshots.reverse());
    cache.set(dir, archive);
  }
  return archive;
}

/** Every issued version of one quarter, oldest first. */
export function loadVersions(quarter: string): Promise<Snapshot[]> {
  return readVersions(join(reportsDir(), quarter));
}

/** Every version that a later one superseded, across the archive, with its page's params. */
export async function supersededVersions() {
  const paths: { params: { quarter: string; version: string }; props: { snapshot: Snapshot } }[] = [];
  for (const latest of await loadArchive()) {
    for (const snapshot of await loadVersions(latest.quarter)) {
      if (snapshot.version === latest.version) continue;
      paths.push({
        params: { quarter: latest.quarter.toLowerCase(), version: `v${snapshot.version}` },
        props: { snapshot },
      });
    }
  }
  return paths;
}
