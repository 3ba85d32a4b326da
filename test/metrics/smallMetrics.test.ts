import { describe, expect, it } from "vitest";
import { quarterFromId } from "../../src/calendar/fiscalCalendar.ts";
import { ConfigSchema } from "../../src/config/configSchema.ts";
import { prepareDataset } from "../../src/metrics/dataset.ts";
import { funnel } from "../../src/metrics/funnel.ts";
import { renewals } from "../../src/metrics/renewals.ts";
import { checkRocks, type RockFigure } from "../../src/metrics/rocks.ts";
import { stageDurations } from "../../src/metrics/stageDurations.ts";
import { fixtureRecords } from "./fixture.ts";

const config = ConfigSchema.parse({});
const q3 = quarterFromId("2026-Q3", config);

describe("renewals", () => {
  it("rates renewals by count and amount", () => {
    const base = fixtureRecords();
    // Mark W2 (won 5,000) and L2 (lost 12,000) as renewals: 1 of 2 renewed; 5,000 of 17,000.
    const records = {
      ...base,
      opportunities: base.opportunities.map((o) =>
        o.id === "W2" || o.id === "L2" ? { ...o, type: "renewal" as const } : o,
      ),
    };
    expect(renewals(prepareDataset(records, config), q3)).toEqual({
      closed: 2,
      renewed: 1,
      rateByCount: 0.5,
      closedAmount: 17_000,
      renewedAmount: 5_000,
      rateByAmount: 5_000 / 17_000,
    });
  });
});

describe("rocks", () => {
  it("flags what keeps a rock from being SMART", () => {
    const rock = {
      quarter: "2026-Q3",
      title: "t",
      owner: "Ann",
      measurable: "deals",
      target: "5",
      dueDate: "2026-09-30",
      status: "on track",
    };
    const checked = checkRocks(
      [rock, { ...rock, owner: null, target: null, dueDate: "2026-12-01" }, { ...rock, quarter: "2026-Q2" }],
      q3,
    );
    expect(checked.map((r) => r.gaps)).toEqual([
      [],
      ["no owner named", "no target", "due outside the quarter"],
    ]);
  });

  const figures: RockFigure[] = [
    { name: "median sales cycle", patterns: [/cycle/i], value: 70, unit: "days", lowerIsBetter: true },
    {
      name: "median sales cycle, Mid-Market",
      patterns: [/cycle/i, /\bMid-Market\b/i],
      value: 64.5,
      unit: "days",
      lowerIsBetter: true,
    },
    { name: "win rate", patterns: [/win rate/i], value: 0.42, unit: "share", lowerIsBetter: false },
  ];
  const rock = {
    quarter: "2026-Q3",
    title: "Cut the Mid-Market sales cycle",
    owner: "Tom",
    measurable: "Median days from creation to close",
    target: "60 days",
    dueDate: "2026-09-30",
    status: "on track",
  };

  it("checks a rock against the pack's own figure, the most specific one first", () => {
    // Mid-Market's 64.5 days (not the company's 70) against a ceiling of 60: missed.
    const [cycle, winRate, vague] = checkRocks(
      [
        rock,
        { ...rock, title: "Raise the win rate", measurable: "Win rate", target: "40%", status: "done" },
        { ...rock, title: "Improve forecast culture", measurable: "Calls reviewed", target: "12" },
      ],
      q3,
      figures,
      "2026-09-15",
    );
    expect(cycle!.measure).toEqual({
      figure: "median sales cycle, Mid-Market",
      unit: "days",
      measured: 64.5,
      target: 60,
      atMost: true,
      met: false,
    });
    expect(cycle!.gaps).toEqual(["marked on track, but the pack's figure misses the target"]);
    // 42% against a floor of 40%: met.
    expect(winRate!.measure).toMatchObject({ measured: 0.42, target: 0.4, atMost: false, met: true });
    expect(vague!.measure).toBeNull();
  });

  it("does not let a rock past its due date stay on track", () => {
    const [late, done] = checkRocks([rock, { ...rock, status: "done" }], q3, [], "2026-10-02");
    expect(late!.overdue).toBe(true);
    expect(late!.gaps).toContain("past its due date (2026-09-30) yet marked on track: it is done or missed");
    expect(done!.overdue).toBe(false);
  });
});

describe("funnel", () => {
  it("follows the quarter's lead cohort through each step", () => {
    const base = fixtureRecords();
    const lead = (id: string, mql: string | null, sql: string | null, opp: string | null) => ({
      id,
      createdDate: "2026-07-01",
      mqlDate: mql,
      sqlDate: sql,
      source: "Web",
      owner: null,
      convertedOpportunityId: opp,
    });
    // Four leads: three MQL, two SQL, two converted: W3 (won, so it passed every stage) and
    // L2 (lost at stage "Closed Lost" with no probability: it reached no named stage).
    const records = {
      ...base,
      leads: [
        lead("1", "2026-07-02", "2026-07-03", "W3"),
        lead("2", "2026-07-02", "2026-07-03", "L2"),
        lead("3", "2026-07-02", null, null),
        lead("4", null, null, null),
      ],
    };
    const result = funnel(prepareDataset(records, config), q3, config);
    expect(result.steps.map((s) => [s.step, s.count, s.conversion])).toEqual([
      ["leads", 4, null],
      ["mql", 3, 0.75],
      ["sql", 2, 2 / 3],
      ["opportunity", 2, 1],
      ["discovery", 1, 0.5],
      ["proposal", 1, 1],
      ["won", 1, 1],
    ]);
    expect(result.leadToWon).toBe(0.25);
  });
});

describe("stage durations", () => {
  it("measures stays in each stage from history, for deals closed in the quarter", () => {
    // W1 sat in Discovery from 10 Jun to its win on 20 Jul (40 days); L1 from 1 Apr to its loss
    // on 10 Aug (131 days). P1 is still open; the other deals have no history.
    expect(stageDurations(prepareDataset(fixtureRecords(), config), q3)).toEqual([
      { stage: "Discovery", stays: 2, medianDays: 85.5, meanDays: 85.5 },
    ]);
  });
});
