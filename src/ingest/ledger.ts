/*
 * The ledger: for every input file, how many rows were read, used and rejected, and why.
 * Nothing is dropped silently: each rejected row and each value that could not be used is
 * recorded with its file, line and column. Only the first issues of a file are kept in
 * full; all of them are counted by reason, so a million bad rows stay readable.
 */

/** One problem with one row. */
export interface LedgerIssue {
  file: string;
  line: number;
  /** Column the problem is in, or null for the whole row. */
  column: string | null;
  problem: string;
  /**
   * "rejected": the row was not used because something is wrong with it; "skipped": it was
   * left out on purpose (deleted in the CRM); "warning": it was used without that value.
   */
  severity: "rejected" | "skipped" | "warning";
}

/** Counts for one input file. */
export interface FileLedger {
  file: string;
  /** What the file was read as (opportunities, history, …), or "ignored". */
  kind: string;
  read: number;
  used: number;
  rejected: number;
  /** Rows left out on purpose, such as records deleted in the CRM. */
  skipped: number;
  warnings: number;
  /** Issues counted by reason (the problem with its quoted values blanked out). */
  reasons: { column: string | null; reason: string; severity: LedgerIssue["severity"]; count: number }[];
}

/** The ledger in the form it is stored in a snapshot. */
export interface LedgerSummary {
  files: FileLedger[];
  issues: LedgerIssue[];
  /** Issues counted in `files` but not listed in `issues`. */
  issuesNotListed: number;
}

const ISSUES_KEPT_PER_FILE = 200;

/** Collects the ledger of one ingest run. */
export class Ledger {
  readonly #files = new Map<string, FileLedger>();
  readonly #issues: LedgerIssue[] = [];
  readonly #reasonCounts = new Map<string, Map<string, FileLedger["reasons"][number]>>();
  readonly #listedPerFile = new Map<string, number>();
  #notListed = 0;

  /** Starts (or returns) the counts of a file. */
  file(file: string, kind: string): FileLedger {
    let entry = this.#files.get(file);
    if (!entry) {
      entry = { file, kind, read: 0, used: 0, rejected: 0, skipped: 0, warnings: 0, reasons: [] };
      this.#files.set(file, entry);
      this.#reasonCounts.set(file, new Map());
    }
    return entry;
  }

  /**
   * Records a problem; a rejection also counts the row as rejected, unless `countsRow` is false
   * (a further problem of a row already counted).
   */
  report(issue: LedgerIssue, countsRow = true): void {
    const entry = this.file(issue.file, "unknown");
    if (!countsRow) {
      // Listed and counted by reason below, but the row is counted once.
    } else if (issue.severity === "rejected") entry.rejected++;
    else if (issue.severity === "skipped") entry.skipped++;
    else entry.warnings++;
    const reason = issue.problem.replace(/"[^"]*"/g, "…");
    const key = `${issue.severity}\u0000${issue.column ?? ""}\u0000${reason}`;
    const counts = this.#reasonCounts.get(issue.file)!;
    const known = counts.get(key);
    if (known) known.count++;
    else counts.set(key, { column: issue.column, reason, severity: issue.severity, count: 1 });
    const listed = this.#listedPerFile.get(issue.file) ?? 0;
    if (listed >= ISSUES_KEPT_PER_FILE) {
      this.#notListed++;
    } else {
      this.#listedPerFile.set(issue.file, listed + 1);
      this.#issues.push(issue);
    }
  }

  /** The ledger as stored in the snapshot: files in name order, issues by file and line. */
  summary(): LedgerSummary {
    const files = [...this.#files.values()]
      .map((entry) => ({
        ...entry,
        reasons: [...this.#reasonCounts.get(entry.file)!.values()].sort(
          (a, b) => b.count - a.count || a.reason.localeCompare(b.reason),
        ),
      }))
      .sort((a, b) => a.file.localeCompare(b.file));
    const issues = [...this.#issues].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    return { files, issues, issuesNotListed: this.#notListed };
  }
}
