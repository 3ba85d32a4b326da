import type { RecordKind } from "../model/records.ts";
import type { IngestContext } from "./context.ts";
import type { DataFolder } from "./dataFolder.ts";
import { configuredFile } from "./findFiles.ts";
import type { Row, TableSpec } from "./readTable.ts";

/*
 * How every adapter reads the files of its export: find the file (the one the config's
 * `files` names, else the format's own name for it), read it through the folder with the
 * config's column mapping for its kind, and note the kind as supplied once a file of it was
 * used. Records go to a sink, so a caller that stores a kind its own way (columns rather
 * than objects, say) needs no array in between; `all` collects them for the others.
 */

/** Where the records of one kind are read, for one data folder. */
export class RecordReader {
  /** The kinds of which a file was read and used, in the order first read. */
  readonly supplied: RecordKind[] = [];
  readonly #folder: DataFolder;
  readonly #context: IngestContext;

  constructor(folder: DataFolder, context: IngestContext) {
    this.#folder = folder;
    this.#context = context;
  }

  /** The file holding a kind: the one the config's `files` names, else `name` in the folder (any case). */
  locate(kind: RecordKind, name: string): string | undefined {
    return configuredFile(this.#folder, this.#context.config.files, kind) ?? this.#folder.find(name);
  }

  /** Reads `file` (nothing when undefined) as `kind`, handing each record and its row to `sink`. */
  async each<T>(
    kind: RecordKind,
    file: string | undefined,
    spec: TableSpec<T>,
    sink: (record: T, row: Row) => void,
  ): Promise<void> {
    if (file === undefined) return;
    await this.#folder.read(file, spec, sink, this.#context.config.columns[kind]);
    this.noteRead(kind, file);
  }

  /** Notes `file`, read as `kind` some other way (in a worker thread), as supplied once it was used. */
  noteRead(kind: RecordKind, file: string): void {
    if (this.#folder.used(file) && !this.supplied.includes(kind)) this.supplied.push(kind);
  }

  /** Reads `file` (nothing when undefined) as `kind` into an array. */
  async all<T>(kind: RecordKind, file: string | undefined, spec: TableSpec<T>): Promise<T[]> {
    const records: T[] = [];
    await this.each(kind, file, spec, (record) => records.push(record));
    return records;
  }
}
