import type { Quarter } from "../calendar/fiscalCalendar.ts";
import type { Day } from "../model/records.ts";
import { closingBetween, type Dataset } from "./dataset.ts";
import { fromCents, sumMoney, toCents } from "./money.ts";

/** An account won for the first time in the quarter. */
export interface NewLogo {
  accountId: string;
  account: string;
  /** Σ amount of the account's deals won in the quarter. */
  amount: number;
  deals: number;
  firstCloseDate: Day;
  products: string[];
  segment: string | null;
  /** Whether the customer agreed to be named publicly (earnings call, press); null when the export does not say. */
  referenceApproved: boolean | null;
}

/** The quarter's new logos and their totals. */
export interface NewLogos {
  count: number;
  amount: number;
  /** How many may be named publicly; null when the accounts have no reference-approved field. */
  nameable: number | null;
  logos: NewLogo[];
}

/** Accounts whose first-ever won opportunity closed in the quarter, largest first. */
export function newLogos(dataset: Dataset, quarter: Quarter): NewLogos {
  const logos = new Map<string, NewLogo & { cents: number }>();
  for (const o of closingBetween(dataset, quarter.start, quarter.end)) {
    if (!o.isWon || o.accountId === null) continue;
    const firstWon = dataset.firstWonByAccount.get(o.accountId)!;
    if (firstWon < quarter.start) continue;
    const account = dataset.accountsById.get(o.accountId);
    const logo = logos.get(o.accountId) ?? {
      accountId: o.accountId,
      account: account?.name ?? o.accountId,
      amount: 0,
      cents: 0,
      deals: 0,
      firstCloseDate: firstWon,
      products: [],
      segment: account?.segment ?? o.segment,
      referenceApproved: dataset.coverage.referenceField ? (account?.referenceApproved ?? false) : null,
    };
    logo.cents += toCents(o.amount);
    logo.deals++;
    if (o.product !== null && !logo.products.includes(o.product)) logo.products.push(o.product);
    logos.set(o.accountId, logo);
  }
  const list = [...logos.values()]
    .map(({ cents, ...logo }) => ({ ...logo, amount: fromCents(cents), products: logo.products.sort() }))
    .sort((a, b) => b.amount - a.amount || a.account.localeCompare(b.account));
  return {
    count: list.length,
    amount: sumMoney(list, (l) => l.amount),
    nameable: dataset.coverage.referenceField ? list.filter((l) => l.referenceApproved).length : null,
    logos: list,
  };
}
