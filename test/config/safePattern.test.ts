import { describe, expect, it } from "vitest";
import { PATTERN_TEXT_LIMIT, unsafePatternReason } from "../../src/config/safePattern.ts";

describe("user patterns", () => {
  it("accepts the patterns loss reasons and titles need", () => {
    for (const pattern of [
      "no.?decision",
      "^(no|none) decision$",
      "vp|vice president",
      "c[ef]o\\b",
      "(ab){2}",
      "x{2,2}y",
      "[(a+)+]",
      "((a)+)",
    ]) {
      expect(unsafePatternReason(pattern), pattern).toBeNull();
    }
  });

  it("refuses repeats of repeats, repeated alternatives and backreferences", () => {
    for (const pattern of [
      "(a+)+$",
      "(a*)*",
      "(\\w+\\s?)*$",
      "(a|ab)*",
      "x{1,}(y+){2,}",
      "((a+))+",
      "(?:a+)+",
    ]) {
      expect(unsafePatternReason(pattern), pattern).toMatch(/nests/);
    }
    expect(unsafePatternReason("(a)\\1")).toMatch(/backreference/);
    expect(unsafePatternReason("a*a*b")).toMatch(/2 open-ended repeats/);
    expect(unsafePatternReason(".*no.*decision.*")).toMatch(/3 open-ended repeats/);
    expect(unsafePatternReason("(?<x>a)\\k<x>")).toMatch(/backreference/);
  });

  // Patterns that pass may still be quadratic ("a*b" retried from every position), which is why
  // a text is matched by its first PATTERN_TEXT_LIMIT characters only: at that length even a
  // quadratic pattern takes a fraction of a millisecond.
  it("accepted patterns stay fast on texts as long as the cap, built to defeat them", () => {
    const text = `${"a".repeat(PATTERN_TEXT_LIMIT - 1)}!`;
    for (const pattern of ["a+$", "(ab|cd)$", "^(no|none) decision$", "a*b", "no.*decision", "(a|aa)b+"]) {
      expect(unsafePatternReason(pattern), pattern).toBeNull();
      const started = performance.now();
      for (let i = 0; i < 10; i++) new RegExp(pattern, "i").test(text);
      expect(performance.now() - started, pattern).toBeLessThan(100);
    }
  });
});
