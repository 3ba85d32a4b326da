/*
 * What one measured run of a side reports to the bench, as one JSON line on stdout. Each
 * side runs in a child process of its own, so that its peak RSS is its own.
 */

/** The figures both sides must agree on: they show the same work was done. */
export interface CheckFigures {
  bookings: number;
  openPipeline: number | null;
  pipelineCreated: number | null;
}

export interface SideResult {
  /** Reading the files into memory (parse, rows, tables). */
  loadMs: number;
  /** The quarter's figures from what was loaded. */
  computeMs: number;
  totalMs: number;
  /** CPU time (user + system) of the child, all threads: less swayed than wall time by other load. */
  cpuMs: number;
  /** Peak resident set of the child process, KiB. */
  maxRssKiB: number;
  check: CheckFigures;
}

/** Writes the result line and ends the child. */
export function report(result: Omit<SideResult, "maxRssKiB" | "cpuMs">): void {
  const usage = process.resourceUsage();
  const line: SideResult = {
    ...result,
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    maxRssKiB: usage.maxRSS,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
