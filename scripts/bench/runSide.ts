import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { SideResult } from "./side.ts";

/** The two things measured side by side. */
export type Side = "quarterdeck" | "duckdb";

const SCRIPTS: Record<Side, string> = {
  quarterdeck: fileURLToPath(new URL("./quarterdeckSide.ts", import.meta.url)),
  duckdb: fileURLToPath(new URL("./duckdbSide.ts", import.meta.url)),
};

/**
 * Runs one side in a fresh child process and returns what it measured. `nodeOptions` are
 * passed to that child's node (--cpu-prof, say).
 */
export function runSide(
  side: Side,
  dir: string,
  quarter: string,
  nodeOptions: string[] = [],
): Promise<SideResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeOptions, SCRIPTS[side], dir, quarter], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const line = out.trim().split("\n").at(-1) ?? "";
      if (code !== 0 || !line.startsWith("{"))
        reject(new Error(`the ${side} run failed (exit code ${code})`));
      else resolve(JSON.parse(line) as SideResult);
    });
  });
}
