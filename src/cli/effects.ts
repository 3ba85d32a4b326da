/** Where a command's output goes; tests pass their own to stay silent and inspect it. */
export interface Effects {
  /** One line of normal output (stdout). */
  info(line: string): void;
  /** Warnings and errors (stderr). */
  warn(line: string): void;
  /** Transient progress, shown only on an interactive terminal. */
  progress(line: string): void;
  /** Environment variables the command may read (SOURCE_DATE_EPOCH, …). */
  env: Record<string, string | undefined>;
}

/** The real terminal. Progress is shown only on a TTY outside CI, so logs stay quiet. */
export function terminalEffects(): Effects {
  const interactive = process.stderr.isTTY === true && !process.env.CI;
  return {
    info: (line) => process.stdout.write(`${line}\n`),
    warn: (line) => process.stderr.write(`${line}\n`),
    progress: interactive ? (line) => process.stderr.write(`\r\x1b[2K${line}`) : () => {},
    env: process.env,
  };
}
