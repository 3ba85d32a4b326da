import type { QualityForecast } from "../metrics/qualityForecast.ts";
import { formatPercent } from "./format.ts";

/**
 * Which forecast method predicted past quarters better, in a sentence. A backtest in which
 * both methods hit every quarter exactly proves nothing (the outcome leaked into the inputs,
 * or every deal was already decided), so it is not reported as a tie.
 */
export function backtestVerdict(qf: QualityForecast): string {
  const scored = qf.backtest.filter((r) => r.actual > 0);
  if (qf.better === null || scored.length === 0)
    return "There are not yet enough past quarters with bookings to backtest the two methods.";
  if (qf.flatError === 0 && qf.qualityError === 0)
    return "Both methods matched every past quarter exactly, which says more about the data than the methods: no verdict.";
  if (qf.better === "tie")
    return `Both methods were off by ${formatPercent(qf.flatError, 1)} on average over the last ${lastQuarters(scored.length)}.`;
  const [won, lost] =
    qf.better === "quality" ? [qf.qualityError!, qf.flatError!] : [qf.flatError!, qf.qualityError!];
  return `Over the last ${lastQuarters(scored.length)} the ${qf.better === "quality" ? "quality-weighted" : "flat per-stage"} forecast was closer: off by ${formatPercent(won, 1)} on average against ${formatPercent(lost, 1)}.`;
}

/** "quarter" or "6 quarters", so that one backtested quarter does not read "last 1 quarters". */
function lastQuarters(n: number): string {
  return n === 1 ? "quarter" : `${n} quarters`;
}
