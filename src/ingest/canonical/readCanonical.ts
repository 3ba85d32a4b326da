import { ActivityLog } from "../../model/activityLog.ts";
import { Dictionary } from "../../model/dictionary.ts";
import type { RecordKind } from "../../model/records.ts";
import type { CrmRecords } from "../adapter.ts";
import type { IngestContext } from "../context.ts";
import type { DataFolder } from "../dataFolder.ts";
import { dealDays } from "../exportDate.ts";
import { KnownDeals } from "../knownDeals.ts";
import { RecordReader } from "../readRecords.ts";
import { learnStageOutcomes } from "../stageOutcomes.ts";
import { rejectDuplicateIds } from "../uniqueIds.ts";
import { accountsSpec } from "./accounts.ts";
import { startActivities } from "./activitiesInWorker.ts";
import { contactsSpec } from "./contacts.ts";
import { historySpec, readHistory } from "./history.ts";
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
  const reader = new RecordReader(folder, context);
  const file = (kind: keyof typeof CANONICAL_FILES) => reader.locate(kind, CANONICAL_FILES[kind]);

  const activitiesFile = file("activities");
  const pending =
    activitiesFile === undefined
      ? null
      : startActivities(folder, activitiesFile, context, context.config.columns.activities);
  try {
    const accounts = await reader.all(
      "accounts",
      file("accounts"),
      rejectDuplicateIds(accountsSpec(context)),
    );
    const accountsById = new Map(accounts.map((a) => [a.id, a]));
    const contacts = await reader.all(
      "contacts",
      file("contacts"),
      rejectDuplicateIds(contactsSpec(context)),
    );
    const dealIds = new Dictionary();
    const opportunities = await reader.all(
      "opportunities",
      file("opportunities"),
      rejectDuplicateIds(opportunitiesSpec(context, accountsById), dealIds),
    );
    const deals = KnownDeals.of(opportunities, dealIds);
    const stages = learnStageOutcomes(opportunities);
    const history = await readHistory(reader, file("history"), deals, (log) =>
      historySpec(context, log, deals, stages),
    );
    context.dealsRead?.({ accounts, opportunities, history });
    // Their days too, for the export's date, while the activities may still be read.
    dealDays(opportunities, history);
    const activities = pending === null ? new ActivityLog() : await pending.finish();
    if (activitiesFile !== undefined) reader.noteRead("activities", activitiesFile);
    const leads = await reader.all("leads", file("leads"), rejectDuplicateIds(leadsSpec(context)));
    return { accounts, contacts, opportunities, history, activities, leads, supplied: reader.supplied };
  } finally {
    pending?.cancel();
  }
}
