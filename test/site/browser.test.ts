import { existsSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../src/cli/browser.ts";
import { buildSite } from "./buildSite.ts";
import { axeViolations, watchProblems } from "./pageChecks.ts";
import { serveDirectory } from "./staticServer.ts";

/*
 * What only a browser shows, checked in real Chromium on the sample company's pack: pages
 * load cleanly from a static host and from a folder, fit a phone with legible charts, name
 * their charts, link every section from the table of contents, pass an accessibility scan,
 * follow a dark setting on screen only, and print without cutting a chart or a table.
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
    quarters = [...new Set([...home.matchAll(/href="(\d{4}-q[1-4])\/index\.html"/g)].map((m) => m[1]!))];
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
        // Each chart is drawn narrow and wide; the stylesheet shows one.
        const announced = [...figure.querySelectorAll("svg")].filter(
          (svg) => svg.closest("[aria-hidden=true]") === null && svg.getClientRects().length > 0,
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
  it("draws chart text at 10 px or more, within the column, at 375 px and 1440 px", async () => {
    for (const width of [375, 1440]) {
      const { page } = await open(`${quarters[0]}/`, width);
      const charts = await page.$$eval("figure.chart svg[role=img]", (svgs) =>
        svgs
          .filter((svg) => svg.getClientRects().length > 0)
          .map((svg) => {
            const box = svg.getBoundingClientRect();
            const scale = box.width / (svg as SVGSVGElement).viewBox.baseVal.width;
            const sizes = [...svg.querySelectorAll("text")].map(
              (t) => Number.parseFloat(getComputedStyle(t).fontSize) * scale,
            );
            const column = svg.closest("figure")!.getBoundingClientRect().width;
            return {
              label: svg.getAttribute("aria-label"),
              smallest: Math.min(...sizes),
              width: box.width,
              column,
            };
          }),
      );
      expect(charts.length, `charts at ${width}`).toBeGreaterThanOrEqual(8);
      for (const chart of charts) {
        expect(chart.smallest, `${chart.label} at ${width} px`).toBeGreaterThanOrEqual(10);
        expect(chart.width, `${chart.label} at ${width} px`).toBeLessThanOrEqual(chart.column + 0.5);
      }
      // On a desktop a chart fills its column rather than leaving part of it empty.
      if (width === 1440) for (const chart of charts) expect(chart.width).toBeGreaterThan(chart.column - 1);
      await page.close();
    }
  });

  it("fits every table, the weekly scorecard among them, in its column at 1440 px", async () => {
    const { page } = await open(`${quarters[0]}/`, 1440);
    const overflowing = await page.$$eval(".table-wrap", (wraps) =>
      wraps
        .filter((w) => w.getClientRects().length > 0)
        .filter((w) => w.scrollWidth > w.clientWidth + 1)
        .map((w) => w.getAttribute("aria-label")),
    );
    expect(await page.$$eval("table.scorecard", (t) => t.length)).toBe(1);
    expect(overflowing).toEqual([]);
    await page.close();
  });

  it("links every section from the table of contents, in page order", async () => {
    const { page } = await open(`${quarters[0]}/`);
    const toc = await page.$$eval(".toc a", (links) => links.map((a) => a.getAttribute("href")));
    const sections = await page.$$eval("main section > h2[id]", (hs) => hs.map((h) => `#${h.id}`));
    expect(sections.length).toBeGreaterThanOrEqual(12);
    expect(toc).toEqual(sections);
    // The table of contents and the headline tiles are on the first screen of a laptop.
    const bottom = await page.$eval(".toc", (t) => t.getBoundingClientRect().bottom);
    expect(bottom).toBeLessThan(900);
    await page.close();
  });

  it("works opened from a folder: links name files, and every local link and the favicon exist", async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(pathToFileURL(join(site, "index.html")).href);
    await page.click(`a[href="${quarters[0]}/index.html"] >> nth=0`);
    expect(page.url()).toBe(pathToFileURL(join(site, quarters[0]!, "index.html")).href);
    expect(await page.textContent("h1")).toMatch(/sales pack/);
    await page.click(".site-header nav a >> text=All quarters");
    expect(page.url()).toBe(pathToFileURL(join(site, "index.html")).href);
    for (const path of ["index.html", `${quarters[0]}/index.html`, `${quarters[1]}/index.html`]) {
      await page.goto(pathToFileURL(join(site, path)).href);
      const targets = await page.$$eval("a[href], link[rel=icon]", (links) =>
        links.map((a) => ({ href: a.getAttribute("href")!, url: (a as HTMLAnchorElement).href })),
      );
      const local = targets.filter((t) => t.url.startsWith("file:") && !t.href.startsWith("#"));
      expect(local.length).toBeGreaterThan(5);
      for (const t of local) {
        const file = fileURLToPath(t.url.split("#")[0]!);
        // The printed pack is made by `quarterdeck pdf` after the build; the link is checked by name.
        if (file.endsWith(".pdf")) {
          expect(t.href).toMatch(/^\d{4}-Q[1-4]-sales-pack\.pdf$/);
          continue;
        }
        expect(existsSync(file) && !file.endsWith("/"), `${path}: ${t.href}`).toBe(true);
      }
      expect(targets.some((t) => t.href.endsWith("favicon.svg"))).toBe(true);
    }
    await page.close();
  });

  it("follows a dark setting on screen and prints light", async () => {
    const { page } = await open(`${quarters[0]}/`);
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    await page.emulateMedia({ colorScheme: "dark" });
    expect(await background()).not.toBe("rgb(255, 255, 255)");
    await page.emulateMedia({ colorScheme: "dark", media: "print" });
    expect(await background()).toBe("rgb(255, 255, 255)");
    await page.close();
  });

  it("prints every table within the width of an A4 page, without navigation or downloads", async () => {
    // A4 is 210 mm wide; less the stylesheet's 12 mm margins, 186 mm: 703 CSS pixels.
    const width = Math.floor((186 / 25.4) * 96);
    const { page } = await open(`${quarters[0]}/`, width);
    await page.emulateMedia({ media: "print" });
    const overflowing = await page.$$eval(".table-wrap, figure.chart", (parts) =>
      parts
        .filter((p) => p.getClientRects().length > 0)
        .filter((p) => p.scrollWidth > p.clientWidth + 1 || p.getBoundingClientRect().right > innerWidth + 1)
        .map((p) => p.getAttribute("aria-label") ?? p.id),
    );
    expect(overflowing).toEqual([]);
    const hidden = await page.$$eval(".site-header nav, .toc, #downloads", (parts) =>
      parts.map((p) => getComputedStyle(p.id === "downloads" ? p.closest("section")! : p).display),
    );
    expect(hidden).toEqual(["none", "none", "none"]);
    await page.close();
  });
});
