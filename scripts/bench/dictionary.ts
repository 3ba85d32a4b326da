/*
 * `node scripts/bench/dictionary.ts [FILE] [--mb N] [--runs N]`: the dictionary's lookups by
 * bytes (`codeOfBytes`, as the byte readers make them) over each column of the first N
 * megabytes of a canonical CSV, into a fresh dictionary per run. Prints, per column, how many
 * distinct values it holds and the CPU nanoseconds per lookup (min and median over the runs).
 * To compare two versions, run it in both checkouts in the same minute: the figures move with
 * the machine's load.
 *   node scripts/bench/dictionary.ts bench-data/1000000-10000000/activities.csv --mb 100 --runs 5
 */
import { open } from "node:fs/promises";
import { parseArgs } from "node:util";
import { splitFields } from "../../src/ingest/values/plainBytes.ts";
import { Dictionary } from "../../src/model/dictionary.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { mb: { type: "string", default: "100" }, runs: { type: "string", default: "5" } },
});
const file = positionals[0] ?? "bench-data/1000000-10000000/activities.csv";

const handle = await open(file);
const bytes = Buffer.alloc(Number(values.mb) * 1024 * 1024);
const { bytesRead } = await handle.read(bytes, 0, bytes.length, 0);
await handle.close();

// Each column's values as [start, end) pairs, from the plain lines (no quotes) read whole.
const headerEnd = bytes.indexOf(10);
const header = bytes.toString("latin1", 0, headerEnd).split(",");
const spans = header.map(() => [] as number[]);
const starts = new Int32Array(header.length + 1);
for (let at = headerEnd + 1; ; ) {
  const end = bytes.indexOf(10, at);
  if (end === -1 || end >= bytesRead) break;
  if (splitFields(bytes, at, end, 0x2c, starts, header.length))
    for (let f = 0; f < header.length; f++) spans[f]!.push(starts[f]!, starts[f + 1]! - 1);
  at = end + 1;
}

const columns = header.map((name, f) => ({
  name,
  spans: Int32Array.from(spans[f]!),
  distinct: 0,
  ns: [] as number[],
}));
for (let run = 0; run < Number(values.runs); run++) {
  for (const column of columns) {
    const dictionary = new Dictionary();
    const { spans } = column;
    const start = process.cpuUsage();
    for (let i = 0; i < spans.length; i += 2) dictionary.codeOfBytes(bytes, spans[i]!, spans[i + 1]!);
    const used = process.cpuUsage(start);
    column.ns.push(((used.user + used.system) * 1000) / (spans.length / 2));
    column.distinct = dictionary.texts.length;
  }
}
process.stdout.write(`${file}: ${columns[0]!.spans.length / 2} rows\n`);
for (const { name, distinct, ns } of columns) {
  const sorted = [...ns].sort((a, b) => a - b);
  process.stdout.write(
    `${name.padEnd(16)} ${String(distinct).padStart(9)} distinct  min ${sorted[0]!.toFixed(1)} ns  median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ns\n`,
  );
}
