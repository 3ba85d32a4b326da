import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { publishedPath } from "../../src/site/encrypt/hiddenNames.ts";
import { inlineAssets } from "../../src/site/encrypt/inlineAssets.ts";
import { deriveMaster, siteKeys } from "../../src/site/encrypt/keys.ts";
import { openFile } from "../../src/site/encrypt/sealFile.ts";
import { buildSite } from "../site/buildSite.ts";

/*
 * The encrypted build of the sample archive: nothing readable in any byte, every file
 * recoverable with the passphrase, byte-identical when asked to be reproducible.
 */

const reports = fileURLToPath(new URL("../../reports", import.meta.url));
const PASSPHRASE = "correct horse battery staple";
const REPRODUCIBLE = { SOURCE_DATE_EPOCH: "1790000000", QUARTERDECK_SALT: "sample pack salt" };

let work: string;
let plain: string;

/** Runs the command line with the given environment; returns the exit code and output. */
async function run(argv: string[], env: Record<string, string | undefined>) {
  const lines: string[] = [];
  const sink = (line: string) => lines.push(line);
  const code = await main(argv, { info: sink, warn: sink, progress: () => {}, env });
  return { code, output: lines.join("\n") };
}

/** A fresh copy of the plain build, encrypted with `env`. */
async function encrypted(name: string, env: Record<string, string | undefined>): Promise<string> {
  const site = join(work, name);
  await cp(plain, site, { recursive: true });
  const { code, output } = await run(["encrypt", "--site", site], {
    QUARTERDECK_PASSPHRASE: PASSPHRASE,
    ...env,
  });
  if (code !== 0) throw new Error(output);
  return site;
}

/** Every file of a folder: relative path → bytes. */
async function readAll(root: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const path of (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) =>
    e.isFile(),
  )) {
    const full = join(path.parentPath, path.name);
    files.set(full.slice(root.length + 1), await readFile(full));
  }
  return files;
}

const isUnlockPage = (bytes: Buffer) => bytes.includes('id="qd-payload"');

describe("quarterdeck encrypt on the sample archive", () => {
  let site: string;
  let files: Map<string, Buffer>;
  let plainFiles: Map<string, Buffer>;
  let needles: string[];

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "quarterdeck-encrypt-"));
    plain = await buildSite(reports);
    plainFiles = await readAll(plain);
    site = await encrypted("site", {});
    files = await readAll(site);
    // What a stranger must not read: the company, a deal, an amount, a rep, a customer's words.
    const snapshot = JSON.parse(await readFile(join(reports, "2026-Q3/snapshot.json"), "utf8"));
    const interview = snapshot.voiceOfCustomer.interviews[0];
    needles = [
      snapshot.company,
      interview.deal.name.split(" — ")[0],
      String(snapshot.sections.newLogos.logos[0].amount),
      snapshot.sections.bookings.byOwner[0].key,
      "big enough to justify",
      "$10.8M",
    ];
  });

  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
    await rm(plain, { recursive: true, force: true });
  });

  it("finds every needle in the plain build, so the search below can fail", () => {
    const all = Buffer.concat([...plainFiles.values()]);
    for (const needle of needles) expect(all.includes(needle), needle).toBe(true);
  });

  it("leaves no company name, deal, amount, rep or quote in any byte or file name", () => {
    expect(files.size).toBe(plainFiles.size);
    for (const [path, bytes] of files) {
      for (const needle of needles) {
        expect(bytes.includes(needle), `${needle} in ${path}`).toBe(false);
        expect(
          bytes.toString("latin1").toLowerCase().includes(needle.toLowerCase()),
          `${needle} in ${path}`,
        ).toBe(false);
      }
      // Interview folders are named after account, product and outcome: none may show.
      expect(path, path).toMatch(
        /^(?:[0-9a-f]{32}|\d{4}-q[1-4]|v\d+|interviews|[a-z-]+\.(?:csv|json|html))(?:\/|$)/,
      );
      expect(path).not.toMatch(/-(?:won|lost|no-decision)\b/);
    }
  });

  it("publishes one unlock page per page, identical but for its path and ciphertext", () => {
    const pages = [...files].filter(([, bytes]) => isUnlockPage(bytes));
    expect(pages.length).toBe([...plainFiles.keys()].filter((p) => p.endsWith(".html")).length);
    const skeletons = new Set(
      pages.map(([, bytes]) =>
        bytes
          .toString("utf8")
          .replace(/data-path="[^"]*"/, "")
          .replace(/(id="qd-payload"[^>]*>)[^<]*/, "$1"),
      ),
    );
    expect(skeletons.size).toBe(1);
    expect([...files].filter(([p, b]) => p.endsWith(".html") && !isUnlockPage(b))).toEqual([]);
  });

  it("recovers every plain file, byte for byte, with the passphrase and nothing else", async () => {
    const index = files.get("index.html")!.toString("utf8");
    const salt = Buffer.from(/data-salt="([^"]+)"/.exec(index)![1]!, "base64");
    const keys = siteKeys(deriveMaster(PASSPHRASE, salt), salt);
    const wrong = siteKeys(deriveMaster("a wrong passphrase entirely", salt), salt);
    for (const [path, original] of plainFiles) {
      const published = publishedPath(path, keys.names);
      const bytes = files.get(published);
      expect(bytes, path).toBeDefined();
      const sealed = isUnlockPage(bytes!)
        ? Buffer.from(/id="qd-payload"[^>]*>([^<]*)</.exec(bytes!.toString("utf8"))![1]!, "base64")
        : bytes!;
      const opened = openFile(sealed, published, keys);
      expect(
        // A page is sealed with the site files it loads (stylesheets, the favicon) put inline.
        opened.equals(
          path.endsWith(".html")
            ? Buffer.from(`${path}\n${inlineAssets(original.toString("utf8"), path, plainFiles)}`)
            : original,
        ),
        path,
      ).toBe(true);
      expect(() => openFile(sealed, published, wrong), path).toThrow();
    }
  });

  it("is byte-identical with SOURCE_DATE_EPOCH and QUARTERDECK_SALT, and random without", async () => {
    const first = await readAll(await encrypted("repro-1", REPRODUCIBLE));
    const second = await readAll(await encrypted("repro-2", REPRODUCIBLE));
    expect([...first.keys()]).toEqual([...second.keys()]);
    for (const [path, bytes] of first) expect(bytes.equals(second.get(path)!), path).toBe(true);
    const random = await readAll(await encrypted("random", {}));
    expect(random.get("2026-q3/headline.csv")!.equals(files.get("2026-q3/headline.csv")!)).toBe(false);
    expect(random.get("index.html")!.equals(files.get("index.html")!)).toBe(false);
  });

  it("refuses to encrypt twice", async () => {
    const { code, output } = await run(["encrypt", "--site", site], { QUARTERDECK_PASSPHRASE: PASSPHRASE });
    expect(code).toBe(1);
    expect(output).toContain("already encrypted");
  });

  it("asks for a passphrase in the environment, long enough, before building", async () => {
    const out = join(work, "never-built");
    expect(await run(["build", "--reports", reports, "--out", out, "--encrypt"], {})).toMatchInlineSnapshot(`
      {
        "code": 2,
        "output": "error: QUARTERDECK_PASSPHRASE is not set. Put the passphrase in that environment variable (never on the command line, where shell history and logs keep it); in GitHub Actions, add it as a repository secret.",
      }
    `);
    expect(
      await run(["build", "--out", out, "--encrypt"], { QUARTERDECK_PASSPHRASE: "hunter2" }),
    ).toMatchInlineSnapshot(`
      {
        "code": 2,
        "output": "error: QUARTERDECK_PASSPHRASE is 7 characters long; use at least 12 (four or five random words make a strong one).",
      }
    `);
    expect(await readdir(work)).not.toContain("never-built");
  });
});
