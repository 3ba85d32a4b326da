/**
 * An error meant for the person running the command: printed without a stack trace, and the
 * process exits with `exitCode` (1 for bad input, 2 for bad usage). It lives outside the
 * command line so every stage (ingest, snapshot, site) can raise one without importing the CLI.
 */
export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode = 1, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "CliError";
    this.exitCode = exitCode;
  }
}
