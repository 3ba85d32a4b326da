import { addDays, dayNumber } from "../calendar/days.ts";
import { type Quarter, weeksInQuarter } from "../calendar/fiscalCalendar.ts";
import type { Opportunity } from "../model/records.ts";
import { answersPerDataset, type Dataset } from "./dataset.ts";
import { type AmountGroup, sumBy } from "./groupSums.ts";
import { fromCents, sumMoney, toCents } from "./money.ts";
import { CLOSED, rowAt } from "./pointInTime.ts";

/** Pipeline created in a quarter, and where it came from. */
export interface PipelineCreated {
  /** Σ amount as of the quarter's end of opportunities created in the quarter. */
  amount: number;
  deals: number;
  /** The part of `amount` still open at the quarter's end (the rest was won or lost within it). */
  stillOpen: number;
  /** Per week of the quarter (week 1 starts on its first day); every week is listed. */
  byWeek: { week: number; start: string; amount: number; deals: number }[];
  byOwner: AmountGroup[];
  byProduct: AmountGroup[];
  byLeadSource: AmountGroup[];
  /** "new" prospects vs "existing" customers (a won deal closed before the opportunity was created). */
  byCustomerKind: AmountGroup[];
}

/** An opportunity created in the quarter, valued as of the quarter's last day. */
export interface CreatedDeal {
  opportunity: Opportunity;
  /** Its position among the opportunities. */
  index: number;
  amount: number;
  /** Whether it was still open at the quarter's end. */
  open: boolean;
}

/**
 * The opportunities created in the quarter with their amounts as of its last day: the one
 * valuation every "pipeline created" figure (headline, per week, per rep, scorecard) uses.
 */
export function createdIn(dataset: Dataset, quarter: Quarter): CreatedDeal[] {
  // The headline, the pipeline section and the leading indicators all ask for the quarter's.
  return [...createdOf(dataset, `${quarter.start}/${quarter.end}`, () => findCreated(dataset, quarter))];
}

const createdOf = answersPerDataset<readonly CreatedDeal[]>();

function findCreated(dataset: Dataset, quarter: Quarter): CreatedDeal[] {
  const created: CreatedDeal[] = [];
  const timelines = dataset.timelines;
  const first = dayNumber(quarter.start);
  const last = dayNumber(quarter.end);
  for (let i = 0; i < timelines.created.length; i++) {
    const day = timelines.created[i]!;
    if (day < first || day > last) continue;
    // Created by the quarter's end, so it has a state then.
    const row = rowAt(timelines, i, last);
    created.push({
      opportunity: timelines.opportunities[i]!,
      index: i,
      amount: timelines.amount[row]!,
      open: (timelines.flags[row]! & CLOSED) === 0,
    });
  }
  return created;
}

/** Pipeline created in the quarter, valued as of its last day. */
export function pipelineCreated(dataset: Dataset, quarter: Quarter): PipelineCreated {
  const created = createdIn(dataset, quarter);
  const amountOf = (c: { amount: number }) => c.amount;
  const weeks = weeksInQuarter(quarter);
  // Week i + 1 of the quarter (see weekOfQuarter), counted from the creation day numbers.
  const start = dayNumber(quarter.start);
  const weekCents = new Float64Array(weeks);
  const weekDeals = new Int32Array(weeks);
  for (const c of created) {
    const week = Math.floor((dataset.timelines.created[c.index]! - start) / 7);
    weekCents[week]! += toCents(c.amount);
    weekDeals[week]!++;
  }
  const byWeek = Array.from({ length: weeks }, (_, i) => ({
    week: i + 1,
    start: addDays(quarter.start, i * 7),
    amount: fromCents(weekCents[i]!),
    deals: weekDeals[i]!,
  }));
  return {
    amount: sumMoney(created, amountOf),
    deals: created.length,
    stillOpen: sumMoney(
      created.filter((c) => c.open),
      amountOf,
    ),
    byWeek,
    byOwner: sumBy(created, (c) => c.opportunity.owner, amountOf),
    byProduct: sumBy(created, (c) => c.opportunity.product, amountOf),
    byLeadSource: sumBy(created, (c) => c.opportunity.leadSource, amountOf),
    byCustomerKind: sumBy(created, (c) => customerKind(dataset, c.index), amountOf),
  };
}

/** "existing" when the account of the opportunity at `index` had a won deal that closed before it was created. */
export function customerKind(dataset: Dataset, index: number): "new" | "existing" {
  const account = dataset.accounts.of[index]!;
  return account !== -1 && dataset.accounts.firstWon[account]! < dataset.timelines.created[index]!
    ? "existing"
    : "new";
}
