import { parseArgs } from "node:util";
import { type Effects, terminalEffects } from "./effects.ts";
import { CliError } from "./errors.ts";
import { describeSystemError } from "./systemErrors.ts";

const USAGE = `usage:
  quarterdeck compute --data DIR --quarter YYYY-Qn [--config FILE] [--out REPORTS_DIR] [--reissue "why"]
  quarterdeck validate --data DIR [--config FILE]
  quarterdeck init --data DIR [--out FILE]
  quarterdeck build [--reports DIR] [--out DIR] [--encrypt]
  quarterdeck encrypt [--site DIR]
  quarterdeck pdf [--reports DIR] [--site DIR] [--quarter YYYY-Qn] [--out FILE] [--paper A4|Letter]
options:
  --encrypt encrypt the built site with the passphrase in QUARTERDECK_PASSPHRASE
  --debug   show stack traces of unexpected errors`;

type Command = (args: string[], effects: Effects) => Promise<number>;

// Each command loads its own modules, so `build` does not pay for ingest and the reverse.

const COMMANDS: Record<string, Command> = {
  async compute(args, effects) {
    const { values } = parse(args, { data: true, quarter: true, config: false, out: false, reissue: false });
    const { compute } = await import("./compute.ts");
    return compute(
      {
        data: values.data!,
        quarter: values.quarter!,
        config: values.config,
        out: values.out,
        reissue: values.reissue,
      },
      effects,
    );
  },
  async build(args, effects) {
    const { values } = parse(args, { reports: false, out: false, encrypt: "flag" });
    const { buildSite } = await import("./build.ts");
    return buildSite({ reports: values.reports, out: values.out, encrypt: values.encrypt === true }, effects);
  },
  async encrypt(args, effects) {
    const { values } = parse(args, { site: false });
    const { encryptSite } = await import("./encryptSite.ts");
    return encryptSite({ site: values.site ?? "dist" }, effects);
  },
  async pdf(args, effects) {
    const { values } = parse(args, { reports: false, site: false, quarter: false, out: false, paper: false });
    const { printPdf } = await import("./pdf.ts");
    return printPdf(values, effects);
  },
  async init(args, effects) {
    const { values } = parse(args, { data: true, out: false });
    const { init } = await import("./init.ts");
    return init({ data: values.data!, out: values.out }, effects);
  },
  async validate(args, effects) {
    const { values } = parse(args, { data: true, config: false });
    const { validate } = await import("./validate.ts");
    return validate({ data: values.data!, config: values.config }, effects);
  },
};

/** Runs the command line and returns the exit code; errors meant for the user carry their own. */
export async function main(argv: string[], effects: Effects = terminalEffects()): Promise<number> {
  const debug = argv.includes("--debug");
  const args = argv.filter((a) => a !== "--debug");
  const [name, ...rest] = args;
  try {
    if (name === undefined || name === "--help" || name === "help") {
      effects.info(USAGE);
      return name === undefined ? 2 : 0;
    }
    const command = COMMANDS[name];
    if (!command) throw new CliError(`unknown command "${name}".\n${USAGE}`, 2);
    return await command(rest, effects);
  } catch (error) {
    if (error instanceof CliError) {
      effects.warn(`error: ${error.message}`);
      if (debug && error.cause instanceof Error) effects.warn(String(error.cause.stack));
      return error.exitCode;
    }
    const system = describeSystemError(error);
    if (system !== null) {
      effects.warn(`error: ${system}`);
      if (debug) effects.warn(String((error as Error).stack));
      return 1;
    }
    effects.warn(
      debug
        ? String((error as Error).stack)
        : `error: ${(error as Error).message} (run with --debug for details)`,
    );
    return 1;
  }
}

/** Parses options (true: required, "flag": a switch), failing with a usage error on unknown or missing ones. */
function parse<S extends Record<string, boolean | "flag">>(args: string[], spec: S) {
  const options = Object.fromEntries(
    Object.entries(spec).map(([k, v]) => [
      k,
      { type: v === "flag" ? ("boolean" as const) : ("string" as const) },
    ]),
  );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args, options, allowPositionals: false, strict: true });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n${USAGE}`, 2);
  }
  for (const [key, required] of Object.entries(spec)) {
    if (required === true && parsed.values[key] === undefined)
      throw new CliError(`--${key} is required.\n${USAGE}`, 2);
  }
  return parsed as unknown as { values: { [K in keyof S]?: S[K] extends "flag" ? boolean : string } };
}
