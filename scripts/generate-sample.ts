/*
 * `npm run sample`: writes the sample company's CRM export, in the canonical CSV format, to
 * data/2026-Q3/. Deterministic: the same bytes on every run. Interview notes and commentary
 * in that folder are written by hand and left alone.
 */
import { join } from "node:path";
import { CANONICAL_FIELDS } from "../src/config/canonicalFields.ts";
import { makeActivities } from "./sample/activities.ts";
import { makeAccounts, makeContacts } from "./sample/company.ts";
import { type Cell, writeCsv } from "./sample/csv.ts";
import { makeDeals, RATES, type SampleDeal, STAGES } from "./sample/deals.ts";
import { DIRTY_ACTIVITIES, DIRTY_HISTORY, dirtyOpportunities, formattedAmount } from "./sample/dirt.ts";
import { makeLeads } from "./sample/leads.ts";
import { bookingsByQuarter, makeForecasts, makeTargets, ROCKS } from "./sample/planning.ts";
import { Random } from "./sample/random.ts";

const OUT = "data/2026-Q3";
const random = new Random(20260930);
const accounts = makeAccounts(random);
const contacts = makeContacts(random, accounts);
const deals = makeDeals(random, accounts);
const activities = makeActivities(random, accounts, contacts, deals);
const leads = makeLeads(random, deals);
const bookings = bookingsByQuarter(deals);

writeCsv(
  join(OUT, "accounts.csv"),
  ["id", "name", "industry", "employees", "segment", "icp_tier", "reference_approved"],
  accounts.map((a) => [a.id, a.name, a.industry, a.employees, a.segment, a.tier, a.referenceApproved]),
);
writeCsv(
  join(OUT, "contacts.csv"),
  ["id", "account_id", "title", "persona"],
  contacts.map((c) => [c.id, c.accountId, c.title, c.personaRecorded ? c.persona : ""]),
);

const inCurrency = (deal: SampleDeal, usd: number) =>
  deal.currency === "USD" ? usd : Math.round(usd / RATES[deal.currency]);
const opportunityRows = new Map<string, Cell[]>();
for (const deal of deals) {
  const now = deal.history[deal.history.length - 1]!;
  const closed = now.stage === "Closed Won" || now.stage === "Closed Lost";
  const amount = inCurrency(deal, now.amountUsd);
  const suffix = deal.type === "new" ? "" : ` ${deal.type}`;
  opportunityRows.set(deal.id, [
    deal.id,
    deal.account.id,
    `${deal.account.name} — ${deal.product}${suffix}`,
    deal.owner.name,
    deal.product,
    deal.type,
    now.stage,
    formattedAmount(deal.id, amount),
    deal.currency,
    deal.createdDate,
    now.closeDate,
    closed,
    now.stage === "Closed Won",
    deal.lossReason ?? "",
    deal.competitor ?? "",
    deal.leadSource,
    STAGES[now.stage].forecast,
    STAGES[now.stage].probability,
    "",
  ]);
}
writeCsv(
  join(OUT, "opportunities.csv"),
  // The canonical format's own columns, in its own order (docs/canonical-csv.md).
  [...CANONICAL_FIELDS.opportunities],
  [...opportunityRows.values(), ...dirtyOpportunities((id) => opportunityRows.get(id)!)],
);
writeCsv(
  join(OUT, "history.csv"),
  ["opportunity_id", "at", "stage", "amount", "close_date", "probability", "forecast_category"],
  [
    ...deals.flatMap((deal) =>
      deal.history.map((c) => [
        deal.id,
        c.at,
        c.stage,
        inCurrency(deal, c.amountUsd),
        c.closeDate,
        STAGES[c.stage].probability,
        STAGES[c.stage].forecast,
      ]),
    ),
    ...DIRTY_HISTORY,
  ],
);
writeCsv(
  join(OUT, "activities.csv"),
  ["id", "owner", "type", "date", "account_id", "contact_id", "opportunity_id"],
  [
    ...activities.map((a) => [a.id, a.owner, a.type, a.date, a.accountId, a.contactId, a.opportunityId]),
    ...DIRTY_ACTIVITIES,
  ],
);
writeCsv(
  join(OUT, "leads.csv"),
  ["id", "created_date", "mql_date", "sql_date", "source", "owner", "converted_opportunity_id"],
  leads.map((l) => [l.id, l.createdDate, l.mqlDate, l.sqlDate, l.source, l.owner, l.convertedOpportunityId]),
);
writeCsv(
  join(OUT, "forecasts.csv"),
  ["quarter", "submitted_date", "owner", "category", "amount"],
  makeForecasts(random, bookings),
);
writeCsv(join(OUT, "targets.csv"), ["quarter", "metric", "owner", "per", "value"], makeTargets(deals));
writeCsv(
  join(OUT, "rocks.csv"),
  ["quarter", "title", "owner", "measurable", "target", "due_date", "status"],
  ROCKS,
);

process.stdout.write(
  `wrote ${OUT}: ${accounts.length} accounts, ${contacts.length} contacts, ${deals.length} opportunities, ` +
    `${deals.reduce((n, d) => n + d.history.length, 0)} history rows, ${activities.length} activities, ${leads.length} leads\n`,
);
