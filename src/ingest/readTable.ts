import { CliError } from "../errors.ts";
import { CONTROL } from "./csvParser.ts";
import type { Ledger } from "./ledger.ts";
import { type CsvFileInfo, readCsv } from "./readCsv.ts";

/*
 * A table is a CSV file whose columns are found by name. A spec lists the columns a record
 * kind needs; the header is matched against them once, and each row is handed to the spec's
 * `build` through a `Row`, which reads cells by key and collects the row's problems. A row
 * with a problem in a value it needs is rejected; one whose optional value is unusable is
 * kept without it and the ledger says so.
 */

const BREAKS = /[\t\n\r]+/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** The fields of a row read from its bytes: the record is made, the row only carries its line. */
const NO_FIELDS: string[] = [];

/** One column a table reads. */
export interface ColumnSpec {
  /** Key the spec reads the column by (and its canonical name). */
  key: string;
  /** Whether the file is unusable without this column. */
  required?: boolean;
  /** Other header names the column goes by in exports. */
  aliases?: string[];
  /** Try the aliases before the key itself (when an export has a better column under another name). */
  preferAliases?: boolean;
}

/** What a plain reader gives for a row it stored itself, in columns, rather than as a record. */
export const STORED = Symbol("stored by the plain reader");

/** How to turn the rows of one kind of file into records. */
export interface TableSpec<T> {
  /** The record kind, used in the ledger and in config column mappings. */
  kind: string;
  columns: ColumnSpec[];
  /** What else would do, per column, when a required column is missing. */
  hints?: Readonly<Record<string, string>>;
  /** Cell values that mean "empty" in this export (Salesforce's null id, "N/A", …). */
  nullValues?: readonly string[];
  /** Builds a record from a row, or returns undefined after `row.reject`. */
  build(row: Row): T | undefined;
  /**
   * Reads rows straight from their bytes, for the largest files: given where each column is,
   * returns a reader of one plain line (printable ASCII, no quotes) that gives the record,
   * or undefined for any line it is not sure of, which `build` then reads as usual. It must
   * give exactly what `build` would.
   */
  plain?(columns: ReadonlyMap<string, number>, count: number): PlainRowReader<T>;
}

/**
 * Reads one plain line [start, end) of a file's bytes (on line `line` of the file) into a
 * record, or undefined to leave it to `build`.
 */
export type PlainRowReader<T> = (
  bytes: Uint8Array,
  start: number,
  end: number,
  delimiter: number,
  line: number,
) => T | undefined;

/** A data row, read by column key. */
export class Row {
  line = 0;
  #fields: string[] = [];
  #plain = false;
  #rejected = false;
  #skipped = false;
  readonly #nulls: ReadonlySet<string>;
  readonly #index: Map<string, number>;
  readonly #file: string;
  readonly #ledger: Ledger;
  readonly #headers: Map<string, string>;

  constructor(
    file: string,
    index: Map<string, number>,
    headers: Map<string, string>,
    ledger: Ledger,
    nullValues: readonly string[] = [],
  ) {
    this.#nulls = new Set(nullValues);
    this.#file = file;
    this.#index = index;
    this.#headers = headers;
    this.#ledger = ledger;
  }

  /** Moves the row on to the next line of the file; `plain` when no value holds a control character. */
  reset(fields: string[], line: number, plain = false): void {
    this.#fields = fields;
    this.#plain = plain;
    this.line = line;
    this.#rejected = false;
    this.#skipped = false;
  }

  /** The file the row is in, as messages name it. */
  get file(): string {
    return this.#file;
  }

  /** Whether the file has the column. */
  has(key: string): boolean {
    return this.#index.has(key);
  }

  /**
   * The trimmed text of a cell; "" when empty or when the file has no such column. Control
   * characters are taken out (a NUL in an owner's name would otherwise make a new rep); line
   * breaks and tabs become spaces.
   */
  get(key: string): string {
    const at = this.#index.get(key);
    let text = at === undefined ? "" : (this.#fields[at] ?? "");
    if (!this.#plain && CONTROL.test(text)) text = text.replace(BREAKS, " ").replace(CONTROLS, "");
    text = text.trim();
    return this.#nulls.size > 0 && this.#nulls.has(text) ? "" : text;
  }

  /**
   * Leaves the row out on purpose (a record deleted in the CRM, say): counted and explained in
   * the ledger, but not a rejection, so it never counts against the reject threshold.
   */
  skip(problem: string): undefined {
    if (!this.#skipped && !this.#rejected) {
      this.#skipped = true;
      this.#ledger.report({ file: this.#file, line: this.line, column: null, problem, severity: "skipped" });
    }
    return undefined;
  }

  /** Whether the row was left out on purpose. */
  get skipped(): boolean {
    return this.#skipped;
  }

  /** Rejects the row: it will not be used, and the ledger says why. */
  reject(key: string | null, problem: string): undefined {
    if (!this.#rejected) {
      this.#rejected = true;
      this.#ledger.report({
        file: this.#file,
        line: this.line,
        column: this.#column(key),
        problem,
        severity: "rejected",
      });
    }
    return undefined;
  }

  /** Records that a value could not be used; the row is still used without it. */
  warn(key: string | null, problem: string): void {
    this.#ledger.report({
      file: this.#file,
      line: this.line,
      column: this.#column(key),
      problem,
      severity: "warning",
    });
  }

  /** Whether the row has been rejected. */
  get rejected(): boolean {
    return this.#rejected;
  }

  #column(key: string | null): string | null {
    return key === null ? null : (this.#headers.get(key) ?? key);
  }
}

/** Header names are matched without regard to case, spaces, underscores or punctuation. */
export function normalizeHeader(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** A column mapping from the config: canonical field → the export's header. */
export type ColumnMapping = Readonly<Record<string, string | undefined>>;

/** Reads a table, handing each record `build` returns to `accept`; returns what was learned of the file. */
export async function readTable<T>(
  path: string,
  file: string,
  spec: TableSpec<T>,
  ledger: Ledger,
  accept: (record: T, row: Row) => void,
  mapping: ColumnMapping = {},
): Promise<CsvFileInfo> {
  try {
    return await readRows(path, file, spec, ledger, accept, mapping, undefined);
  } catch (error) {
    if (!(error instanceof NeedsValueCounts)) throw error;
    // Two headers could be the same field: count the values each holds, then read for real.
    const counts = await countValues(path, file, error.positions);
    return await readRows(path, file, spec, ledger, accept, mapping, counts);
  }
}

async function readRows<T>(
  path: string,
  file: string,
  spec: TableSpec<T>,
  ledger: Ledger,
  accept: (record: T, row: Row) => void,
  mapping: ColumnMapping,
  valueCounts: Map<number, number> | undefined,
): Promise<CsvFileInfo> {
  const counts = ledger.file(file, spec.kind);
  let row: Row | undefined;
  let plain: PlainRowReader<T> | null = null;
  return await readCsv(path, file, {
    header(fields) {
      const match = matchHeader(fields, spec, file, mapping, valueCounts);
      if (match.ambiguous.length > 0 && valueCounts === undefined) {
        throw new NeedsValueCounts(match.ambiguous.flatMap((a) => a.candidates));
      }
      for (const a of match.ambiguous) reportAmbiguity(a, fields, spec.kind, file, ledger, valueCounts!);
      row = new Row(file, match.index, match.headers, ledger, spec.nullValues);
      plain = spec.plain?.(match.index, fields.length) ?? null;
    },
    // Cells that mean "empty" need the text: such files are read by `build` alone.
    ...(spec.plain === undefined || (spec.nullValues ?? []).length > 0
      ? {}
      : {
          plainLine(bytes: Uint8Array, start: number, end: number, line: number, delimiter: number) {
            const record = plain?.(bytes, start, end, delimiter, line);
            if (record === undefined) return false;
            counts.read++;
            counts.used++;
            row!.reset(NO_FIELDS, line, true);
            accept(record, row!);
            return true;
          },
        }),
    malformed(line, problem) {
      counts.read++;
      ledger.report({ file, line, column: null, problem, severity: "rejected" });
    },
    badBytes(lines) {
      for (const line of lines) {
        ledger.report({
          file,
          line,
          column: null,
          problem:
            "holds bytes that are not UTF-8 (shown as �); the rest of the file is UTF-8, so it is read as UTF-8. Export the file again as UTF-8",
          severity: "warning",
        });
      }
    },
    row(fields, line, plain) {
      counts.read++;
      row!.reset(fields, line, plain);
      const record = spec.build(row!);
      if (row!.skipped) return;
      if (record === undefined || row!.rejected) {
        row!.reject(null, "row could not be used");
        return;
      }
      counts.used++;
      accept(record, row!);
    },
  });
}

/** Raised from the header when a column has two candidate headers and their values are not counted yet. */
class NeedsValueCounts extends Error {
  readonly positions: number[];
  constructor(positions: number[]) {
    super("the values of ambiguous columns must be counted first");
    this.positions = positions;
  }
}

async function countValues(path: string, file: string, positions: number[]): Promise<Map<number, number>> {
  const counts = new Map(positions.map((p) => [p, 0]));
  await readCsv(path, file, {
    header() {},
    row(fields) {
      for (const p of positions) if ((fields[p] ?? "").trim() !== "") counts.set(p, counts.get(p)! + 1);
    },
  });
  return counts;
}

/** A canonical field that two or more headers could be. */
interface Ambiguity {
  key: string;
  candidates: number[];
  chosen: number;
}

function reportAmbiguity(
  ambiguity: Ambiguity,
  fields: string[],
  kind: string,
  file: string,
  ledger: Ledger,
  valueCounts: Map<number, number>,
): void {
  const described = ambiguity.candidates
    .map((at) => `"${fields[at]}" (${valueCounts.get(at) ?? 0} values)`)
    .join(" and ");
  const chosen = fields[ambiguity.chosen]!;
  ledger.report({
    file,
    line: 1,
    column: chosen,
    problem:
      `${ambiguity.candidates.length} columns could be ${ambiguity.key}: ${described}; used "${chosen}", the one holding the most values. ` +
      `To choose another, name it in quarterdeck.config.json: "columns": { "${kind}": { "${ambiguity.key}": "<header>" } }`,
    severity: "warning",
  });
}

/**
 * Finds each column of the spec in the header. A header the config names is matched exactly
 * (then without regard to case and punctuation, when only one header fits). Otherwise the
 * column's names are tried in turn, each matched without regard to case and punctuation;
 * when two headers fit one name (`Loss_Reason__c` and `LossReason__c`), the one holding
 * values wins and the ledger says which was used.
 */
function matchHeader(
  fields: string[],
  spec: TableSpec<unknown>,
  file: string,
  mapping: ColumnMapping,
  valueCounts: Map<number, number> | undefined,
) {
  const exact = new Map<string, number>();
  const normalized = new Map<string, number[]>();
  fields.forEach((name, at) => {
    if (!exact.has(name.trim())) exact.set(name.trim(), at);
    const key = normalizeHeader(name);
    const positions = normalized.get(key);
    if (positions) positions.push(at);
    else normalized.set(key, [at]);
  });
  const index = new Map<string, number>();
  const headers = new Map<string, string>();
  const ambiguous: Ambiguity[] = [];
  const missing: string[] = [];
  const unmatched: string[] = [];
  for (const column of spec.columns) {
    const mapped = mapping[column.key];
    let at: number | undefined;
    if (mapped !== undefined) {
      const loose = normalized.get(normalizeHeader(mapped)) ?? [];
      at = exact.get(mapped.trim()) ?? (loose.length === 1 ? loose[0] : undefined);
      if (at === undefined) unmatched.push(`"${column.key}": "${mapped}"`);
    } else {
      const aliases = column.aliases ?? [];
      const names = column.preferAliases ? [...aliases, column.key] : [column.key, ...aliases];
      for (const name of names) {
        const candidates = normalized.get(normalizeHeader(name));
        if (candidates === undefined) continue;
        at = candidates.length === 1 ? candidates[0]! : chooseAmong(candidates, fields, name, valueCounts);
        if (candidates.length > 1) ambiguous.push({ key: column.key, candidates, chosen: at });
        break;
      }
    }
    if (at !== undefined) {
      index.set(column.key, at);
      headers.set(column.key, fields[at]!);
    } else if (column.required && mapped === undefined) {
      missing.push(column.key);
    }
  }
  if (unmatched.length > 0) {
    throw new CliError(
      `${file}: quarterdeck.config.json maps ${unmatched.join(", ")} under "columns": { "${spec.kind}": … }, ` +
        `but the header has no such column. The header has: ${fields.join(", ")}. Write the header exactly as the file has it.`,
    );
  }
  if (missing.length > 0) {
    const plural = missing.length > 1 ? "columns" : "column";
    throw new CliError(
      `${file}: required ${plural} ${missing.map((m) => `"${m}"`).join(", ")} ${missing.length > 1 ? "are" : "is"} missing. ` +
        `The header has: ${fields.join(", ")}. Add the ${plural} to the export, or map ${missing.length > 1 ? "them" : "it"} ` +
        `in quarterdeck.config.json: "columns": { "${spec.kind}": { "${missing[0]!}": "<your column name>" } }.` +
        missing.map((m) => (spec.hints?.[m] === undefined ? "" : ` ${spec.hints[m]}`)).join(""),
    );
  }
  return { index, headers, ambiguous };
}

/** Of headers that could be the same field: the one holding the most values, then the one spelt exactly so. */
function chooseAmong(
  candidates: number[],
  fields: string[],
  name: string,
  valueCounts: Map<number, number> | undefined,
): number {
  const count = (at: number) => valueCounts?.get(at) ?? 0;
  const exactly = (at: number) => (fields[at]!.trim() === name ? 1 : 0);
  return [...candidates].sort((a, b) => count(b) - count(a) || exactly(b) - exactly(a) || a - b)[0]!;
}

/** A spec with some columns renamed or re-required and extra columns to read, for another export format. */
export function withColumns<T>(
  spec: TableSpec<T>,
  overrides: Record<string, Partial<ColumnSpec>>,
  extra: ColumnSpec[] = [],
  nullValues: readonly string[] = [],
): TableSpec<T> {
  return {
    ...spec,
    nullValues: [...(spec.nullValues ?? []), ...nullValues],
    columns: [...spec.columns.map((c) => ({ ...c, ...overrides[c.key] })), ...extra],
  };
}
