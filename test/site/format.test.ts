import { describe, expect, it } from "vitest";
import { formatChange, formatMoney, formatMultiple } from "../../src/site/format.ts";

describe("money on the page", () => {
  it("is compact, and millions keep their decimal so a column reads evenly", () => {
    expect(formatMoney(4_100_000, "USD")).toBe("$4.1M");
    expect(formatMoney(2_000_000, "USD")).toBe("$2.0M");
    // Just under a million rounds up to the million, not to "$1000K".
    expect(formatMoney(999_960, "USD")).toBe("$1.0M");
    expect(formatMoney(999_940, "USD")).toBe("$999.9K");
    expect(formatMoney(860_000, "USD")).toBe("$860K");
    expect(formatMoney(950, "USD")).toBe("$950");
    expect(formatMoney(-2_000_000, "EUR")).toBe("-€2.0M");
    expect(formatMoney(null, "USD")).toBe("—");
  });
});

describe("multiples and their changes", () => {
  it("reads coverage to one decimal and its change in ×", () => {
    expect([formatMultiple(3.14), formatMultiple(2), formatMultiple(null)]).toEqual(["3.1×", "2.0×", "—"]);
    expect([0.36, -1.04, 0.04, 1].map((value) => formatChange({ kind: "times", value }))).toEqual([
      "+0.4×",
      "−1.0×",
      "0.0×",
      "+1.0×",
    ]);
  });
});
