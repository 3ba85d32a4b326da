import type { Config } from "../../src/config/configSchema.ts";
import { cellContext } from "../../src/ingest/cells.ts";
import type { IngestContext } from "../../src/ingest/context.ts";
import { CurrencyConverter } from "../../src/ingest/currency.ts";
import { DataFolder } from "../../src/ingest/dataFolder.ts";
import { personaRules } from "../../src/ingest/derive.ts";
import { Ledger } from "../../src/ingest/ledger.ts";
import type { Day } from "../../src/model/records.ts";

/**
 * A folder opened with its own ledger and an ingest context as `ingestFolder` makes one (in
 * USD, the config's rates, no rates file), for reading one file by hand with a spec.
 */
export async function openByHand(dir: string, config: Config, latestDay: Day | null = null) {
  const ledger = new Ledger();
  const folder = await DataFolder.open(dir, ledger);
  const cells = cellContext({ timeZone: config.timeZone, dateOrder: config.dateOrder }, ".", latestDay);
  const rates = Object.entries(config.rates).map(([currency, rate]) => ({ currency, startDate: null, rate }));
  const context: IngestContext = {
    config,
    cells,
    ledger,
    converter: new CurrencyConverter("USD", rates),
    personas: personaRules(config.personas),
  };
  return { ledger, folder, cells, context };
}
