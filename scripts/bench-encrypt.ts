/*
 * `npm run bench:encrypt`: what encryption costs on the sample archive. Builds the site
 * plain and encrypted, compares their sizes, then times unlocking in headless Chromium:
 * the first page (PBKDF2 at 600,000 iterations, decryption, rendering) and the next page
 * reached by a link (key from the session, no derivation). Median of five runs each.
 */
import { cp, mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchChromium } from "../src/cli/browser.ts";
import { main } from "../src/cli/main.ts";
import { serveDirectory } from "../test/site/staticServer.ts";

const PASSPHRASE = "correct horse battery staple";
const RUNS = 5;
const quiet = {
  info: () => {},
  warn: (line: string) => process.stderr.write(`${line}\n`),
  progress: () => {},
};

async function size(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const work = await mkdtemp(join(tmpdir(), "quarterdeck-bench-encrypt-"));
const plain = join(work, "plain");
const encrypted = join(work, "encrypted");
await main(["build", "--reports", "reports", "--out", plain], { ...quiet, env: process.env });
await cp(plain, encrypted, { recursive: true });
const started = performance.now();
await main(["encrypt", "--site", encrypted], { ...quiet, env: { QUARTERDECK_PASSPHRASE: PASSPHRASE } });
const encryptMs = performance.now() - started;
const [plainBytes, encryptedBytes] = [await size(plain), await size(encrypted)];

const server = await serveDirectory(encrypted);
const plainServer = await serveDirectory(plain);
const browser = await launchChromium();
const first: number[] = [];
const next: number[] = [];
const plainNext: number[] = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const page = await browser.newPage();
    await page.goto(`${server.url}2026-q3/`);
    await page.fill("#qd-passphrase", PASSPHRASE);
    let t = performance.now();
    await page.click("button[type=submit]");
    await page.waitForSelector("html[data-unlocked]");
    first.push(performance.now() - t);
    t = performance.now();
    await page.click('a[href$="2026-q2/index.html"]');
    await page.waitForURL(/2026-q2/);
    await page.waitForSelector("html[data-unlocked]");
    next.push(performance.now() - t);
    // The same step on the plain site, for comparison.
    await page.goto(`${plainServer.url}2026-q3/`);
    t = performance.now();
    await page.click('a[href$="2026-q2/"]');
    await page.waitForURL(/2026-q2/);
    await page.waitForLoadState("load");
    plainNext.push(performance.now() - t);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
  await plainServer.close();
  await rm(work, { recursive: true, force: true });
}

const kb = (n: number) => `${Math.round(n / 1024).toLocaleString("en-US")} KiB`;
process.stdout.write(
  [
    `site size: plain ${plainBytes.toLocaleString("en-US")} B (${kb(plainBytes)}), encrypted ${encryptedBytes.toLocaleString("en-US")} B (${kb(encryptedBytes)}), ×${(encryptedBytes / plainBytes).toFixed(2)}`,
    `encrypting: ${Math.round(encryptMs)} ms`,
    `unlock in Chromium, first page (derive + decrypt + render): median ${Math.round(median(first))} ms of ${first.map(Math.round).join(", ")}`,
    `next page by link (key from the session): median ${Math.round(median(next))} ms of ${next.map(Math.round).join(", ")}`,
    `the same link on the plain site: median ${Math.round(median(plainNext))} ms of ${plainNext.map(Math.round).join(", ")}`,
  ].join("\n") + "\n",
);
