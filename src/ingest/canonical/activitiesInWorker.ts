import { statSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { type ActivityColumns, ActivityLog } from "../../model/activityLog.ts";
import type { Day } from "../../model/records.ts";
import type { IngestContext } from "../context.ts";
import type { DataFolder, InputFile } from "../dataFolder.ts";
import type { FileLedgerState } from "../ledger.ts";
import type { ColumnMapping } from "../readTable.ts";
import type { DateOptions } from "../values/dates.ts";
import type { DecimalSeparator } from "../values/money.ts";
import { readActivities } from "./plainActivities.ts";

/*
 * Reading the activities file beside the rest. Activities are most of an enterprise export's
 * bytes and need nothing read before them, so a large file is read in a worker thread from
 * the start while the main thread reads accounts, deals and history: both cores work. The
 * result is taken over at the point the file would have been read in turn, so the records,
 * the ledger and the manifest are the same bytes whichever thread read it.
 */

/** What the worker is asked to read. */
export interface ActivitiesJob {
  dir: string;
  file: string;
  mapping: ColumnMapping;
  dates: DateOptions;
  decimal: DecimalSeparator;
  latestDay: Day | null;
}

/** What the worker sends back. */
export interface ActivitiesRead {
  columns: ActivityColumns;
  input: InputFile | undefined;
  ledger: FileLedgerState;
  maxDay: Day;
}

/** Files smaller than this are read in turn on the main thread: a worker would cost more than it saves. */
export const WORKER_MIN_BYTES = 16 * 1024 * 1024;

/** An activities file being read; `finish` gives the log once the file is read and accounted for. */
export interface PendingActivities {
  finish(): Promise<ActivityLog>;
  /** Stops a worker still reading (when the run fails before it needs the activities). */
  cancel(): void;
}

/** Starts reading an activities file: in a worker thread when it is large, else when `finish` is called. */
export function startActivities(
  folder: DataFolder,
  file: string,
  context: IngestContext,
  mapping: ColumnMapping = {},
  minBytes = WORKER_MIN_BYTES,
): PendingActivities {
  if (statSync(join(folder.dir, file)).size < minBytes) {
    return {
      async finish() {
        const log = new ActivityLog();
        await readActivities(folder, file, context.cells, log, mapping);
        return log;
      },
      cancel() {},
    };
  }
  const { cells } = context;
  const job: ActivitiesJob = {
    dir: folder.dir,
    file,
    mapping,
    dates: cells.dates,
    decimal: cells.decimal,
    latestDay: cells.latestDay,
  };
  const worker = new Worker(new URL("./activitiesThread.ts", import.meta.url), { workerData: job });
  const read = new Promise<ActivitiesRead>((resolve, reject) => {
    worker.on(
      "message",
      (message: { progress?: { file: string; rows: number; done: boolean }; read?: ActivitiesRead }) => {
        if (message.progress)
          folder.progress(message.progress.file, message.progress.rows, message.progress.done);
        if (message.read) resolve(message.read);
      },
    );
    worker.on("error", reject);
    worker.on("exit", (code) => reject(new Error(`the thread reading ${file} stopped (exit code ${code})`)));
  });
  // A run that fails before it needs the activities never awaits them: that is not an error of its own.
  read.catch(() => {});
  return {
    async finish() {
      const result = await read;
      await worker.terminate();
      if (result.input !== undefined) folder.adopt(result.input);
      context.ledger.absorb(result.ledger);
      if (result.maxDay > cells.maxDay) cells.maxDay = result.maxDay;
      return ActivityLog.fromColumns(result.columns);
    },
    cancel() {
      void worker.terminate();
    },
  };
}
