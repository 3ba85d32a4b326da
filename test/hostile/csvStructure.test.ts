import { afterAll, describe, expect, it } from "vitest";
import {
  cleanCsv,
  cleanUp,
  cli,
  dataFolder,
  deal,
  expectAccounted,
  HEADER,
  ingest,
  issuesOf,
} from "./corpus.ts";

/*
 * CSV structure: quotes, field counts, line endings and delimiters. Each case is the clean
 * export of 12 deals (line 1 the header, deal n on line n + 1) with one thing broken; the
 * broken rows must be rejected with their line, and every other row used.
 */

afterAll(cleanUp);

const rows = (n = 12) => Array.from({ length: n }, (_, i) => deal(i + 1));
const join = (lines: string[], eol = "\n") => lines.join(eol) + eol;
/** The clean rows with deal `n` replaced by `line`. */
const replacing = (n: number, line: string) =>
  join([HEADER, ...rows().map((r, i) => (i + 1 === n ? line : r))]);

interface Case {
  name: string;
  csv: () => string;
  /** Records the file holds (what read must equal). */
  records: number;
  /** Lines whose rows must be rejected, with a word the problem must contain. */
  rejected: [number, string][];
  /** Check on the deals read. */
  check?: (ids: string[], names: Map<string, string>) => void;
}

const cases: Case[] = [
  { name: "LF line ends", csv: () => cleanCsv(), records: 12, rejected: [] },
  { name: "CRLF line ends", csv: () => cleanCsv(12, "\r\n"), records: 12, rejected: [] },
  { name: "CR-only line ends (classic Mac)", csv: () => cleanCsv(12, "\r"), records: 12, rejected: [] },
  {
    name: "CRLF for the first lines, LF for the rest",
    csv: () => `${[HEADER, ...rows().slice(0, 3)].join("\r\n")}\r\n${join(rows().slice(3))}`,
    records: 12,
    rejected: [],
  },
  {
    name: "an unclosed quote in the middle (deal 5)",
    csv: () => replacing(5, deal(5, { name: '"Deal 5, the start' })),
    records: 12,
    rejected: [[6, "never closed"]],
  },
  {
    name: "an unclosed quote on the last row",
    csv: () => replacing(12, deal(12, { name: '"Deal 12' })),
    records: 12,
    rejected: [[13, "never closed"]],
  },
  {
    name: "a stray quote that would swallow later rows up to the next quote (deal 3)",
    csv: () =>
      join([
        HEADER,
        ...rows().map((r, i) =>
          i === 2 ? deal(3, { name: '"Deal 3' }) : i === 8 ? deal(9, { name: '"Deal 9, quoted"' }) : r,
        ),
      ]),
    records: 12,
    rejected: [[4, "followed by other text"]],
  },
  {
    name: 'a quoted value followed by other text ("Acme"Corp)',
    csv: () => replacing(7, deal(7, { name: '"Acme"Corp' })),
    records: 12,
    rejected: [[8, "followed by other text"]],
  },
  {
    name: "an unquoted comma in a name shifts the columns (deal 4)",
    csv: () => replacing(4, deal(4, { name: "Acme, Inc" })),
    records: 12,
    rejected: [[5, "16 values but the header has 15"]],
  },
  {
    name: "a row cut short (deal 10)",
    csv: () => replacing(10, deal(10).split(",").slice(0, 9).join(",")),
    records: 12,
    rejected: [[11, "cut short"]],
  },
  {
    name: "a trailing delimiter on every line",
    csv: () => join([`${HEADER},`, ...rows().map((r) => `${r},`)]),
    records: 12,
    rejected: [],
  },
  {
    name: "an unquoted comma in a name whose row ends with an empty column (deal 2)",
    csv: () => replacing(2, deal(2, { name: "Acme, Inc" })),
    records: 12,
    rejected: [[3, "16 values but the header has 15"]],
  },
  {
    name: "blank lines between rows keep the line numbers right",
    csv: () =>
      join([HEADER, "", ...rows().slice(0, 5), "", "", ...rows().slice(5, 11), deal(12, { amount: "12k" })]),
    records: 12,
    rejected: [[16, "not an amount"]],
  },
  {
    name: "a name over three lines in quotes keeps later line numbers right",
    csv: () =>
      join([
        HEADER,
        deal(1, { name: '"Deal\none\nmore"' }),
        ...rows().slice(1, 11),
        deal(12, { amount: "lots" }),
      ]),
    records: 12,
    rejected: [[15, "not an amount"]],
    check: (_ids, names) => expect(names.get("O1")).toBe("Deal one more"),
  },
  {
    name: 'escaped quotes ("") inside a quoted name',
    csv: () => replacing(2, deal(2, { name: '"The ""Big"" Deal, phase 2"' })),
    records: 12,
    rejected: [],
    check: (_ids, names) => expect(names.get("O2")).toBe('The "Big" Deal, phase 2'),
  },
  {
    name: 'a quote inside an unquoted value (12" screen) is a character',
    csv: () => replacing(2, deal(2, { name: 'Deal 12" screens' })),
    records: 12,
    rejected: [],
    check: (_ids, names) => expect(names.get("O2")).toBe('Deal 12" screens'),
  },
  {
    name: "semicolon-delimited",
    csv: () => join([HEADER, ...rows()].map((l) => l.replaceAll(",", ";"))),
    records: 12,
    rejected: [],
  },
  {
    name: "tab-delimited",
    csv: () => join([HEADER, ...rows()].map((l) => l.replaceAll(",", "\t"))),
    records: 12,
    rejected: [],
  },
  {
    name: "no line end after the last row",
    csv: () => cleanCsv().trimEnd(),
    records: 12,
    rejected: [],
  },
  {
    name: "every value quoted (Data Loader style)",
    csv: () =>
      join(
        [HEADER, ...rows()].map((l) =>
          l
            .split(",")
            .map((v) => `"${v}"`)
            .join(","),
        ),
      ),
    records: 12,
    rejected: [],
  },
  {
    name: "two broken rows and a shifted one together",
    csv: () =>
      join([
        HEADER,
        ...rows().map((r, i) =>
          i === 1 ? deal(2, { name: "A, B" }) : i === 5 ? deal(6, { name: '"x"y' }) : i === 11 ? '"O12,' : r,
        ),
      ]),
    records: 12,
    rejected: [
      [3, "16 values"],
      [7, "followed by other text"],
      [13, "never closed"],
    ],
  },
];

describe("hostile CSV structure", () => {
  it.each(cases)("$name", async ({ csv, records, rejected, check }) => {
    const dir = await dataFolder({ "opportunities.csv": csv() });
    const result = await ingest(dir);
    const entry = expectAccounted(result, "opportunities.csv", records);
    expect(entry.rejected).toBe(rejected.length);
    const problems = issuesOf(result, "opportunities.csv", "rejected");
    expect(problems.map((p) => Number(p.split(":")[0]))).toEqual(rejected.map(([line]) => line));
    for (const [i, [, word]] of rejected.entries()) expect(problems[i]).toContain(word);
    const ids = result.records.opportunities.map((o) => o.id);
    expect(ids).toHaveLength(records - rejected.length);
    check?.(ids, new Map(result.records.opportunities.map((o) => [o.id, o.name])));
    // The command line says the same, with file:line, and fails only over the threshold.
    const run = await cli("validate", "--data", dir);
    for (const [line] of rejected) expect(run.out).toContain(`opportunities.csv:${line}:`);
    expect(run.code).toBe(rejected.length / records > 0.05 ? 1 : 0);
  });

  it("an empty file stops the run naming the file", async () => {
    const dir = await dataFolder({ "opportunities.csv": "" });
    const run = await cli("validate", "--data", dir);
    expect(run.code).toBe(1);
    expect(run.err).toContain("opportunities.csv: the file is empty");
  });

  it("a 50 MB cell is read in linear time", async () => {
    const dir = await dataFolder({
      "opportunities.csv": join([HEADER, deal(1, { name: "x".repeat(50_000_000) }), ...rows().slice(1)]),
    });
    const started = performance.now();
    const result = await ingest(dir);
    // Quadratic re-reading took 30 s here; linear reading takes well under a second or two.
    expect(performance.now() - started).toBeLessThan(8_000);
    expectAccounted(result, "opportunities.csv", 12);
    expect(result.records.opportunities[0]!.name).toHaveLength(50_000_000);
  });
});
