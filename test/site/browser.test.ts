import { existsSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../src/cli/browser.ts";
import { buildSite } from "./buildSite.ts";
import { axeViolations, watchProblems } from "./pageChecks.ts";
import { serveDirectory } from "./staticServer.ts";

/*
 * What only a browser shows, checked in real Chromium on the sample company's pack: pages
 * load cleanly from a static host, fit a phone, name their charts, pass an accessibility
 * scan, and print without cutting a chart across pages.
 */

const hasChromium = ["/usr/bin/chromium", process.env.QUARTERDECK_CHROMIUM].some((p) => p && existsSync(p));
const reports = fileURLToPath(new URL("../../reports", import.meta.url));

let site: string;
let server: Awaited<ReturnType<typeof serveDirectory>>;
let browser: Browser;
let quarters: string[];

describe.skipIf(!hasChromium)("the sample pack in Chromium", () => {
  beforeAll(async () => {
    site = await buildSite(reports);
    server = await serveDirectory(site);
    browser = await launchChromium();
    const home = await readFile(`${site}/index.html`, "utf8");
    quarters = [...new Set([...home.matchAll(/href="(\d{4}-q[1-4])\/"/g)].map((m) => m[1]!))];
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (site) await rm(site, { recursive: true, force: true });
  });

  /** Opens a page, collecting console errors and failed or third-party requests. */
  async function open(
    path: string,
    width = 1440,
    bypassCSP = false,
  ): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width, height: 900 }, bypassCSP });
    const problems = watchProblems(page, server.url);
    await page.goto(server.url + path, { waitUntil: "load" });
    return { page, problems };
  }

  it("loads every page with no console errors, failed or third-party requests", async () => {
    expect(quarters.length).toBeGreaterThanOrEqual(8);
    for (const path of ["", ...quarters.map((q) => `${q}/`)]) {
      const { page, problems } = await open(path);
      expect(problems, path).toEqual([]);
      await page.close();
    }
  });

  it("stays within the page-weight budget: no scripts, a quarter page under 300 KB", async () => {
    const { readdir, stat } = await import("node:fs/promises");
    const files = await readdir(site, { recursive: true });
    expect(files.filter((f) => f.endsWith(".js"))).toEqual([]);
    const weight = (await stat(`${site}/${quarters[0]}/index.html`)).size;
    expect(weight).toBeLessThan(300 * 1024);
  });

  it("has no horizontal scroll at 375 px wide", async () => {
    for (const path of ["", `${quarters[0]}/`]) {
      const { page } = await open(path, 375);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
      await page.close();
    }
  });

  it("names every chart for assistive technology", async () => {
    const { page } = await open(`${quarters[0]}/`);
    // Each chart figure announces exactly one image with a name; legend swatches are hidden.
    const charts = await page.$$eval("figure.chart", (figures) =>
      figures.map((figure) => {
        const announced = [...figure.querySelectorAll("svg")].filter(
          (svg) => svg.closest("[aria-hidden=true]") === null,
        );
        return {
          count: announced.length,
          role: announced[0]?.getAttribute("role"),
          label: announced[0]?.getAttribute("aria-label") ?? "",
        };
      }),
    );
    expect(charts.length).toBeGreaterThanOrEqual(5);
    for (const chart of charts) {
      expect(chart.count).toBe(1);
      expect(chart.role).toBe("img");
      expect(chart.label.length).toBeGreaterThan(10);
    }
    await page.close();
  });

  it("passes an axe-core scan with no serious or critical violations", async () => {
    for (const path of ["", `${quarters[0]}/`]) {
      // The pages forbid scripts by CSP; the scan alone is let in.
      const { page } = await open(path, 1440, true);
      const violations = await axeViolations(page);
      expect(violations, path).toEqual([]);
      await page.close();
    }
  });

  it("prints with no chart cut across a page break", async () => {
    const { page } = await open(`${quarters[0]}/`);
    await page.emulateMedia({ media: "print" });
    // A4 with the stylesheet's 14 mm margins leaves 269 mm of page: 1016 CSS pixels.
    const pageHeight = (269 / 25.4) * 96;
    const charts = await page.$$eval("figure.chart", (figures) =>
      figures.map((f) => ({
        id: f.id,
        breakInside: getComputedStyle(f).breakInside,
        height: f.getBoundingClientRect().height,
      })),
    );
    for (const chart of charts) {
      expect(chart.breakInside, chart.id).toBe("avoid");
      expect(chart.height, chart.id).toBeLessThan(pageHeight);
    }
    const navHidden = await page.$eval(".site-header nav", (nav) => getComputedStyle(nav).display === "none");
    expect(navHidden).toBe(true);
    await page.close();
  });
});
