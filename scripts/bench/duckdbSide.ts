/*
 * The bench child for DuckDB (2 threads): loads the same four files and runs the same
 * quarter's work in SQL (scripts/bench/duckdbSql.ts), reading every result back.
 *   node scripts/bench/duckdbSide.ts DIR QUARTER
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { quarterFromId } from "../../src/calendar/fiscalCalendar.ts";
import { ConfigSchema } from "../../src/config/configSchema.ts";
import { loadSql, quarterSql } from "./duckdbSql.ts";
import { report } from "./side.ts";

const [dir, quarterId] = process.argv.slice(2) as [string, string];
const config = ConfigSchema.parse({});
const quarter = quarterFromId(quarterId, config);
const t0 = performance.now();
const instance = await DuckDBInstance.create(":memory:", { threads: "2" });
const connection = await instance.connect();
for (const statement of loadSql(dir)) await connection.run(statement);
const t1 = performance.now();
const { setup, queries } = quarterSql(quarter, config);
for (const statement of setup) await connection.run(statement);
const results: Record<string, Record<string, unknown>[]> = {};
for (const [name, sql] of Object.entries(queries))
  results[name] = (await connection.runAndReadAll(sql)).getRowObjectsJS();
const t2 = performance.now();
const openAtEnd = results.openPipeline!.find((row) => row.day === quarter.end);
report({
  loadMs: t1 - t0,
  computeMs: t2 - t1,
  totalMs: t2 - t0,
  check: {
    bookings: results.headline![0]!.won_amount as number,
    openPipeline: (openAtEnd?.amount as number | undefined) ?? 0,
    pipelineCreated: results.pipelineCreated![0]!.amount as number,
  },
});
connection.closeSync();
instance.closeSync();
