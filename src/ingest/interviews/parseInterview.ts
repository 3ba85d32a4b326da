import { createHash } from "node:crypto";
import YAML from "yaml";
import type { z } from "zod";
import { type Interview, InterviewFrontMatterSchema, type InterviewSections } from "../../model/interview.ts";
import { describeZodIssue } from "../../zodIssues.ts";

/*
 * Parsing one note: front matter between "---" lines, then Markdown whose level-2 headings
 * are matched loosely to the four questions, and whose blockquotes are the quotes.
 */

/** A problem with a note: the line of the field (1 when unknown), the field, and what to do. */
export interface NoteProblem {
  line: number;
  field: string | null;
  problem: string;
}

/** Parses a note, or returns every problem of its front matter. */
export function parseInterview(
  file: string,
  text: string,
): { interview: Interview } | { problems: NoteProblem[] } {
  const source = text.replace(/^\uFEFF/, "").replace(/\r\n/g, "\n");
  const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(source);
  if (!match) {
    return {
      problems: [
        {
          line: 1,
          field: null,
          problem: 'has no front matter: start the note with a "---" block (see docs/interview-template.md)',
        },
      ],
    };
  }
  const [, yamlText, body] = match as unknown as [string, string, string];
  let raw: unknown;
  try {
    raw = YAML.parse(yamlText);
  } catch (error) {
    return {
      problems: [
        {
          line: 2,
          field: null,
          problem: `front matter is not valid YAML (${(error as Error).message.split("\n")[0]})`,
        },
      ],
    };
  }
  const parsed = InterviewFrontMatterSchema.safeParse(raw ?? {}, { reportInput: true });
  if (!parsed.success) return { problems: parsed.error.issues.map((issue) => describe(issue, yamlText)) };
  const front = parsed.data;
  return {
    interview: {
      file,
      slug: slugOf(file),
      opportunityId: front.opportunity ?? null,
      account: front.account ?? null,
      outcome: front.outcome,
      competitor: front.competitor ?? null,
      interviewDate: front.interview_date,
      problemRealised: front.problem_realised ?? null,
      intervieweeRole: front.interviewee_role,
      interviewer: front.interviewer ?? null,
      tags: front.tags,
      sections: splitSections(body),
      quotes: quotesOf(body),
      body: body.trim(),
    },
  };
}

function describe(issue: z.core.$ZodIssue, yamlText: string): NoteProblem {
  if (issue.code === "unrecognized_keys") {
    return {
      line: lineOf(issue.keys[0] ?? "", yamlText),
      field: issue.keys.join(", "),
      problem: "unknown field; the fields are listed in docs/interviews.md",
    };
  }
  const { field, problem } = describeZodIssue(issue, {
    unknownKeys: "the fields are listed in docs/interviews.md",
    missing: "add it to the front matter",
  });
  return { line: field === null ? 1 : lineOf(field, yamlText), field, problem };
}

/** The file line of a front-matter field (the first "---" is line 1). */
function lineOf(field: string, yamlText: string): number {
  const index = yamlText.split("\n").findIndex((l) => l.startsWith(`${field}:`));
  return index === -1 ? 1 : index + 2;
}

const HEADINGS: [keyof InterviewSections, RegExp][] = [
  ["criteria", /criteria|requirement|what mattered|evaluat/i],
  ["realisation", /reali[sz]|problem|trigger|pain/i],
  ["research", /research|found us|search|shortlist|discover/i],
  ["decision", /decision|decided|decide|chose|choice|made/i],
];

function splitSections(body: string): InterviewSections {
  const sections: InterviewSections = { realisation: null, research: null, criteria: null, decision: null };
  const parts = body.split(/^## +/m).slice(1);
  for (const part of parts) {
    const newline = part.indexOf("\n");
    const heading = newline === -1 ? part : part.slice(0, newline);
    const text = newline === -1 ? "" : part.slice(newline + 1).trim();
    const key = HEADINGS.find(([, pattern]) => pattern.test(heading))?.[0];
    if (key !== undefined && sections[key] === null) sections[key] = text;
  }
  return sections;
}

function quotesOf(body: string): string[] {
  const quotes: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0)
      quotes.push(
        current
          .join(" ")
          .trim()
          .replace(/^["“]|["”]$/g, "")
          .trim(),
      );
    current = [];
  };
  for (const line of body.split("\n")) {
    if (line.startsWith(">")) current.push(line.replace(/^>\s?/, ""));
    else flush();
  }
  flush();
  return quotes.filter((q) => q.length > 0);
}

/**
 * The URL name of a note's page, from its file name. A name with no Latin letters or digits
 * (日本語ノート.md, !!!.md) gets one from a hash of the file's path, so every note has a page;
 * readInterviews makes names that come out alike unique.
 */
export function slugOf(file: string): string {
  const slug = file
    .replace(/^.*\//, "")
    .replace(/\.md$/i, "")
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "") // accents, split off by NFKD: "é" becomes "e"
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return slug === "" ? `note-${createHash("sha256").update(file).digest("hex").slice(0, 8)}` : slug;
}
