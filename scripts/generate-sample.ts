/*
 * `npm run sample`: writes the sample company's CRM export, in the canonical CSV format, to
 * data/2026-Q3/. Deterministic: the same bytes on every run. Interview notes and commentary
 * in that folder are written by hand and left alone.
 */
import { join } from "node:path";
import { CANONICAL_FIELDS, type MappedKind } from "../src/config/canonicalFields.ts";
import { makeActivities } from "./sample/activities.ts";
import { makeAccounts, makeContacts } from "./sample/company.ts";
import { type Cell, writeCsv } from "./sample/csv.ts";
import { makeDeals, RATES, type SampleDeal, STAGES } from "./sample/deals.ts";
import { DIRTY_ACTIVITIES, DIRTY_HISTORY, dirtyOpportunities, formattedAmount } from "./sample/dirt.ts";
import { makeLeads } from "./sample/leads.ts";
import { bookingsByQuarter, makeForecasts, makeTargets, ROCKS } from "./sample/planning.ts";
import { Random } from "./sample/random.ts";

const OUT = "data/2026-Q3";

/** Writes a kind's file with the canonical format's columns, in its order (docs/canonical-csv.md), or some of them. */
function writeKind(
  kind: MappedKind,
  rows: Cell[][],
  columns: readonly string[] = CANONICAL_FIELDS[kind],
): void {
  writeCsv(join(OUT, `${kind}.csv`), columns, rows);
}

const random = new Random(20260930);
const accounts = makeAccounts(random);
const contacts = makeContacts(random, accounts);
const deals = makeDeals(random, accounts);
const activities = makeActivities(random, accounts, contacts, deals);
const leads = makeLeads(random, deals);
const bookings = bookingsByQuarter(deals);

writeKind(
  "accounts",
  accounts.map((a) => [a.id, a.name, a.industry, a.employees, a.segment, a.tier, a.referenceApproved]),
);
writeKind(
  "contacts",
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
writeKind("opportunities", [
  ...opportunityRows.values(),
  ...dirtyOpportunities((id) => opportunityRows.get(id)!),
]);
// Closed and won follow from the stages, so history leaves out is_closed and is_won.
writeKind(
  "history",
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
  ["opportunity_id", "at", "stage", "amount", "close_date", "probability", "forecast_category"],
);
writeKind("activities", [
  ...activities.map((a) => [a.id, a.owner, a.type, a.date, a.accountId, a.contactId, a.opportunityId]),
  ...DIRTY_ACTIVITIES,
]);
writeKind(
  "leads",
  leads.map((l) => [l.id, l.createdDate, l.mqlDate, l.sqlDate, l.source, l.owner, l.convertedOpportunityId]),
);
// Amounts in the reporting currency, and scopes read from the deals: those columns stay out.
writeKind("forecasts", makeForecasts(random, bookings), [
  "quarter",
  "submitted_date",
  "owner",
  "category",
  "amount",
]);
writeKind("targets", makeTargets(deals), ["quarter", "metric", "owner", "per", "value"]);
writeKind("rocks", ROCKS);

process.stdout.write(
  `wrote ${OUT}: ${accounts.length} accounts, ${contacts.length} contacts, ${deals.length} opportunities, ` +
    `${deals.reduce((n, d) => n + d.history.length, 0)} history rows, ${activities.length} activities, ${leads.length} leads\n`,
);
