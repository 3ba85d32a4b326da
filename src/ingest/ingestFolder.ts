import type { Config } from "../config/configSchema.ts";
import { CliError } from "../errors.ts";
import type { Interview } from "../model/interview.ts";
import type { Day, Opportunity, Records } from "../model/records.ts";
import type { Format } from "./adapter.ts";
import { chooseAdapter } from "./adapters.ts";
import { cellContext } from "./cells.ts";
import { type CommentaryFile, readCommentary } from "./commentary.ts";
import type { IngestHooks } from "./context.ts";
import { CurrencyConverter } from "./currency.ts";
import { DataFolder, type InputFile, type ProgressReporter } from "./dataFolder.ts";
import { personaRules } from "./derive.ts";
import { asOfDay } from "./exportDate.ts";
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

/**
 * Reads a data folder in whatever format it holds into canonical records, with the ledger.
 * Days more than ten years after the export's date cannot be real, but that date is only known
 * once everything is read: when a first read saw such days, the folder is read again with
 * the bound, so those rows are rejected with their file and line like any other bad value.
 */
export async function ingestFolder(
  dir: string,
  config: Config,
  progress: ProgressReporter = () => {},
  hooks: IngestHooks = {},
): Promise<IngestResult> {
  const first = await ingestOnce(dir, config, progress, hooks, null);
  const bound = yearsLater(first.result.records.asOf, PLAUSIBLE_YEARS_AHEAD);
  if (first.maxDay <= bound) return first.result;
  return (await ingestOnce(dir, config, progress, hooks, bound)).result;
}

/** How far past the export's date a day may be (an open deal's expected close, say). */
const PLAUSIBLE_YEARS_AHEAD = 10;

function yearsLater(day: Day, years: number): Day {
  return `${String(Number(day.slice(0, 4)) + years).padStart(4, "0")}${day.slice(4)}`;
}

async function ingestOnce(
  dir: string,
  config: Config,
  progress: ProgressReporter,
  hooks: IngestHooks,
  latestDay: Day | null,
): Promise<{ result: IngestResult; maxDay: Day }> {
  const ledger = new Ledger();
  const folder = await DataFolder.open(dir, ledger, progress);
  const adapter = await chooseAdapter(folder, config.format, config.files);
  const cells = cellContext(
    { timeZone: config.timeZone, dateOrder: config.dateOrder, format: config.dateFormat },
    config.decimalSeparator,
    latestDay,
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
    dealsRead: hooks.dealsRead,
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
  // A file left out whole has already said why; only files that were read count against the
  // threshold. Each interview note is a file of one row: a bad one is left out and reported,
  // but one note cannot be a share of a file's rows that says the export is broken.
  const overThreshold = summary.files
    .filter(
      (f) =>
        !f.kind.endsWith("(not used)") &&
        f.kind !== "interviews" &&
        f.read > 0 &&
        f.rejected / f.read > config.rejectThreshold,
    )
    .map(({ file, rejected, read }) => ({ file, rejected, read }));
  const result: IngestResult = {
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
  return { result, maxDay: cells.maxDay };
}

/** A note about an opportunity the export does not have is kept, and flagged so the id can be checked. */
function flagUnknownOpportunities(
  interviews: readonly Interview[],
  opportunities: readonly Opportunity[],
  ledger: Ledger,
): void {
  // A million deal ids are not gathered to check no note at all.
  if (!interviews.some((note) => note.opportunityId !== null)) return;
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
