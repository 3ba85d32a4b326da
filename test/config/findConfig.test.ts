import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { describeConfig, loadConfig, parseConfig } from "../../src/config/loadConfig.ts";
import { CliError } from "../../src/errors.ts";

// The messages are what a user reads when their config is wrong: the inline snapshots hold
// their exact text, so a change to any of them shows up here as a diff to review.

let dir: string;
let data: string;
let cwd: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "quarterdeck-config-"));
  data = join(dir, "data");
  cwd = join(dir, "work");
  await mkdir(data);
  await mkdir(cwd);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The message of the CliError a promise rejects with, and its exit code. */
async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => {
      throw new Error("expected the config to be refused");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CliError);
  return { message: (error as CliError).message, exitCode: (error as CliError).exitCode };
}

describe("finding the config", () => {
  it("uses the defaults when there is none, and says so", async () => {
    const loaded = await loadConfig(undefined, { dataDirs: [data], projectDir: cwd });
    expect(loaded.path).toBeNull();
    expect(loaded.config).toMatchObject({
      company: "Your company",
      currency: "USD",
      fiscalYearStartMonth: 1,
      fiscalYearNamedBy: "end",
      timeZone: "UTC",
      rejectThreshold: 0.05,
    });
    expect(describeConfig(loaded)).toMatchInlineSnapshot(
      `"config: no quarterdeck.config.json found in the data folder or the working directory: using the defaults (company "Your company", currency USD)"`,
    );
  });

  it("prefers the data folder's config to the working directory's", async () => {
    await writeFile(join(data, "quarterdeck.config.json"), '{ "company": "In the data" }');
    await writeFile(join(cwd, "quarterdeck.config.json"), '{ "company": "In the working directory" }');
    const loaded = await loadConfig(undefined, { dataDirs: [data], projectDir: cwd });
    expect(loaded.path).toBe(join(data, "quarterdeck.config.json"));
    expect(loaded.config.company).toBe("In the data");
    expect(describeConfig(loaded)).toBe(
      `config: ${join(data, "quarterdeck.config.json")} (company "In the data", currency USD)`,
    );
  });

  it("falls back to the working directory, and reads a .mjs config's default export", async () => {
    await writeFile(join(cwd, "quarterdeck.config.mjs"), 'export default { company: "From a module" };');
    const loaded = await loadConfig(undefined, { dataDirs: [data], projectDir: cwd });
    expect(loaded.config.company).toBe("From a module");
  });

  it("fingerprints the file read, so the snapshot says which config made it", async () => {
    // SHA-256 of the 2 bytes "{}", as `printf '{}' | sha256sum` gives it.
    await writeFile(join(data, "quarterdeck.config.json"), "{}");
    const loaded = await loadConfig(undefined, { dataDirs: [data], projectDir: cwd });
    expect(loaded.sha256).toBe("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
  });
});

describe("config mistakes, told field by field", () => {
  it("an explicit --config that does not exist is a usage error", async () => {
    const { message, exitCode } = await failure(
      loadConfig(join(dir, "nope.json"), { dataDirs: [data], projectDir: cwd }),
    );
    expect(exitCode).toBe(2);
    expect(message).toBe(`${join(dir, "nope.json")}: no such config file.`);
  });

  it("a file that is not JSON", async () => {
    await writeFile(join(data, "quarterdeck.config.json"), '{ "company": "Acme", }');
    const { message, exitCode } = await failure(loadConfig(undefined, { dataDirs: [data], projectDir: cwd }));
    expect(exitCode).toBe(1);
    expect(message).toMatch(/^quarterdeck\.config\.json: is not valid JSON \(.+\)\.$/);
  });

  it("a module without a default export", async () => {
    await writeFile(join(cwd, "quarterdeck.config.mjs"), 'export const company = "Acme";');
    const { message } = await failure(loadConfig(undefined, { dataDirs: [data], projectDir: cwd }));
    expect(message).toMatchInlineSnapshot(
      `"quarterdeck.config.mjs: must export the config as its default export."`,
    );
  });

  it("every wrong field at once, each with what to write instead", () => {
    const raw = {
      company: "",
      currency: "usd",
      fiscalYearStartMonth: 13,
      fiscalYearNamedBy: "middle",
      timeZone: "Mars/Olympus",
      noDecisionPattern: "(unclosed",
      rejectThreshold: "5%",
      colour: "red",
      icp: { minEmployees: -1 },
    };
    expect(() => parseConfig(raw, "quarterdeck.config.json")).toThrowErrorMatchingInlineSnapshot(`
      [CliError: quarterdeck.config.json: the config has 9 problems:
        company: Too small: expected string to have >=1 characters.
        currency: must be a three-letter ISO currency code such as USD.
        fiscalYearStartMonth: Too big: expected number to be <=12.
        fiscalYearNamedBy: Invalid option: expected one of "start"|"end".
        timeZone: is not an IANA time zone such as Europe/Paris or UTC.
        noDecisionPattern: is not a valid regular expression.
        rejectThreshold: is missing.
        icp.minEmployees: Too small: expected number to be >=0.
        (top level): unknown key "colour"; the valid keys are company, currency, fiscalYearStartMonth, fiscalYearNamedBy, timeZone, dateOrder, dateFormat, decimalSeparator, noDecisionPattern, rejectThreshold, rates, icp, personas, voiceOfCustomer, hubspot, format, files, columns, outcomes.]
    `);
  });

  it("a config that is not an object at all", () => {
    expect(() => parseConfig(["company"], "quarterdeck.config.json")).toThrowErrorMatchingInlineSnapshot(`
      [CliError: quarterdeck.config.json: the config has 1 problem:
        (top level): is missing.]
    `);
  });
});
