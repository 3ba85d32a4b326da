import { ActivityLog } from "../../model/activityLog.ts";
import { HistoryLog } from "../../model/historyLog.ts";
import type { Opportunity } from "../../model/records.ts";
import type { Adapter } from "../adapter.ts";
import { fileHasSignature } from "../findFiles.ts";
import { readHeader } from "../readHeader.ts";
import { RecordReader } from "../readRecords.ts";
import { rejectDuplicateIds } from "../uniqueIds.ts";
import { DEAL_SIGNATURE, findHubSpotFiles } from "./hubspotFiles.ts";
import {
  hubspotActivities,
  hubspotCompanies,
  hubspotContacts,
  hubspotDeals,
  hubspotLeads,
} from "./hubspotSpecs.ts";

/*
 * A HubSpot export: deals, companies, contacts and activities as display-name CSVs. A deal is
 * closed and won by the config's `outcomes` when set, else by HubSpot's own "Is Deal Closed?"
 * and "Is Closed Won" columns when exported, else when its stage is one of the pipeline's
 * closed stages (config `hubspot.closedWonStages` / `closedLostStages`, HubSpot's defaults
 * unless set); a stage that looks closed but is none of them is reported. Deals in a
 * renewals pipeline are renewals.
 */

/** The HubSpot export format. */
export const hubspotAdapter: Adapter = {
  format: "hubspot",
  label: "HubSpot export",
  async detect(folder, files) {
    return fileHasSignature(folder, (await findHubSpotFiles(folder, files)).deals, DEAL_SIGNATURE);
  },
  async rates() {
    return [];
  },
  async read(folder, context) {
    const files = await findHubSpotFiles(folder, context.config.files);
    const reader = new RecordReader(folder, context);

    const byDomain =
      files.deals !== undefined &&
      (await readHeader(folder, files.deals)).includes("associatedcompanydomain");
    const accounts = await reader.all(
      "accounts",
      files.companies,
      rejectDuplicateIds(hubspotCompanies(context, byDomain)),
    );
    const contacts = await reader.all(
      "contacts",
      files.contacts,
      rejectDuplicateIds(hubspotContacts(context, byDomain)),
    );
    const opportunities: Opportunity[] = [];
    await reader.each(
      "opportunities",
      files.deals,
      rejectDuplicateIds(hubspotDeals(context, new Map(accounts.map((a) => [a.id, a])), byDomain)),
      (deal, row) => {
        if (/renew/i.test(row.get("pipeline"))) deal.type = "renewal";
        opportunities.push(deal);
      },
    );
    // An activity logged against a contact belongs to the contact's company.
    const contactAccount = new Map(contacts.map((c) => [c.id, c.accountId]));
    const activities = new ActivityLog();
    await reader.each("activities", files.activities, hubspotActivities(context), (a) =>
      activities.push({
        ...a,
        accountId: a.accountId ?? (a.contactId === null ? null : (contactAccount.get(a.contactId) ?? null)),
      }),
    );
    const hasLifecycleDates =
      files.contacts !== undefined &&
      (await readHeader(folder, files.contacts)).includes("becameamarketingqualifiedleaddate");
    const leads = hasLifecycleDates
      ? await reader.all("leads", files.contacts, rejectDuplicateIds(hubspotLeads(context)))
      : [];
    return {
      accounts,
      contacts,
      opportunities,
      history: new HistoryLog(),
      activities,
      leads,
      supplied: reader.supplied,
    };
  },
};
