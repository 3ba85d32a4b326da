import { describe, expect, it } from "vitest";
import { indexIds } from "../../src/metrics/idIndex.ts";

/*
 * Ids found by their hashes. "O299499" and "O1003200" have the same 32-bit FNV-1a hash
 * (2,605,807,888): they must still be told apart by their text. A repeated id points to its
 * first position.
 */

describe("ids by hash", () => {
  const ids = ["O1003200", "A", "O299499", "B", "A", "O1003200"].map((id) => ({ id }));
  const index = indexIds(ids);

  it("gives each position the first position of its id, colliding hashes apart", () => {
    expect([...index.firstOf]).toEqual([0, 1, 2, 3, 1, 0]);
  });

  it("finds an id's first position, and nothing for an id no item has", () => {
    expect(index.find("O1003200")).toBe(0);
    expect(index.find("O299499")).toBe(2);
    expect(index.find("A")).toBe(1);
    expect(index.find("B")).toBe(3);
    expect(index.find("O299498")).toBe(-1);
    expect(index.find("")).toBe(-1);
  });
});
