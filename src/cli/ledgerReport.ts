import type { IngestResult } from "../ingest/ingestFolder.ts";

/** Lines describing an ingest: one per file, then the problems, grouped when a reason repeats. */
export function formatLedger(ingest: IngestResult, maxListed = 20): string[] {
  const lines = [`format: ${ingest.formatLabel}`];
  for (const f of ingest.ledger.files) {
    if (f.kind === "ignored") {
      lines.push(`ignore ${f.file}`);
      continue;
    }
    if (f.read === 0 && f.rejected === 0) continue;
    const extra = [
      f.rejected > 0 ? `${f.rejected} rejected` : "",
      f.warnings > 0 ? `${f.warnings} warnings` : "",
    ]
      .filter(Boolean)
      .join(", ");
    lines.push(`ingest ${f.file} → ${f.used} of ${f.read} rows used${extra ? `, ${extra}` : ""}`);
  }
  const issues = ingest.ledger.issues;
  if (issues.length > 0) {
    lines.push("", "problems:");
    for (const issue of issues.slice(0, maxListed)) {
      const column = issue.column === null ? "" : ` ${issue.column}:`;
      const effect =
        issue.severity === "rejected"
          ? " (row rejected)"
          : issue.severity === "skipped"
            ? " (row left out)"
            : "";
      lines.push(`  ${issue.file}:${issue.line}:${column} ${issue.problem}${effect}`);
    }
    const more = issues.length - maxListed + ingest.ledger.issuesNotListed;
    if (more > 0) {
      lines.push(`  … and ${more} more; by reason:`);
      for (const f of ingest.ledger.files) {
        for (const r of f.reasons)
          lines.push(`    ${f.file}: ${r.count} × ${r.column ?? "row"}: ${r.reason}`);
      }
    }
  }
  return lines;
}
