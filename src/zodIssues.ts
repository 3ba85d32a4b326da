import type { z } from "zod";

/*
 * Zod's issues turned into sentences for the person who wrote the file: where the problem is,
 * what is wrong, and what to do. Config files, interview notes and snapshots all go through
 * here, so the same mistake reads the same way wherever it is made.
 */

/** One zod issue as text. */
export interface IssueText {
  /** Dotted path of the value ("icp.idealTiers"), or "(top level)". */
  where: string;
  /** The first key of the path: the field of a flat file such as a note's front matter. */
  field: string | null;
  /** What is wrong and, where it helps, what to write instead. */
  problem: string;
}

/** What to tell the reader for the issues that depend on the kind of file. */
export interface IssueHints {
  /** Said after an unknown key (given the path of the object holding it), such as "see the README". */
  unknownKeys: string | ((path: readonly PropertyKey[]) => string);
  /** Said after a missing value, such as "add it to the front matter". */
  missing?: string;
}

/** Describes one zod issue. */
export function describeZodIssue(issue: z.core.$ZodIssue, hints: IssueHints): IssueText {
  const where = issue.path.length > 0 ? issue.path.map(String).join(".") : "(top level)";
  const field = issue.path.length > 0 ? String(issue.path[0]) : null;
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys.map((k) => `"${k}"`).join(", ");
    const hint = typeof hints.unknownKeys === "string" ? hints.unknownKeys : hints.unknownKeys(issue.path);
    const problem = `unknown ${issue.keys.length > 1 ? "keys" : "key"} ${keys}; ${hint}`;
    return { where, field: issue.keys.join(", "), problem };
  }
  if (issue.code === "invalid_type" && issue.input === undefined) {
    return {
      where,
      field,
      problem: hints.missing === undefined ? "is missing" : `is missing: ${hints.missing}`,
    };
  }
  if (issue.code === "invalid_type") return { where, field, problem: `expected ${issue.expected}` };
  const given = typeof issue.input === "string" ? `"${clip(issue.input)}" ` : "";
  return { where, field, problem: `${given}${issue.message}` };
}

/** Every issue of a failed parse as "where: problem" lines, at most `limit` of them. */
export function formatZodIssues(error: z.ZodError, hints: IssueHints, limit = 20): string[] {
  const lines = error.issues.slice(0, limit).map((issue) => {
    const { where, problem } = describeZodIssue(issue, hints);
    return `${where}: ${problem}.`;
  });
  if (error.issues.length > limit) lines.push(`… and ${error.issues.length - limit} more`);
  return lines;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
