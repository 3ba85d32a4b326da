import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { expect } from "vitest";
import { main } from "../../src/cli/main.ts";
import { loadConfig } from "../../src/config/loadConfig.ts";
import { type IngestResult, ingestFolder } from "../../src/ingest/ingestFolder.ts";

/*
 * The hostile corpus: small exports generated in a temporary folder, each a variation of one
 * clean quarter of deals, run through the real command line. Every case checks the promise
 * the pack makes about bad input: each record of a file is either used or rejected with its
 * file and line, the exit code says whether the run succeeded, and nothing issued is changed.
 */

export const HEADER =
  "id,account_id,name,owner,product,type,stage,amount,currency,created_date,close_date,is_closed,is_won,loss_reason,competitor";

/** One deal as a CSV row; fields can be overridden by column name. */
export function deal(n: number, overrides: Partial<Record<string, string>> = {}): string {
  const won = n % 3 === 0;
  const lost = n % 3 === 1;
  const fields: Record<string, string> = {
    id: `O${n}`,
    account_id: `A${n}`,
    name: `Deal ${n}`,
    owner: n % 2 === 0 ? "Ann Lee" : "Bo Chen",
    product: "Platform",
    type: "new",
    stage: won ? "Closed Won" : lost ? "Closed Lost" : "Proposal",
    amount: String(1000 * n),
    currency: "USD",
    created_date: `2026-07-${String((n % 20) + 1).padStart(2, "0")}`,
    close_date: `2026-09-${String((n % 25) + 1).padStart(2, "0")}`,
    is_closed: won || lost ? "true" : "false",
    is_won: won ? "true" : "false",
    loss_reason: lost ? "Price" : "",
    competitor: lost ? "Vantage" : "",
    ...overrides,
  };
  return HEADER.split(",")
    .map((k) => fields[k] ?? "")
    .join(",");
}

/** The clean export: a header and `n` deals (O1 … On), "\n" line ends. */
export function cleanCsv(n = 12, eol = "\n"): string {
  return [HEADER, ...Array.from({ length: n }, (_, i) => deal(i + 1))].join(eol) + eol;
}

const roots: string[] = [];

/** A data folder holding `files` (path → text or bytes) in a fresh temporary folder. */
export async function dataFolder(files: Record<string, string | Uint8Array>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "quarterdeck-hostile-"));
  roots.push(root);
  const dir = join(root, "data");
  await mkdir(dir);
  await writeFile(join(dir, "quarterdeck.config.json"), '{ "company": "Hostile Co", "timeZone": "UTC" }\n');
  for (const [file, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), content);
  }
  return dir;
}

/** A fresh empty temporary folder. */
export async function tempDir(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "quarterdeck-hostile-"));
  roots.push(root);
  return root;
}

/** Removes every folder the corpus made. */
export async function cleanUp(): Promise<void> {
  await Promise.all(roots.splice(0).map((r) => rm(r, { recursive: true, force: true })));
}

/** Runs the command line with captured output. */
export async function cli(
  ...argv: string[]
): Promise<{ code: number; out: string; err: string; all: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, {
    info: (l) => out.push(l),
    warn: (l) => err.push(l),
    progress: () => {},
    env: {},
  });
  return { code, out: out.join("\n"), err: err.join("\n"), all: [...out, ...err].join("\n") };
}

/** Computes 2026-Q3 of a data folder into `reports`; the snapshot is null when none was written. */
export async function computeQuarter(dir: string, reports: string) {
  const run = await cli("compute", "--data", dir, "--quarter", "2026-Q3", "--out", reports);
  const path = join(reports, "2026-Q3", "snapshot.json");
  // biome-ignore lint/suspicious/noExplicitAny: the snapshot is read as the JSON a reader would see.
  let snapshot: any = null;
  if (run.code === 0) snapshot = JSON.parse(await readFile(path, "utf8"));
  return { run, snapshot };
}

/** Ingests a data folder as compute would. */
export async function ingest(dir: string): Promise<IngestResult> {
  const { config } = await loadConfig(undefined, { dataDirs: [dir], projectDir: dir });
  return ingestFolder(dir, config);
}

/**
 * The ledger promise for one file: rows read = used + rejected (+ left out on purpose), and
 * read = the number of records the file holds.
 */
export function expectAccounted(result: IngestResult, file: string, records: number) {
  const entry = result.ledger.files.find((f) => f.file === file);
  expect(entry, `${file} in the ledger`).toBeDefined();
  expect(entry!.read, `${file}: rows read`).toBe(records);
  expect(entry!.used + entry!.rejected + entry!.skipped, `${file}: read = used + rejected`).toBe(entry!.read);
  return entry!;
}

/** The ledger's issues of a file as "line: column: problem" strings. */
export function issuesOf(result: IngestResult, file: string, severity?: "rejected" | "warning"): string[] {
  return result.ledger.issues
    .filter((i) => i.file === file && (severity === undefined || i.severity === severity))
    .map((i) => `${i.line}: ${i.column ?? "row"}: ${i.problem}`);
}

/** Every file below a folder with its bytes, to prove a folder unchanged. */
export async function folderBytes(dir: string): Promise<Record<string, string>> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const entries: [string, string][] = [];
  for (const e of files) {
    const path = join(e.parentPath, e.name);
    entries.push([path.slice(dir.length), (await readFile(path)).toString("base64")]);
  }
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}

/** What a message without a stack trace looks like: no "    at " frames. */
export function expectNoStack(text: string) {
  expect(text).not.toMatch(/\n\s+at /);
}
