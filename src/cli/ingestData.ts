import { resolve } from "node:path";
import { describeConfig, type LoadedConfig, loadConfig } from "../config/loadConfig.ts";
import type { IngestHooks } from "../ingest/context.ts";
import { type IngestResult, ingestFolder } from "../ingest/ingestFolder.ts";
import type { Effects } from "./effects.ts";
import { formatLedger } from "./ledgerReport.ts";
import { progressReporter } from "./progress.ts";

/**
 * What `compute` and `validate` both begin with: find and load the config for the data
 * folder, say which it is, ingest the folder with progress, and print the ledger (its first
 * `issues` issues).
 */
export async function ingestData(
  options: { data: string; config?: string | undefined },
  effects: Effects,
  issues?: number,
  hooks: IngestHooks = {},
): Promise<{ loaded: LoadedConfig; ingest: IngestResult }> {
  const data = resolve(options.data);
  const loaded = await loadConfig(
    options.config,
    { dataDirs: [data], projectDir: process.cwd() },
    effects.warn,
  );
  effects.info(describeConfig(loaded));
  const ingest = await ingestFolder(data, loaded.config, progressReporter(effects), hooks);
  for (const line of formatLedger(ingest, issues)) effects.info(line);
  return { loaded, ingest };
}
