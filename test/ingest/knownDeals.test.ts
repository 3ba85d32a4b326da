import { describe, expect, it } from "vitest";
import { KnownDeals } from "../../src/ingest/knownDeals.ts";
import type { Opportunity } from "../../src/model/records.ts";

const deals = KnownDeals.of(["O1", "O2", "O10", "O3"].map((id) => ({ id }) as Opportunity));
const bytes = (text: string) => new TextEncoder().encode(text);
const at = (id: string, near: number) => deals.positionOfBytes(bytes(`,${id},`), 1, id.length + 1, near);

describe("finding a deal by the bytes of its id", () => {
  it("finds the deal near the last one, or any other, wherever the search starts", () => {
    for (const near of [-1, 0, 1, 2, 3, 4]) {
      expect([at("O1", near), at("O2", near), at("O10", near), at("O3", near)]).toEqual([0, 1, 2, 3]);
      // A prefix or an extension of a nearby id is not that deal.
      expect([at("O", near), at("O100", near), at("O4", near)]).toEqual([-1, -1, -1]);
    }
  });

  it("finds a deal by its text", () => {
    expect(deals.get("O10")?.id).toBe("O10");
    expect(deals.get("O4")).toBeUndefined();
  });
});
