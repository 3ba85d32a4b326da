import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { activityAimChart } from "../../src/charts/activityAimChart.ts";
import { flowChart } from "../../src/charts/flowChart.ts";
import { forecastChart } from "../../src/charts/forecastChart.ts";
import { pipelineCreatedByWeekChart } from "../../src/charts/pipelineCreatedChart.ts";
import { type Chart, hasData } from "../../src/charts/renderChart.ts";
import { bookingsTrendChart, pipelineTrendChart } from "../../src/charts/trendCharts.ts";
import { competitorChart, lossReasonsChart, productOutcomeChart } from "../../src/charts/winLossCharts.ts";
import { expectGolden } from "../expectGolden.ts";
import { fixtureSnapshot } from "./fixtureSnapshot.ts";

/*
 * Golden charts: every chart of the pack drawn from the hand-worked metric fixture, narrow and
 * wide, compared with test/output/charts/. Numbers are rounded to one decimal before comparing,
 * so a floating-point wobble in a layout is not a change. A mismatch writes <name>-changed.svg
 * beside the golden for review; CI never writes goldens.
 */

const goldens = fileURLToPath(new URL("../output/charts/", import.meta.url));
const q3 = fixtureSnapshot("2026-Q3");
const q2 = fixtureSnapshot("2026-Q2");
const archive = [q3, q2];

const CHARTS: Chart[] = (
  [
    bookingsTrendChart(archive, q3),
    pipelineTrendChart(archive, q3),
    flowChart(q3),
    pipelineCreatedByWeekChart(q3),
    competitorChart(q3),
    lossReasonsChart(q3),
    productOutcomeChart(q3),
    forecastChart(q3),
    activityAimChart(q3),
  ] as (Chart | null)[]
).filter((c): c is Chart => c !== null);

/** One tag per line and numbers to one decimal, so a golden's diff shows what changed. */
function normalize(svg: string): string {
  return `${svg
    .replace(/\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))
    .replace(/>\s*</g, ">\n<")
    .trim()}\n`;
}

/** A rendering against its golden, test/output/charts/<name>.svg. */
async function expectChart(name: string, svg: string): Promise<void> {
  await expectGolden(normalize(svg), join(goldens, `${name}.svg`));
}

describe("charts drawn from the metric fixture", () => {
  for (const chart of CHARTS.filter((c) => c.svg !== null)) {
    it(`${chart.id} matches its narrow and wide goldens`, async () => {
      await expectChart(`${chart.id}-narrow`, chart.svg!.narrow);
      await expectChart(`${chart.id}-wide`, chart.svg!.wide);
    });
  }

  it("names each rendering as one image described by the figure's description", () => {
    for (const chart of CHARTS.filter((c) => c.svg !== null)) {
      for (const svg of [chart.svg!.narrow, chart.svg!.wide]) {
        expect(svg.match(/role="img"/g), chart.id).toHaveLength(1);
        expect(svg).toContain(`aria-describedby="${chart.id}-desc"`);
      }
    }
  });

  it("gives every chart a subtitle naming its measure and unit", () => {
    const subtitles = Object.fromEntries(CHARTS.map((c) => [c.id, c.subtitle]));
    // Bookings in Q3 are W1+W2+W3+W4 = 10,000 + 5,000 + 20,000 + 7,000 = $42K: thousands.
    expect(subtitles["bookings-trend"]).toBe("Bookings, $K, by quarter");
    expect(subtitles["loss-reasons"]).toBe("Deals lost, count, by recorded loss reason");
    // 2026-Q3 runs 1 Jul – 30 Sep: 92 days, 13 whole weeks and a 14th of one day.
    expect(subtitles["pipeline-created-by-week"]).toBe(
      "Pipeline created, $K, by week of the quarter; * week 14 has 1 day",
    );
  });

  it("labels bars with their values", () => {
    const bookings = CHARTS.find((c) => c.id === "bookings-trend")!;
    // Q2 booked nothing (E1, the only other win, closed in 2025); Q3 booked $42K.
    expect(bookings.table.rows).toEqual([
      ["Q2 2026", "$0"],
      ["Q3 2026", "$42K"],
    ]);
    for (const svg of [bookings.svg!.narrow, bookings.svg!.wide]) expect(svg).toContain(">$42K</text>");
  });

  it("marks the short last week of the quarter", () => {
    const weeks = CHARTS.find((c) => c.id === "pipeline-created-by-week")!;
    expect(weeks.table.rows.at(-1)?.slice(0, 3)).toEqual(["14*", "30 Sep 2026", "1"]);
    expect(weeks.table.rows[0]?.slice(0, 3)).toEqual(["1", "1 Jul 2026", "7"]);
  });

  it("tells won from lost in the waterfall and keeps its end total", () => {
    const flow = CHARTS.find((c) => c.id === "pipeline-flow")!;
    expect(flow.legend.map((l) => l.label)).toEqual(expect.arrayContaining(["Won", "Lost"]));
    const colors = Object.fromEntries(flow.legend.map((l) => [l.label, l.color]));
    expect(colors.Won).not.toBe(colors.Lost);
    expect(flow.table.rows.at(-1)?.[0]).toBe("End");
  });

  it("does not draw a chart with no non-zero value", () => {
    // The fixture has no activities: every rep's calls and meetings are zero or absent.
    expect(CHARTS.find((c) => c.id === "activity-aim")!.svg).toBeNull();
    expect(hasData([0, null, 0])).toBe(false);
    expect(hasData([0, -3])).toBe(true);
  });
});
