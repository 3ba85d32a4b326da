import { AS_OF, addDays, daysBetween } from "./calendar.ts";
import { isTargetPersona, REPS, type Rep, type SampleAccount, type SampleContact } from "./company.ts";
import type { SampleDeal } from "./deals.ts";
import type { Random } from "./random.ts";

/*
 * Activities: the work on each deal (calls, emails, a meeting, a proposal) plus each rep's
 * weekly prospecting. Dana Brooks prospects a lot, mostly at tier C accounts and people
 * who do not buy; Sam Okafor prospects less, at tier A accounts and economic buyers.
 */

/** One logged activity. */
export interface SampleActivity {
  id: string;
  owner: string;
  type: "call" | "email" | "meeting" | "proposal";
  date: string;
  accountId: string;
  contactId: string | null;
  opportunityId: string | null;
}

/** Aim of a rep's prospecting: share of touches at tier A / tier C accounts and at target personas. */
const AIM: Record<string, { tierA: number; tierC: number; buyers: number }> = {
  "Sam Okafor": { tierA: 0.85, tierC: 0.02, buyers: 0.85 },
  "Dana Brooks": { tierA: 0.05, tierC: 0.8, buyers: 0.15 },
};

/** Every activity, in date order. */
export function makeActivities(
  random: Random,
  accounts: readonly SampleAccount[],
  contacts: readonly SampleContact[],
  deals: readonly SampleDeal[],
): SampleActivity[] {
  const byAccount = new Map<string, SampleContact[]>();
  for (const c of contacts) byAccount.set(c.accountId, [...(byAccount.get(c.accountId) ?? []), c]);
  const activities: Omit<SampleActivity, "id">[] = [];
  const contactFor = (accountId: string, wantBuyer: boolean) => {
    const list = byAccount.get(accountId) ?? [];
    const fitting = list.filter((c) => isTargetPersona(c.persona) === wantBuyer);
    return (fitting.length > 0 ? random.pick(fitting) : random.pick(list)).id;
  };

  for (const deal of deals) {
    const last = deal.history[deal.history.length - 1]!;
    // Days are "YYYY-MM-DD" strings: the earlier of two sorts first.
    const end = [last.day, AS_OF].sort()[0]!;
    const span = Math.max(1, daysBetween(deal.createdDate, end));
    const on = () => addDays(deal.createdDate, random.int(0, span));
    const base = { owner: deal.owner.name, accountId: deal.account.id, opportunityId: deal.id };
    // Calls and emails reach a buyer half the time.
    const touch = (type: "call" | "email") =>
      activities.push({
        ...base,
        type,
        date: on(),
        contactId: contactFor(deal.account.id, random.chance(0.5)),
      });
    for (let k = random.int(1, 3); k > 0; k--) touch("call");
    for (let k = random.int(1, 3); k > 0; k--) touch("email");
    activities.push({
      ...base,
      type: "meeting",
      date: on(),
      contactId: contactFor(deal.account.id, deal.engagedBuyer),
    });
    const proposal = deal.history.find((change) => change.stage === "Proposal");
    if (proposal)
      activities.push({
        ...base,
        type: "proposal",
        date: proposal.day,
        contactId: contactFor(deal.account.id, deal.engagedBuyer),
      });
  }

  for (let week = "2024-01-01"; week <= AS_OF; week = addDays(week, 7)) {
    for (const rep of REPS) activities.push(...prospecting(random, rep, week, accounts, contactFor));
  }
  return activities
    .filter((a) => a.date <= AS_OF)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((a, i) => ({ id: `ACT-${String(i + 1).padStart(6, "0")}`, ...a }));
}

function prospecting(
  random: Random,
  rep: Rep,
  week: string,
  accounts: readonly SampleAccount[],
  contactFor: (accountId: string, wantBuyer: boolean) => string,
): Omit<SampleActivity, "id">[] {
  const aim = AIM[rep.name] ?? { tierA: 0.3, tierC: 0.3, buyers: 0.5 };
  const territory = accounts.filter((a) => a.owner === rep);
  const out: Omit<SampleActivity, "id">[] = [];
  const touches = rep.touchesPerWeek + random.int(-3, 3);
  for (let k = 0; k < touches + Math.round(touches / 7); k++) {
    const draw = random.next();
    const tier = draw < aim.tierA ? "A" : draw < aim.tierA + aim.tierC ? "C" : "B";
    const pool = territory.filter((a) => a.tier === tier);
    const account = pool.length > 0 ? random.pick(pool) : random.pick(territory);
    const type = k >= touches ? "meeting" : random.chance(0.5) ? "call" : "email";
    out.push({
      owner: rep.name,
      type,
      date: addDays(week, random.int(0, 4)),
      accountId: account.id,
      contactId: contactFor(account.id, random.chance(aim.buyers)),
      opportunityId: null,
    });
  }
  return out;
}
