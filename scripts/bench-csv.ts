/*
 * `npm run bench:csv -- FILE [--runs N]`: the CSV readers side by side on one file: papaparse
 * (streaming, as the project once used it), Quarterdeck's reader handing every row over as
 * text, and the same reader offering plain lines as bytes (split at the delimiter without
 * making strings). Each reader counts rows and values, which must agree. Runs alternate
 * (A B C A B C …); the figures are CPU seconds of this process.
 *   npm run bench:csv -- bench-data/1000000-10000000/activities.csv --runs 3
 */
import { createReadStream } from "node:fs";
import { parseArgs } from "node:util";
import Papa from "papaparse";
import { readCsv } from "../src/ingest/readCsv.ts";
import { splitFields } from "../src/ingest/values/plainBytes.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: "string", default: "3" } },
});
const file = positionals[0];
if (file === undefined) throw new Error("name the CSV file to read: npm run bench:csv -- FILE");

type Count = { rows: number; values: number };

async function papaparse(): Promise<Count> {
  const count = { rows: -1, values: 0 };
  await new Promise<void>((resolve, reject) => {
    Papa.parse(createReadStream(file!), {
      skipEmptyLines: true,
      step: (row: Papa.ParseStepResult<string[]>) => {
        // The first row is the header.
        if (count.rows++ >= 0) count.values += row.data.length;
      },
      complete: () => resolve(),
      error: reject,
    });
  });
  return count;
}

async function quarterdeck(plain: boolean): Promise<Count> {
  const count = { rows: 0, values: 0 };
  let header = 0;
  let starts: Int32Array | undefined;
  await readCsv(file!, file!, {
    header: (fields) => {
      header = fields.length;
    },
    row: (fields) => {
      count.rows++;
      count.values += fields.length;
    },
    ...(plain
      ? {
          plainLine: (bytes: Uint8Array, start: number, end: number, _line: number, delimiter: number) => {
            starts ??= new Int32Array(header + 1);
            if (!splitFields(bytes, start, end, delimiter, starts, header)) return false;
            count.rows++;
            count.values += header;
            return true;
          },
        }
      : {}),
  });
  return count;
}

const readers: Record<string, () => Promise<Count>> = {
  papaparse,
  "quarterdeck (text)": () => quarterdeck(false),
  "quarterdeck (plain lines as bytes)": () => quarterdeck(true),
};
const seconds: Record<string, number[]> = {};
const counts = new Set<string>();
for (let run = 0; run < Number(values.runs); run++) {
  for (const [name, read] of Object.entries(readers)) {
    const start = process.cpuUsage();
    const count = await read();
    const used = process.cpuUsage(start);
    const list = seconds[name] ?? [];
    list.push((used.user + used.system) / 1e6);
    seconds[name] = list;
    counts.add(`${count.rows} rows, ${count.values} values`);
  }
}
for (const [name, list] of Object.entries(seconds)) {
  const sorted = [...list].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  process.stdout.write(
    `${name.padEnd(36)} min ${sorted[0]!.toFixed(2)} s  median ${median.toFixed(2)} s  max ${sorted.at(-1)!.toFixed(2)} s\n`,
  );
}
process.stdout.write(
  counts.size === 1
    ? `all readers agree: ${[...counts][0]}\n`
    : `readers disagree: ${[...counts].join(" / ")}\n`,
);
