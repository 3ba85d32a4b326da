import { describe, expect, it } from "vitest";
import { quarterFromId } from "../../src/calendar/fiscalCalendar.ts";
import { ConfigSchema } from "../../src/config/configSchema.ts";
import { voiceOfCustomer } from "../../src/metrics/voiceOfCustomer.ts";
import type { Interview } from "../../src/model/interview.ts";
import { fixtureRecords } from "./fixture.ts";

const config = ConfigSchema.parse({
  voiceOfCustomer: {
    themes: { Price: ["price", "pricing"], "Ease of use": ["easy to use"], Reporting: ["reporting"] },
    differentiators: ["Ease of use", "Reporting"],
    channels: { Referral: ["referred"], Search: ["search"] },
  },
});

function note(
  slug: string,
  outcome: Interview["outcome"],
  opportunityId: string | null,
  interviewDate: string,
  criteria: string,
  quotes: string[],
  extra: Partial<Interview> = {},
): Interview {
  return {
    file: `interviews/${slug}.md`,
    slug,
    opportunityId,
    account: null,
    outcome,
    competitor: null,
    interviewDate,
    problemRealised: null,
    intervieweeRole: "CFO",
    interviewer: null,
    tags: [],
    sections: { realisation: null, research: null, criteria, decision: null },
    quotes,
    body: criteria,
    ...extra,
  };
}

/*
 * Four notes. a (W1, won 20 Jul, Vantage on the deal): "easy to use" and "reporting", problem
 * realised 10 Jun → 40 days to the close. b (L1, lost 10 Aug): "pricing", referred. c (no
 * deal, interviewed 5 Sep): "price" and "reporting", no decision. d (W2, won) is interviewed in
 * October but belongs to Q3, where its deal closed; e (E1, won in 2025) belongs to 2025.
 */
const notes = [
  note(
    "a",
    "won",
    "W1",
    "2026-08-01",
    "It was easy to use and the reporting was better.",
    ["The reporting sold it.", "Easy to use and the reporting was what the board wanted to see every month."],
    { problemRealised: "2026-06-10" },
  ),
  note("b", "lost", "L1", "2026-08-20", "Pricing.", ["Too expensive for us."], {
    sections: {
      realisation: null,
      research: "We were referred by a peer.",
      criteria: "Pricing.",
      decision: null,
    },
  }),
  note("c", "no-decision", null, "2026-09-05", "Price and reporting.", ["We did nothing in the end."]),
  note("d", "won", "W2", "2026-10-03", "Nothing in particular.", []),
  note("e", "won", "E1", "2026-09-01", "Reporting.", ["Old win."]),
];

describe("voice of the customer", () => {
  const v = voiceOfCustomer(notes, fixtureRecords().opportunities, quarterFromId("2026-Q3", config), config);

  it("assigns notes to the quarter their deal closed in, else of the interview", () => {
    expect(v.interviews.map((i) => i.slug)).toEqual(["a", "b", "c", "d"]);
    expect(v.byOutcome).toEqual({ won: 2, lost: 1, noDecision: 1 });
    expect(v.interviews[0]).toMatchObject({
      competitor: "Vantage",
      deal: { amount: 10_000, product: "Platform" },
      daysToDecision: 40,
    });
  });

  it("counts themes once per note, by outcome, and sets claims against what wins cite", () => {
    expect(v.themes).toEqual([
      // Two notes each, so in name order.
      { theme: "Price", won: 0, lost: 1, noDecision: 1 }, // b ("pricing"), c
      { theme: "Reporting", won: 1, lost: 0, noDecision: 1 }, // a, c
      { theme: "Ease of use", won: 1, lost: 0, noDecision: 0 }, // a
    ]);
    expect(v.differentiators).toEqual([
      { differentiator: "Ease of use", citedInWins: 1, wins: 2 },
      { differentiator: "Reporting", citedInWins: 1, wins: 2 },
    ]);
    expect(v.channels).toEqual([{ channel: "Referral", interviews: 1 }]);
    expect(v.medianDaysToDecision).toBe(40);
  });

  it("features quotes by a fixed rule: best of each outcome first", () => {
    // Won: a's two quotes score 2 themes; the longer comes first. Lost: b's. No decision: c's.
    // Then the rest by the same order: a's shorter quote.
    expect(v.quotes.map((q) => [q.slug, q.outcome, q.text.slice(0, 20)])).toEqual([
      ["a", "won", "Easy to use and the "],
      ["b", "lost", "Too expensive for us"],
      ["c", "no-decision", "We did nothing in th"],
      ["a", "won", "The reporting sold i"],
    ]);
  });

  it("sets the CRM's recorded loss reasons beside the interviews", () => {
    expect(v.crmLossReasons.map((r) => r.reason)).toEqual(["Lost to competitor", "Price", "No Decision"]);
  });
});
