import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readdir } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { CliError } from "../errors.ts";
import type { Ledger } from "./ledger.ts";
import { readCsv } from "./readCsv.ts";
import { type ColumnMapping, type Row, readTable, type TableSpec } from "./readTable.ts";

/*
 * A data folder as adapters see it: the files it holds, and a way to read one as a table that
 * also records the file's hash for the snapshot's manifest. Every file in the folder ends up
 * in the manifest, read or not, so a snapshot names exactly what it was computed from.
 */

/** One input file in the manifest. */
export interface InputFile {
  /** Path relative to the data folder, with "/" separators. */
  file: string;
  sha256: string;
  bytes: number;
  /** What it was read as (opportunities, interviews, …), or "ignored". */
  kind: string;
  /** Text encoding, for CSV files. */
  encoding?: string;
}

/** Progress of a long read: called every so many rows, and when a file is done. */
export type ProgressReporter = (file: string, rows: number, done: boolean) => void;

/** A data folder being ingested. */
export class DataFolder {
  readonly dir: string;
  /** Every file below the folder, relative, sorted. */
  readonly files: readonly string[];
  readonly #ledger: Ledger;
  /** Where progress of long reads goes (also for files read in a worker thread). */
  readonly progress: ProgressReporter;
  readonly #inputs = new Map<string, InputFile>();

  private constructor(dir: string, files: string[], ledger: Ledger, progress: ProgressReporter) {
    this.dir = dir;
    this.files = files;
    this.#ledger = ledger;
    this.progress = progress;
  }

  /** Lists a folder; fails with a clear message when it does not exist. */
  static async open(dir: string, ledger: Ledger, progress: ProgressReporter = () => {}): Promise<DataFolder> {
    let entries: string[];
    try {
      entries = (await readdir(dir, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile() && !entry.name.startsWith("."))
        .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"))
        .sort();
    } catch {
      throw new CliError(`${dir}: no such data folder. Pass the folder holding the CRM export with --data.`);
    }
    return new DataFolder(dir, entries, ledger, progress);
  }

  /** The file whose name matches, ignoring case (CRM exports vary in capitalisation). */
  find(name: string): string | undefined {
    const wanted = name.toLowerCase();
    return this.files.find((file) => file.toLowerCase() === wanted);
  }

  /**
   * Reads a file as a table, records it in the manifest, and returns how many records were
   * accepted. A structural problem (a required column missing) stops the run for the
   * opportunities; any other file is then left out whole, and the ledger says why.
   */
  async read<T>(
    file: string,
    spec: TableSpec<T>,
    accept: (record: T, row: Row) => void,
    mapping: ColumnMapping = {},
  ): Promise<number> {
    try {
      return await this.#read(file, spec, accept, mapping);
    } catch (error) {
      if (!(error instanceof CliError) || spec.kind === "opportunities") throw error;
      const { sha256, bytes } = await hashFile(join(this.dir, file));
      this.#inputs.set(file, { file, sha256, bytes, kind: `${spec.kind} (not used)` });
      // Every row of a file left out is counted as read and not used, so no summary can say
      // "0 rejected" while a whole file went unused.
      const counts = this.#ledger.file(file, spec.kind);
      counts.kind = `${spec.kind} (not used)`;
      counts.read = await countRows(join(this.dir, file), file).catch(() => 0);
      counts.used = 0;
      this.#ledger.report({
        file,
        line: 1,
        column: null,
        problem: `file not used, none of its ${counts.read} rows are: ${error.message}`,
        severity: "warning",
      });
      counts.rejected = counts.read;
      return 0;
    }
  }

  async #read<T>(
    file: string,
    spec: TableSpec<T>,
    accept: (record: T, row: Row) => void,
    mapping: ColumnMapping,
  ): Promise<number> {
    let accepted = 0;
    const info = await readTable(
      join(this.dir, file),
      file,
      spec,
      this.#ledger,
      (record, row) => {
        accepted++;
        if (accepted % 100_000 === 0) this.progress(file, accepted, false);
        accept(record, row);
      },
      mapping,
    );
    this.progress(file, accepted, true);
    this.#inputs.set(file, {
      file,
      sha256: info.sha256,
      bytes: info.bytes,
      kind: spec.kind,
      encoding: info.encoding,
    });
    return accepted;
  }

  /** Whether a file was read and used (not left out for a structural problem). */
  used(file: string): boolean {
    const input = this.#inputs.get(file);
    return input !== undefined && !input.kind.endsWith("(not used)");
  }

  /** The manifest entry of a file read, if it was. */
  input(file: string): InputFile | undefined {
    return this.#inputs.get(file);
  }

  /** Records a file read by another DataFolder (in a worker thread). */
  adopt(input: InputFile): void {
    this.#inputs.set(input.file, input);
  }

  /** Records a file read some other way (Markdown notes, …). */
  note(file: string, sha256: string, bytes: number, kind: string): void {
    this.#inputs.set(file, { file, sha256, bytes, kind });
  }

  /** The manifest of every file in the folder; files nobody read are hashed and marked "ignored". */
  async inputs(): Promise<InputFile[]> {
    for (const file of this.files) {
      if (this.#inputs.has(file)) continue;
      const { sha256, bytes } = await hashFile(join(this.dir, file));
      this.#inputs.set(file, { file, sha256, bytes, kind: "ignored" });
      this.#ledger.file(file, "ignored");
    }
    return [...this.#inputs.values()].sort((a, b) => a.file.localeCompare(b.file));
  }
}

/** The number of data rows of a CSV file. */
async function countRows(path: string, file: string): Promise<number> {
  let rows = 0;
  await readCsv(path, file, { header() {}, row: () => void rows++, malformed: () => void rows++ });
  return rows;
}

/** SHA-256 and size of a file, streamed. */
export async function hashFile(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest("hex"), bytes };
}
