import type {
  Account,
  Activity,
  Contact,
  ForecastSubmission,
  HistoryRow,
  Lead,
  Opportunity,
  RecordKind,
  Records,
  Rock,
  Target,
} from "../../model/records.ts";
import type { IngestContext } from "../context.ts";
import type { DataFolder } from "../dataFolder.ts";
import { configuredFile } from "../findFiles.ts";
import type { TableSpec } from "../readTable.ts";
import { learnStageOutcomes } from "../stageOutcomes.ts";
import { rejectDuplicateIds } from "../uniqueIds.ts";
import { accountsSpec } from "./accounts.ts";
import { activitiesSpec } from "./activities.ts";
import { contactsSpec } from "./contacts.ts";
import { historySpec } from "./history.ts";
import { leadsSpec } from "./leads.ts";
import { opportunitiesSpec } from "./opportunities.ts";
import { forecastsSpec, rocksSpec, targetsSpec } from "./planning.ts";

/** The canonical format: which file holds which record kind. */
export const CANONICAL_FILES: Record<RecordKind, string> = {
  accounts: "accounts.csv",
  contacts: "contacts.csv",
  opportunities: "opportunities.csv",
  history: "history.csv",
  activities: "activities.csv",
  leads: "leads.csv",
  forecasts: "forecasts.csv",
  targets: "targets.csv",
  rocks: "rocks.csv",
};

/** Reads a folder in the canonical CSV format (docs/canonical-csv.md). */
export async function readCanonical(
  folder: DataFolder,
  context: IngestContext,
): Promise<Omit<Records, "asOf">> {
  const supplied: RecordKind[] = [];
  const columns = context.config.columns;
  async function readAll<T>(kind: RecordKind, spec: TableSpec<T>): Promise<T[]> {
    const file = configuredFile(folder, context.config.files, kind) ?? folder.find(CANONICAL_FILES[kind]);
    const records: T[] = [];
    if (file === undefined) return records;
    await folder.read(file, spec, (record) => records.push(record), columns[kind]);
    if (folder.used(file)) supplied.push(kind);
    return records;
  }

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
  const activities = await readAll<Activity>("activities", activitiesSpec(context));
  const leads = await readAll<Lead>("leads", rejectDuplicateIds(leadsSpec(context)));
  const forecasts = await readAll<ForecastSubmission>("forecasts", forecastsSpec(context));
  const targets = await readAll<Target>("targets", targetsSpec(context));
  const rocks = await readAll<Rock>("rocks", rocksSpec(context));
  return {
    accounts,
    contacts,
    opportunities,
    history,
    activities,
    leads,
    forecasts,
    targets,
    rocks,
    supplied,
  };
}
