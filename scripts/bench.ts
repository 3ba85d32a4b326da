/*
 * `npm run bench`: times ingest and compute on a large generated canonical export.
 *   npm run bench                      200,000 opportunities, 2,000,000 activities
 *   npm run bench -- --full            1,000,000 opportunities, 10,000,000 activities
 *   npm run bench -- --opportunities N --activities M
 *   npm run bench -- --vs-duckdb [--pairs 3]
 *       Quarterdeck and DuckDB (2 threads) on the same files and the same quarter's work,
 *       in the order A B A B …, each run in a child process of its own; prints each run,
 *       min / median / max, the ratio Quarterdeck / DuckDB, and the check figures of both.
 *   npm run bench -- --cpu-prof DIR    writes a CPU profile of the Quarterdeck run into DIR
 * The export is generated once into bench-data/ (git-ignored) and reused.
 */
import { parseArgs } from "node:util";
import { ensureExport } from "./bench/generate.ts";
import { runSide, type Side } from "./bench/runSide.ts";
import type { SideResult } from "./bench/side.ts";
import { checkLine, mebibytes, RUN_HEADER, runLine, seconds, spreadLine } from "./bench/summary.ts";

const { values } = parseArgs({
  options: {
    full: { type: "boolean" },
    opportunities: { type: "string" },
    activities: { type: "string" },
    quarter: { type: "string", default: "2026-Q3" },
    "vs-duckdb": { type: "boolean" },
    pairs: { type: "string", default: "3" },
    "cpu-prof": { type: "string" },
  },
});
const size = {
  opportunities: Number(values.opportunities ?? (values.full ? 1_000_000 : 200_000)),
  activities: Number(values.activities ?? (values.full ? 10_000_000 : 2_000_000)),
};
const quarter = values.quarter;
const out = (line = "") => process.stdout.write(`${line}\n`);

const { dir, seconds: generated } = await ensureExport(size);
if (generated !== null) out(`generated ${dir} in ${generated.toFixed(1)} s`);
out(
  `opportunities ${size.opportunities.toLocaleString("en-US")}, history ${(size.opportunities * 2).toLocaleString("en-US")}, activities ${size.activities.toLocaleString("en-US")}, quarter ${quarter}`,
);
const profile = values["cpu-prof"] === undefined ? [] : ["--cpu-prof", "--cpu-prof-dir", values["cpu-prof"]];

if (!values["vs-duckdb"]) {
  const r = await runSide("quarterdeck", dir, quarter, profile);
  out(`ingest   ${seconds(r.loadMs)}`);
  out(`compute  ${seconds(r.computeMs)}`);
  out(`total    ${seconds(r.totalMs)}`);
  out(`cpu      ${seconds(r.cpuMs)}`);
  out(`peak RSS ${mebibytes(r.maxRssKiB)}`);
  out(`check    ${checkLine(r.check)}`);
} else {
  const pairs = Math.max(1, Number(values.pairs));
  const runs: Record<Side, SideResult[]> = { quarterdeck: [], duckdb: [] };
  out(RUN_HEADER);
  for (let pair = 1; pair <= pairs; pair++) {
    for (const side of ["quarterdeck", "duckdb"] as const) {
      const r = await runSide(side, dir, quarter, side === "quarterdeck" ? profile : []);
      runs[side].push(r);
      out(runLine(`${side === "quarterdeck" ? "A" : "B"}${pair} ${side}`, r));
    }
  }
  out();
  for (const side of ["quarterdeck", "duckdb"] as const) {
    out(
      spreadLine(
        `${side} total`,
        runs[side].map((r) => r.totalMs),
        seconds,
      ),
    );
    out(
      spreadLine(
        `${side} cpu`,
        runs[side].map((r) => r.cpuMs),
        seconds,
      ),
    );
    out(
      spreadLine(
        `${side} peak RSS`,
        runs[side].map((r) => r.maxRssKiB),
        mebibytes,
      ),
    );
  }
  const ratios = (measure: (r: SideResult) => number) =>
    runs.quarterdeck.map((r, i) => measure(r) / measure(runs.duckdb[i]!));
  const times = (n: number) => `${n.toFixed(2)}×`;
  out(
    spreadLine(
      "ratio total (A/B per pair)",
      ratios((r) => r.totalMs),
      times,
    ),
  );
  out(
    spreadLine(
      "ratio cpu (A/B per pair)",
      ratios((r) => r.cpuMs),
      times,
    ),
  );
  out(
    spreadLine(
      "ratio peak RSS (A/B)",
      ratios((r) => r.maxRssKiB),
      times,
    ),
  );
  out();
  const checks = [...runs.quarterdeck, ...runs.duckdb].map((r) => checkLine(r.check));
  out(`check quarterdeck  ${checks[0]}`);
  out(`check duckdb       ${checks.at(-1)}`);
  if (new Set(checks).size !== 1) {
    out("check figures differ: the two sides did not do the same work");
    process.exitCode = 1;
  } else out("check figures agree");
}
