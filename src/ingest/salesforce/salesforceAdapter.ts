import { ActivityLog } from "../../model/activityLog.ts";
import type {
  Account,
  Activity,
  Contact,
  HistoryRow,
  Lead,
  Opportunity,
  RecordKind,
} from "../../model/records.ts";
import type { Adapter } from "../adapter.ts";
import type { IngestContext } from "../context.ts";
import type { DataFolder } from "../dataFolder.ts";
import { configuredFile } from "../findFiles.ts";
import { readHeader } from "../readHeader.ts";
import type { TableSpec } from "../readTable.ts";
import { learnStageOutcomes } from "../stageOutcomes.ts";
import { rejectDuplicateIds } from "../uniqueIds.ts";
import { salesforceActivities } from "./salesforceActivities.ts";
import { readSalesforceRates } from "./salesforceRates.ts";
import {
  NULL_IDS,
  salesforceAccounts,
  salesforceContacts,
  salesforceHistory,
  salesforceLeads,
  salesforceOpportunities,
} from "./salesforceSpecs.ts";

/*
 * A Salesforce data export (weekly export service or Data Loader): one CSV per object named
 * after it, with API field names. Closed and won come from IsClosed/IsWon, never from stage
 * names, which may be custom and in any language.
 */

/** The Salesforce data export format. */
export const salesforceAdapter: Adapter = {
  format: "salesforce",
  label: "Salesforce data export",
  async detect(folder, files) {
    const file = configuredFile(folder, files, "opportunities") ?? folder.find("Opportunity.csv");
    if (file === undefined) return false;
    const header = await readHeader(folder, file);
    return header.includes("stagename");
  },
  rates: readSalesforceRates,
  async read(folder, context) {
    const supplied: RecordKind[] = [];
    const columns = context.config.columns;
    const readAll = async <T>(kind: RecordKind, name: string, spec: TableSpec<T>): Promise<T[]> => {
      // Tasks and events are both activities: `files` can only rename the first.
      const file =
        (name !== "Event.csv" ? configuredFile(folder, context.config.files, kind) : undefined) ??
        folder.find(name);
      const records: T[] = [];
      if (file === undefined) return records;
      await folder.read(file, spec, (record) => records.push(record), columns[kind]);
      if (folder.used(file) && !supplied.includes(kind)) supplied.push(kind);
      return records;
    };

    const owners = await readOwners(folder);
    const accounts = await readAll<Account>(
      "accounts",
      "Account.csv",
      rejectDuplicateIds(salesforceAccounts(context)),
    );
    const contacts = await readAll<Contact>(
      "contacts",
      "Contact.csv",
      rejectDuplicateIds(salesforceContacts(context)),
    );
    const opportunityFile =
      configuredFile(folder, context.config.files, "opportunities") ?? folder.find("Opportunity.csv")!;
    const header = await readHeader(folder, opportunityFile);
    const opportunities = (
      await readAll<Opportunity>(
        "opportunities",
        "Opportunity.csv",
        rejectDuplicateIds(salesforceOpportunities(context, new Map(accounts.map((a) => [a.id, a])))),
      )
    ).map((o) => ({ ...o, owner: owners.get(o.owner) ?? o.owner }));
    if (!header.includes("isclosed")) closeFromForecastCategory(opportunities, context, opportunityFile);
    await addCompetitors(folder, opportunities);
    const byId = new Map(opportunities.map((o) => [o.id, o]));
    const history = await readAll<HistoryRow>(
      "history",
      "OpportunityHistory.csv",
      salesforceHistory(context, byId, learnStageOutcomes(opportunities)),
    );
    const activities = ActivityLog.of(
      [
        ...(await readAll<Activity>("activities", "Task.csv", salesforceActivities(context, "Task"))),
        ...(await readAll<Activity>("activities", "Event.csv", salesforceActivities(context, "Event"))),
      ].map((a) => ({ ...a, owner: owners.get(a.owner) ?? a.owner })),
    );
    const leads = (
      await readAll<Lead>("leads", "Lead.csv", rejectDuplicateIds(salesforceLeads(context)))
    ).map((l) => ({
      ...l,
      owner: l.owner === null ? null : (owners.get(l.owner) ?? l.owner),
    }));
    return {
      accounts,
      contacts,
      opportunities,
      history,
      activities,
      leads,
      supplied,
    };
  },
};

/** Owner ids to names from User.csv, when the export has it. */
async function readOwners(folder: DataFolder): Promise<Map<string, string>> {
  const owners = new Map<string, string>();
  const file = folder.find("User.csv");
  if (file === undefined) return owners;
  const spec: TableSpec<{ id: string; name: string }> = {
    kind: "users",
    columns: [{ key: "Id", required: true }, { key: "Name" }, { key: "FirstName" }, { key: "LastName" }],
    build(row) {
      const name = row.get("Name") || `${row.get("FirstName")} ${row.get("LastName")}`.trim();
      return row.get("Id") === ""
        ? row.reject("Id", "is empty")
        : { id: row.get("Id"), name: name || row.get("Id") };
    },
  };
  await folder.read(file, spec, (user) => owners.set(user.id, user.name));
  return owners;
}

/** The first competitor named on each opportunity in OpportunityCompetitor.csv, where the opportunity names none itself. */
async function addCompetitors(folder: DataFolder, opportunities: Opportunity[]): Promise<void> {
  const file = folder.find("OpportunityCompetitor.csv");
  if (file === undefined) return;
  const first = new Map<string, string>();
  const spec: TableSpec<{ opportunityId: string; name: string }> = {
    kind: "competitors",
    nullValues: NULL_IDS,
    columns: [
      { key: "OpportunityId", required: true },
      { key: "CompetitorName", required: true },
      { key: "IsDeleted" },
    ],
    build(row) {
      if (row.get("IsDeleted").toLowerCase() === "true" || row.get("IsDeleted") === "1")
        return row.skip("deleted in Salesforce");
      if (row.get("CompetitorName") === "") return row.reject("CompetitorName", "is empty");
      return { opportunityId: row.get("OpportunityId"), name: row.get("CompetitorName") };
    },
  };
  await folder.read(file, spec, (c) => {
    if (!first.has(c.opportunityId)) first.set(c.opportunityId, c.name);
  });
  for (const o of opportunities) if (o.competitor === null) o.competitor = first.get(o.id) ?? null;
}

/**
 * Without IsClosed/IsWon (a report export, say), the forecast category is the next most
 * reliable signal: "Closed" is won and "Omitted" is lost. The ledger says it was used.
 */
function closeFromForecastCategory(opportunities: Opportunity[], context: IngestContext, file: string): void {
  context.ledger.report({
    file,
    line: 1,
    column: "IsClosed",
    problem:
      "IsClosed and IsWon are not in the export; closed and won are taken from ForecastCategory (Closed = won, Omitted = lost)",
    severity: "warning",
  });
  for (const o of opportunities) {
    const category = (o.forecastCategory ?? "").toLowerCase();
    o.isClosed = category === "closed" || category === "omitted";
    o.isWon = category === "closed";
  }
}
