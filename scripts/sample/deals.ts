import { AS_OF, addDays, daysBetween, officeTime, QUARTERS, quarterBounds } from "./calendar.ts";
import {
  COMPETITORS,
  PRODUCTS,
  type Product,
  REPS,
  type Rep,
  type SampleAccount,
  SEGMENTS,
} from "./company.ts";
import type { Random } from "./random.ts";

/*
 * The deals: created through 11 quarters with growth (about 30% a year) and seasonality
 * (Q4 strongest, Q1 weakest), closing in end-of-quarter rushes, some pushed to the next
 * quarter. Whether a deal is won depends on what wins in real life: an ideal-profile account,
 * a target persona engaged, the rep, and the competitor.
 */

export const STAGES = {
  Prospecting: { probability: 10, forecast: "Pipeline" },
  Discovery: { probability: 25, forecast: "Pipeline" },
  Proposal: { probability: 50, forecast: "Best Case" },
  Negotiation: { probability: 75, forecast: "Commit" },
  "Closed Won": { probability: 100, forecast: "Closed" },
  "Closed Lost": { probability: 0, forecast: "Omitted" },
} as const;
export type Stage = keyof typeof STAGES;
const OPEN_STAGES: Stage[] = ["Prospecting", "Discovery", "Proposal", "Negotiation"];

export const RATES = { USD: 1, EUR: 1.08, GBP: 1.27 } as const;
export type Currency = keyof typeof RATES;

/** One change in a deal's values. */
export interface Change {
  at: string;
  day: string;
  stage: Stage;
  amountUsd: number;
  closeDate: string;
}

/** A deal with its whole history. */
export interface SampleDeal {
  id: string;
  account: SampleAccount;
  owner: Rep;
  product: Product;
  type: "new" | "expansion" | "renewal";
  currency: Currency;
  createdDate: string;
  competitor: string | null;
  leadSource: string;
  engagedBuyer: boolean;
  lossReason: string | null;
  history: Change[];
}

const SEASON = [0.9, 1.0, 1.0, 1.15];

/** Every deal, in order of creation. */
export function makeDeals(random: Random, accounts: readonly SampleAccount[]): SampleDeal[] {
  const deals: SampleDeal[] = [];
  const wins = new Map<string, string[]>(); // account id → close dates of won deals
  QUARTERS.forEach((quarter, index) => {
    const { start, end } = quarterBounds(quarter);
    const count = Math.round(190 * 1.068 ** index * SEASON[Number(quarter.slice(6)) - 1]!);
    const days = Array.from({ length: count }, () => addDays(start, random.int(0, daysBetween(start, end))));
    for (const created of days.sort()) {
      const deal = makeDeal(random, accounts, wins, created, deals.length + 1);
      deals.push(deal);
      const last = deal.history[deal.history.length - 1]!;
      if (last.stage === "Closed Won")
        wins.set(deal.account.id, [...(wins.get(deal.account.id) ?? []), last.day]);
    }
  });
  return deals;
}

function makeDeal(
  random: Random,
  accounts: readonly SampleAccount[],
  wins: ReadonlyMap<string, string[]>,
  created: string,
  n: number,
): SampleDeal {
  const owner = random.pick(REPS);
  const territory = accounts.filter((a) => a.owner === owner);
  const customers = territory.filter((a) => (wins.get(a.id) ?? []).some((day) => day < created));
  const prospects = territory.filter((a) => !customers.includes(a));
  const returning = customers.length > 0 && (prospects.length === 0 || random.chance(0.35));
  const account = returning ? random.pick(customers) : random.pick(prospects);
  const type = returning ? (random.chance(0.4) ? "renewal" : "expansion") : "new";
  const segment = SEGMENTS[account.segment];
  const scale = type === "new" ? 1 : type === "renewal" ? 0.6 : 0.4;
  const amountUsd = roundAmount(random, (segment.min + random.next() * (segment.max - segment.min)) * scale);
  const competitor = random.chance(0.6)
    ? random.weighted({ Vantage: 0.4, Helix: 0.35, Tablewise: 0.25 })
    : null;
  const engagedBuyer = random.chance(owner.reachesBuyers);
  const tierEffect = { A: 0.12, B: 0, C: -0.14 }[account.tier];
  const competitorEffect = competitor === null ? 0 : COMPETITORS[competitor as keyof typeof COMPETITORS];
  const winChance = clamp(
    0.3 +
      tierEffect +
      (engagedBuyer ? 0.12 : -0.06) +
      owner.skill +
      competitorEffect +
      (type === "new" ? 0 : 0.2),
    0.03,
    0.9,
  );
  const cycle = Math.round(random.int(segment.cycle[0], segment.cycle[1]) * (type === "new" ? 1 : 0.6));
  let closeDate = addDays(created, cycle);
  if (random.chance(0.45)) closeDate = endOfQuarterRush(random, closeDate, created);
  const won = random.chance(winChance);
  const lossReason = won ? null : pickLossReason(random, competitor);
  return {
    id: `OPP-${String(n).padStart(5, "0")}`,
    account,
    owner,
    product:
      type === "new"
        ? (random.weighted(PRODUCTS) as Product)
        : random.weighted({ Analytics: 0.5, Connect: 0.3, Platform: 0.2 }),
    type,
    currency: random.chance(0.06) ? "EUR" : random.chance(0.03) ? "GBP" : "USD",
    createdDate: created,
    competitor,
    leadSource:
      type === "new"
        ? random.weighted({ Web: 0.3, Referral: 0.15, Outbound: 0.3, Partner: 0.1, Event: 0.15 })
        : "Customer",
    engagedBuyer,
    lossReason: closeDate > AS_OF ? null : lossReason,
    history: makeHistory(random, created, closeDate, amountUsd, won, cycle),
  };
}

/** Stage changes from creation to close (or to the export day, for deals still open). */
function makeHistory(
  random: Random,
  created: string,
  closeDate: string,
  amountUsd: number,
  won: boolean,
  cycle: number,
): Change[] {
  const reached = won ? 4 : random.int(1, 4); // how many open stages the deal went through
  const firstAmount = roundAmount(random, amountUsd * (0.7 + random.next() * 0.6));
  let plannedClose = closeDate;
  const pushed = random.chance(0.25) && cycle > 45;
  if (pushed) plannedClose = addDays(closeDate, -random.int(30, 75));
  const pulledIn = !pushed && random.chance(0.05);
  if (pulledIn) plannedClose = addDays(closeDate, random.int(20, 50));
  const steps: { day: string; stage: Stage; amount: number; close: string }[] = [
    { day: created, stage: "Prospecting", amount: firstAmount, close: plannedClose },
  ];
  for (let s = 1; s < reached; s++) {
    const day = addDays(created, Math.round((cycle * s) / (reached + 0.5)));
    steps.push({
      day,
      stage: OPEN_STAGES[s]!,
      amount: s >= 2 ? amountUsd : firstAmount,
      close: plannedClose,
    });
  }
  if (pushed || pulledIn) {
    const day = pushed ? addDays(plannedClose, -random.int(2, 6)) : addDays(closeDate, -random.int(10, 20));
    const moveDay = day > created ? day : addDays(created, 1);
    const current = [...steps].reverse().find((step) => step.day <= moveDay) ?? steps[0]!;
    steps.push({ day: moveDay, stage: current.stage, amount: current.amount, close: closeDate });
    for (const step of steps) if (step.day > moveDay) step.close = closeDate;
  }
  steps.push({
    day: closeDate,
    stage: won ? "Closed Won" : "Closed Lost",
    amount: amountUsd,
    close: closeDate,
  });
  steps.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  return steps
    .filter((step) => step.day <= AS_OF)
    .map((step, i) => ({
      at: officeTime(step.day, i * 47 + 5),
      day: step.day,
      stage: step.stage,
      amountUsd: step.amount,
      closeDate: step.close,
    }));
}

/** Many deals are closed in the last two weeks of their quarter. */
function endOfQuarterRush(random: Random, closeDate: string, created: string): string {
  const quarter = `${closeDate.slice(0, 4)}-Q${Math.floor((Number(closeDate.slice(5, 7)) - 1) / 3) + 1}`;
  const rushed = addDays(quarterBounds(quarter).end, -random.int(0, 13));
  return rushed > addDays(created, 14) ? rushed : closeDate;
}

function pickLossReason(random: Random, competitor: string | null): string {
  return random.weighted({
    "No decision": 0.22,
    Price: 0.25,
    "Missing features": 0.18,
    Timing: 0.1,
    "Lost to competitor": competitor === null ? 0 : 0.3,
  });
}

function roundAmount(random: Random, value: number): number {
  return random.chance(0.1) ? Math.round(value * 100) / 100 : Math.round(value / 100) * 100;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
