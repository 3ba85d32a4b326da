import { addDays } from "../calendar/days.ts";
import { type Quarter, weekOfQuarter, weeksInQuarter } from "../calendar/fiscalCalendar.ts";
import type { Opportunity } from "../model/records.ts";
import type { Dataset } from "./dataset.ts";
import { type AmountGroup, sumBy } from "./groupSums.ts";
import { sumMoney } from "./money.ts";
import { stateAt } from "./pointInTime.ts";

/** Pipeline created in a quarter, and where it came from. */
export interface PipelineCreated {
  /** Σ amount as of the quarter's end of opportunities created in the quarter. */
  amount: number;
  deals: number;
  /** Per week of the quarter (week 1 starts on its first day); every week is listed. */
  byWeek: { week: number; start: string; amount: number; deals: number }[];
  byOwner: AmountGroup[];
  byProduct: AmountGroup[];
  byLeadSource: AmountGroup[];
  /** "new" prospects vs "existing" customers (a won deal closed before the opportunity was created). */
  byCustomerKind: AmountGroup[];
}

/** Pipeline created in the quarter, valued as of its last day. */
export function pipelineCreated(dataset: Dataset, quarter: Quarter): PipelineCreated {
  const created: { opportunity: Opportunity; amount: number }[] = [];
  for (const timeline of dataset.timelines) {
    const { opportunity } = timeline;
    if (opportunity.createdDate < quarter.start || opportunity.createdDate > quarter.end) continue;
    const state = stateAt(timeline, quarter.end);
    created.push({ opportunity, amount: state?.amount ?? opportunity.amount });
  }
  const amountOf = (c: { amount: number }) => c.amount;
  const weeks = weeksInQuarter(quarter);
  const perWeek = sumBy(created, (c) => String(weekOfQuarter(c.opportunity.createdDate, quarter)), amountOf);
  const byWeek = Array.from({ length: weeks }, (_, i) => {
    const found = perWeek.find((w) => w.key === String(i + 1));
    return {
      week: i + 1,
      start: addDays(quarter.start, i * 7),
      amount: found?.amount ?? 0,
      deals: found?.deals ?? 0,
    };
  });
  return {
    amount: sumMoney(created, amountOf),
    deals: created.length,
    byWeek,
    byOwner: sumBy(created, (c) => c.opportunity.owner, amountOf),
    byProduct: sumBy(created, (c) => c.opportunity.product, amountOf),
    byLeadSource: sumBy(created, (c) => c.opportunity.leadSource, amountOf),
    byCustomerKind: sumBy(created, (c) => customerKind(dataset, c.opportunity), amountOf),
  };
}

/** "existing" when the account had a won deal that closed before this opportunity was created. */
export function customerKind(dataset: Dataset, opportunity: Opportunity): "new" | "existing" {
  const firstWon =
    opportunity.accountId === null ? undefined : dataset.firstWonByAccount.get(opportunity.accountId);
  return firstWon !== undefined && firstWon < opportunity.createdDate ? "existing" : "new";
}
