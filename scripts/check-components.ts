/*
 * Type-checks the Astro components and pages (`npm run typecheck:astro`), which `tsc` does
 * not read. Astro's checker runs on TypeScript's language-service API, which TypeScript 7
 * does not have yet, so this check alone runs on the TypeScript 6 the project keeps under the
 * name `typescript6`; `tsc` (TypeScript 7) checks every .ts file.
 *
 *   node scripts/check-components.ts [PROJECT_ROOT [FILE.astro…]]
 *
 * Prints each problem as `file:line:column TSnnnn message` and exits 1 when there is any.
 */
import { registerHooks } from "node:module";
import { relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { glob } from "tinyglobby";

registerHooks({
  resolve(specifier, context, next) {
    const redirected = /^typescript(\/|$)/.test(specifier)
      ? specifier.replace("typescript", "typescript6")
      : specifier;
    return next(redirected, context);
  },
});
const { AstroCheck } = await import("@astrojs/language-server");

/** The type errors of the given .astro files (all under `root`/src by default), as printable lines. */
export async function checkComponents(root: string, only: string[] = []): Promise<string[]> {
  const checker = new AstroCheck(root, undefined, resolve(root, "tsconfig.json"));
  const files =
    only.length > 0
      ? only.map((file) => resolve(root, file))
      : await glob("src/**/*.astro", { cwd: root, absolute: true });
  const result = await checker.lint({ fileNames: files });
  const lines: string[] = [];
  for (const file of result.fileResult) {
    const path = relative(root, fileURLToPath(file.fileUrl));
    for (const error of file.errors) {
      // Severity 1 is an error; warnings and hints (unused names and the like) are biome's.
      if (error.severity !== 1) continue;
      const { line, character } = error.range.start;
      const message = String(error.message).split("\n").join(" ");
      lines.push(`${path}:${line + 1}:${character + 1} TS${error.code} ${message}`);
    }
  }
  return lines;
}

if (import.meta.main) {
  const root = resolve(process.argv[2] ?? fileURLToPath(new URL("..", import.meta.url)));
  const errors = await checkComponents(root, process.argv.slice(3));
  for (const line of errors) process.stderr.write(`${line}\n`);
  if (errors.length > 0) {
    process.stderr.write(`${errors.length} type errors in Astro components.\n`);
    process.exitCode = 1;
  }
}
