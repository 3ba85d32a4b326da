import { mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { CliError } from "../errors.ts";

/*
 * The site's output folder is replaced whole by each build, so `build --out` must never point
 * at something else of value. The folder may be missing, empty, or a previous build (it holds
 * MARKER); anything else is refused, as is any folder that overlaps the reports or the
 * project. The site is built in a sibling folder and swapped in only once it is complete, so
 * a failed build leaves the previous site as it was.
 */

/** The file that marks a folder as a Quarterdeck build, safe to replace. */
export const MARKER = ".quarterdeck-build";

/** Where a build goes: the final folder and the temporary sibling it is built in. */
export interface OutDir {
  out: string;
  staging: string;
}

/** Checks that `out` may be replaced by a build and makes an empty staging folder beside it. */
export async function prepareOutDir(
  out: string,
  guarded: { reports: string; project: string },
): Promise<OutDir> {
  const target = resolve(out);
  const reports = resolve(guarded.reports);
  const project = resolve(guarded.project);
  if (overlaps(target, reports)) {
    throw new CliError(
      `--out ${target} overlaps the reports folder ${reports}: a build replaces its output folder and would delete snapshots. Choose another folder, such as dist.`,
      2,
    );
  }
  const source = join(project, "src");
  if (target === project || inside(target, project) || overlaps(target, source)) {
    throw new CliError(
      `--out ${target} overlaps the project's own files (${project}). Choose a folder of its own, such as dist.`,
      2,
    );
  }
  const existing = await stat(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    throw error;
  });
  if (existing !== null && !existing.isDirectory()) {
    throw new CliError(
      `--out ${target} is a file, not a folder. Give the folder the site should be written to.`,
      2,
    );
  }
  if (existing !== null) {
    const entries = await readdir(target);
    if (entries.length > 0 && !entries.includes(MARKER) && !isUnmarkedBuild(entries)) {
      throw new CliError(
        `--out ${target} holds other files (${entries.slice(0, 3).join(", ")}${entries.length > 3 ? ", …" : ""}) and is not a previous Quarterdeck build. A build replaces the whole folder: choose an empty or new folder.`,
        2,
      );
    }
  }
  await mkdir(dirname(target), { recursive: true });
  const staging = join(dirname(target), `.${basename(target)}.building-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging);
  return { out: target, staging };
}

/** Marks the staged build and puts it in place of the old one; the old one is removed last. */
export async function swapIntoPlace({ out, staging }: OutDir): Promise<void> {
  await writeFile(
    join(staging, MARKER),
    "Built by quarterdeck build. The next build replaces this whole folder.\n",
  );
  const old = join(dirname(out), `.${basename(out)}.old-${process.pid}`);
  let hadOld = true;
  try {
    await rename(out, old);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    hadOld = false;
  }
  try {
    await rename(staging, out);
  } catch (error) {
    if (hadOld) await rename(old, out);
    throw error;
  }
  if (hadOld) await rm(old, { recursive: true, force: true });
}

/** Removes the staging folder of a build that failed. */
export async function discardStaging({ staging }: OutDir): Promise<void> {
  await rm(staging, { recursive: true, force: true });
}

/**
 * A site built before builds were marked: the home page and quarter folders (2026-q3), and
 * nothing else, so a folder holding anything of the user's is never taken for one.
 */
function isUnmarkedBuild(entries: string[]): boolean {
  return (
    entries.includes("index.html") && entries.every((e) => e === "index.html" || /^\d{4}-q[1-4]$/.test(e))
  );
}

function overlaps(a: string, b: string): boolean {
  return a === b || inside(a, b) || inside(b, a);
}

/** Whether `path` is strictly inside `folder`. */
function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== "" && rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
