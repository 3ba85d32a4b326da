import { hasSignature } from "../ingest/findFiles.ts";
import { DEAL_SIGNATURE } from "../ingest/hubspot/hubspotFiles.ts";
import { likelyOutcome, looksClosed } from "../ingest/outcomes.ts";
import { PIPEDRIVE_DEALS } from "../ingest/pipedrive/pipedriveAdapter.ts";
import { normalizeHeader } from "../ingest/readTable.ts";
import { type ColumnGuess, dealScore, guessColumns } from "./guessColumns.ts";
import { type SampledFile, valuesOf } from "./sampleFolder.ts";

/*
 * The config `init` proposes for a folder: the format when it is one Quarterdeck knows,
 * else which file holds the deals, how its columns map, which values mean won and lost, how
 * dates are ordered and which currency amounts are in. Every guess comes with the evidence,
 * and whatever the sample cannot settle is listed for the user to confirm.
 */

/** A proposed config with what `init` prints about it. */
export interface Proposal {
  config: Record<string, unknown>;
  /** Each guess with its evidence. */
  lines: string[];
  /** What the user should check or add. */
  confirm: string[];
}

/** Proposes a config from samples of a folder's CSV files. */
export function proposeConfig(samples: SampledFile[]): Proposal {
  const proposal: Proposal = { config: {}, lines: [], confirm: [] };
  const headers = samples.map((s) => new Set(s.header.map(normalizeHeader)));
  const salesforce = samples.find(
    (s, i) => /^opportunity\.csv$/i.test(s.file) && headers[i]!.has("stagename"),
  );
  const hubspot = samples.filter((_, i) => hasSignature(headers[i]!, DEAL_SIGNATURE));
  const pipedrive = samples.filter((_, i) => hasSignature(headers[i]!, PIPEDRIVE_DEALS));
  if (salesforce) {
    proposal.config.format = "salesforce";
    proposal.lines.push(
      `format: Salesforce data export (${salesforce.file} has StageName; closed and won come from IsClosed/IsWon)`,
    );
  } else if (hubspot.length > 0) {
    const deals = pick(proposal, hubspot, "HubSpot deals");
    proposeHubSpot(proposal, deals);
    proposeCurrency(proposal, deals, guessColumns(deals));
  } else if (pipedrive.length > 0) {
    proposal.config.format = "pipedrive";
    const deals = pick(proposal, pipedrive, "Pipedrive deals");
    proposal.lines.push(
      `format: Pipedrive deals export (${deals.file} has "Deal - Title" and "Deal - Status"; won and lost come from the status)`,
    );
    proposeCurrency(proposal, deals, guessColumns(deals));
  } else {
    proposeGeneric(proposal, samples);
  }
  proposeDates(proposal, samples);
  if (!("company" in proposal.config)) proposal.confirm.push(`add "company": the name shown on the pack`);
  proposal.confirm.push(
    `add "timeZone" (e.g. "America/New_York") unless the CRM's timestamps are meant in UTC`,
  );
  return proposal;
}

/** The newest of several exports of one kind (by name, as exports carry their date), said so. */
function pick(proposal: Proposal, candidates: SampledFile[], label: string): SampledFile {
  const chosen = candidates.at(-1)!;
  if (candidates.length > 1) {
    proposal.config.files = { opportunities: chosen.file };
    proposal.confirm.push(
      `${candidates.length} files look like ${label} exports (${candidates.map((c) => c.file).join(", ")}): "files" picks ${chosen.file}, the last by name; change it if another is the one to use`,
    );
  }
  return chosen;
}

function proposeHubSpot(proposal: Proposal, deals: SampledFile): void {
  proposal.config.format = "hubspot";
  const normalized = deals.header.map(normalizeHeader);
  if (normalized.includes("isdealclosed") && normalized.includes("isclosedwon")) {
    proposal.lines.push(
      `format: HubSpot deals export (${deals.file}); closed and won come from its "Is Deal Closed?" and "Is Closed Won" columns`,
    );
    return;
  }
  proposal.lines.push(`format: HubSpot deals export (${deals.file} has Deal Stage)`);
  const stage = normalized.indexOf("dealstage");
  const outcomes = classify(valuesOf(deals, stage));
  const custom = [...outcomes.won, ...outcomes.lost, ...outcomes.noDecision].filter(
    (v) => !["closed won", "closedwon", "closed lost", "closedlost"].includes(v.toLowerCase()),
  );
  if (custom.length === 0) {
    proposal.lines.push(`outcomes: HubSpot's own Closed Won and Closed Lost stages`);
    return;
  }
  setOutcomes(proposal, undefined, deals.header[stage]!, outcomes);
}

function proposeGeneric(proposal: Proposal, samples: SampledFile[]): void {
  const scored = samples.map((s) => ({ s, score: dealScore(s) })).sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (best === undefined || best.score < 3) {
    proposal.lines.push("format: not recognised; no CSV file has a stage, an amount and dates");
    proposal.confirm.push(
      `name the file holding the deals under "files": { "opportunities": "<file>.csv" } and map its columns (see docs/bring-any-crm.md)`,
    );
    return;
  }
  const deals = best.s;
  const rival = scored[1];
  const canonical = /^opportunities\.csv$/i.test(deals.file);
  proposal.lines.push(
    `format: ${canonical ? "canonical CSV" : "not a known CRM"}; deals in ${deals.file} (${deals.rows.length} rows sampled)` +
      (rival !== undefined && rival.score === best.score
        ? `, though ${rival.s.file} looks as much like deals`
        : ""),
  );
  if (rival !== undefined && rival.score === best.score)
    proposal.confirm.push(`check that ${deals.file} is the deals file, not ${rival.s.file}`);
  if (!canonical) proposal.config.files = { opportunities: deals.file };
  const guesses = guessColumns(deals);
  const mapping: Record<string, string> = {};
  for (const g of guesses) {
    mapping[g.field] = g.header;
    proposal.lines.push(`  ${g.field.padEnd(17)} ← "${g.header}" (${g.evidence})`);
  }
  for (const field of ["id", "stage", "amount", "close_date"]) {
    if (!(field in mapping))
      proposal.confirm.push(
        `no column looks like ${field}: map it under "columns": { "opportunities": { "${field}": "<header>" } }`,
      );
  }
  for (const field of ["owner", "created_date"]) {
    if (!(field in mapping))
      proposal.confirm.push(
        `no column looks like ${field}: map it if the export has one (figures that need it are left out)`,
      );
  }
  const normalized = deals.header.map(normalizeHeader);
  const flags = normalized.includes("isclosed") && normalized.includes("iswon");
  if (flags) {
    proposal.lines.push(`outcomes: from the is_closed and is_won columns`);
  } else {
    proposeOutcomes(proposal, deals, guesses);
  }
  if (Object.keys(mapping).length > 0) proposal.config.columns = { opportunities: mapping };
  proposeCurrency(proposal, deals, guesses);
}

interface Classified {
  won: string[];
  lost: string[];
  noDecision: string[];
  open: string[];
}

function classify(values: string[]): Classified {
  const distinct = [...new Set(values)];
  const result: Classified = { won: [], lost: [], noDecision: [], open: [] };
  for (const v of distinct) {
    result[likelyOutcome(v) ?? "open"].push(v);
  }
  return result;
}

/** Outcomes from the stage when it says won and lost, else from another column with few values that does. */
function proposeOutcomes(proposal: Proposal, deals: SampledFile, guesses: ColumnGuess[]): void {
  const stage = guesses.find((g) => g.field === "stage");
  const candidates = [
    ...(stage ? [stage.at] : []),
    ...deals.header.map((_, i) => i).filter((i) => i !== stage?.at),
  ];
  for (const at of candidates) {
    const values = valuesOf(deals, at);
    if (new Set(values).size > 12) continue;
    const c = classify(values);
    if (c.won.length > 0 && c.lost.length + c.noDecision.length > 0) {
      setOutcomes(proposal, at === stage?.at ? undefined : deals.header[at]!, deals.header[at]!, c);
      return;
    }
  }
  proposal.lines.push("outcomes: no column says which deals are won and lost");
  proposal.confirm.push(
    `say which values mean won and lost: "outcomes": { "column": "<header>", "won": ["…"], "lost": ["…"] } (the column defaults to the stage)`,
  );
}

function setOutcomes(proposal: Proposal, column: string | undefined, header: string, c: Classified): void {
  proposal.config.outcomes = {
    ...(column === undefined ? {} : { column }),
    won: c.won,
    lost: c.lost,
    noDecision: c.noDecision,
  };
  const list = (values: string[]) => (values.length > 0 ? values.join(", ") : "none");
  proposal.lines.push(
    `outcomes: from "${header}": won = ${list(c.won)}; lost = ${list(c.lost)}; no decision = ${list(c.noDecision)}; open = ${list(c.open)}`,
  );
  const doubtful = c.open.filter(looksClosed);
  if (doubtful.length > 0)
    proposal.confirm.push(
      `${doubtful.map((v) => `"${v}"`).join(", ")} look closed but were taken as open: move them into outcomes if they are`,
    );
  proposal.confirm.push(`check the outcomes above: every value not listed is an open deal`);
}

/** Day or month first, from slashed dates whose first or second part is above 12. */
function proposeDates(proposal: Proposal, samples: SampledFile[]): void {
  let dayFirst = 0;
  let monthFirst = 0;
  let textual = "";
  for (const s of samples) {
    for (const row of s.rows) {
      for (const v of row) {
        const m = /^(\d{1,2})\/(\d{1,2})\/\d{2,4}\b/.exec(v);
        if (m) {
          if (Number(m[1]) > 12) dayFirst++;
          if (Number(m[2]) > 12) monthFirst++;
        } else if (
          textual === "" &&
          /^\d{1,2}[ -][A-Za-z]{3,9}\.?,?[ -]\d{2,4}|^[A-Za-z]{3,9}\.? \d{1,2},? \d{4}/.test(v)
        ) {
          textual = v;
        }
      }
    }
  }
  if (textual !== "")
    proposal.lines.push(`dates: months written as words (such as "${textual}"), read as they are`);
  if (dayFirst > 0 && monthFirst === 0) {
    proposal.config.dateOrder = "day-first";
    proposal.lines.push(`dates: day first (${dayFirst} dates such as 31/01 cannot be month first)`);
  } else if (monthFirst > 0 && dayFirst === 0) {
    proposal.lines.push(`dates: month first (${monthFirst} dates such as 01/31 cannot be day first)`);
  } else if (dayFirst > 0 && monthFirst > 0) {
    proposal.confirm.push(
      `dates are written both day first and month first: set "dateFormat" for the deals file's dates`,
    );
  } else if (samples.some((s) => s.rows.some((r) => r.some((v) => /^\d{1,2}\/\d{1,2}\/\d{2,4}/.test(v))))) {
    proposal.confirm.push(
      `no slashed date settles day or month first: month first is assumed; set "dateOrder": "day-first" if not`,
    );
  }
}

const SYMBOLS: [RegExp, string][] = [
  [/€/, "EUR"],
  [/£/, "GBP"],
  [/¥/, "JPY"],
  [/\$/, "USD"],
];

/** The currency of the amounts: a currency column, else a symbol or code in the amounts. */
function proposeCurrency(proposal: Proposal, deals: SampledFile, guesses: ColumnGuess[]): void {
  const column = guesses.find((g) => g.field === "currency");
  const amount = guesses.find((g) => g.field === "amount");
  const found = new Set<string>();
  if (column) for (const v of valuesOf(deals, column.at)) found.add(v.toUpperCase());
  if (amount) {
    for (const v of valuesOf(deals, amount.at)) {
      const code = /\b([A-Z]{3})\b/.exec(v)?.[1] ?? SYMBOLS.find(([re]) => re.test(v))?.[1];
      if (code) found.add(code);
    }
  }
  if (found.size === 1) {
    const [code] = found;
    proposal.config.currency = code;
    proposal.lines.push(
      `currency: ${code} (${column ? `the "${column.header}" column` : "written in the amounts"})`,
    );
  } else if (found.size > 1) {
    proposal.lines.push(`currency: several (${[...found].join(", ")})`);
    proposal.confirm.push(`set "currency" to the one to report in, and "rates" for the others`);
  } else {
    proposal.confirm.push(`amounts carry no currency: set "currency" if they are not in USD`);
  }
}
