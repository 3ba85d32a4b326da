import type { Config } from "../config/configSchema.ts";
import type { HistoryRow, Opportunity } from "../model/records.ts";
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
  /** Called once the deals and their history are read (see IngestHooks). */
  dealsRead?: IngestHooks["dealsRead"];
}

/** What a caller of the ingest can do while it runs. */
export interface IngestHooks {
  /**
   * Called when the deals and their history are read, while a large activities file may still
   * be read in another thread: work that needs only the deals can be done meanwhile.
   */
  dealsRead?(opportunities: readonly Opportunity[], history: readonly HistoryRow[]): void;
}
