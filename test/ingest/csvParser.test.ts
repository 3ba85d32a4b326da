import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CsvParser, detectDelimiter } from "../../src/ingest/csvParser.ts";
import { readCsv } from "../../src/ingest/readCsv.ts";

/** Parses text pushed in the given chunk sizes; returns what the sink saw, in order. */
function parse(text: string, sizes: () => number = () => text.length) {
  const seen: string[] = [];
  const parser = new CsvParser(",", {
    header: (f) => seen.push(`header ${JSON.stringify(f)}`),
    row: (f, line) => seen.push(`${line} ${JSON.stringify(f)}`),
    malformed: (line, problem) => seen.push(`${line} malformed: ${problem.split(":")[0]}`),
  });
  for (let at = 0; at < text.length; ) {
    const size = Math.max(1, sizes());
    parser.push(text.slice(at, at + size));
    at += size;
  }
  parser.end();
  return seen;
}

/** A deterministic pseudo-random sequence (a linear congruential generator). */
function sequence(seed: number, max: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % max;
  };
}

describe("the CSV parser", () => {
  it("reads quoted values, escaped quotes and values over several lines, with their lines", () => {
    expect(parse('a,b,c\n1,"x, y",3\n"2","say ""hi""",4\n3,"two\nlines",5\n\n4,5,6\n')).toEqual([
      'header ["a","b","c"]',
      '2 ["1","x, y","3"]',
      '3 ["2","say \\"hi\\"","4"]',
      '4 ["3","two\\nlines","5"]',
      '7 ["4","5","6"]',
    ]);
  });

  it("reports rows it cannot read and goes on at the next line", () => {
    expect(parse('a,b\n1,2,3\n4\n"5"x,6\n"7,8\n9,10\n')).toEqual([
      'header ["a","b"]',
      "2 malformed: has 3 values but the header has 2 columns, so its values would land in the wrong columns",
      "3 malformed: has 1 values but the header has 2 columns",
      '4 malformed: the quoted value "5" is followed by other text ("x")',
      "5 malformed: a quote opened on this line is never closed; the line is left out and reading goes on at the next line. Close the quote or export the file again",
      '6 ["9","10"]',
    ]);
  });

  it("gives the same rows whatever the chunks the text arrives in", () => {
    const next = sequence(7, 1000);
    const lines = ["id,name,note"];
    for (let i = 0; i < 6000; i++) {
      const kind = next() % 5;
      const note =
        kind === 0 ? '"multi\nline ""quoted"" note"' : kind === 1 ? '"a, b"' : kind === 2 ? "" : `plain ${i}`;
      lines.push(`${i},"Name ${i}",${note}`);
    }
    const text = `${lines.join("\n")}\n`;
    expect(text.length).toBeGreaterThan(150_000);
    const whole = parse(text);
    expect(whole).toHaveLength(6001);
    for (const seed of [1, 2, 3]) {
      const random = sequence(seed, 90_000);
      expect(parse(text, random)).toEqual(whole);
    }
    expect(parse(text, () => 1).length).toBe(6001);
  });

  it("finds the delimiter from the header line", () => {
    expect(["a,b,c", "a;b;c", "a\tb\tc", "a|b|c", "name"].map(detectDelimiter)).toEqual([
      ",",
      ";",
      "\t",
      "|",
      ",",
    ]);
  });

  it("reads CRLF split across the file's read chunks as one line end", async () => {
    // The file is read 64 KiB at a time: put a CRLF astride the first boundary.
    const first = `id,name\n${"1,".padEnd(65_535 - 8, "x")}`;
    const path = join(tmpdir(), `quarterdeck-crlf-${process.pid}.csv`);
    await writeFile(path, `${first}\r\n2,b\r\n`);
    const rows: [string[], number][] = [];
    await readCsv(path, "crlf.csv", {
      header: () => {},
      row: (f, l) => rows.push([f, l]),
      malformed: (l, p) => rows.push([[p], l]),
      badBytes: () => {},
    });
    expect(rows.map(([f, l]) => [f[0], f[1]?.length, l])).toEqual([
      ["1", 65_535 - 10, 2],
      ["2", 1, 3],
    ]);
  });
});
