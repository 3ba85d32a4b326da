import { AS_OF, addDays, daysBetween, QUARTERS, quarterBounds } from "./calendar.ts";
import { REPS } from "./company.ts";
import type { SampleDeal } from "./deals.ts";
import type { Random } from "./random.ts";

/** A lead through marketing and sales qualification. */
export interface SampleLead {
  id: string;
  createdDate: string;
  mqlDate: string | null;
  sqlDate: string | null;
  source: string;
  owner: string;
  convertedOpportunityId: string | null;
}

/**
 * Leads: each inbound new-business deal came from a lead that went MQL → SQL before the deal
 * was created, and many more leads never got that far.
 */
export function makeLeads(random: Random, deals: readonly SampleDeal[]): SampleLead[] {
  const leads: Omit<SampleLead, "id">[] = [];
  for (const deal of deals) {
    if (deal.type !== "new" || deal.leadSource === "Outbound") continue;
    const sql = addDays(deal.createdDate, -random.int(1, 7));
    const mql = addDays(sql, -random.int(3, 15));
    leads.push({
      createdDate: addDays(mql, -random.int(0, 10)),
      mqlDate: mql,
      sqlDate: sql,
      source: deal.leadSource,
      owner: deal.owner.name,
      convertedOpportunityId: deal.id,
    });
  }
  for (const quarter of QUARTERS) {
    const { start, end } = quarterBounds(quarter);
    for (let k = 0; k < 230; k++) {
      const created = addDays(start, random.int(0, daysBetween(start, end)));
      const mql = random.chance(0.45) ? addDays(created, random.int(1, 12)) : null;
      const sql = mql !== null && random.chance(0.3) ? addDays(mql, random.int(3, 20)) : null;
      leads.push({
        createdDate: created,
        mqlDate: mql !== null && mql <= AS_OF ? mql : null,
        sqlDate: sql !== null && sql <= AS_OF ? sql : null,
        source: random.weighted({ Web: 0.45, Event: 0.25, Partner: 0.1, Referral: 0.2 }),
        owner: random.pick(REPS).name,
        convertedOpportunityId: null,
      });
    }
  }
  return leads
    .filter((l) => l.createdDate >= "2024-01-01" && l.createdDate <= AS_OF)
    .sort((a, b) => (a.createdDate < b.createdDate ? -1 : a.createdDate > b.createdDate ? 1 : 0))
    .map((l, i) => ({ id: `LEAD-${String(i + 1).padStart(5, "0")}`, ...l }));
}
