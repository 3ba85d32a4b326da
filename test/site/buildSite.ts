import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main.ts";

/** Runs the command line silently; fails the test with its output when it does not exit 0. */
export async function runQuiet(argv: string[]): Promise<void> {
  const lines: string[] = [];
  const sink = (line: string) => lines.push(line);
  const code = await main(argv, { info: sink, warn: sink, progress: () => {}, env: {} });
  if (code !== 0) throw new Error(`quarterdeck ${argv.join(" ")} exited ${code}:\n${lines.join("\n")}`);
}

/** Builds the site of an archive into a fresh temporary folder and returns its path. */
export async function buildSite(reports: string): Promise<string> {
  const out = await mkdtemp(join(tmpdir(), "quarterdeck-site-"));
  await runQuiet(["build", "--reports", reports, "--out", out]);
  return out;
}
