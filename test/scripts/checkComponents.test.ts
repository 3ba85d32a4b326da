import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";

// `npm test` type-checks the components with scripts/check-components.ts. This plants a type
// error in a component of a temporary copy of the project and checks that the script fails
// naming the file and line, so the check cannot quietly stop reading .astro files.

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SCRIPT = join(ROOT, "scripts/check-components.ts");
const COMPONENT = "src/components/KpiTile.astro";

let copy: string;

beforeAll(async () => {
  copy = await mkdtemp(join(tmpdir(), "quarterdeck-check-"));
  for (const part of ["src", "tsconfig.json", "package.json", "astro.config.mjs", ".astro"]) {
    await cp(join(ROOT, part), join(copy, part), { recursive: true });
  }
  await symlink(join(ROOT, "node_modules"), join(copy, "node_modules"));
  // Vitest runs what beforeAll returns once the file's tests are done.
  return () => rm(copy, { recursive: true, force: true });
});

/** Runs the check on one component of the copy; resolves with its exit code and error output. */
async function check(component: string) {
  try {
    await promisify(execFile)(process.execPath, [SCRIPT, copy, component]);
    return { code: 0, stderr: "" };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, stderr: failed.stderr };
  }
}

describe("scripts/check-components.ts", () => {
  it("fails on a type error planted in a component's frontmatter, naming its file and line", async () => {
    const path = join(copy, COMPONENT);
    const source = await readFile(path, "utf8");
    // The frontmatter ends at the second "---": the planted line goes just before it.
    const end = source.indexOf("\n---", 4);
    const line = source.slice(0, end).split("\n").length + 1;
    const planted = `${source.slice(0, end)}\nexport const planted: number = "not a number";${source.slice(end)}`;
    await writeFile(path, planted);
    const run = await check(COMPONENT);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `${COMPONENT}:${line}:14 TS2322 Type 'string' is not assignable to type 'number'.`,
    );
  });
});
