import type { Config } from "../config/configSchema.ts";
import type { Records } from "../model/records.ts";
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
  /** Called once the accounts, deals and their history are read (see IngestHooks). */
  dealsRead?: IngestHooks["dealsRead"];
}

/** What a caller of the ingest can do while it runs. */
export interface IngestHooks {
  /**
   * Called when the accounts, deals and deals' history are read, while a large activities file
   * may still be read in another thread: work that needs only these can be done meanwhile.
   */
  dealsRead?(deals: Pick<Records, "accounts" | "opportunities" | "history">): void;
}
