import { resolve } from "node:path";
import { describeConfig, loadConfig } from "../config/loadConfig.ts";
import { ingestFolder } from "../ingest/ingestFolder.ts";
import type { Effects } from "./effects.ts";
import { formatLedger } from "./ledgerReport.ts";
import { progressReporter } from "./progress.ts";

/** `quarterdeck validate`: check a data folder's inputs and print the ledger; writes nothing. */
export async function validate(
  options: { data: string; config?: string | undefined },
  effects: Effects,
): Promise<number> {
  const loaded = await loadConfig(
    options.config,
    { dataDirs: [resolve(options.data)], projectDir: process.cwd() },
    effects.warn,
  );
  effects.info(describeConfig(loaded));
  const ingest = await ingestFolder(resolve(options.data), loaded.config, progressReporter(effects));
  for (const line of formatLedger(ingest, 200)) effects.info(line);
  const rejected = ingest.ledger.files.reduce((n, f) => n + f.rejected, 0);
  const leftOut = ingest.ledger.files.filter((f) => f.kind.endsWith("(not used)"));
  const inLeftOut = leftOut.reduce((n, f) => n + f.read, 0);
  const why =
    leftOut.length > 0
      ? ` (${inLeftOut} of them in files left out: ${leftOut.map((f) => f.file).join(", ")})`
      : "";
  effects.info(`\n${rejected} rows rejected${why}; data as of ${ingest.records.asOf}.`);
  return ingest.overThreshold.length > 0 ? 1 : 0;
}
