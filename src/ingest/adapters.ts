import type { Config } from "../config/configSchema.ts";
import { CliError } from "../errors.ts";
import type { Adapter, Format } from "./adapter.ts";
import { canonicalAdapter } from "./canonical/canonicalAdapter.ts";
import type { DataFolder } from "./dataFolder.ts";
import { hubspotAdapter } from "./hubspot/hubspotAdapter.ts";
import { pipedriveAdapter } from "./pipedrive/pipedriveAdapter.ts";
import { salesforceAdapter } from "./salesforce/salesforceAdapter.ts";

/** Every format Quarterdeck reads, in the order they are tried. */
export const ADAPTERS: readonly Adapter[] = [
  salesforceAdapter,
  hubspotAdapter,
  pipedriveAdapter,
  canonicalAdapter,
];

/** The adapter for a folder: the configured format, else the first that recognises the folder. */
export async function chooseAdapter(
  folder: DataFolder,
  configured: Format | undefined,
  files: Config["files"] = {},
): Promise<Adapter> {
  if (configured !== undefined) {
    const adapter = ADAPTERS.find((a) => a.format === configured);
    if (!adapter) throw new CliError(`the "${configured}" format is not supported yet.`);
    return adapter;
  }
  for (const adapter of ADAPTERS) if (await adapter.detect(folder, files)) return adapter;
  throw new CliError(
    `${folder.dir}: no opportunities found. Expected opportunities.csv (canonical format, see docs/canonical-csv.md), ` +
      `Opportunity.csv (Salesforce data export), a HubSpot or Pipedrive deals export, or the file named in ` +
      `quarterdeck.config.json: "files": { "opportunities": "<file>.csv" } (see docs/bring-any-crm.md; ` +
      `quarterdeck init --data ${folder.dir} writes it). Files seen: ${folder.files.join(", ") || "none"}.`,
  );
}
