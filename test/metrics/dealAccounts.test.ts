import { describe, expect, it } from "vitest";
import { dayNumber } from "../../src/calendar/days.ts";
import { dealAccounts } from "../../src/metrics/dealAccounts.ts";
import { CLOSED, WON } from "../../src/metrics/pointInTime.ts";
import { account, deal } from "./fixture.ts";

/*
 * Three accounts, A1 listed twice (the second listing, ICP, is the one a lookup by id finds),
 * and deals of A1, of A9 (an account the export does not list) and of none.
 *   D1 A1 won 2026-07-20, D2 A1 won 2026-05-02, D3 A1 lost 2026-01-05: A1 first won on 2 May.
 *   D4 A9 won 2026-08-01: A9 first won on 1 Aug though it is not among the accounts.
 *   D5 no account, won. A2 has no deal, no win.
 */
const opportunities = [
  deal("D1", "A1", "Ann", "P", "2026-01-01", "2026-07-20", "won", 1, null, "SMB"),
  deal("D2", "A1", "Ann", "P", "2026-01-01", "2026-05-02", "won", 1, null, "SMB"),
  deal("D3", "A1", "Ann", "P", "2026-01-01", "2026-01-05", "Price", 1, null, "SMB"),
  deal("D4", "A9", "Ann", "P", "2026-01-01", "2026-08-01", "won", 1, null, "SMB"),
  { ...deal("D5", "A1", "Ann", "P", "2026-01-01", "2026-03-01", "won", 1, null, "SMB"), accountId: null },
];
const accounts = [account("A1", { isIcp: false }), account("A2"), account("A1", { isIcp: true })];

describe("deals' accounts by code", () => {
  const coded = dealAccounts(
    {
      opportunities,
      recordCloseDay: Int32Array.from(opportunities, (o) => dayNumber(o.closeDate)),
      recordFlags: Uint8Array.from(opportunities, (o) => (o.isClosed ? CLOSED : 0) | (o.isWon ? WON : 0)),
    },
    accounts,
  );

  it("codes the accounts' ids first, then ids only deals name; a deal with none has −1", () => {
    expect(coded.ids).toEqual(["A1", "A2", "A9"]);
    expect([...coded.of]).toEqual([0, 0, 0, 2, -1]);
    expect(coded.records).toEqual([accounts[2], accounts[1], undefined]);
  });

  it("keeps each code's fit and first win", () => {
    expect([...coded.fit]).toEqual([1, -1, -1]);
    expect([...coded.firstWon]).toEqual([dayNumber("2026-05-02"), Infinity, dayNumber("2026-08-01")]);
  });
});
