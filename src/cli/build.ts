import { resolve } from "node:path";
import { readArchive, readVersions } from "../snapshot/archive.ts";
import type { Effects } from "./effects.ts";
import { encryptionSettings, encryptSite } from "./encryptSite.ts";
import { CliError } from "./errors.ts";
import { discardStaging, type OutDir, prepareOutDir, swapIntoPlace } from "./outDir.ts";
import { PROJECT_ROOT, renderSite } from "./renderSite.ts";

/** `quarterdeck build`: render the site from the archive of snapshots. */
export async function buildSite(
  options: { reports?: string | undefined; out?: string | undefined; encrypt?: boolean },
  effects: Effects,
) {
  if (options.encrypt) encryptionSettings(effects.env); // a missing passphrase fails before the build
  const reports = resolve(options.reports ?? "reports");
  const snapshots = await readArchive(reports);
  if (snapshots.length === 0) {
    throw new CliError(`${reports}: no snapshots in the archive. Run quarterdeck compute first.`);
  }
  // Every version is read (and so checked) before Astro starts, so a damaged one is named plainly.
  for (const s of snapshots) await readVersions(resolve(reports, s.quarter));
  const target = await prepareOutDir(options.out ?? "dist", { reports, project: PROJECT_ROOT });
  const started = performance.now();
  try {
    await renderSite(reports, target.staging);
    effects.info(
      `built ${snapshots.length} quarters → ${target.out} (${Math.round(performance.now() - started)} ms)`,
    );
    // Encrypted before it is put in place, so a failure never leaves a plain site where an
    // encrypted one was asked for.
    if (options.encrypt) await encryptSite({ site: target.staging }, stagedEffects(effects, target));
    await swapIntoPlace(target);
  } catch (error) {
    await discardStaging(target);
    throw error;
  }
  return 0;
}

/** Output of a step run on the staging folder, naming the folder the site will be in. */
function stagedEffects(effects: Effects, { staging, out }: OutDir): Effects {
  return {
    ...effects,
    info: (line) => effects.info(line.replaceAll(staging, out)),
    warn: (line) => effects.warn(line.replaceAll(staging, out)),
  };
}
