import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../src/cli/browser.ts";
import { main } from "../../src/cli/main.ts";
import { publishedPath } from "../../src/site/encrypt/hiddenNames.ts";
import { deriveMaster, siteKeys } from "../../src/site/encrypt/keys.ts";
import { buildSite } from "./buildSite.ts";
import { axeViolations, watchProblems } from "./pageChecks.ts";
import { serveDirectory } from "./staticServer.ts";

/*
 * The encrypted sample pack in real Chromium: the right passphrase shows every page exactly
 * as the plain build does, links and downloads keep working, a wrong one shows only the
 * error, and the unlock page itself passes the site's checks, from a server and from the folder.
 */

const hasChromium = ["/usr/bin/chromium", process.env.QUARTERDECK_CHROMIUM].some((p) => p && existsSync(p));
const reports = fileURLToPath(new URL("../../reports", import.meta.url));
const PASSPHRASE = "correct horse battery staple";

let plain: string;
let site: string;
let plainServer: Awaited<ReturnType<typeof serveDirectory>>;
let server: Awaited<ReturnType<typeof serveDirectory>>;
let browser: Browser;
let pages: string[];
let names: Buffer;
let company: string;

describe.skipIf(!hasChromium)("the encrypted sample pack in Chromium", () => {
  beforeAll(async () => {
    plain = await buildSite(reports);
    site = await mkdtemp(join(tmpdir(), "quarterdeck-encrypted-"));
    await cp(plain, site, { recursive: true });
    const code = await main(["encrypt", "--site", site], {
      info: () => {},
      warn: () => {},
      progress: () => {},
      env: { QUARTERDECK_PASSPHRASE: PASSPHRASE },
    });
    expect(code).toBe(0);
    const files = await readdir(plain, { recursive: true });
    pages = files.filter((f) => f.endsWith(".html")).sort();
    const index = await readFile(join(site, "index.html"), "utf8");
    const salt = Buffer.from(/data-salt="([^"]+)"/.exec(index)![1]!, "base64");
    names = siteKeys(deriveMaster(PASSPHRASE, salt), salt).names;
    company = JSON.parse(await readFile(join(reports, "2026-Q3/snapshot.json"), "utf8")).company;
    plainServer = await serveDirectory(plain);
    server = await serveDirectory(site);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await plainServer?.close();
    for (const dir of [plain, site]) if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** A new tab that records console errors and failed, erroneous or third-party requests. */
  async function tab(bypassCSP = false): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP });
    const problems = watchProblems(page, server.url);
    return { page, problems };
  }

  async function unlock(page: Page, passphrase = PASSPHRASE) {
    await page.fill("#qd-passphrase", passphrase);
    await page.click("button[type=submit]");
  }

  const unlocked = (page: Page) => page.waitForSelector("html[data-unlocked]");
  // The text a reader sees, as rendered (hidden elements left out), not the markup's text.
  // biome-ignore lint/performance/useDomNodeTextContent: rendered text is what is compared
  const text = (page: Page) => page.evaluate(() => document.body.innerText);

  it("shows every page with the same text as the plain build, asking for the passphrase once", async () => {
    const { page, problems } = await tab();
    const reference = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server.url);
    await unlock(page);
    await unlocked(page);
    for (const path of pages) {
      await page.goto(server.url + publishedPath(path, names));
      await unlocked(page);
      await reference.goto(plainServer.url + path);
      expect(await text(page), path).toBe(await text(reference));
      expect(await page.title(), path).toBe(await reference.title());
    }
    expect(pages.length).toBeGreaterThanOrEqual(20);
    expect(problems).toEqual([]);
    await reference.close();
    await page.close();
    // Two loads of every page of the archive: minutes on a busy two-core machine.
  }, 300_000);

  it("shows only the error for a wrong passphrase", async () => {
    const { page, problems } = await tab();
    await page.goto(`${server.url}2026-q3/`);
    const locked = await text(page);
    await unlock(page, "not the passphrase at all");
    await page.waitForFunction(() => document.getElementById("qd-status")!.textContent!.startsWith("Wrong"));
    const shown = await text(page);
    expect(shown).toContain("Wrong passphrase");
    expect(shown.replace(/Wrong passphrase.*$/m, "").trim()).toBe(locked.trim());
    expect(shown).not.toContain(company);
    expect(await page.$("html[data-unlocked]")).toBeNull();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("follows links to other pages and decrypts downloads", async () => {
    const { page, problems } = await tab();
    await page.goto(server.url);
    await unlock(page);
    await unlocked(page);
    await page.click('a[href$="2026-q3/index.html"]');
    await unlocked(page);
    expect(page.url()).toBe(`${server.url}2026-q3/index.html`);
    // An interview page: its folder name is hidden, its link still works.
    await page.click('a[href*="/interviews/"]');
    await unlocked(page);
    expect(page.url()).toMatch(/\/interviews\/[0-9a-f]{32}\/index\.html$/);
    await page.goBack();
    await unlocked(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click('a[href$="new-logos.csv"]'),
    ]);
    expect(download.suggestedFilename()).toBe("new-logos.csv");
    const bytes = await readFile((await download.path())!);
    expect(bytes.equals(await readFile(join(plain, "2026-q3/new-logos.csv")))).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("works offline from the folder (file://), pages and links alike", async () => {
    const { page, problems } = await tab();
    await page.goto(pathToFileURL(join(site, "index.html")).href);
    await unlock(page);
    await unlocked(page);
    expect(await text(page)).toContain(company);
    await page.click('a[href$="2026-q3/index.html"]');
    await unlocked(page);
    const reference = await browser.newPage();
    await reference.goto(pathToFileURL(join(plain, "2026-q3/index.html")).href);
    expect(await text(page)).toBe(await text(reference));
    expect(problems).toEqual([]);
    // Downloads need a server: the page says so instead of failing silently.
    await page.click('a[href$="headline.csv"]');
    await page.waitForSelector("#qd-download");
    expect(await page.textContent("#qd-download")).toContain("static web server");
    await reference.close();
    await page.close();
  });

  it("runs only its one inline script, admitted by the CSP's hash", async () => {
    const html = await readFile(join(site, "2026-q3/index.html"), "utf8");
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!;
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    const code = scripts.filter(([, attributes]) => !attributes!.includes("application/octet-stream"));
    expect(code.length).toBe(1);
    expect(code[0]![1]).toBe("");
    const hash = createHash("sha256").update(code[0]![2]!).digest("base64");
    expect(csp).toContain(`script-src 'sha256-${hash}'`);
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|https?:/);
  });

  it("passes an axe-core scan locked and unlocked", async () => {
    const { page } = await tab(true);
    await page.goto(`${server.url}2026-q3/`);
    expect(await axeViolations(page)).toEqual([]);
    await unlock(page);
    await unlocked(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
