/*
 * The worker thread that reads a canonical activities file: the largest file of an
 * enterprise export, read while the main thread reads the deals. It reads the file exactly
 * as the main thread would (same spec, same checks) and sends back the activity log's
 * columns, the file's manifest entry and its ledger, which the main thread takes over whole.
 */
import { parentPort, workerData } from "node:worker_threads";
import { ActivityLog } from "../../model/activityLog.ts";
import { cellContext } from "../cells.ts";
import { DataFolder } from "../dataFolder.ts";
import { Ledger } from "../ledger.ts";
import type { ActivitiesJob, ActivitiesRead } from "./activitiesInWorker.ts";
import { readActivities } from "./plainActivities.ts";

const job = workerData as ActivitiesJob;
const port = parentPort!;
const ledger = new Ledger();
const folder = await DataFolder.open(job.dir, ledger, (file, rows, done) =>
  port.postMessage({ progress: { file, rows, done } }),
);
const cells = cellContext(job.dates, job.decimal, job.latestDay);
const log = new ActivityLog();
await readActivities(folder, job.file, cells, log, job.mapping);
const columns = log.handOver();
const read: ActivitiesRead = {
  columns,
  input: folder.input(job.file),
  ledger: ledger.fileState(job.file),
  maxDay: cells.maxDay,
};
port.postMessage(
  { read },
  [columns.day, columns.type, columns.owner, columns.account, columns.contact, columns.opportunity].map(
    (column) => column.buffer as ArrayBuffer,
  ),
);
