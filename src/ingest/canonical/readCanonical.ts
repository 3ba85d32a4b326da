import { ActivityLog } from "../../model/activityLog.ts";
import type { Account, Contact, HistoryRow, Lead, Opportunity, RecordKind } from "../../model/records.ts";
import type { CrmRecords } from "../adapter.ts";
import type { IngestContext } from "../context.ts";
import type { DataFolder } from "../dataFolder.ts";
import { configuredFile } from "../findFiles.ts";
import type { TableSpec } from "../readTable.ts";
import { learnStageOutcomes } from "../stageOutcomes.ts";
import { rejectDuplicateIds } from "../uniqueIds.ts";
import { accountsSpec } from "./accounts.ts";
import { startActivities } from "./activitiesInWorker.ts";
import { contactsSpec } from "./contacts.ts";
import { historySpec } from "./history.ts";
import { leadsSpec } from "./leads.ts";
import { opportunitiesSpec } from "./opportunities.ts";

/** The canonical format: which file holds which record kind (planning files: ../planning.ts). */
export const CANONICAL_FILES: Record<Exclude<RecordKind, "forecasts" | "targets" | "rocks">, string> = {
  accounts: "accounts.csv",
  contacts: "contacts.csv",
  opportunities: "opportunities.csv",
  history: "history.csv",
  activities: "activities.csv",
  leads: "leads.csv",
};

/** Reads a folder in the canonical CSV format (docs/canonical-csv.md). */
export async function readCanonical(folder: DataFolder, context: IngestContext): Promise<CrmRecords> {
  const supplied: RecordKind[] = [];
  const columns = context.config.columns;
  const fileOf = (kind: keyof typeof CANONICAL_FILES) =>
    configuredFile(folder, context.config.files, kind) ?? folder.find(CANONICAL_FILES[kind]);
  async function readAll<T>(kind: keyof typeof CANONICAL_FILES, spec: TableSpec<T>): Promise<T[]> {
    const file = fileOf(kind);
    const records: T[] = [];
    if (file === undefined) return records;
    await folder.read(file, spec, (record) => records.push(record), columns[kind]);
    if (folder.used(file)) supplied.push(kind);
    return records;
  }

  const activitiesFile = fileOf("activities");
  const pending =
    activitiesFile === undefined
      ? null
      : startActivities(folder, activitiesFile, context, columns.activities);
  try {
    const accounts = await readAll<Account>("accounts", rejectDuplicateIds(accountsSpec(context)));
    const accountsById = new Map(accounts.map((a) => [a.id, a]));
    const contacts = await readAll<Contact>("contacts", rejectDuplicateIds(contactsSpec(context)));
    const opportunities = await readAll<Opportunity>(
      "opportunities",
      rejectDuplicateIds(opportunitiesSpec(context, accountsById)),
    );
    const opportunitiesById = new Map(opportunities.map((o) => [o.id, o]));
    const stages = learnStageOutcomes(opportunities);
    const history = await readAll<HistoryRow>("history", historySpec(context, opportunitiesById, stages));
    const activities = pending === null ? new ActivityLog() : await pending.finish();
    if (activitiesFile !== undefined && folder.used(activitiesFile)) supplied.push("activities");
    const leads = await readAll<Lead>("leads", rejectDuplicateIds(leadsSpec(context)));
    return { accounts, contacts, opportunities, history, activities, leads, supplied };
  } finally {
    pending?.cancel();
  }
}
