import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { pdfName } from "../site/sections.ts";
import { readArchive } from "../snapshot/archive.ts";
import { launchChromium } from "./browser.ts";
import type { Effects } from "./effects.ts";
import { CliError } from "./errors.ts";

/** Options of `quarterdeck pdf`. */
export interface PdfOptions {
  reports?: string | undefined;
  site?: string | undefined;
  quarter?: string | undefined;
  out?: string | undefined;
  paper?: string | undefined;
}

/** `quarterdeck pdf`: prints a quarter page of the built site to PDF with the print stylesheet. */
export async function printPdf(options: PdfOptions, effects: Effects): Promise<number> {
  const site = resolve(options.site ?? "dist");
  const paper = (options.paper ?? "A4").toUpperCase() === "LETTER" ? "Letter" : "A4";
  const archive = await readArchive(resolve(options.reports ?? "reports"));
  const quarter = options.quarter ?? archive.at(-1)?.quarter;
  if (quarter === undefined)
    throw new CliError("no snapshots in the archive. Run quarterdeck compute first.");
  const page = join(site, quarter.toLowerCase(), "index.html");
  if (!existsSync(page)) {
    throw new CliError(`${page}: not built. Run quarterdeck build first (the PDF is printed from the site).`);
  }
  // Beside the quarter page, under the name its "Print version (PDF)" link points at.
  const out = resolve(options.out ?? join(site, quarter.toLowerCase(), pdfName(quarter)));
  const browser = await launchChromium(effects.env);
  try {
    const tab = await browser.newPage();
    await tab.goto(pathToFileURL(page).href);
    await tab.emulateMedia({ media: "print" });
    await mkdir(dirname(out), { recursive: true });
    await tab.pdf({
      path: out,
      format: paper,
      printBackground: true,
      preferCSSPageSize: false,
      // A tagged PDF with an outline: the section headings become the reader's bookmarks.
      tagged: true,
      outline: true,
    });
  } finally {
    await browser.close();
  }
  effects.info(`printed ${quarter} (${paper}) → ${out}`);
  return 0;
}
