import type { ProgressReporter } from "../ingest/dataFolder.ts";
import type { Effects } from "./effects.ts";

/** Shows rows read per file as they stream in; a finished file clears the line. */
export function progressReporter(effects: Effects): ProgressReporter {
  return (file, rows, done) => {
    effects.progress(done ? "" : `reading ${file}: ${rows.toLocaleString("en-US")} rows`);
  };
}
