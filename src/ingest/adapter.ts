import type { Config } from "../config/configSchema.ts";
import type { Format } from "../config/formats.ts";
import type { Records } from "../model/records.ts";
import type { CellContext } from "./cells.ts";
import type { IngestContext } from "./context.ts";
import type { Rate } from "./currency.ts";
import type { DataFolder } from "./dataFolder.ts";

/** What an adapter reads from the CRM export itself. */
export type CrmRecords = Omit<Records, "asOf" | "forecasts" | "targets" | "rocks">;

export type { Format } from "../config/formats.ts";

/** Reads one export format into canonical records. */
export interface Adapter {
  format: Format;
  /** Human name used in messages ("Salesforce data export"). */
  label: string;
  /** Whether the folder looks like this format (from file names and headers, or the config's `files`). */
  detect(folder: DataFolder, files: Config["files"]): Promise<boolean>;
  /** Exchange rates into the reporting currency that the export carries, read before any amount is converted. */
  rates(folder: DataFolder, cells: CellContext, reporting: string, files?: Config["files"]): Promise<Rate[]>;
  /**
   * Reads every file of the format it knows; the folder records what was read. The planning
   * files (forecasts, targets, rocks) are the same for every format and read by ingest itself.
   */
  read(folder: DataFolder, context: IngestContext): Promise<CrmRecords>;
}
