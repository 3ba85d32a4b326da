import { resolve } from "node:path";
import { readArchive } from "../snapshot/archive.ts";
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
