import { describe, expect, it } from "vitest";
import { sortByKey } from "../../src/metrics/sortByKey.ts";

describe("sorting positions by key", () => {
  it("orders by key, ties in position order, across every 11-bit digit", () => {
    // Keys that differ only in the low, middle or top digit, and a tie (positions 1 and 4).
    const keys = Uint32Array.from([0xffffffff, 5, 2 ** 11, 2 ** 22, 5, 0, 2 ** 22 + 1]);
    expect([...sortByKey(keys)]).toEqual([5, 1, 4, 2, 3, 6, 0]);
    // The keys given are left as they were.
    expect([...keys]).toEqual([0xffffffff, 5, 2 ** 11, 2 ** 22, 5, 0, 2 ** 22 + 1]);
  });

  it("sorts nothing and one", () => {
    expect([...sortByKey(new Uint32Array(0))]).toEqual([]);
    expect([...sortByKey(Uint32Array.of(7))]).toEqual([0]);
  });
});
