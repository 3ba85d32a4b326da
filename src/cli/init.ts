import { writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseConfig } from "../config/loadConfig.ts";
import { fileExists } from "../fileExists.ts";
import { proposeConfig } from "../init/proposeConfig.ts";
import { sampleFolder } from "../init/sampleFolder.ts";
import type { Effects } from "./effects.ts";
import { CliError } from "./errors.ts";

/**
 * `quarterdeck init`: looks at a data folder, writes the config it guesses (the data folder's
 * quarterdeck.config.json unless --out says otherwise, never over an existing file) and
 * prints each guess with its evidence and what to confirm.
 */
export async function init(
  options: { data: string; out?: string | undefined },
  effects: Effects,
): Promise<number> {
  const dir = resolve(options.data);
  const out = resolve(options.out ?? join(dir, "quarterdeck.config.json"));
  if (await fileExists(out)) {
    throw new CliError(
      `${out} already exists; it is left as it is. Pass --out to write the proposed config elsewhere.`,
      2,
    );
  }
  const samples = await sampleFolder(dir);
  if (samples.length === 0) throw new CliError(`${dir}: holds no CSV file to look at.`);
  const proposal = proposeConfig(samples);
  // What init writes must be a config compute accepts.
  parseConfig(proposal.config, out);
  for (const line of proposal.lines) effects.info(line);
  if (proposal.confirm.length > 0) {
    effects.info("to confirm:");
    for (const line of proposal.confirm) effects.info(`  - ${line}`);
  }
  await writeFile(out, `${JSON.stringify(proposal.config, null, 2)}\n`);
  effects.info(`wrote ${out}; check it with: quarterdeck validate --data ${options.data}`);
  return 0;
}
