/**
 * An error meant for the person running the command: printed without a stack trace, and the
 * process exits with `exitCode` (1 for bad input, 2 for bad usage).
 */
export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = "CliError";
    this.exitCode = exitCode;
  }
}
