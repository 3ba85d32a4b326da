import { describe, expect, it } from "vitest";
import { quarterFromId } from "../../src/calendar/fiscalCalendar.ts";
import { ConfigSchema } from "../../src/config/configSchema.ts";
import { prepareDataset } from "../../src/metrics/dataset.ts";
import { leadingIndicators } from "../../src/metrics/leadingIndicators.ts";
import { ActivityLog } from "../../src/model/activityLog.ts";
import type { Activity } from "../../src/model/records.ts";
import { fixtureRecords } from "./fixture.ts";

const config = ConfigSchema.parse({});
const q3 = quarterFromId("2026-Q3", config);

/*
 * Ann makes 6 calls: 4 to Birch (A2, not ICP) with a user, 2 to Acme (A1, ICP) with its CFO.
 * Bo makes 2 calls, both to Acme's CFO. Acme is the only ICP account; the CFO the only target persona.
 */
const call = (n: number, owner: string, accountId: string, contactId: string, date: string): Activity => ({
  id: `c${n}`,
  owner,
  type: "call",
  date,
  accountId,
  contactId,
  opportunityId: null,
});
function records() {
  const base = fixtureRecords();
  return {
    ...base,
    accounts: base.accounts.map((a) => ({ ...a, isIcp: a.id === "A1" })),
    contacts: [
      { id: "CFO", accountId: "A1", title: "CFO", persona: "Economic Buyer", isTargetPersona: true },
      { id: "U", accountId: "A2", title: "Analyst", persona: "User", isTargetPersona: false },
      // Nobody knows what this contact does: calls to them say nothing of aim either way.
      { id: "X", accountId: "A2", title: null, persona: null, isTargetPersona: false },
    ],
    activities: ActivityLog.of([
      call(1, "Ann", "A2", "U", "2026-07-01"),
      call(2, "Ann", "A2", "U", "2026-07-02"),
      call(3, "Ann", "A2", "U", "2026-07-08"),
      call(4, "Ann", "A2", "U", "2026-07-09"),
      call(5, "Ann", "A1", "CFO", "2026-07-15"),
      call(6, "Ann", "A1", "CFO", "2026-07-22"),
      call(7, "Bo", "A1", "CFO", "2026-07-01"),
      call(8, "Bo", "A1", "CFO", "2026-07-08"),
      call(9, "Bo", "A1", "CFO", "2026-06-30"), // before the quarter: not counted
      call(10, "Bo", "A2", "X", "2026-07-09"), // to a contact of unknown persona
    ]),
    targets: [
      {
        quarter: "2026-Q3",
        metric: "calls" as const,
        owner: "Ann",
        scope: "rep" as const,
        per: "week" as const,
        value: 2,
      },
    ],
  };
}

describe("leading indicators", () => {
  const result = leadingIndicators(prepareDataset(records(), config), q3);

  it("measures how much activity is aimed at the ICP and target personas, not just how much", () => {
    const [ann, bo] = result.reps;
    expect(ann!.calls).toEqual({ count: 6, icpShare: 2 / 6, personaShare: 2 / 6, onTarget: 2 });
    // Bo's third call (to X, persona unknown, at non-ICP Birch) counts against ICP aim (2 of 3)
    // but not for or against persona aim: 2 of the 2 calls whose persona is known.
    expect(bo!.calls).toEqual({ count: 3, icpShare: 2 / 3, personaShare: 1, onTarget: 2 });
    // Ann: W1 W2 won, L1 lost, N1 no decision → 2 of 4 decided; Bo: W3 W4 won, L2 lost → 2 of 3.
    expect([ann!.won, ann!.winRate, bo!.won, bo!.winRate]).toEqual([2, 0.5, 2, 2 / 3]);
  });

  it("scores each week against the target and flags long streaks", () => {
    // Week 1 (1–7 Jul): 2 calls ≥ 2 green; week 2: 2 green; week 3: 1 red; week 4: 1 red;
    // weeks 5–13: 0 red; week 14 (30 Sep only, target 2 × 1/7): 0 red. Red from week 3 on: 12 weeks.
    const [row] = result.scorecard;
    expect(row!.weeks.map((w) => (w.green ? "G" : "R")).join("")).toBe("GGRRRRRRRRRRRR");
    expect(row!.streak).toEqual({ colour: "red", weeks: 12 });
  });
});
