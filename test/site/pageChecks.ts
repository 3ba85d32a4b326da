import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";

const axeSource = fileURLToPath(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url));

/**
 * Runs axe-core on the page as it is and returns its serious and critical violations. The
 * page must be opened with bypassCSP: the pack's CSP forbids the injected scan.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: await readFile(axeSource, "utf8") });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> };
      }
    ).axe;
    const result = await axe.run();
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map(
        (v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => (n as { html: string }).html.slice(0, 120)))}`,
      );
  });
}

/**
 * Records what goes wrong on a page: console errors, page errors, failed requests, HTTP
 * errors, and requests to anywhere but the site under test (`site`) or local files.
 */
export function watchProblems(page: Page, site: string): string[] {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`failed: ${r.url()}`));
  page.on("request", (r) => {
    if (!r.url().startsWith(site) && !r.url().startsWith("file:"))
      problems.push(`third-party request: ${r.url()}`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return problems;
}
