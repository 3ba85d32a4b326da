import { resolve } from "node:path";
import packageJson from "../../package.json" with { type: "json" };
import { isQuarterId } from "../calendar/fiscalCalendar.ts";
import { prepareDeals } from "../metrics/dataset.ts";
import { readArchive, writeToArchive } from "../snapshot/archive.ts";
import { buildSnapshot } from "../snapshot/buildSnapshot.ts";
import type { Effects } from "./effects.ts";
import { CliError } from "./errors.ts";
import { ingestData } from "./ingestData.ts";

/** Options of `quarterdeck compute`. */
export interface ComputeOptions {
  data: string;
  quarter: string;
  config?: string | undefined;
  out?: string | undefined;
  reissue?: string | undefined;
}

/** `quarterdeck compute`: ingest a data folder and write the quarter's snapshot into the archive. */
export async function compute(options: ComputeOptions, effects: Effects): Promise<number> {
  if (!isQuarterId(options.quarter)) {
    throw new CliError(`--quarter "${options.quarter}" is not a quarter such as 2026-Q3.`, 2);
  }
  if (options.reissue !== undefined && options.reissue.trim() === "") {
    throw new CliError(`--reissue needs a reason, such as --reissue "deal 0061 backdated into Q2".`, 2);
  }
  const started = performance.now();
  // The deals' indexes are built while a large activities file is still being read.
  const { loaded, ingest } = await ingestData(options, effects, undefined, { dealsRead: prepareDeals });
  if (ingest.overThreshold.length > 0) {
    const share = `${Math.round(loaded.config.rejectThreshold * 100)}%`;
    for (const f of ingest.overThreshold) {
      effects.warn(
        `${f.file}: ${f.rejected} of ${f.read} rows rejected, more than the ${share} allowed by rejectThreshold.`,
      );
    }
    effects.warn(
      "No snapshot written. Fix the rows listed above, or raise rejectThreshold in quarterdeck.config.json.",
    );
    return 1;
  }
  const epoch = effects.env.SOURCE_DATE_EPOCH;
  const snapshot = buildSnapshot(ingest, options.quarter, {
    config: loaded.config,
    configFile: {
      file: loaded.path === null ? null : loaded.path.split(/[/\\]/).pop()!,
      sha256: loaded.sha256,
    },
    generator: { name: packageJson.name, version: packageJson.version },
    sourceDateEpoch: epoch !== undefined && /^\d+$/.test(epoch) ? Number(epoch) : null,
  });
  const reports = resolve(options.out ?? "reports");
  await refuseOtherCompany(reports, snapshot.company);
  const outcome = await writeToArchive(reports, snapshot, options.reissue);
  for (const note of outcome.notes) effects.warn(note);
  const took = `${Math.round(performance.now() - started)} ms`;
  switch (outcome.kind) {
    case "issued":
      effects.info(`issued ${snapshot.quarter} version 1 → ${outcome.path} (${took})`);
      return 0;
    case "unchanged":
      effects.info(
        `${snapshot.quarter} version ${outcome.version} reproduced exactly; nothing written (${took})`,
      );
      return 0;
    case "reissued":
      effects.info(
        `reissued ${snapshot.quarter} as version ${outcome.version} → ${outcome.path}, ${outcome.restated.length} figures restated (${took})`,
      );
      return 0;
    case "refused": {
      effects.warn(
        `${snapshot.quarter} version ${outcome.version} is already issued and these figures would change:`,
      );
      for (const r of outcome.restated.slice(0, 30)) {
        effects.warn(`  ${r.figure}: ${JSON.stringify(r.old)} → ${JSON.stringify(r.new)}`);
      }
      if (outcome.restated.length > 30) effects.warn(`  … and ${outcome.restated.length - 30} more`);
      effects.warn(
        `Nothing written. To issue version ${outcome.version + 1}, run again with --reissue "why".`,
      );
      return 1;
    }
  }
}

/**
 * An archive is one company's record: a quarter of another company (or of the bundled sample
 * company) is never written beside it, and no --reissue can make it so.
 */
async function refuseOtherCompany(reports: string, company: string): Promise<void> {
  const others = [...new Set((await readArchive(reports)).map((s) => s.company))].filter(
    (c) => c !== company,
  );
  if (others.length === 0) return;
  throw new CliError(
    `${reports} holds the archive of ${others.map((c) => `"${c}"`).join(", ")}, and this quarter is of "${company}". ` +
      `Start this company's own archive with --out (e.g. --out reports-${slug(company)}), or set "company" in quarterdeck.config.json if the name is wrong.`,
  );
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "company"
  );
}
