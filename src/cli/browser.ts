import { existsSync } from "node:fs";
import { CliError } from "./errors.ts";

/*
 * A headless Chromium for printing the pack to PDF (and for the browser tests). It is the
 * system's Chromium, driven by playwright-core: nothing downloads a browser. The flags keep it
 * from calling home, which a closed network would refuse anyway.
 */

const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
];

/** Where Chromium is: QUARTERDECK_CHROMIUM, else the usual system paths. */
export function chromiumPath(env: Record<string, string | undefined> = process.env): string {
  const candidates = [
    env.QUARTERDECK_CHROMIUM,
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
  ];
  const found = candidates.find((p) => p !== undefined && existsSync(p));
  if (!found) {
    throw new CliError(
      "no Chromium found. Install it (Debian/Ubuntu: apt-get install chromium) or set QUARTERDECK_CHROMIUM to its path.",
    );
  }
  return found;
}

/** Launches headless Chromium. */
export async function launchChromium(env?: Record<string, string | undefined>) {
  const { chromium } = await import("playwright-core");
  return chromium.launch({ executablePath: chromiumPath(env), args: FLAGS });
}
