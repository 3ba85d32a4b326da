import { describe, expect, it } from "vitest";
import { ByDate } from "../../src/ingest/values/plainBytes.ts";

/*
 * Dates read from a file's bytes are read once per distinct value, by the text reader's own
 * parse: the same text always gives the same value, different values never share one, and
 * anything not written as a day or a time is left to the text reader.
 */

const bytesOf = (text: string) => new TextEncoder().encode(`${text},next`);

function reader() {
  const reads: string[] = [];
  const dates = new ByDate((text) => {
    reads.push(text);
    return `read ${text}`;
  });
  const of = (text: string) => dates.of(bytesOf(text), 0, text.length);
  return { reads, of };
}

describe("dates read by their digits", () => {
  it("reads each distinct day or time once, and tells them apart", () => {
    const { reads, of } = reader();
    const values = [
      "2026-07-01",
      "2026-07-01",
      "2026-07-02",
      "2026-07-01 10:00:00",
      "2026-07-01 10:00:01",
      "2026-07-01 10:00:00",
      "2026-08-01 10:00:00",
    ].map(of);
    expect(values).toEqual([
      "read 2026-07-01",
      "read 2026-07-01",
      "read 2026-07-02",
      "read 2026-07-01 10:00:00",
      "read 2026-07-01 10:00:01",
      "read 2026-07-01 10:00:00",
      "read 2026-08-01 10:00:00",
    ]);
    expect(reads).toHaveLength(5);
  });

  it("takes a time with a T as the same time, and reads days beyond the usual years by their digits", () => {
    const { reads, of } = reader();
    expect(of("2026-07-01T10:00:00")).toBe("read 2026-07-01T10:00:00");
    expect(of("2026-07-01 10:00:00")).toBe("read 2026-07-01T10:00:00");
    // Outside 1970–2169, or not a month or day of month: read as written, once each.
    for (const text of ["9999-12-31", "1969-12-31", "2026-13-01", "2026-02-00", "9999-12-31"]) of(text);
    expect(reads).toEqual(["2026-07-01T10:00:00", "9999-12-31", "1969-12-31", "2026-13-01", "2026-02-00"]);
  });

  it("leaves to the text reader what is not written as a day or a time", () => {
    const { reads, of } = reader();
    for (const text of ["2026-7-01", "2026/07/01", "2026-07-0x", "2026-07-01 10:00", "2026-07-01 1a:00:00"])
      expect(of(text)).toBeUndefined();
    expect(reads).toEqual([]);
  });

  it("lets go of the times read once more than it keeps, and reads them again as they were", () => {
    const { reads, of } = reader();
    const time = (i: number) =>
      `2026-07-${String(1 + (i % 28)).padStart(2, "0")} ${String(Math.floor(i / 3600) % 24).padStart(2, "0")}:${String(Math.floor(i / 60) % 60).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}`;
    for (let i = 0; i < 70_000; i++) expect(of(time(i))).toBe(`read ${time(i)}`);
    expect(new Set(reads).size).toBe(reads.length);
    expect(of(time(0))).toBe(`read ${time(0)}`);
    expect(reads.at(-1)).toBe(time(0));
  });
});
