import { describe, expect, it } from "vitest";
import { quarterFromId } from "../../src/calendar/fiscalCalendar.ts";
import { ConfigSchema } from "../../src/config/configSchema.ts";
import { prepareDataset } from "../../src/metrics/dataset.ts";
import { pipelineFlow } from "../../src/metrics/pipelineFlow.ts";
import { fixtureRecords } from "./fixture.ts";

const config = ConfigSchema.parse({});

describe("pipeline flow of 2026-Q3 on the hand-worked fixture", () => {
  const { flow, movers } = pipelineFlow(
    prepareDataset(fixtureRecords(), config),
    quarterFromId("2026-Q3", config),
  );

  it("balances start and movements to the end, with no residual", () => {
    expect(flow).toEqual({
      // Open on 30 Jun with a close date in Q3: W1 8,000 and L1 8,000 (history), W4 7,000 and
      // N1 6,000 (no history, closed later), P1 25,000 (row of 20 Jun, due 30 Sep).
      start: 54_000,
      // Created in Q3 and due in it: W2 5,000, W3 20,000, L2 12,000 (P2 is due in November).
      created: 37_000,
      pulledIn: 0,
      // W1 went from 8,000 to 10,000 when it was won.
      increased: 2_000,
      decreased: 0,
      // P1 moved to 15 December on 10 September, at 25,000.
      pushedOut: 25_000,
      won: 42_000, // W1 10,000 + W2 5,000 + W3 20,000 + W4 7,000
      lost: 26_000, // L1 8,000 + L2 12,000 + N1 6,000 (no decision counts as lost here)
      residual: 0,
      end: 0, // 54,000 + 37,000 + 2,000 − 25,000 − 42,000 − 26,000
    });
  });

  it("lists the largest movers", () => {
    expect(movers.map((m) => [m.id, m.movement, m.amount, m.day])).toEqual([
      ["P1", "pushedOut", 25_000, "2026-09-10"],
      ["W1", "increased", 2_000, "2026-07-20"],
    ]);
  });
});
