/*
 * `npm run build`: the bundled sample company's pack. Computes every sample quarter from the
 * sample export into reports/ (a quarter already archived with the same figures is left as
 * issued), then renders the site into dist/.
 */
import { main } from "../src/cli/main.ts";

const DATA = "data/2026-Q3";
const FIRST = { year: 2024, quarter: 3 };
const LAST = { year: 2026, quarter: 3 };

const quarters: string[] = [];
for (let i = FIRST.year * 4 + FIRST.quarter - 1; i <= LAST.year * 4 + LAST.quarter - 1; i++) {
  quarters.push(`${Math.floor(i / 4)}-Q${(i % 4) + 1}`);
}

/**
 * Each sample quarter is issued a few days after it ends, as a real company's would be, so the
 * archive carries its own issue date per quarter (the snapshot reads it from SOURCE_DATE_EPOCH).
 */
function issueEpoch(quarter: string): string {
  const [year, q] = quarter.split("-Q").map(Number) as [number, number];
  const firstDayAfter = Date.UTC(year, q * 3, 1);
  return String((firstDayAfter + 6 * 86_400_000) / 1000);
}

const quiet = process.argv.includes("--quiet");
for (const quarter of quarters) {
  const lines: string[] = [];
  const code = await main(["compute", "--data", DATA, "--quarter", quarter, "--out", "reports"], {
    info: (line) => lines.push(line),
    warn: (line) => lines.push(line),
    progress: () => {},
    env: { ...process.env, SOURCE_DATE_EPOCH: issueEpoch(quarter) },
  });
  const last = lines.at(-1) ?? "";
  if (code !== 0) {
    process.stderr.write(`${lines.join("\n")}\n`);
    process.exit(code);
  }
  if (!quiet) process.stdout.write(`${last}\n`);
}
process.exitCode = await main(["build", "--reports", "reports", "--out", "dist"]);
