import { ActivityLog } from "../../model/activityLog.ts";
import { Dictionary } from "../../model/dictionary.ts";
import type { Activity, Opportunity } from "../../model/records.ts";
import type { Adapter } from "../adapter.ts";
import { readHistory } from "../canonical/history.ts";
import type { IngestContext } from "../context.ts";
import type { DataFolder } from "../dataFolder.ts";
import { configuredFile, fileHasSignature } from "../findFiles.ts";
import { KnownDeals } from "../knownDeals.ts";
import { readHeader } from "../readHeader.ts";
import { RecordReader } from "../readRecords.ts";
import type { TableSpec } from "../readTable.ts";
import { learnStageOutcomes } from "../stageOutcomes.ts";
import { rejectDuplicateIds } from "../uniqueIds.ts";
import { salesforceActivities } from "./salesforceActivities.ts";
import { readSalesforceRates } from "./salesforceRates.ts";
import {
  IS_DELETED,
  NULL_IDS,
  salesforceAccounts,
  salesforceContacts,
  salesforceHistory,
  salesforceLeads,
  salesforceOpportunities,
  skippedAsDeleted,
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
  detect(folder, files) {
    const file = configuredFile(folder, files, "opportunities") ?? folder.find("Opportunity.csv");
    return fileHasSignature(folder, file, { all: ["stagename"] });
  },
  rates: readSalesforceRates,
  async read(folder, context) {
    const reader = new RecordReader(folder, context);
    const owners = await readOwners(folder);
    const ownerName = (id: string) => owners.get(id) ?? id;
    const accounts = await reader.all(
      "accounts",
      reader.locate("accounts", "Account.csv"),
      rejectDuplicateIds(salesforceAccounts(context)),
    );
    const contacts = await reader.all(
      "contacts",
      reader.locate("contacts", "Contact.csv"),
      rejectDuplicateIds(salesforceContacts(context)),
    );
    const opportunityFile = reader.locate("opportunities", "Opportunity.csv")!;
    const header = await readHeader(folder, opportunityFile);
    const dealIds = new Dictionary();
    const opportunities = (
      await reader.all(
        "opportunities",
        opportunityFile,
        rejectDuplicateIds(
          salesforceOpportunities(context, new Map(accounts.map((a) => [a.id, a]))),
          dealIds,
        ),
      )
    ).map((o) => ({ ...o, owner: ownerName(o.owner) }));
    if (!header.includes("isclosed")) closeFromForecastCategory(opportunities, context, opportunityFile);
    await addCompetitors(folder, opportunities);
    const deals = KnownDeals.of(opportunities, dealIds);
    const stages = learnStageOutcomes(opportunities);
    const history = await readHistory(
      reader,
      reader.locate("history", "OpportunityHistory.csv"),
      deals,
      (log) => salesforceHistory(context, log, deals, stages),
    );
    // Tasks and events are both activities: `files` can only rename the first.
    const activities = new ActivityLog();
    const addActivity = (a: Activity) => activities.push({ ...a, owner: ownerName(a.owner) });
    await reader.each(
      "activities",
      reader.locate("activities", "Task.csv"),
      salesforceActivities(context, "Task"),
      addActivity,
    );
    await reader.each(
      "activities",
      folder.find("Event.csv"),
      salesforceActivities(context, "Event"),
      addActivity,
    );
    const leads = (
      await reader.all(
        "leads",
        reader.locate("leads", "Lead.csv"),
        rejectDuplicateIds(salesforceLeads(context)),
      )
    ).map((l) => ({ ...l, owner: l.owner === null ? null : ownerName(l.owner) }));
    return { accounts, contacts, opportunities, history, activities, leads, supplied: reader.supplied };
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
      IS_DELETED,
    ],
    build(row) {
      if (skippedAsDeleted(row)) return undefined;
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
    o.isClosed = o.forecastCategory === "closed" || o.forecastCategory === "omitted";
    o.isWon = o.forecastCategory === "closed";
  }
}
