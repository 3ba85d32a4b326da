import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { z } from "zod";
import { CliError } from "../errors.ts";
import { fileExists } from "../fileExists.ts";
import { formatZodIssues } from "../zodIssues.ts";
import { type Config, ConfigSchema } from "./configSchema.ts";

/*
 * Finding and reading the config. An explicit --config wins; otherwise quarterdeck.config.json
 * is looked for in the data folder, then quarterdeck.config.json (or .ts / .mjs) in the
 * working directory; with none, the defaults apply. A data folder arrives from outside (a CRM
 * export, a colleague's zip), so code found there is never run: a .ts or .mjs config is
 * imported only when named with --config or found in the working directory, and one found in
 * a data folder is reported as ignored. Mistakes are reported field by field.
 */

const JSON_NAME = "quarterdeck.config.json";
const CODE_NAMES = ["quarterdeck.config.ts", "quarterdeck.config.mjs"];

/** Where configs are looked for: data folders may hold only JSON, the working directory code too. */
export interface ConfigSearch {
  /** Folders of untrusted data: only quarterdeck.config.json is read from them. */
  dataDirs: string[];
  /** The project's own folder (the working directory): a code config is imported from it. */
  projectDir: string;
}

/** A config with where it came from and the SHA-256 of its file (of the defaults when none). */
export interface LoadedConfig {
  config: Config;
  /** The file read, or null when the defaults apply. */
  path: string | null;
  sha256: string;
}

/** The line every command prints: which config it used, for which company. */
export function describeConfig(loaded: LoadedConfig): string {
  const source =
    loaded.path === null
      ? "no quarterdeck.config.json found in the data folder or the working directory: using the defaults"
      : loaded.path;
  return `config: ${source} (company "${loaded.config.company}", currency ${loaded.config.currency})`;
}

/** Reads the config for a run; `ignored` collects code configs found in data folders and not run. */
export async function loadConfig(
  explicit: string | undefined,
  search: ConfigSearch,
  ignored: (message: string) => void = () => {},
): Promise<LoadedConfig> {
  const candidates =
    explicit !== undefined
      ? [resolve(explicit)]
      : [...search.dataDirs.map((d) => join(d, JSON_NAME)), join(search.projectDir, JSON_NAME)].concat(
          CODE_NAMES.map((n) => join(search.projectDir, n)),
        );
  if (explicit === undefined) {
    for (const dir of search.dataDirs) {
      if (resolve(dir) === resolve(search.projectDir)) continue;
      for (const name of CODE_NAMES) {
        if (await fileExists(join(dir, name)))
          ignored(
            `${join(dir, name)}: ignored; code in a data folder is never run. Pass it with --config if you trust it, or use ${JSON_NAME}.`,
          );
      }
    }
  }
  for (const path of [...new Set(candidates)]) {
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      if (explicit === undefined) continue;
      const folder = (error as NodeJS.ErrnoException).code === "EISDIR";
      throw new CliError(
        `${explicit}: ${folder ? "is a folder; name the config file itself" : "no such config file"}.`,
        2,
      );
    }
    const raw = path.endsWith(".json") ? parseJson(bytes, path) : await importModule(path);
    return { config: parseConfig(raw, basename(path)), path, sha256: sha256(bytes) };
  }
  const config = ConfigSchema.parse({});
  return { config, path: null, sha256: sha256(Buffer.from(JSON.stringify(config))) };
}

/** Validates a config object, turning zod's issues into one message per field. */
export function parseConfig(raw: unknown, source: string): Config {
  const result = ConfigSchema.safeParse(raw);
  if (result.success) return result.data;
  const lines = formatZodIssues(result.error, {
    unknownKeys: (path) => {
      const valid = validKeysAt(path);
      return valid.length > 0
        ? `the valid keys are ${valid.join(", ")}`
        : "see the config reference in the README for the valid keys";
    },
  }).map((line) => `  ${line}`);
  throw new CliError(
    `${source}: the config has ${plural(result.error.issues.length, "problem")}:\n${lines.join("\n")}`,
  );
}

/** The keys the schema accepts at a path of the config, for naming them beside a misspelt one. */
function validKeysAt(path: readonly PropertyKey[]): string[] {
  let schema: z.core.$ZodType | undefined = ConfigSchema;
  for (const segment of [...path, null]) {
    // Defaults, optionals and refinements wrap the object whose keys are wanted.
    for (let def: z.core.$ZodTypeDef | undefined = schema?._zod.def; def && "innerType" in def; ) {
      schema = def.innerType as z.core.$ZodType;
      def = schema._zod.def;
    }
    if (segment === null) break;
    const outer: z.core.$ZodTypeDef | undefined = schema?._zod.def;
    schema = outer?.type === "object" ? (outer as z.core.$ZodObjectDef).shape[String(segment)] : undefined;
  }
  const def = schema?._zod.def;
  return def?.type === "object" ? Object.keys((def as z.core.$ZodObjectDef).shape) : [];
}

function parseJson(bytes: Buffer, path: string): unknown {
  try {
    // Editors on Windows often save JSON with a byte-order mark, which JSON.parse refuses.
    return JSON.parse(bytes.toString("utf8").replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new CliError(`${basename(path)}: is not valid JSON (${(error as Error).message}).`);
  }
}

async function importModule(path: string): Promise<unknown> {
  const module = (await import(pathToFileURL(path).href)) as { default?: unknown };
  if (module.default === undefined) {
    throw new CliError(`${basename(path)}: must export the config as its default export.`);
  }
  return module.default;
}

function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
