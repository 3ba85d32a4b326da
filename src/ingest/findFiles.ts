import type { Config } from "../config/configSchema.ts";
import { CliError } from "../errors.ts";
import type { DataFolder } from "./dataFolder.ts";
import { readHeader } from "./readHeader.ts";

/*
 * Which file holds which record kind. The config's `files` names it outright; otherwise a
 * format finds it by name or by the columns its header has. Two files that could both be the
 * deals are never chosen between silently: the run stops and lists them.
 */

/** A header signature: every column of `all`, at least `some` of `any`, none of `none` (normalised names). */
export interface Signature {
  all: string[];
  any?: string[];
  some?: number;
  none?: string[];
}

/** Whether a normalised header has a signature. */
export function hasSignature(header: ReadonlySet<string>, signature: Signature): boolean {
  if (!signature.all.every((c) => header.has(c))) return false;
  if ((signature.none ?? []).some((c) => header.has(c))) return false;
  const hits = (signature.any ?? []).filter((c) => header.has(c)).length;
  return hits >= (signature.some ?? 0);
}

/** The file the config's `files` names for a kind, checked against the folder; undefined when it names none. */
export function configuredFile(
  folder: DataFolder,
  files: Config["files"],
  kind: keyof Config["files"],
): string | undefined {
  const name = files[kind];
  if (name === undefined) return undefined;
  const found = folder.find(name);
  if (found === undefined) {
    throw new CliError(
      `${folder.dir}: "files": { "${kind}": "${name}" } in quarterdeck.config.json names a file the folder does not have. ` +
        `Files seen: ${folder.files.join(", ") || "none"}.`,
    );
  }
  return found;
}

/** Whether a file (when there is one) has a header with the signature: how a format knows its export. */
export async function fileHasSignature(
  folder: DataFolder,
  file: string | undefined,
  signature: Signature,
): Promise<boolean> {
  return file !== undefined && hasSignature(new Set(await readHeader(folder, file)), signature);
}

/** The top-level CSV files of the folder whose header has the signature. */
export async function filesWithSignature(folder: DataFolder, signature: Signature): Promise<string[]> {
  const found: string[] = [];
  for (const file of folder.files.filter((f) => /\.csv$/i.test(f) && !f.includes("/"))) {
    if (await fileHasSignature(folder, file, signature)) found.push(file);
  }
  return found;
}

/** The one file of several candidates, or an error listing them and how to pick one. */
export function onlyOne(candidates: string[], kind: string, label: string): string | undefined {
  if (candidates.length <= 1) return candidates[0];
  throw new CliError(
    `${candidates.length} files look like ${label} exports: ${candidates.join(", ")}. Keep one in the folder, ` +
      `or pick one in quarterdeck.config.json: "files": { "${kind}": "${candidates[0]}" }.`,
  );
}
