import { describe, expect, it } from "vitest";
import { unsafePatternReason } from "../../src/config/safePattern.ts";

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
    expect(unsafePatternReason("(?<x>a)\\k<x>")).toMatch(/backreference/);
  });

  it("every accepted pattern runs in linear time on text built to defeat it", () => {
    const text = `${"a".repeat(5_000)}!`;
    for (const pattern of ["a+$", "(ab|cd)$", "^(no|none) decision$", "a*b"]) {
      const started = performance.now();
      new RegExp(pattern, "i").test(text);
      expect(performance.now() - started).toBeLessThan(200);
    }
  });
});
