import { CliError } from "../cli/errors.ts";
import type { Ledger } from "./ledger.ts";
import { type CsvFileInfo, readCsv } from "./readCsv.ts";

/*
 * A table is a CSV file whose columns are found by name. A spec lists the columns a record
 * kind needs; the header is matched against them once, and each row is handed to the spec's
 * `build` through a `Row`, which reads cells by key and collects the row's problems. A row
 * with a problem in a value it needs is rejected; one whose optional value is unusable is
 * kept without it and the ledger says so.
 */

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

/** How to turn the rows of one kind of file into records. */
export interface TableSpec<T> {
  /** The record kind, used in the ledger and in config column mappings. */
  kind: string;
  columns: ColumnSpec[];
  /** Cell values that mean "empty" in this export (Salesforce's null id, "N/A", …). */
  nullValues?: readonly string[];
  /** Builds a record from a row, or returns undefined after `row.reject`. */
  build(row: Row): T | undefined;
}

/** A data row, read by column key. */
export class Row {
  line = 0;
  #fields: string[] = [];
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

  /** Moves the row on to the next line of the file. */
  reset(fields: string[], line: number): void {
    this.#fields = fields;
    this.line = line;
    this.#rejected = false;
    this.#skipped = false;
  }

  /** Whether the file has the column. */
  has(key: string): boolean {
    return this.#index.has(key);
  }

  /** The trimmed text of a cell; "" when empty or when the file has no such column. */
  get(key: string): string {
    const at = this.#index.get(key);
    const text = at === undefined ? "" : (this.#fields[at] ?? "").trim();
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

/** Reads a table, handing each record `build` returns to `accept`; returns what was learned of the file. */
export async function readTable<T>(
  path: string,
  file: string,
  spec: TableSpec<T>,
  ledger: Ledger,
  accept: (record: T, row: Row) => void,
  mapping: Record<string, string> = {},
): Promise<CsvFileInfo> {
  const counts = ledger.file(file, spec.kind);
  let row: Row | undefined;
  const info = await readCsv(path, file, {
    header(fields) {
      const { index, headers } = matchHeader(fields, spec, file, mapping);
      row = new Row(file, index, headers, ledger, spec.nullValues);
    },
    row(fields, line) {
      counts.read++;
      row!.reset(fields, line);
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
  return info;
}

function matchHeader(
  fields: string[],
  spec: TableSpec<unknown>,
  file: string,
  mapping: Record<string, string>,
) {
  const positions = new Map<string, number>();
  fields.forEach((name, at) => {
    const key = normalizeHeader(name);
    if (!positions.has(key)) positions.set(key, at);
  });
  const index = new Map<string, number>();
  const headers = new Map<string, string>();
  const missing: string[] = [];
  for (const column of spec.columns) {
    const mapped = mapping[column.key];
    const aliases = column.aliases ?? [];
    const names =
      mapped !== undefined
        ? [mapped]
        : column.preferAliases
          ? [...aliases, column.key]
          : [column.key, ...aliases];
    const at = names.map((name) => positions.get(normalizeHeader(name))).find((p) => p !== undefined);
    if (at !== undefined) {
      index.set(column.key, at);
      headers.set(column.key, fields[at]!);
    } else if (column.required) {
      missing.push(mapped === undefined ? column.key : `${column.key} (mapped to "${mapped}")`);
    }
  }
  if (missing.length > 0) {
    const plural = missing.length > 1 ? "columns" : "column";
    throw new CliError(
      `${file}: required ${plural} ${missing.map((m) => `"${m}"`).join(", ")} ${missing.length > 1 ? "are" : "is"} missing. ` +
        `The header has: ${fields.join(", ")}. Add the ${plural} to the export, or map ${missing.length > 1 ? "them" : "it"} ` +
        `in quarterdeck.config.json: "columns": { "${spec.kind}": { "${missing[0]!.split(" ")[0]}": "<your column name>" } }.`,
    );
  }
  return { index, headers };
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
