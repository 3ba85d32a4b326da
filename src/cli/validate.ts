import type { Effects } from "./effects.ts";
import { ingestData } from "./ingestData.ts";

/** `quarterdeck validate`: check a data folder's inputs and print the ledger; writes nothing. */
export async function validate(
  options: { data: string; config?: string | undefined },
  effects: Effects,
): Promise<number> {
  const { ingest } = await ingestData(options, effects, 200);
  const rejected = ingest.ledger.files.reduce((n, f) => n + f.rejected, 0);
  const leftOut = ingest.ledger.files.filter((f) => f.kind.endsWith("(not used)"));
  const inLeftOut = leftOut.reduce((n, f) => n + f.read, 0);
  const why =
    leftOut.length > 0
      ? ` (${inLeftOut} of them in files left out: ${leftOut.map((f) => f.file).join(", ")})`
      : "";
  effects.info(`\n${rejected} rows rejected${why}; data as of ${ingest.records.asOf}.`);
  return ingest.overThreshold.length > 0 ? 1 : 0;
}
