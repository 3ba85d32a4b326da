import { readdir, readFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Layers point one way: reading exports, computing figures and keeping snapshots know nothing
// of the command line or of the pages, so they can be used by both (and by tests) alone.
// The check reads the files as text: every `from "…"` and `import("…")` whose target is a
// relative path is resolved and must not land in an outer folder.

const SRC = fileURLToPath(new URL("../../src", import.meta.url));
const INNER = ["ingest", "metrics", "snapshot", "config", "calendar", "model", "init"];
const OUTER = ["cli", "site", "charts", "components", "pages", "layouts"];

/** Every relative module specifier in a source text, with its line number. */
function relativeImports(text: string): { line: number; specifier: string }[] {
  const found: { line: number; specifier: string }[] = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)["'](\.{1,2}\/[^"']+)["']/gm;
  for (const match of text.matchAll(pattern)) {
    const line = text.slice(0, match.index).split("\n").length;
    found.push({ line, specifier: match[1]! });
  }
  return found;
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.(ts|mjs|astro)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** The imports of the inner layers that reach an outer one, as "file:line → target". */
async function wrongWayImports(): Promise<string[]> {
  const wrong: string[] = [];
  for (const layer of INNER) {
    for (const file of await sourceFiles(join(SRC, layer))) {
      for (const { line, specifier } of relativeImports(await readFile(file, "utf8"))) {
        const target = relative(SRC, resolve(dirname(file), specifier));
        if (OUTER.includes(target.split("/")[0]!))
          wrong.push(`src/${relative(SRC, file)}:${line} → src/${target}`);
      }
    }
  }
  return wrong;
}

describe("layers", () => {
  it("finds static, re-exported and dynamic imports", () => {
    const text = [
      'import { a } from "../cli/errors.ts";',
      'export { b } from "./b.ts";',
      'import "../site/side-effect.ts";',
      'const c = await import("../cli/main.ts");',
      'import { d } from "node:path";',
    ].join("\n");
    expect(relativeImports(text)).toEqual([
      { line: 1, specifier: "../cli/errors.ts" },
      { line: 2, specifier: "./b.ts" },
      { line: 3, specifier: "../site/side-effect.ts" },
      { line: 4, specifier: "../cli/main.ts" },
    ]);
  });

  it(`nothing under src/{${INNER.join(",")}} imports from src/{${OUTER.join(",")}}`, async () => {
    expect(await wrongWayImports()).toEqual([]);
  });
});
