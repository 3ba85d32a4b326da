import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";
import { CliError } from "../errors.ts";

/** The project's own folder, where Astro and the pages are. */
export const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Declared for the pages in src/site/archiveModule.d.ts. */
const ARCHIVE_MODULE = "virtual:quarterdeck/archive";

/**
 * Renders the site of the archive in `reports` into `out` with Astro.
 *
 * The reports folder reaches the pages as the virtual module `virtual:quarterdeck/archive`
 * rather than through the environment, so the pages say what they read and two builds in one
 * process cannot see each other's folder.
 *
 * Astro writes the pages' server code to `out/.prerender` when `out` is below the working
 * directory and to `./.astro/.prerender` otherwise, then imports it: that code finds its
 * packages (Astro's own among them) only from inside the project. So the build runs with the
 * project as its working directory, wherever the command was started; the caller resolves
 * every path first.
 */
export async function renderSite(reports: string, out: string): Promise<void> {
  process.env.ASTRO_TELEMETRY_DISABLED = "1";
  const { build } = await import("astro");
  const started = process.cwd();
  process.chdir(PROJECT_ROOT);
  try {
    await build({
      root: PROJECT_ROOT,
      outDir: out,
      logLevel: "silent",
      vite: { plugins: [archiveFolder(reports)] },
    });
  } catch (error) {
    // Astro's failures become one plain line; the stack is there under --debug.
    if (error instanceof CliError) throw error;
    const first = String((error as Error).message ?? error).split("\n")[0];
    throw new CliError(
      `the site could not be built: ${first}. The previous site is left as it was; run with --debug for details.`,
      1,
      { cause: error },
    );
  } finally {
    process.chdir(started);
  }
}

/** A Vite plugin that serves the reports folder to the pages as a typed module. */
function archiveFolder(reports: string): Plugin {
  const resolved = `\0${ARCHIVE_MODULE}`;
  return {
    name: "quarterdeck:archive",
    resolveId: (id) => (id === ARCHIVE_MODULE ? resolved : undefined),
    load: (id) => (id === resolved ? `export const reportsDir = ${JSON.stringify(reports)};` : undefined),
  };
}
