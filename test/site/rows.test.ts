import { describe, expect, it } from "vitest";
import { amountRows, labelOf, winLossRows } from "../../src/site/rows.ts";
import { partialWeekNote, quarterWeek } from "../../src/site/weeks.ts";
import { fixtureSnapshot } from "../charts/fixtureSnapshot.ts";

describe("table rows", () => {
  it("label keys a reader sees, and leave names and emails alone", () => {
    expect(labelOf("opportunitiesCreated")).toBe("Opportunities created");
    expect(labelOf("new")).toBe("New");
    expect(labelOf("renewal")).toBe("Renewal");
    expect(labelOf("upsell")).toBe("Upsell");
    expect(labelOf("martin@example.com")).toBe("martin@example.com");
    expect(labelOf("Mid-Market")).toBe("Mid-Market");
  });

  it("show money in the headline's units, not to the cent", () => {
    const table = amountRows("Type", "Bookings", [{ key: "new", amount: 21_265_088.75, deals: 237 }], "USD");
    expect(table).toEqual({ columns: ["Type", "Bookings", "Deals"], rows: [["New", "$21.3M", "237"]] });
  });

  it("show outcomes by owner of the hand-worked fixture", () => {
    // Ann: W1 and W2 won ($15K), L1 lost, N1 no decision: 2 of 4 closed = 50%;
    // by value 15,000 of 10,000 + 5,000 + 8,000 + 6,000 = 29,000 = 52%.
    const q3 = fixtureSnapshot("2026-Q3");
    const ann = winLossRows("Owner", q3.sections.winLoss.byOwner, "USD").rows.find((r) => r[0] === "Ann");
    expect(ann).toEqual(["Ann", "2", "1", "1", "50%", "$15K", "52%"]);
  });
});

describe("weeks of the quarter", () => {
  it("star the short last week", () => {
    // 2026-Q3 runs 1 Jul – 30 Sep, 92 days: week 13 starts 23 Sep (7 days), week 14 on 30 Sep (1 day).
    const q3 = fixtureSnapshot("2026-Q3");
    expect(quarterWeek(q3, 13)).toEqual({ week: 13, start: "2026-09-23", days: 7, label: "13" });
    expect(quarterWeek(q3, 14)).toEqual({ week: 14, start: "2026-09-30", days: 1, label: "14*" });
    expect(partialWeekNote([quarterWeek(q3, 13), quarterWeek(q3, 14)])).toBe("* week 14 has 1 day");
    expect(partialWeekNote([quarterWeek(q3, 1)])).toBe("");
  });
});
