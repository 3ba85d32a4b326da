import { describe, expect, it } from "vitest";
import { indexIds, positionOf } from "../../src/metrics/idIndex.ts";

/* The id table that joins history rows to their deals must answer as a Map of first positions would. */

describe("id positions", () => {
  it("gives each id its first position, and −1 for an id not in the list", () => {
    const index = indexIds(["b", "a", "c", "a"]);
    expect(["a", "b", "c", "d", ""].map((id) => positionOf(index, id))).toEqual([1, 0, 2, -1, -1]);
    // The repeated "a" at 3 points back to its first position.
    expect([...index.firstOf]).toEqual([0, 1, 2, 1]);
  });

  it("agrees with a Map on many ids, colliding slots included", () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `006${(i * 7919) % 5003}`);
    const index = indexIds(ids);
    const first = new Map<string, number>();
    ids.forEach((id, i) => {
      if (!first.has(id)) first.set(id, i);
    });
    for (const id of [...ids, "0065004", "x"]) expect(positionOf(index, id)).toBe(first.get(id) ?? -1);
  });
});
