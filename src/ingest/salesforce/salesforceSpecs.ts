import type { HistoryLog } from "../../model/historyLog.ts";
import type { Account, Contact, HistoryRow, Lead, Opportunity } from "../../model/records.ts";
import { accountsSpec } from "../canonical/accounts.ts";
import { contactsSpec } from "../canonical/contacts.ts";
import { historySpec } from "../canonical/history.ts";
import { leadsSpec } from "../canonical/leads.ts";
import { opportunitiesSpec } from "../canonical/opportunities.ts";
import type { IngestContext } from "../context.ts";
import type { KnownDeals } from "../knownDeals.ts";
import { type Row, type STORED, type TableSpec, withColumns } from "../readTable.ts";
import type { StageOutcome } from "../stageOutcomes.ts";
import { parseBoolean } from "../values/scalars.ts";

/*
 * Salesforce objects read through the canonical specs: the API field names mostly match the
 * canonical columns once case and underscores are ignored (AccountId is account_id,
 * CloseDate is close_date), so only the other names and the well-known custom fields are
 * listed here. Salesforce writes a null reference as 000000000000000AAA, and rows deleted in
 * Salesforce (IsDeleted) are left out and counted.
 */

/** Salesforce's null id, in its 18- and 15-character forms. */
export const NULL_IDS = ["000000000000000AAA", "000000000000000"];

/** The column Salesforce marks deleted rows in; every object's spec reads it. */
export const IS_DELETED = { key: "IsDeleted" };

/**
 * The one rule for rows Salesforce marks deleted (IsDeleted true, 1, yes): the row is left
 * out and counted as skipped, never rejected. Returns whether it was.
 */
export function skippedAsDeleted(row: Row): boolean {
  const isDeleted = parseBoolean(row.get(IS_DELETED.key));
  if (!(isDeleted.ok && isDeleted.value)) return false;
  row.skip("deleted in Salesforce");
  return true;
}

/** Leaves out rows Salesforce marks deleted. */
function skipDeleted<T>(spec: TableSpec<T>): TableSpec<T> {
  return {
    ...spec,
    build: (row: Row) => (skippedAsDeleted(row) ? undefined : spec.build(row)),
  };
}

/** Account.csv. */
export function salesforceAccounts(context: IngestContext): TableSpec<Account> {
  return skipDeleted(
    withColumns(
      accountsSpec(context),
      {
        employees: { aliases: ["NumberOfEmployees"] },
        segment: { aliases: ["Segment__c", "Market_Segment__c"] },
        icp_tier: { aliases: ["ICP_Tier__c", "Tier__c", "ICP__c", "Account_Tier__c"] },
        reference_approved: {
          aliases: ["Reference_Approved__c", "Reference__c", "Referenceable__c", "Reference_Account__c"],
        },
      },
      [IS_DELETED],
      NULL_IDS,
    ),
  );
}

/** Contact.csv. */
export function salesforceContacts(context: IngestContext): TableSpec<Contact> {
  return skipDeleted(
    withColumns(
      contactsSpec(context),
      { persona: { aliases: ["Persona__c", "Buyer_Persona__c", "Buying_Role__c"] } },
      [IS_DELETED],
      NULL_IDS,
    ),
  );
}

/** Opportunity.csv. IsClosed/IsWon may be missing from a report-style export; the adapter then falls back on the forecast category. */
export function salesforceOpportunities(
  context: IngestContext,
  accounts: ReadonlyMap<string, Account>,
): TableSpec<Opportunity> {
  return skipDeleted(
    withColumns(
      opportunitiesSpec(context, accounts),
      {
        owner: { aliases: ["OwnerId", "Owner.Name", "Opportunity Owner"], required: false },
        stage: { aliases: ["StageName"] },
        currency: { aliases: ["CurrencyIsoCode"] },
        is_closed: { aliases: ["IsClosed"], required: false },
        is_won: { aliases: ["IsWon"], required: false },
        loss_reason: {
          aliases: ["Loss_Reason__c", "Closed_Lost_Reason__c", "Reason_Lost__c", "Lost_Reason__c"],
        },
        competitor: { aliases: ["Competitor__c", "Primary_Competitor__c", "Main_Competitor__c"] },
        forecast_category: { aliases: ["ForecastCategoryName", "ForecastCategory"] },
        product: { aliases: ["Product__c", "Product_Line__c", "Product_Family__c"] },
        segment: { aliases: ["Segment__c", "Market_Segment__c"] },
      },
      [IS_DELETED],
      NULL_IDS,
    ),
  );
}

/** OpportunityHistory.csv: CreatedDate is when the values took effect. */
export function salesforceHistory(
  context: IngestContext,
  log: HistoryLog,
  deals: KnownDeals,
  stages: ReadonlyMap<string, StageOutcome>,
): TableSpec<HistoryRow | typeof STORED> {
  return skipDeleted(
    withColumns(
      historySpec(context, log, deals, stages),
      { at: { aliases: ["CreatedDate"] }, stage: { aliases: ["StageName"] } },
      [IS_DELETED],
      NULL_IDS,
    ),
  );
}

/** Lead.csv: CreatedDate and ConvertedOpportunityId; MQL/SQL dates from well-known custom fields when the org has them. */
export function salesforceLeads(context: IngestContext): TableSpec<Lead> {
  return skipDeleted(
    withColumns(
      leadsSpec(context),
      {
        mql_date: { aliases: ["MQL_Date__c", "Marketing_Qualified_Date__c"] },
        sql_date: { aliases: ["SQL_Date__c", "Sales_Qualified_Date__c"] },
        source: { aliases: ["LeadSource"] },
        owner: { aliases: ["OwnerId"] },
      },
      [IS_DELETED],
      NULL_IDS,
    ),
  );
}
