import type { Account, Activity, Contact, Lead, Opportunity } from "../../model/records.ts";
import { accountsSpec } from "../canonical/accounts.ts";
import { activitiesSpec } from "../canonical/activities.ts";
import { contactsSpec } from "../canonical/contacts.ts";
import { leadsSpec } from "../canonical/leads.ts";
import { opportunitiesSpec } from "../canonical/opportunities.ts";
import type { IngestContext } from "../context.ts";
import { outcomeRule } from "../outcomes.ts";
import { type TableSpec, withColumns } from "../readTable.ts";

/*
 * HubSpot exports read through the canonical specs, with HubSpot's display names. Deals link
 * to companies and activities to contacts either by record id or, as many exports do, by
 * the company's domain and the contact's email: `byDomain` says which.
 */

/** Deals. "Amount in company currency" is preferred: it is already converted. */
export function hubspotDeals(
  context: IngestContext,
  accounts: ReadonlyMap<string, Account>,
  byDomain: boolean,
): TableSpec<Opportunity> {
  const stages = outcomeRule({
    won: context.config.hubspot.closedWonStages,
    lost: context.config.hubspot.closedLostStages,
    noDecision: [],
  });
  return withColumns(
    opportunitiesSpec(context, accounts, { outcome: (row) => stages(row, "stage") }),
    {
      id: { aliases: ["Deal ID", "Record ID"], preferAliases: true },
      name: { aliases: ["Deal Name"] },
      account_id: {
        aliases: byDomain ? ["Associated Company Domain"] : ["Associated Company ID", "Associated Company"],
        preferAliases: true,
      },
      owner: { aliases: ["Deal Owner"] },
      stage: { aliases: ["Deal Stage"] },
      amount: { aliases: ["Amount in company currency", "Amount"], preferAliases: true },
      currency: { aliases: ["Deal Currency Code", "Currency"] },
      created_date: { aliases: ["Create Date", "Created Date"] },
      close_date: { aliases: ["Close Date"] },
      is_closed: { aliases: ["Is Deal Closed?", "Is Closed"], required: false },
      is_won: { aliases: ["Is Closed Won"], required: false },
      type: { aliases: ["Deal Type"] },
      loss_reason: { aliases: ["Closed Lost Reason", "Closed lost reason"] },
      competitor: { aliases: ["Competitor", "Primary Competitor"] },
      lead_source: { aliases: ["Original Source", "Original Source Type", "Lead Source"] },
      forecast_category: { aliases: ["Forecast category", "Forecast Category"] },
      probability: { aliases: ["Deal probability", "Deal Stage Probability"] },
    },
    [{ key: "pipeline", aliases: ["Pipeline"] }],
  );
}

/** Companies, keyed by domain when deals link by domain. */
export function hubspotCompanies(context: IngestContext, byDomain: boolean): TableSpec<Account> {
  return withColumns(accountsSpec(context), {
    id: {
      aliases: byDomain ? ["Company Domain Name", "Domain"] : ["Company ID", "Record ID"],
      preferAliases: true,
    },
    name: { aliases: ["Company Name", "Name"], preferAliases: true },
    employees: { aliases: ["Number of Employees"] },
    icp_tier: { aliases: ["Ideal Customer Profile Tier", "ICP Tier", "Tier"] },
    reference_approved: { aliases: ["Reference Approved", "Referenceable", "Reference Customer"] },
  });
}

/** Contacts, keyed by email (activities name their contact by email). */
export function hubspotContacts(context: IngestContext, byDomain: boolean): TableSpec<Contact> {
  return withColumns(contactsSpec(context), {
    id: { aliases: ["Email", "Contact ID", "Record ID"], preferAliases: true },
    account_id: {
      aliases: byDomain ? ["Associated Company Domain"] : ["Associated Company ID", "Associated Company"],
      preferAliases: true,
    },
    title: { aliases: ["Job Title"] },
    persona: { aliases: ["Persona", "Buyer Persona", "Buying Role"] },
  });
}

/** Contacts as leads, when the export carries their lifecycle dates. */
export function hubspotLeads(context: IngestContext): TableSpec<Lead> {
  return withColumns(leadsSpec(context), {
    id: { aliases: ["Email", "Contact ID", "Record ID"], preferAliases: true },
    created_date: { aliases: ["Create Date", "Created Date"] },
    mql_date: { aliases: ["Became a Marketing Qualified Lead Date"] },
    sql_date: { aliases: ["Became a Sales Qualified Lead Date"] },
    source: { aliases: ["Original Source", "Lead Source"] },
    owner: { aliases: ["Contact Owner"] },
  });
}

/** Activities (calls, emails, meetings, notes, tasks). */
export function hubspotActivities(context: IngestContext): TableSpec<Activity> {
  return withColumns(activitiesSpec(context), {
    id: { aliases: ["Activity ID", "Record ID"], preferAliases: true },
    owner: { aliases: ["Activity Owner", "Activity assigned to"] },
    type: { aliases: ["Activity Type"] },
    date: { aliases: ["Activity Date"] },
    contact_id: { aliases: ["Associated Contact Email", "Associated Contact ID"], preferAliases: true },
    account_id: { aliases: ["Associated Company Domain", "Associated Company ID"] },
    opportunity_id: { aliases: ["Associated Deal ID", "Associated Deal"] },
  });
}
