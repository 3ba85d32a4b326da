import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { KEPT_NAMES, publishedPath } from "../site/encrypt/hiddenNames.ts";
import { inlineAssets } from "../site/encrypt/inlineAssets.ts";
import {
  buildSalt,
  deriveMaster,
  ITERATIONS,
  MIN_PASSPHRASE_LENGTH,
  siteKeys,
} from "../site/encrypt/keys.ts";
import { type IvMode, sealFile } from "../site/encrypt/sealFile.ts";
import { unlockPage } from "../site/encrypt/unlockPage.ts";
import type { Effects } from "./effects.ts";
import { CliError } from "./errors.ts";

/*
 * `quarterdeck build --encrypt` and `quarterdeck encrypt`: turns a built site into one that
 * publishes nothing readable. Every file is sealed with AES-256-GCM; every page becomes an
 * unlock page carrying its own ciphertext. The encrypted site is written beside the plain one
 * and swapped in whole, so a failure never leaves a half-encrypted folder to publish.
 */

/** What the environment says about encryption. */
export interface EncryptionSettings {
  passphrase: string;
  /** QUARTERDECK_SALT, used only for a reproducible build (with SOURCE_DATE_EPOCH). */
  salt: string | undefined;
  ivs: IvMode;
}

/** Reads the passphrase (only ever from the environment) and the reproducibility settings. */
export function encryptionSettings(env: Record<string, string | undefined>): EncryptionSettings {
  const passphrase = env.QUARTERDECK_PASSPHRASE;
  if (passphrase === undefined || passphrase === "") {
    throw new CliError(
      "QUARTERDECK_PASSPHRASE is not set. Put the passphrase in that environment variable (never on the command line, where shell history and logs keep it); in GitHub Actions, add it as a repository secret.",
      2,
    );
  }
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw new CliError(
      `QUARTERDECK_PASSPHRASE is ${[...passphrase].length} characters long; use at least ${MIN_PASSPHRASE_LENGTH} (four or five random words make a strong one).`,
      2,
    );
  }
  const reproducible = env.SOURCE_DATE_EPOCH !== undefined && env.QUARTERDECK_SALT !== undefined;
  return {
    passphrase,
    salt: reproducible ? env.QUARTERDECK_SALT : undefined,
    ivs: reproducible ? "derived" : "random",
  };
}

/** Every file under `root`, as "/"-separated paths relative to it, in a stable order. */
async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();
}

/** Encrypts the built site in `site` in place. */
export async function encryptSite(options: { site: string }, effects: Effects): Promise<number> {
  const site = resolve(options.site);
  const settings = encryptionSettings(effects.env);
  if (effects.env.QUARTERDECK_SALT !== undefined && settings.ivs === "random") {
    effects.warn("warning: QUARTERDECK_SALT is ignored without SOURCE_DATE_EPOCH; salt and IVs are random.");
  }
  if (!existsSync(site)) throw new CliError(`${site}: no site here. Run quarterdeck build first.`);
  const started = performance.now();
  const paths = await listFiles(site);
  const files = new Map<string, Buffer>();
  for (const path of paths) files.set(path, await readFile(join(site, path)));
  if (files.get("index.html")?.includes('id="qd-payload"')) {
    throw new CliError(`${site}: already encrypted. Build the site again before encrypting it.`);
  }

  const salt = buildSalt(settings.salt);
  const keys = siteKeys(deriveMaster(settings.passphrase, salt), salt);
  const staging = `${site}.encrypting`;
  await rm(staging, { recursive: true, force: true });
  let pages = 0;
  for (const [path, bytes] of files) {
    const published = publishedPath(path, keys.names);
    let output: Uint8Array;
    if (path.endsWith(".html")) {
      // The page's plain path travels inside the ciphertext: its links are relative to it.
      const html = inlineAssets(bytes.toString("utf8"), path, files);
      const sealed = sealFile(Buffer.from(`${path}\n${html}`, "utf8"), published, keys, settings.ivs);
      output = Buffer.from(unlockPage({ path: published, sealed, salt, keptNames: KEPT_NAMES }), "utf8");
      pages++;
    } else {
      output = sealFile(bytes, published, keys, settings.ivs);
    }
    await mkdir(dirname(join(staging, published)), { recursive: true });
    await writeFile(join(staging, published), output);
  }
  const plain = `${site}.plain`;
  await rm(plain, { recursive: true, force: true });
  await rename(site, plain);
  await rename(staging, site);
  await rm(plain, { recursive: true, force: true });
  effects.info(
    `encrypted ${files.size} files (${pages} pages) → ${site} (AES-256-GCM, PBKDF2-SHA-256 × ${ITERATIONS.toLocaleString("en-US")}, ${settings.ivs === "derived" ? "reproducible salt and IVs" : "random salt and IVs"}, ${Math.round(performance.now() - started)} ms)`,
  );
  return 0;
}
