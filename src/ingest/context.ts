import type { Config } from "../config/configSchema.ts";
import type { CellContext } from "./cells.ts";
import type { CurrencyConverter } from "./currency.ts";
import type { personaRules } from "./derive.ts";
import type { Ledger } from "./ledger.ts";

/** Everything an adapter needs while it reads a data folder. */
export interface IngestContext {
  config: Config;
  cells: CellContext;
  ledger: Ledger;
  converter: CurrencyConverter;
  personas: ReturnType<typeof personaRules>;
}
