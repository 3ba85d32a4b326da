import { ActivityLog } from "../../model/activityLog.ts";
import type { Account, Activity, Contact, Lead, Opportunity, RecordKind } from "../../model/records.ts";
import type { Adapter } from "../adapter.ts";
import { hasSignature } from "../findFiles.ts";
import { readHeader } from "../readHeader.ts";
import type { Row, TableSpec } from "../readTable.ts";
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
    const deals = (await findHubSpotFiles(folder, files)).deals;
    return deals !== undefined && hasSignature(new Set(await readHeader(folder, deals)), DEAL_SIGNATURE);
  },
  async rates() {
    return [];
  },
  async read(folder, context) {
    const files = await findHubSpotFiles(folder, context.config.files);
    const supplied: RecordKind[] = [];
    const columns = context.config.columns;
    const readAll = async <T>(
      kind: RecordKind,
      file: string | undefined,
      spec: TableSpec<T>,
      onRow?: (record: T, row: Row) => void,
    ) => {
      const records: T[] = [];
      if (file === undefined) return records;
      await folder.read(
        file,
        spec,
        (record, row) => {
          records.push(record);
          onRow?.(record, row);
        },
        columns[kind],
      );
      if (folder.used(file) && !supplied.includes(kind)) supplied.push(kind);
      return records;
    };

    const byDomain =
      files.deals !== undefined &&
      (await readHeader(folder, files.deals)).includes("associatedcompanydomain");
    const accounts = await readAll<Account>(
      "accounts",
      files.companies,
      rejectDuplicateIds(hubspotCompanies(context, byDomain)),
    );
    const contacts = await readAll<Contact>(
      "contacts",
      files.contacts,
      rejectDuplicateIds(hubspotContacts(context, byDomain)),
    );
    const opportunities = await readAll<Opportunity>(
      "opportunities",
      files.deals,
      rejectDuplicateIds(hubspotDeals(context, new Map(accounts.map((a) => [a.id, a])), byDomain)),
      (deal, row) => {
        if (/renew/i.test(row.get("pipeline"))) deal.type = "renewal";
      },
    );
    const contactAccount = new Map(contacts.map((c) => [c.id, c.accountId]));
    const activities = ActivityLog.of(
      (await readAll<Activity>("activities", files.activities, hubspotActivities(context))).map((a) => ({
        ...a,
        accountId: a.accountId ?? (a.contactId === null ? null : (contactAccount.get(a.contactId) ?? null)),
      })),
    );
    const hasLifecycleDates =
      files.contacts !== undefined &&
      (await readHeader(folder, files.contacts)).includes("becameamarketingqualifiedleaddate");
    const leads = hasLifecycleDates
      ? await readAll<Lead>("leads", files.contacts, rejectDuplicateIds(hubspotLeads(context)))
      : [];
    return {
      accounts,
      contacts,
      opportunities,
      history: [],
      activities,
      leads,
      supplied,
    };
  },
};
