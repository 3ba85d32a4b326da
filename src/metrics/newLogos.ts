import { dayFromNumber, dayNumber } from "../calendar/days.ts";
import type { Quarter } from "../calendar/fiscalCalendar.ts";
import type { Day } from "../model/records.ts";
import { answersPerDataset, closingIndexesBetween, type Dataset } from "./dataset.ts";
import { fromCents, sumMoney, toCents } from "./money.ts";
import { WON } from "./pointInTime.ts";

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

// The headline of each quarter and the section ask for the same quarter's.
const logosOf = answersPerDataset<NewLogos>();

/** Accounts whose first-ever won opportunity closed in the quarter, largest first. */
export function newLogos(dataset: Dataset, quarter: Quarter): NewLogos {
  const found = logosOf(dataset, quarter.id, () => findNewLogos(dataset, quarter));
  return { ...found, logos: found.logos.map((logo) => ({ ...logo, products: [...logo.products] })) };
}

function findNewLogos(dataset: Dataset, quarter: Quarter): NewLogos {
  const logos = new Map<number, NewLogo & { cents: number }>();
  const { opportunities } = dataset.records;
  const accounts = dataset.accounts;
  const start = dayNumber(quarter.start);
  const end = dayNumber(quarter.end);
  for (const i of closingIndexesBetween(dataset, quarter.start, quarter.end)) {
    const code = accounts.of[i]!;
    // Only an account first won within the quarter can be new in it: the deal itself is read
    // for those alone.
    if (code === -1) continue;
    const firstWon = accounts.firstWon[code]!;
    if (firstWon < start || firstWon > end) continue;
    if (!(dataset.timelines.recordFlags[i]! & WON)) continue;
    const o = opportunities[i]!;
    const account = accounts.records[code];
    let logo = logos.get(code);
    if (logo === undefined) {
      logo = {
        accountId: accounts.ids[code]!,
        account: account?.name ?? accounts.ids[code]!,
        amount: 0,
        cents: 0,
        deals: 0,
        firstCloseDate: dayFromNumber(firstWon),
        products: [],
        segment: account?.segment ?? o.segment,
        referenceApproved: dataset.coverage.referenceField ? (account?.referenceApproved ?? false) : null,
      };
      logos.set(code, logo);
    }
    logo.cents += toCents(o.amount);
    logo.deals++;
    if (o.product !== null && !logo.products.includes(o.product)) logo.products.push(o.product);
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
