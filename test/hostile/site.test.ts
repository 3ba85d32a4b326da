import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Papa from "papaparse";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../src/cli/browser.ts";
import { MARKER } from "../../src/cli/outDir.ts";
import { CANONICAL_FIELDS } from "../../src/config/canonicalFields.ts";
import { serveDirectory } from "../site/staticServer.ts";
import { cleanUp, cli, dataFolder, expectAccounted, folderBytes, ingest, tempDir } from "./corpus.ts";

/*
 * Injection into every text field of the export, rendered into the pack and walked in real
 * Chromium. Each field carries its own marked payload (a script, an image with an error
 * handler, a spreadsheet formula); the pack must show them as text, run nothing, request
 * nothing from anywhere but its own host, and neutralise them in its CSV downloads. One
 * archive and one Astro build serve every case.
 */

const BIN = fileURLToPath(new URL("../../bin/quarterdeck.mjs", import.meta.url));
const hasChromium = ["/usr/bin/chromium", process.env.QUARTERDECK_CHROMIUM].some((p) => p && existsSync(p));

/** The payload for one field: a formula start, a script and an image that would call alert. */
const payload = (field: string) =>
  `=1+2 <script>alert("${field}")</script><img src=x onerror=alert("${field}")>`;
const rawScript = (field: string) => `<script>alert("${field}")`;
const rawImage = (field: string) => `<img src=x onerror=alert("${field}")>`;

const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
const line = (values: readonly string[]) => values.map(quote).join(",");

const OPP_HEADER: readonly string[] = CANONICAL_FIELDS.opportunities;
/** Every free-text field of a deal. */
const OPPORTUNITY_FIELDS = OPP_HEADER.filter(
  (f) =>
    !["amount", "currency", "created_date", "close_date", "is_closed", "is_won", "probability"].includes(f),
);

/** Deal n: closed lost in Q3 when n is odd, won when even; field `inject` carries the payload. */
function opportunity(n: number, inject: string | null): string {
  const won = n % 2 === 0;
  const values: Record<string, string> = {
    id: `O${n}`,
    account_id: `A${n}`,
    name: `Deal ${n}`,
    owner: n % 3 ? "Ann Lee" : "Bo Chen",
    product: "Platform",
    type: "new",
    stage: won ? "Closed Won" : "Closed Lost",
    amount: String(1000 * n),
    currency: "USD",
    created_date: "2026-07-01",
    close_date: `2026-09-${String(n).padStart(2, "0")}`,
    is_closed: "true",
    is_won: String(won),
    loss_reason: won ? "" : "Price",
    competitor: "Vantage",
    lead_source: "Web",
    forecast_category: "Closed",
    probability: won ? "100" : "0",
    segment: "SMB",
  };
  if (inject !== null) values[inject] = payload(`opportunities.${inject}`);
  return line(OPP_HEADER.map((k) => values[k]!));
}

const ACCOUNT_FIELDS = ["name", "industry", "segment", "icp_tier"];
const ROCK_FIELDS = ["title", "owner", "measurable", "target", "status"];
const NOTE_FIELDS = ["competitor", "interviewee_role", "interviewer", "tags", "quote", "body"];

function interviewNote(field: string): string {
  const v = (f: string) => (field === f ? payload(`interviews.${f}`) : "plain");
  return [
    "---",
    "opportunity: O2",
    "outcome: won",
    `competitor: ${JSON.stringify(v("competitor"))}`,
    "interview_date: 2026-09-20",
    `interviewee_role: ${JSON.stringify(field === "interviewee_role" ? payload("interviews.interviewee_role") : "CFO")}`,
    `interviewer: ${JSON.stringify(v("interviewer"))}`,
    `tags: [${JSON.stringify(v("tags"))}]`,
    "---",
    "",
    "## Decision criteria",
    "",
    field === "body" ? payload("interviews.body") : "Ease of use.",
    "",
    "![pixel](https://tracker.example/note.gif)",
    "",
    `> ${field === "quote" ? payload("interviews.quote") : "A plain quote."}`,
    "",
  ].join("\n");
}

const COMMENTARY = [
  "Q3 went well.",
  "",
  payload("commentary"),
  "",
  "![pixel](https://tracker.example/commentary.gif) [click](javascript:alert('commentary.link'))",
  "",
  '<iframe src="https://evil.example/"></iframe>',
].join("\n");

let dir: string;
let site: string;
let html: Map<string, string>;
let csv: Map<string, string[][]>;

beforeAll(async () => {
  const rows = OPPORTUNITY_FIELDS.map((field, i) => opportunity(i + 1, field));
  const files: Record<string, string> = {
    "opportunities.csv": `${[line(OPP_HEADER), ...rows, opportunity(13, null), opportunity(14, null)].join("\n")}\n`,
    "accounts.csv": `${[
      line(["id", "name", "industry", "employees", "segment", "icp_tier", "reference_approved"]),
      ...Array.from({ length: 14 }, (_, i) => {
        const values: Record<string, string> = {
          name: `Account ${i + 1}`,
          industry: "Media",
          segment: "SMB",
          icp_tier: "A",
        };
        const field = ACCOUNT_FIELDS[i];
        if (field !== undefined) values[field] = payload(`accounts.${field}`);
        return line([
          `A${i + 1}`,
          values.name!,
          values.industry!,
          "50",
          values.segment!,
          values.icp_tier!,
          "true",
        ]);
      }),
    ].join("\n")}\n`,
    "rocks.csv": `${[
      line(["quarter", "title", "owner", "measurable", "target", "due_date", "status"]),
      ...ROCK_FIELDS.map((field) => {
        const values: Record<string, string> = {
          title: "Hire",
          owner: "Ann Lee",
          measurable: "Offers",
          target: "2",
          status: "done",
        };
        values[field] = payload(`rocks.${field}`);
        return line([
          "2026-Q3",
          values.title!,
          values.owner!,
          values.measurable!,
          values.target!,
          "2026-09-15",
          values.status!,
        ]);
      }),
    ].join("\n")}\n`,
    "commentary/2026-Q3.md": COMMENTARY,
  };
  for (const field of NOTE_FIELDS) files[`interviews/${field}.md`] = interviewNote(field);
  files["interviews/日本語ノート.md"] = interviewNote("none");
  files["interviews/!!!.md"] = interviewNote("none");
  dir = await dataFolder(files);
  const root = await tempDir();
  const reports = join(root, "reports");
  const computed = await cli("compute", "--data", dir, "--quarter", "2026-Q3", "--out", reports);
  expect(computed.code, computed.all).toBe(0);
  site = join(root, "site");
  const built = await cli("build", "--reports", reports, "--out", site);
  expect(built.code, built.all).toBe(0);
  html = new Map();
  csv = new Map();
  for (const file of await readdir(site, { recursive: true })) {
    if (file.endsWith(".html")) html.set(file, await readFile(join(site, file), "utf8"));
    if (file.endsWith(".csv"))
      csv.set(file, Papa.parse<string[]>(await readFile(join(site, file), "utf8")).data);
  }
}, 120_000);

afterAll(cleanUp);

const cases = [
  ...OPPORTUNITY_FIELDS.map((f) => `opportunities.${f}`),
  ...ACCOUNT_FIELDS.map((f) => `accounts.${f}`),
  ...ROCK_FIELDS.map((f) => `rocks.${f}`),
  ...NOTE_FIELDS.map((f) => `interviews.${f}`),
  "commentary",
];

const shownOrDownloaded = new Map<string, boolean>();

describe("injection into every text field", () => {
  it("every row of every file is accounted for", async () => {
    const result = await ingest(dir);
    // Payloads are text like any other: every row is used (an unknown deal type is only warned about).
    expect(expectAccounted(result, "opportunities.csv", 14).used).toBe(14);
    expect(expectAccounted(result, "accounts.csv", 14).used).toBe(14);
    expect(expectAccounted(result, "rocks.csv", 5).used).toBe(5);
    expect(result.interviews).toHaveLength(NOTE_FIELDS.length + 2);
  });

  it.each(cases)("%s: shown as text, never as markup, neutralised in CSV downloads", (field) => {
    const shown = [...html.values()].some(
      (text) => text.includes(`alert(&quot;${field}&quot;)`) || text.includes(`alert("${field}")`),
    );
    const downloaded = [...csv.values()].some((rows) =>
      rows.flat().some((c) => c.includes(`alert("${field}")`)),
    );
    shownOrDownloaded.set(field, shown || downloaded);
    for (const [file, text] of html) {
      expect(text, file).not.toContain(rawScript(field));
      expect(text, file).not.toContain(rawImage(field));
    }
    for (const [file, rows] of csv) {
      for (const cell of rows.flat()) {
        if (cell.includes(`alert("${field}")`)) expect(cell.startsWith("'="), `${file}: ${cell}`).toBe(true);
      }
    }
  });

  // Some fields are never shown (ids, a won deal's loss reason, account industries), so not
  // every payload reaches a page; the ones that do must have been escaped above.
  it("most payloads reach the pack (so the checks above are not vacuous)", () => {
    const reached = [...shownOrDownloaded].filter(([, v]) => v).map(([k]) => k);
    expect(
      reached.length,
      `not shown: ${[...shownOrDownloaded].filter(([, v]) => !v).map(([k]) => k)}`,
    ).toBeGreaterThanOrEqual(15);
  });

  it("CSV downloads hold no cell a spreadsheet would run", () => {
    expect(csv.size).toBeGreaterThan(0);
    for (const [file, rows] of csv) {
      for (const cell of rows.flat()) {
        if (/^[=+\-@\t\r]/.test(cell)) expect(cell, file).toMatch(/^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/);
      }
    }
  });

  it("remote images and frames in Markdown are dropped, script links not linked", () => {
    for (const [file, text] of html) {
      expect(text, file).not.toContain("tracker.example");
      expect(text, file).not.toContain("<iframe");
      expect(text, file).not.toMatch(/href="javascript:/i);
    }
  });

  it("every note has its own page, including notes named without Latin letters", () => {
    const pages = [...html.keys()].filter((f) => f.includes("interviews/"));
    expect(pages).toHaveLength(NOTE_FIELDS.length + 2);
    expect(pages.filter((p) => /interviews\/note-[0-9a-f]{8}\//.test(p))).toHaveLength(2);
  });

  it("the build is marked as one, so the next build may replace it", () => {
    expect(existsSync(join(site, MARKER))).toBe(true);
  });

  it("a build that fails inside Astro says so in one line and leaves this site whole", async () => {
    // A snapshot whose sections are empty passes the loose section check but breaks a page.
    const reports = join(await tempDir(), "reports");
    const snapshot = JSON.parse(await readFile(join(site, "..", "reports", "2026-Q3", "v1.json"), "utf8"));
    await mkdir(join(reports, "2026-Q3"), { recursive: true });
    const broken = `${JSON.stringify({ ...snapshot, sections: {} })}\n`;
    await writeFile(join(reports, "2026-Q3", "v1.json"), broken);
    await writeFile(join(reports, "2026-Q3", "snapshot.json"), broken);
    const before = await folderBytes(site);
    // In a process of its own, as a user runs it (Astro keeps state between builds in one process).
    const run = spawnSync(process.execPath, [BIN, "build", "--reports", reports, "--out", site], {
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^error: the site could not be built: .*The previous site is left as it was/);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(run.stdout).toBe("");
    expect(await folderBytes(site)).toEqual(before);
    expect((await readdir(join(site, ".."))).sort()).toEqual(["reports", "site"]);
  }, 120_000);
});

describe.skipIf(!hasChromium)("the injected pack in Chromium", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveDirectory>>;
  beforeAll(async () => {
    server = await serveDirectory(site);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("opens every page with no dialog, no script run and no request beyond the site", async () => {
    const problems: string[] = [];
    const pages = [...html.keys()].map((f) => f.replace(/index\.html$/, ""));
    expect(pages.length).toBeGreaterThan(NOTE_FIELDS.length);
    const context = await browser.newContext();
    context.on("request", (r) => {
      if (!r.url().startsWith(server.url)) problems.push(`request: ${r.url()}`);
    });
    for (const path of pages) {
      const page = await context.newPage();
      page.on("dialog", async (d) => {
        problems.push(`${path}: dialog "${d.message()}"`);
        await d.dismiss();
      });
      page.on("pageerror", (e) => problems.push(`${path}: page error ${e.message}`));
      await page.goto(`${server.url}${path}`, { waitUntil: "load" });
      // Nothing injected became an element.
      const injected = await page
        .locator("img[onerror], script:not([type='application/ld+json']), iframe")
        .count();
      if (injected > 0) problems.push(`${path}: ${injected} injected elements`);
      await page.close();
    }
    await context.close();
    expect(problems).toEqual([]);
  }, 120_000);
});
