import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanUp, cli, dataFolder, deal, expectNoStack, HEADER, tempDir } from "./corpus.ts";

/*
 * Config files: code is never run from a data folder, and no pattern can hang a run.
 */

afterAll(cleanUp);

// One lost deal whose reason is a long run of "a" ending in "!": "(a+)+$" backtracks on it
// for longer than anyone would wait.
const export1 =
  [
    HEADER,
    ...Array.from({ length: 12 }, (_, i) =>
      deal(i + 1, i === 0 ? { loss_reason: `${"a".repeat(40)}!` } : {}),
    ),
  ].join("\n") + "\n";

/** A config file that, if run, leaves a file behind as proof. */
const codeConfig = (proof: string) =>
  `import { writeFileSync } from "node:fs";\nwriteFileSync(${JSON.stringify(proof)}, "ran");\nexport default { company: "Code Co" };\n`;

describe("configs with code", () => {
  it.each(["quarterdeck.config.mjs", "quarterdeck.config.ts"])(
    "a %s inside a data folder is never run, and the run says it was ignored",
    async (name) => {
      const root = await tempDir();
      const proof = join(root, "proof");
      const dir = await dataFolder({ "opportunities.csv": export1, [name]: codeConfig(proof) });
      for (const command of ["validate", "compute"]) {
        const run = await cli(
          command,
          "--data",
          dir,
          ...(command === "compute" ? ["--quarter", "2026-Q3", "--out", join(root, "r")] : []),
        );
        expect(run.code).toBe(0);
        expect(run.err).toContain(`${name}: ignored; code in a data folder is never run`);
        expect(existsSync(proof)).toBe(false);
      }
    },
  );

  it("a code config named with --config is run (the user chose it)", async () => {
    const root = await tempDir();
    const proof = join(root, "proof");
    await writeFile(join(root, "chosen.mjs"), codeConfig(proof));
    const dir = await dataFolder({ "opportunities.csv": export1 });
    const run = await cli("validate", "--data", dir, "--config", join(root, "chosen.mjs"));
    expect(run.code).toBe(0);
    expect(existsSync(proof)).toBe(true);
  });
});

describe("config values", () => {
  const withConfig = (config: string) =>
    dataFolder({ "opportunities.csv": export1, "quarterdeck.config.json": config });

  it.each([
    {
      name: 'noDecisionPattern "(a+)+$"',
      config: '{ "noDecisionPattern": "(a+)+$" }',
      says: "noDecisionPattern",
    },
    {
      name: 'noDecisionPattern "(a|aa)*$"',
      config: '{ "noDecisionPattern": "(a|aa)*$" }',
      says: "repeated choice",
    },
    {
      name: 'noDecisionPattern "(\\\\w+\\\\s?)*$"',
      config: '{ "noDecisionPattern": "(\\\\w+\\\\s?)*$" }',
      says: "repeat inside a repeat",
    },
    {
      name: "two open-ended repeats side by side",
      config: '{ "noDecisionPattern": "a*a*!" }',
      says: "2 open-ended repeats",
    },
    { name: "a backreference", config: '{ "noDecisionPattern": "(no)\\\\1" }', says: "backreference" },
    {
      name: "a persona pattern that nests repeats",
      config: '{ "personas": { "titlePatterns": { "Champion": "(x+x+)+y" } } }',
      says: "personas.titlePatterns.Champion",
    },
    {
      name: "a pattern that does not compile",
      config: '{ "noDecisionPattern": "(" }',
      says: "not a valid regular expression",
    },
    { name: "JSON that does not parse", config: '{ "company": ', says: "not valid JSON" },
    { name: "a threshold out of range", config: '{ "rejectThreshold": 7 }', says: "rejectThreshold" },
  ])("$name: validate and compute refuse it with the file and field, quickly", async ({ config, says }) => {
    const dir = await withConfig(config);
    const started = performance.now();
    const checked = await cli("validate", "--data", dir);
    const computed = await cli("compute", "--data", dir, "--quarter", "2026-Q3", "--out", await tempDir());
    expect(performance.now() - started).toBeLessThan(5_000);
    for (const run of [checked, computed]) {
      expect(run.code).toBe(1);
      expect(run.err).toContain("quarterdeck.config.json");
      expect(run.err).toContain(says);
      expectNoStack(run.err);
    }
  });

  it("a byte-order mark before the config JSON is accepted", async () => {
    const dir = await withConfig('\uFEFF{ "company": "Marked Co" }');
    const reports = await tempDir();
    const run = await cli("compute", "--data", dir, "--quarter", "2026-Q3", "--out", reports);
    expect(run.code).toBe(0);
  });

  it("a config path that is a folder says so without a stack trace", async () => {
    const dir = await withConfig("{}");
    const run = await cli("validate", "--data", dir, "--config", dir);
    expect(run.code).not.toBe(0);
    expect(run.err).toContain(dir);
    expectNoStack(run.err);
  });
});
