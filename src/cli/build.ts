import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { readArchive } from "../snapshot/archive.ts";
import type { Effects } from "./effects.ts";
import { encryptionSettings, encryptSite } from "./encryptSite.ts";
import { CliError } from "./errors.ts";

const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url));

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
  // The Astro config and pages read these: the site is rendered from the archive alone.
  process.env.QUARTERDECK_REPORTS = reports;
  process.env.QUARTERDECK_OUT = out;
  process.env.ASTRO_TELEMETRY_DISABLED = "1";
  const { build } = await import("astro");
  await build({ root: PROJECT_ROOT, outDir: out, logLevel: "warn" });
  effects.info(`built ${snapshots.length} quarters → ${out} (${Math.round(performance.now() - started)} ms)`);
  if (options.encrypt) await encryptSite({ site: out }, effects);
  return 0;
}
