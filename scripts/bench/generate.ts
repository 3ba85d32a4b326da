/*
 * The bench's canonical export: accounts, opportunities, history and activities, generated
 * from a fixed seed so that every machine measures the same bytes.
 */
import { once } from "node:events";
import { createWriteStream, existsSync } from "node:fs";
import { mkdir, rename } from "node:fs/promises";
import { join } from "node:path";

/** How many rows of each kind; history is two rows per opportunity. */
export interface BenchSize {
  opportunities: number;
  activities: number;
}

/** The folder the export of this size lives in, under bench-data/. */
export function benchDir(size: BenchSize): string {
  return join("bench-data", `${size.opportunities}-${size.activities}`);
}

/** Generates the export unless it is already there (activities.csv is written last). */
export async function ensureExport(size: BenchSize): Promise<{ dir: string; seconds: number | null }> {
  const dir = benchDir(size);
  if (existsSync(join(dir, "activities.csv"))) return { dir, seconds: null };
  const started = performance.now();
  await generate(dir, size);
  return { dir, seconds: (performance.now() - started) / 1000 };
}

async function generate(dir: string, { opportunities, activities }: BenchSize) {
  const accounts = Math.max(100, Math.round(opportunities / 20));
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

  await mkdir(dir, { recursive: true });
  const owners = Array.from({ length: 200 }, (_, i) => `Rep ${i + 1}`);
  const stages = ["Prospecting", "Discovery", "Proposal", "Negotiation"];
  await writeFile(
    dir,
    "accounts.csv",
    "id,name,segment,icp_tier",
    accounts,
    (i) => `A${i},Account ${i},SMB,${pick(["A", "B", "C"])}`,
  );
  await writeFile(
    dir,
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
  await writeFile(dir, "history.csv", "opportunity_id,at,stage,amount,close_date", opportunities * 2, (i) => {
    const created = Math.floor(random() * 1000);
    return `O${i >> 1},${day(created)} 10:00:00,${pick(["Discovery", "Proposal"])},${Math.round(random() * 100_000)},${day(created + 60)}`;
  });
  await writeFile(dir, "activities.csv", "id,owner,type,date,account_id,contact_id", activities, (i) => {
    return `T${i},${pick(owners)},${pick(["call", "email", "meeting"])},${day(Math.floor(random() * 1000))},A${Math.floor(random() * accounts)},`;
  });
}

async function writeFile(
  dir: string,
  name: string,
  header: string,
  rows: number,
  row: (i: number) => string,
) {
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
