import { join } from "node:path";
import { reportsDir } from "virtual:quarterdeck/archive";
import { readArchive, readVersions } from "../snapshot/archive.ts";
import type { Snapshot } from "../snapshot/snapshot.ts";

let archive: Promise<Snapshot[]> | undefined;

/** Every quarter's latest snapshot, newest quarter first; read once per build. */
export function loadArchive(): Promise<Snapshot[]> {
  archive ??= readArchive(reportsDir).then((snapshots) => snapshots.reverse());
  return archive;
}

/** Every issued version of one quarter, oldest first. */
export function loadVersions(quarter: string): Promise<Snapshot[]> {
  return readVersions(join(reportsDir, quarter));
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
