import type { Config } from "../config/configSchema.ts";
import { CliError } from "../errors.ts";
import type { Interview } from "../model/interview.ts";
import { type Day, type Opportunity, type Records, UNDATED } from "../model/records.ts";
import type { Format } from "./adapter.ts";
import { chooseAdapter } from "./adapters.ts";
import { cellContext } from "./cells.ts";
import { type CommentaryFile, readCommentary } from "./commentary.ts";
import { CurrencyConverter } from "./currency.ts";
import { DataFolder, type InputFile, type ProgressReporter } from "./dataFolder.ts";
import { personaRules } from "./derive.ts";
import { readInterviews } from "./interviews/readInterviews.ts";
import { Ledger, type LedgerSummary } from "./ledger.ts";
import { readPlanning } from "./planning.ts";

/** What ingesting a data folder produced. */
export interface IngestResult {
  records: Records;
  format: Format;
  formatLabel: string;
  /** The ops lead's commentary files (Markdown). */
  commentary: CommentaryFile[];
  /** Win/loss interview notes that passed validation. */
  interviews: Interview[];
  inputs: InputFile[];
  ledger: LedgerSummary;
  /** Files whose share of rejected rows is above the config's threshold. */
  overThreshold: { file: string; rejected: number; read: number }[];
}

/** Reads a data folder in whatever format it holds into canonical records, with the ledger. */
export async function ingestFolder(
  dir: string,
  config: Config,
  progress: ProgressReporter = () => {},
): Promise<IngestResult> {
  const ledger = new Ledger();
  const folder = await DataFolder.open(dir, ledger, progress);
  const adapter = await chooseAdapter(folder, config.format, config.files);
  const cells = cellContext(
    { timeZone: config.timeZone, dateOrder: config.dateOrder, format: config.dateFormat },
    config.decimalSeparator,
  );
  const rates = [
    ...Object.entries(config.rates).map(([currency, rate]) => ({ currency, startDate: null, rate })),
    ...(await adapter.rates(folder, cells, config.currency, config.files)),
  ];
  const context = {
    config,
    cells,
    ledger,
    converter: new CurrencyConverter(config.currency, rates),
    personas: personaRules(config.personas),
  };
  const read = await adapter.read(folder, context);
  if (!read.supplied.includes("opportunities")) {
    throw new CliError(
      `${dir}: no opportunities were read as ${adapter.label}. Name the file that holds the deals in ` +
        `quarterdeck.config.json ("files": { "opportunities": "<file>.csv" }), or run quarterdeck init --data ${dir} to write the config.`,
    );
  }
  const planning = await readPlanning(folder, context, read.opportunities);
  const records = { ...read, ...planning, supplied: [...read.supplied, ...planning.supplied] };
  const commentary = await readCommentary(folder);
  const interviews = await readInterviews(folder, ledger);
  flagUnknownOpportunities(interviews, read.opportunities, ledger);
  const inputs = await folder.inputs();
  const summary = ledger.summary();
  const overThreshold = summary.files
    // A file left out whole has already said why; only files that were read count against the threshold.
    .filter(
      (f) => !f.kind.endsWith("(not used)") && f.read > 0 && f.rejected / f.read > config.rejectThreshold,
    )
    .map(({ file, rejected, read }) => ({ file, rejected, read }));
  return {
    records: { ...records, asOf: asOfDay(records) },
    format: adapter.format,
    // A canonical read of a file the config names is an export mapped by the config, and says so.
    formatLabel:
      adapter.format === "canonical" && config.files.opportunities !== undefined
        ? `CSV export mapped by the config (${config.files.opportunities})`
        : adapter.label,
    commentary,
    interviews,
    inputs,
    ledger: summary,
    overThreshold,
  };
}

/**
 * The day the export was taken, as far as the data tells: the latest day on which something
 * happened (a deal created or closed, a history change, an activity). Open deals' close
 * dates are expectations, so they do not count.
 */
export function asOfDay(records: Omit<Records, "asOf">): Day {
  let latest = "0000-01-01";
  for (const o of records.opportunities) {
    if (o.createdDate > latest && o.createdDate !== UNDATED) latest = o.createdDate;
    if (o.isClosed && o.closeDate > latest) latest = o.closeDate;
  }
  for (const h of records.history) if (h.at > latest) latest = h.at.slice(0, 10);
  for (const a of records.activities) if (a.date > latest) latest = a.date;
  return latest;
}

/** A note about an opportunity the export does not have is kept, and flagged so the id can be checked. */
function flagUnknownOpportunities(
  interviews: readonly Interview[],
  opportunities: readonly Opportunity[],
  ledger: Ledger,
): void {
  const known = new Set(opportunities.map((o) => o.id));
  for (const note of interviews) {
    if (note.opportunityId === null || known.has(note.opportunityId)) continue;
    ledger.report({
      file: note.file,
      line: 1,
      column: "opportunity",
      problem: `"${note.opportunityId}" is not an opportunity in the export; the note is kept but not linked to a deal (check the id)`,
      severity: "warning",
    });
  }
}
