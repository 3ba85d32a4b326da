import { describe, expect, it } from "vitest";
import { parseCalendarDay, parseDay, parseLocalTime } from "../../src/ingest/values/dates.ts";
import { parseMoney } from "../../src/ingest/values/money.ts";
import { parseNumber, parseProbability } from "../../src/ingest/values/scalars.ts";

/* The cell readers every adapter shares, on the ways real exports write dates and money. */

const us = { timeZone: "UTC", dateOrder: "month-first" } as const;
const europe = { timeZone: "Europe/Paris", dateOrder: "day-first" } as const;

function money(text: string, decimal: "." | "," = ".") {
  const parsed = parseMoney(text, decimal);
  return parsed.ok ? parsed.value : parsed.problem;
}

describe("dates", () => {
  it("reads ISO days, Salesforce timestamps, US and European dates", () => {
    expect(parseDay("2026-09-30", us)).toEqual({ ok: true, value: "2026-09-30" });
    expect(parseDay("9/30/2026", us)).toEqual({ ok: true, value: "2026-09-30" });
    expect(parseDay("09/30/26", us)).toEqual({ ok: true, value: "2026-09-30" });
    expect(parseDay("30/09/2026", europe)).toEqual({ ok: true, value: "2026-09-30" });
    // A dotted date is day first whatever the config says.
    expect(parseDay("30.09.2026", us)).toEqual({ ok: true, value: "2026-09-30" });
    // 03/04/2026 is 4 March in the US and 3 April in Europe.
    expect(parseDay("03/04/2026", us)).toEqual({ ok: true, value: "2026-03-04" });
    expect(parseDay("03/04/2026", europe)).toEqual({ ok: true, value: "2026-04-03" });
  });

  it("turns timestamps into the company's local day, across midnight and summer time", () => {
    // 22:30 UTC on 30 September is 00:30 on 1 October in Paris (UTC+2 in summer)...
    expect(parseDay("2026-09-30T22:30:00.000+0000", europe)).toEqual({ ok: true, value: "2026-10-01" });
    // ...but 23:30 UTC on 30 December is still 00:30 on the 31st (UTC+1 in winter).
    expect(parseLocalTime("2026-12-30T23:30:00Z", europe)).toEqual({
      ok: true,
      value: "2026-12-31T00:30:00",
    });
    // An offset in the text is honoured before the zone is applied.
    expect(parseLocalTime("2026-06-01T08:00:00-05:00", us)).toEqual({
      ok: true,
      value: "2026-06-01T13:00:00",
    });
    // A 12-hour clock: 12:15 AM is a quarter past midnight.
    expect(parseLocalTime("3/31/2026 12:15 AM", us)).toEqual({ ok: true, value: "2026-03-31T00:15:00" });
    expect(parseLocalTime("3/31/2026 08:55 PM", us)).toEqual({ ok: true, value: "2026-03-31T20:55:00" });
  });

  it("refuses impossible days and says what to write", () => {
    expect(parseDay("2026-02-29", us)).toEqual({
      ok: false,
      problem: '"2026-02-29" is not a real calendar day',
    });
    expect(parseDay("2028-02-29", us)).toEqual({ ok: true, value: "2028-02-29" });
    expect(parseDay("31/31/2026", europe)).toEqual({
      ok: false,
      problem: '"31/31/2026" is not a real calendar day',
    });
    expect(parseDay("next Tuesday", us)).toEqual({
      ok: false,
      problem:
        '"next Tuesday" is not a date: use YYYY-MM-DD, an ISO timestamp, M/D/YYYY or 15 Apr 2021, or say how dates are written with "dateFormat" in quarterdeck.config.json (e.g. "DD/MM/YYYY HH:mm")',
    });
    expect(parseDay("", us)).toEqual({ ok: false, problem: "is empty" });
  });
});

describe("textual months, calendar days and dateFormat", () => {
  const la = { timeZone: "America/Los_Angeles", dateOrder: "month-first" } as const;

  it("reads textual months without configuration", () => {
    // Zoho's "15 Apr, 2021 00:02:00" is a UTC timestamp: 17:02 on the 14th in Los Angeles.
    expect(parseLocalTime("15 Apr, 2021 00:02:00", la)).toEqual({ ok: true, value: "2021-04-14T17:02:00" });
    for (const text of ["Apr 15, 2021", "15-Apr-2021", "April 15 2021", "15 April 2021", "Apr. 15, 2021"]) {
      expect(parseCalendarDay(text, la)).toEqual({ ok: true, value: "2021-04-15" });
    }
    expect(parseCalendarDay("Sept 15, 2021", la)).toEqual({ ok: true, value: "2021-09-15" });
    expect(parseDay("15 Foo 2021", la).ok).toBe(false);
  });

  it("keeps a calendar day as written, whatever the time or zone", () => {
    expect(parseCalendarDay("2018-10-01 00:00:00", la)).toEqual({ ok: true, value: "2018-10-01" });
    expect(parseCalendarDay("2018-10-01T00:00:00.000+0000", la)).toEqual({ ok: true, value: "2018-10-01" });
    // The same text as a timestamp moves to the day before in Los Angeles.
    expect(parseDay("2018-10-01 00:00:00", la)).toEqual({ ok: true, value: "2018-09-30" });
  });

  it("reads the config's dateFormat first", () => {
    const format = { ...us, format: "DD/MM/YYYY HH:mm" };
    expect(parseLocalTime("31/01/2026 14:05", format)).toEqual({ ok: true, value: "2026-01-31T14:05:00" });
    expect(parseCalendarDay("2026.09.30", { ...us, format: "YYYY.MM.DD" })).toEqual({
      ok: true,
      value: "2026-09-30",
    });
    expect(parseCalendarDay("30 sept. 2026", { ...us, format: "D MMMM. YYYY" })).toEqual({
      ok: true,
      value: "2026-09-30",
    });
  });
});

describe("money", () => {
  it("reads amounts as CRMs and spreadsheets write them", () => {
    expect(money("1200")).toEqual({ amount: 1200, currency: null });
    expect(money("1,200.50")).toEqual({ amount: 1200.5, currency: null });
    expect(money("$1,200.00")).toEqual({ amount: 1200, currency: null });
    expect(money("€ 950")).toEqual({ amount: 950, currency: "EUR" });
    expect(money("JPY 10,000")).toEqual({ amount: 10000, currency: "JPY" });
    expect(money("10 000 eur")).toEqual({ amount: 10000, currency: "EUR" });
    expect(money("(1,200.00)")).toEqual({ amount: -1200, currency: null });
    expect(money("1,00,000 INR")).toEqual({ amount: 100000, currency: "INR" });
    // Float noise from a spreadsheet is rounded to the cent.
    expect(money("16120999.999999998")).toEqual({ amount: 16121000, currency: null });
  });

  it("reads European amounts when the config says the decimal separator is a comma", () => {
    expect(money("1.234,56", ",")).toEqual({ amount: 1234.56, currency: null });
    expect(money("EUR 1.200,00", ",")).toEqual({ amount: 1200, currency: "EUR" });
    expect(money("12\u202f500,5 €", ",")).toEqual({ amount: 12500.5, currency: "EUR" });
    expect(money("1'234'567,8", ",")).toEqual({ amount: 1234567.8, currency: null });
  });

  it("refuses an amount written in the other convention rather than misreading it", () => {
    // Read with "." as the decimal separator, "1.234,56" would be 1.23; read loosely, "1,20" would be 120.
    expect(money("1.234,56")).toBe(
      '"1.234,56" is not an amount of money: write it as 1200 or 1,200.00 (for amounts written 1.200,00 set "decimalSeparator": "," in the config)',
    );
    expect(money("1,20")).toMatch(/^"1,20" is not an amount of money/);
    expect(money("1,234.56", ",")).toBe(
      '"1,234.56" is not an amount of money: write it as 1200 or 1.200,00 (the config\'s "decimalSeparator" is ",": for amounts written 1,200.00 set it to ".")',
    );
    expect(money("n/a")).toBe('"n/a" is not an amount of money: write it as 1200 or 1,200.00');
    expect(money("USD 5 EUR")).toBe('"USD 5 EUR" names two currencies');
  });

  it("reads rates and probabilities", () => {
    expect(parseNumber("0.8123")).toEqual({ ok: true, value: 0.8123 });
    expect(parseNumber("0,8123", ",")).toEqual({ ok: true, value: 0.8123 });
    expect(parseNumber("1,2").ok).toBe(false);
    expect(parseProbability("75%")).toEqual({ ok: true, value: 0.75 });
    expect(parseProbability("0.4")).toEqual({ ok: true, value: 0.4 });
    expect(parseProbability("40")).toEqual({ ok: true, value: 0.4 });
  });
});
