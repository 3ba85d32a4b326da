import { resolve } from "node:path";
import { readArchive } from "../snapshot/archive.ts";
import type { Effects } from "./effects.ts";
import { encryptionSettings, encryptSite } from "./encryptSite.ts";
import { CliError } from "./errors.ts";
import { renderSite } from "./renderSite.ts";

/** `quarterdeck build`: render the site from the archive of snapshots. */
export async function buildSite(
  options: { reports?: string | undefined; out?: string | undefined; encrypt?: boolean },
  effects: Effects,
) {
  if (options.encrypt) encryptionSettings(effects.env); // a missing passphrase fails before the build
  const reports = resolve(options.reports ?? "reports");
  const out = resolve(options.out ?? "dist");
  const snapshots = await readArchive(reports);
  if (snapshots.length === 0) {
    throw new CliError(`${reports}: no snapshots in the archive. Run quarterdeck compute first.`);
  }
  const started = performance.now();
  await renderSite(reports, out);
  effects.info(`built ${snapshots.length} quarters → ${out} (${Math.round(performance.now() - started)} ms)`);
  if (options.encrypt) await encryptSite({ site: out }, effects);
  return 0;
}
