import { resolve } from "node:path";
import { readArchive } from "../snapshot/archive.ts";
import type { Snapshot } from "../snapshot/snapshot.ts";

/** The reports folder the site is rendered from (set by `quarterdeck build --reports`). */
export function reportsDir(): string {
  return resolve(process.env.QUARTERDECK_REPORTS ?? "reports");
}

let cached: Promise<Snapshot[]> | undefined;

/** Every quarter's latest snapshot, newest quarter first; read once per build. */
export function loadArchive(): Promise<Snapshot[]> {
  cached ??= readArchive(reportsDir()).then((snapshots) => snapshots.reverse());
  return cached;
}
