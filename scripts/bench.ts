/*
 * `npm run bench`: times ingest and compute on a large generated canonical export.
 *   npm run bench                      200,000 opportunities, 2,000,000 activities
 *   npm run bench -- --full            1,000,000 opportunities, 10,000,000 activities
 *   npm run bench -- --opportunities N --activities M
 * The export is generated once into bench-data/ (git-ignored) and reused.
 */
import { once } from "node:events";
import { createWriteStream, existsSync } from "node:fs";
import { mkdir, rename } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { ConfigSchema } from "../src/config/configSchema.ts";
import { ingestFolder } from "../src/ingest/ingestFolder.ts";
import { computeQuarterMetrics } from "../src/metrics/computeQuarterMetrics.ts";

const { values } = parseArgs({
  options: { full: { type: "boolean" }, opportunities: { type: "string" }, activities: { type: "string" } },
});
const opportunities = Number(values.opportunities ?? (values.full ? 1_000_000 : 200_000));
const activities = Number(values.activities ?? (values.full ? 10_000_000 : 2_000_000));
const accounts = Math.max(100, Math.round(opportunities / 20));
const dir = join("bench-data", `${opportunities}-${activities}`);

// A small deterministic generator (mulberry32): the same export on every machine.
let seed = 42;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

async function writeFile(name: string, header: string, rows: number, row: (i: number) => string) {
  const out = createWriteStream(join(dir, `${name}.tmp`));
  out.write(`${header}\n`);
  let chunk = "";
  for (let i = 0; i < rows; i++) {
    chunk += `${row(i)}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, "drain");
      chunk = "";
    }
  }
  out.end(chunk);
  await once(out, "finish");
  await rename(join(dir, `${name}.tmp`), join(dir, name));
}

async function generate() {
  await mkdir(dir, { recursive: true });
  const owners = Array.from({ length: 200 }, (_, i) => `Rep ${i + 1}`);
  const stages = ["Prospecting", "Discovery", "Proposal", "Negotiation"];
  await writeFile(
    "accounts.csv",
    "id,name,segment,icp_tier",
    accounts,
    (i) => `A${i},Account ${i},SMB,${pick(["A", "B", "C"])}`,
  );
  await writeFile(
    "opportunities.csv",
    "id,account_id,owner,product,stage,amount,created_date,close_date,is_closed,is_won,loss_reason,competitor",
    opportunities,
    (i) => {
      const created = Math.floor(random() * 1000);
      const closed = random() < 0.7;
      const won = closed && random() < 0.4;
      const stage = won ? "Closed Won" : closed ? "Closed Lost" : pick(stages);
      const reason = closed && !won ? pick(["Price", "No decision", "Features"]) : "";
      return `O${i},A${Math.floor(random() * accounts)},${pick(owners)},${pick(["Platform", "Analytics"])},${stage},${Math.round(random() * 100_000)},${day(created)},${day(created + 20 + Math.floor(random() * 120))},${closed},${won},${reason},${pick(["", "Vantage", "Helix"])}`;
    },
  );
  await writeFile("history.csv", "opportunity_id,at,stage,amount,close_date", opportunities * 2, (i) => {
    const created = Math.floor(random() * 1000);
    return `O${i >> 1},${day(created)} 10:00:00,${pick(["Discovery", "Proposal"])},${Math.round(random() * 100_000)},${day(created + 60)}`;
  });
  await writeFile("activities.csv", "id,owner,type,date,account_id,contact_id", activities, (i) => {
    return `T${i},${pick(owners)},${pick(["call", "email", "meeting"])},${day(Math.floor(random() * 1000))},A${Math.floor(random() * accounts)},`;
  });
}

if (!existsSync(join(dir, "activities.csv"))) {
  const started = performance.now();
  await generate();
  process.stdout.write(`generated ${dir} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
const config = ConfigSchema.parse({});
const t0 = performance.now();
const ingest = await ingestFolder(dir, config);
const t1 = performance.now();
const metrics = computeQuarterMetrics(ingest.records, "2026-Q3", config);
const t2 = performance.now();
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
process.stdout.write(
  [
    `opportunities ${opportunities.toLocaleString("en-US")}, history ${(opportunities * 2).toLocaleString("en-US")}, activities ${activities.toLocaleString("en-US")}`,
    `ingest   ${seconds(t1 - t0)}`,
    `compute  ${seconds(t2 - t1)}`,
    `total    ${seconds(t2 - t0)}`,
    `peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`,
    `check    bookings ${metrics.headline.bookings}, open pipeline ${metrics.headline.openPipeline}`,
    "",
  ].join("\n"),
);
