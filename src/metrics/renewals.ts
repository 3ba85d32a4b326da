import type { Quarter } from "../calendar/fiscalCalendar.ts";
import { closedBetween, type Dataset } from "./dataset.ts";
import { ratio, sumMoney, toCents } from "./money.ts";

/** Renewals closed in the quarter: how many and how much of what came up for renewal we kept. */
export interface Renewals {
  closed: number;
  renewed: number;
  /** Renewed / closed renewal deals. */
  rateByCount: number | null;
  closedAmount: number;
  renewedAmount: number;
  /** Renewed amount / amount of closed renewal deals. */
  rateByAmount: number | null;
}

/** Renewal rate by count and by amount, of renewal deals closed in the quarter. */
export function renewals(dataset: Dataset, quarter: Quarter): Renewals {
  const closed = closedBetween(dataset, quarter.start, quarter.end).filter((o) => o.type === "renewal");
  const renewed = closed.filter((o) => o.isWon);
  const closedAmount = sumMoney(closed, (o) => o.amount);
  const renewedAmount = sumMoney(renewed, (o) => o.amount);
  return {
    closed: closed.length,
    renewed: renewed.length,
    rateByCount: ratio(renewed.length, closed.length),
    closedAmount,
    renewedAmount,
    rateByAmount: ratio(toCents(renewedAmount), toCents(closedAmount)),
  };
}
