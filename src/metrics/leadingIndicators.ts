import { dayNumber, daysBetween } from "../calendar/days.ts";
import { type Quarter, weekOfQuarter, weeksInQuarter } from "../calendar/fiscalCalendar.ts";
import { ACTIVITY_TYPES, NO_REF } from "../model/activityLog.ts";
import type { ActivityType, Opportunity } from "../model/records.ts";
import { closedBetween, type Dataset } from "./dataset.ts";
import { groupBy } from "./groups.ts";
import { ratio, sumMoney, toCents } from "./money.ts";
import { outcomeOf } from "./outcomes.ts";
import { type CreatedDeal, createdIn } from "./pipelineCreated.ts";

/*
 * Leading indicators per rep: not how much activity, but how much of it is aimed at ideal-
 * profile accounts and at the personas who buy. A rep's activity is "on target" when it is
 * with an ICP account and a contact of a target persona. Shares are of the activities whose
 * account (or contact) is known.
 */

/** Volume and aim of one kind of activity. */
export interface AimedCount {
  count: number;
  /** Share with ICP accounts, of those whose account's fit is known. */
  icpShare: number | null;
  /** Share with target personas, of those with a known contact. */
  personaShare: number | null;
  /** With an ICP account and a target persona both. */
  onTarget: number;
}

/** One rep's quarter. */
export interface RepIndicators {
  owner: string;
  calls: AimedCount;
  meetings: AimedCount;
  proposals: AimedCount;
  emails: AimedCount;
  opportunitiesCreated: number;
  pipelineCreated: number;
  /** Share of pipeline created (by amount) at ICP accounts. */
  pipelineIcpShare: number | null;
  won: number;
  bookings: number;
  winRate: number | null;
}

/** Weekly actual against target for one rep and metric. */
export interface ScorecardRow {
  owner: string;
  metric: string;
  target: number;
  weeks: { week: number; actual: number; green: boolean }[];
  /** Longest run of consecutive weeks with the same colour, when it is 4 or more. */
  streak: { colour: "green" | "red"; weeks: number } | null;
}

const SCORED = ["calls", "meetings", "proposals", "opportunitiesCreated", "pipelineCreated"] as const;

/** Per-rep leading indicators and the weekly scorecard against targets. */
export function leadingIndicators(dataset: Dataset, quarter: Quarter) {
  const activity = activityByOwner(dataset, quarter);
  // Valued as of the quarter's end, as pipeline created is everywhere in the pack.
  const created = createdIn(dataset, quarter);
  const closed = closedBetween(dataset, quarter.start, quarter.end);
  const createdBy = groupBy(created, (c) => c.opportunity.owner);
  const closedBy = groupBy(closed, (o) => o.owner);
  const owners = [...new Set([...activity.keys(), ...createdBy.keys()])].sort();
  const reps: RepIndicators[] = owners.map((owner) => {
    const mine = activity.get(owner);
    const mineCreated = createdBy.get(owner) ?? [];
    const mineClosed = closedBy.get(owner) ?? [];
    const won = mineClosed.filter((o) => o.isWon);
    const decided = mineClosed.filter((o) => outcomeOf(o, dataset.noDecision) !== "open");
    return {
      owner,
      calls: aimed(mine?.aim.call),
      meetings: aimed(mine?.aim.meeting),
      proposals: aimed(mine?.aim.proposal),
      emails: aimed(mine?.aim.email),
      opportunitiesCreated: mineCreated.length,
      pipelineCreated: sumMoney(mineCreated, (c) => c.amount),
      pipelineIcpShare: icpShareByAmount(dataset, mineCreated),
      won: won.length,
      bookings: sum(won),
      winRate: ratio(won.length, decided.length),
    };
  });
  return { reps, scorecard: scorecard(dataset, quarter, activity, createdBy) };
}

/** The counts one kind of activity is aimed by. */
interface AimTally {
  count: number;
  icpKnown: number;
  icp: number;
  personaKnown: number;
  persona: number;
  onTarget: number;
}

/** One rep's activity in the quarter: aim per type, and how many of each type per week. */
interface OwnerActivity {
  aim: Record<ActivityType, AimTally>;
  weekly: Record<ActivityType, number[]>;
}

/**
 * Each rep's activity in the quarter, in one pass over the activity log. What is known of an
 * account's fit and a contact's persona is looked up once per distinct account and contact,
 * and the counts go into flat arrays by owner code and type: tens of millions of activities
 * touch no object and no map.
 */
function activityByOwner(dataset: Dataset, quarter: Quarter): Map<string, OwnerActivity> {
  const log = dataset.records.activities.columns();
  // Fit of each account in the log: 1 ICP, 0 not, -1 unknown.
  const fit = Int8Array.from(log.accounts, (id) => {
    const isIcp = dataset.accountsById.get(id)?.isIcp ?? null;
    return isIcp === null ? -1 : isIcp ? 1 : 0;
  });
  // Persona of each contact in the log: 1 target, 0 known but not a target, -1 unknown.
  const persona = Int8Array.from(log.contacts, (id) => {
    const contact = dataset.contactsById.get(id);
    return contact === undefined || contact.persona === null ? -1 : contact.isTargetPersona ? 1 : 0;
  });
  const start = dayNumber(quarter.start);
  const end = dayNumber(quarter.end);
  const weeks = weeksInQuarter(quarter);
  const types = ACTIVITY_TYPES.length;
  // The counters of an AimTally, in its order: count, icpKnown, icp, personaKnown, persona, onTarget.
  const counters = 6;
  // aim[(owner × types + type) × counters + counter] and weekly[(owner × types + type) × weeks + week].
  const aim = new Float64Array(log.owners.length * types * counters);
  const weekly = new Float64Array(log.owners.length * types * weeks);
  const active = new Uint8Array(log.owners.length);
  for (let i = 0; i < log.size; i++) {
    const day = log.day[i]!;
    if (day < start || day > end) continue;
    const cell = log.owner[i]! * types + log.type[i]!;
    active[log.owner[i]!] = 1;
    weekly[cell * weeks + Math.floor((day - start) / 7)]!++;
    const accountFit = log.account[i] === NO_REF ? -1 : fit[log.account[i]!]!;
    // A contact whose persona is unknown tells nothing of aim: it is not counted either way.
    const contactPersona = log.contact[i] === NO_REF ? -1 : persona[log.contact[i]!]!;
    const at = cell * counters;
    aim[at]!++;
    if (accountFit !== -1) aim[at + 1]!++;
    if (accountFit === 1) aim[at + 2]!++;
    if (contactPersona !== -1) aim[at + 3]!++;
    if (contactPersona === 1) aim[at + 4]!++;
    if (accountFit === 1 && contactPersona === 1) aim[at + 5]!++;
  }
  const byOwner = new Map<string, OwnerActivity>();
  active.forEach((isActive, owner) => {
    if (!isActive) return;
    const each = <T>(make: (cell: number) => T) =>
      Object.fromEntries(ACTIVITY_TYPES.map((type, code) => [type, make(owner * types + code)])) as Record<
        ActivityType,
        T
      >;
    byOwner.set(log.owners[owner]!, {
      aim: each((cell) => {
        const at = cell * counters;
        return {
          count: aim[at]!,
          icpKnown: aim[at + 1]!,
          icp: aim[at + 2]!,
          personaKnown: aim[at + 3]!,
          persona: aim[at + 4]!,
          onTarget: aim[at + 5]!,
        };
      }),
      weekly: each((cell) => Array.from(weekly.subarray(cell * weeks, (cell + 1) * weeks))),
    });
  });
  return byOwner;
}

function aimed(tally: AimTally | undefined): AimedCount {
  if (tally === undefined) return { count: 0, icpShare: null, personaShare: null, onTarget: 0 };
  return {
    count: tally.count,
    icpShare: ratio(tally.icp, tally.icpKnown),
    personaShare: ratio(tally.persona, tally.personaKnown),
    onTarget: tally.onTarget,
  };
}

/** Share of the amount created at ICP accounts, of the amount whose account's fit is known. */
export function icpShareByAmount(dataset: Dataset, created: readonly CreatedDeal[]): number | null {
  const { of, fit } = dataset.accounts;
  let known = 0;
  let icp = 0;
  for (const { index, amount } of created) {
    const accountFit = of[index] === -1 ? -1 : fit[of[index]!]!;
    if (accountFit === -1) continue;
    known += toCents(amount);
    if (accountFit === 1) icp += toCents(amount);
  }
  return ratio(icp, known);
}

function scorecard(
  dataset: Dataset,
  quarter: Quarter,
  activity: ReadonlyMap<string, OwnerActivity>,
  createdBy: ReadonlyMap<string, readonly CreatedDeal[]>,
): ScorecardRow[] {
  const weeks = weeksInQuarter(quarter);
  const targets = dataset.records.targets.filter(
    (t) => t.quarter === quarter.id && t.per === "week" && t.scope === "rep",
  );
  const rows: ScorecardRow[] = [];
  for (const t of targets) {
    if (!(SCORED as readonly string[]).includes(t.metric)) continue;
    const actual = new Array<number>(weeks).fill(0);
    const add = (day: string, value: number) => {
      const w = weekOfQuarter(day, quarter);
      actual[w - 1]! += value;
    };
    if (t.metric === "opportunitiesCreated" || t.metric === "pipelineCreated") {
      for (const c of createdBy.get(t.owner!) ?? [])
        add(c.opportunity.createdDate, t.metric === "pipelineCreated" ? c.amount : 1);
    } else {
      const type = t.metric === "calls" ? "call" : t.metric === "meetings" ? "meeting" : "proposal";
      const weekly = activity.get(t.owner!)?.weekly[type] ?? [];
      weekly.forEach((count, i) => {
        actual[i]! += count;
      });
    }
    // The last week of a quarter can be a few days long; it is scored against a pro-rated target.
    const lastWeekDays = daysBetween(quarter.start, quarter.end) + 1 - (weeks - 1) * 7;
    const cells = actual.map((value, i) => {
      const scale = i === weeks - 1 ? lastWeekDays / 7 : 1;
      return { week: i + 1, actual: Math.round(value * 100) / 100, green: value >= t.value * scale };
    });
    rows.push({
      owner: t.owner!,
      metric: t.metric,
      target: t.value,
      weeks: cells,
      streak: longestStreak(cells),
    });
  }
  return rows.sort(
    (a, b) =>
      a.owner.localeCompare(b.owner) || SCORED.indexOf(a.metric as never) - SCORED.indexOf(b.metric as never),
  );
}

function longestStreak(cells: readonly { green: boolean }[]): ScorecardRow["streak"] {
  let best: ScorecardRow["streak"] = null;
  let run = 0;
  for (let i = 0; i < cells.length; i++) {
    run = i > 0 && cells[i]!.green === cells[i - 1]!.green ? run + 1 : 1;
    if (run >= 4 && (best === null || run > best.weeks))
      best = { colour: cells[i]!.green ? "green" : "red", weeks: run };
  }
  return best;
}

function sum(opportunities: readonly Opportunity[]): number {
  return sumMoney(opportunities, (o) => o.amount);
}
