import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../src/config/configSchema.ts";
import { computeQuarterMetrics } from "../../src/metrics/computeQuarterMetrics.ts";
import type { Records, Target } from "../../src/model/records.ts";
import { baselines } from "../../src/site/comparisons.ts";
import { narrative } from "../../src/site/narrative.ts";
import type { Snapshot } from "../../src/snapshot/snapshot.ts";
import { fixtureRecords } from "../metrics/fixture.ts";

/*
 * The summary's first sentences answer the CFO's first two questions from the hand-worked
 * fixture (test/metrics/plan.test.ts): 2026-Q3 booked 42,000; 43,000 is due in 2026-Q4 and
 * the cash win rate is 42,000 / 68,000 = 62%, which needs 68/42 = 1.6× coverage.
 */
const config = ConfigSchema.parse({});
const plan = (quarter: string, value: number): Target => ({
  quarter,
  metric: "bookings",
  owner: null,
  scope: "company",
  per: "quarter",
  value,
});

function sentencesOf(records: Records): string[] {
  const metrics = computeQuarterMetrics(records, "2026-Q3", config);
  const snapshot = { quarter: "2026-Q3", currency: "USD", ...metrics } as unknown as Snapshot;
  const { qoq, yoy } = baselines(snapshot, []);
  return narrative(snapshot, qoq, yoy);
}

describe("the summary leads with plan", () => {
  it("says plan against actual first, then next quarter's coverage against what the win rate needs", () => {
    // 42,000 / 50,000 = 84%, 8,000 short; Q2 had a plan of 20,000 and booked nothing (0%).
    // Q4: 43,000 / 40,000 = 1.1×; needs 1.619… × 40,000 = 64,762 − 43,000 = 21,762 to find.
    const sentences = sentencesOf({
      ...fixtureRecords(),
      targets: [plan("2026-Q2", 20_000), plan("2026-Q3", 50_000), plan("2026-Q4", 40_000)],
    });
    expect(sentences.slice(0, 3)).toEqual([
      "Q3 2026 bookings were $42K against a plan of $50K: 84% of plan ($8,000 short), against 0% in Q2 2026.",
      "They came from 4 deals won.",
      "Q4 2026 starts with $43K of pipeline due against a plan of $40K: 1.1× coverage, against the 1.6× our 62% cash win rate needs: $21.8K of pipeline still to find.",
    ]);
  });

  it("says when there is no plan to set bookings against", () => {
    const [first, second] = sentencesOf(fixtureRecords());
    expect(first).toBe("Q3 2026 bookings were $42K from 4 deals won; no plan was given to set them against.");
    expect(second).toBe("Q4 2026 starts with $43K of pipeline due; no plan was given for it.");
  });
});
