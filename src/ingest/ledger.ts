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

/** Everything a ledger holds of one file, as plain data (to carry a file read in a worker thread). */
export interface FileLedgerState {
  counts: FileLedger;
  reasons: FileLedger["reasons"];
  issues: LedgerIssue[];
  notListed: number;
}

/** Collects the ledger of one ingest run. */
export class Ledger {
  readonly #files = new Map<string, FileLedger>();
  readonly #issues: LedgerIssue[] = [];
  readonly #reasonCounts = new Map<string, Map<string, FileLedger["reasons"][number]>>();
  readonly #listedPerFile = new Map<string, number>();
  #notListed = 0;
  readonly #notListedIn = new Map<string, number>();

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
    const key = reasonKey(issue.severity, issue.column, reason);
    const counts = this.#reasonCounts.get(issue.file)!;
    const known = counts.get(key);
    if (known) known.count++;
    else counts.set(key, { column: issue.column, reason, severity: issue.severity, count: 1 });
    const listed = this.#listedPerFile.get(issue.file) ?? 0;
    if (listed >= ISSUES_KEPT_PER_FILE) {
      this.#notListed++;
      this.#notListedIn.set(issue.file, (this.#notListedIn.get(issue.file) ?? 0) + 1);
    } else {
      this.#listedPerFile.set(issue.file, listed + 1);
      this.#issues.push(issue);
    }
  }

  /** What the ledger holds of one file, to be taken over whole by another ledger. */
  fileState(file: string): FileLedgerState {
    const counts = this.file(file, "unknown");
    return {
      counts: { ...counts, reasons: [] },
      reasons: [...this.#reasonCounts.get(file)!.values()],
      issues: this.#issues.filter((issue) => issue.file === file),
      notListed: this.#notListedIn.get(file) ?? 0,
    };
  }

  /** Takes over a file read by another ledger (in a worker thread), as if it had been read here. */
  absorb(state: FileLedgerState): void {
    const file = state.counts.file;
    this.#files.set(file, { ...state.counts, reasons: [] });
    this.#reasonCounts.set(
      file,
      new Map(state.reasons.map((r) => [reasonKey(r.severity, r.column, r.reason), r])),
    );
    this.#issues.push(...state.issues);
    this.#listedPerFile.set(file, state.issues.length);
    this.#notListedIn.set(file, state.notListed);
    this.#notListed += state.notListed;
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

function reasonKey(severity: LedgerIssue["severity"], column: string | null, reason: string): string {
  return `${severity}\u0000${column ?? ""}\u0000${reason}`;
}
