import { readFile } from "node:fs/promises";
import type { Effects } from "../../src/cli/effects.ts";
import { init } from "../../src/cli/init.ts";

/** Runs `quarterdeck init` on a folder: its exit code, what it printed (paths replaced by OUT and DIR) and the config it wrote. */
export async function runInit(dir: string, out: string) {
  const printed: string[] = [];
  const effects: Effects = {
    info: (l) => printed.push(l),
    warn: (l) => printed.push(l),
    progress: () => {},
    env: {},
  };
  const code = await init({ data: dir, out }, effects);
  const written = JSON.parse(await readFile(out, "utf8")) as Record<string, unknown>;
  return { code, printed: printed.map((l) => l.replace(out, "OUT").replace(dir, "DIR")), written };
}
