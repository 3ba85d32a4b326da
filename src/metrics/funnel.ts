import { type FiscalCalendar, type Quarter, shiftQuarter } from "../calendar/fiscalCalendar.ts";
import type { Dataset } from "./dataset.ts";
import { historyOf } from "./historyIndex.ts";
import { ratio } from "./money.ts";

/*
 * The funnel, by cohort: the leads created in a quarter, followed to the day of the export
 * through MQL, SQL, an opportunity, discovery, proposal and a win. A deal reached discovery
 * (or proposal) when its probability was ever 20% (50%) or more, or its stage name says so,
 * or it was won. Recent cohorts are still moving, so their later steps are understated.
 */

/** One step of a cohort's funnel. */
export interface FunnelStep {
  step: "leads" | "mql" | "sql" | "opportunity" | "discovery" | "proposal" | "won";
  count: number;
  /** Share of the previous step's count that reached this one. */
  conversion: number | null;
}

const DISCOVERY = /discover|qualif|demo|propos|quote|negotiat/i;
const PROPOSAL = /propos|quote|negotiat|contract/i;

/** The funnel of the leads created in `quarter`, and of the cohorts of the quarters before it. */
export function funnel(dataset: Dataset, quarter: Quarter, calendar: FiscalCalendar, trendQuarters = 5) {
  const reached = furthestReached(dataset);
  const cohortOf = (q: Quarter) => {
    const leads = dataset.records.leads.filter((l) => l.createdDate >= q.start && l.createdDate <= q.end);
    const opportunities = leads
      .map((l) => (l.convertedOpportunityId === null ? undefined : reached.get(l.convertedOpportunityId)))
      .filter((r) => r !== undefined);
    const counts = {
      leads: leads.length,
      mql: leads.filter((l) => l.mqlDate !== null || l.sqlDate !== null).length,
      sql: leads.filter((l) => l.sqlDate !== null).length,
      opportunity: opportunities.length,
      discovery: opportunities.filter((r) => r >= 1).length,
      proposal: opportunities.filter((r) => r >= 2).length,
      won: opportunities.filter((r) => r >= 3).length,
    };
    let previous: number | null = null;
    const steps: FunnelStep[] = Object.entries(counts).map(([step, count]) => {
      const conversion = previous === null ? null : ratio(count, previous);
      previous = count;
      return { step: step as FunnelStep["step"], count, conversion };
    });
    return { quarter: q.id, steps, leadToWon: ratio(counts.won, counts.leads) };
  };
  const trend = Array.from({ length: trendQuarters }, (_, i) =>
    cohortOf(shiftQuarter(quarter, -(trendQuarters - 1 - i), calendar)),
  );
  return { ...cohortOf(quarter), trend };
}

/** For each opportunity a lead converted into: 0 created, 1 discovery, 2 proposal, 3 won. */
function furthestReached(dataset: Dataset): Map<string, number> {
  const reached = new Map<string, number>();
  const { opportunities } = dataset.records;
  // Only converted deals are in any cohort: the others' histories need not be read.
  for (const id of new Set(dataset.records.leads.map((l) => l.convertedOpportunityId))) {
    const i = id === null ? -1 : dataset.history.ids.find(id);
    if (i === -1) continue;
    const o = opportunities[i]!;
    const states = [o, ...historyOf(dataset.history, i)];
    let level = 0;
    for (const s of states) {
      const p = s.probability ?? 0;
      if (p >= 0.5 || PROPOSAL.test(s.stage)) level = Math.max(level, 2);
      else if (p >= 0.2 || DISCOVERY.test(s.stage)) level = Math.max(level, 1);
    }
    reached.set(o.id, o.isWon ? 3 : level);
  }
  return reached;
}
