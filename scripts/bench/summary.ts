import type { CheckFigures, SideResult } from "./side.ts";

/** Smallest, middle and largest of a list (the mean of the two middle ones for an even count). */
export function spread(values: readonly number[]): { min: number; median: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median =
    sorted.length % 2 === 1 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { min: sorted[0]!, median, max: sorted.at(-1)! };
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
export const mebibytes = (kib: number) => `${Math.round(kib / 1024)} MiB`;

/** One run as a table line. */
export function runLine(label: string, r: SideResult): string {
  return [
    label.padEnd(16),
    seconds(r.loadMs).padStart(9),
    seconds(r.computeMs).padStart(9),
    seconds(r.totalMs).padStart(9),
    seconds(r.cpuMs).padStart(9),
    mebibytes(r.maxRssKiB).padStart(9),
  ].join(" ");
}

export const RUN_HEADER = `${"run".padEnd(16)} ${"load".padStart(9)} ${"compute".padStart(9)} ${"total".padStart(9)} ${"cpu".padStart(9)} ${"peak RSS".padStart(9)}`;

/** The check figures as one line. */
export function checkLine(check: CheckFigures): string {
  return `bookings ${check.bookings}, open pipeline ${check.openPipeline}, pipeline created ${check.pipelineCreated}`;
}

/** min / median / max of one measure, formatted. */
export function spreadLine(label: string, values: readonly number[], format: (n: number) => string): string {
  const { min, median, max } = spread(values);
  return `${label.padEnd(28)} min ${format(min)}  median ${format(median)}  max ${format(max)}`;
}
