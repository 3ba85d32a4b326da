/*
 * User patterns (noDecisionPattern, persona title patterns) run against every row of an
 * export. JavaScript's regular expressions backtrack, so a pattern such as "(a+)+$" can take
 * longer than the age of the universe on a short loss reason. Rather than run patterns under a
 * timer, the shapes that backtrack without bound are refused when the config is read, with a
 * sentence saying how to write the pattern instead: a repeat of a group that itself repeats
 * or offers alternatives, and backreferences. What is left runs in time linear in the text
 * for the patterns a loss reason or job title needs; texts are also capped in length where
 * they are matched (PATTERN_TEXT_LIMIT).
 */

/** Longest text a user pattern is ever run against; longer text is matched by its start. */
export const PATTERN_TEXT_LIMIT = 500;

/** Why a pattern is refused, or null when it is safe to run. */
export function unsafePatternReason(source: string): string | null {
  if (/\\[1-9]|\\k</.test(stripClasses(source)))
    return "uses a backreference (\\1, \\k<name>), which can make matching take without bound; match the text without it";
  // One frame per open group: whether it holds a repeat or an alternative so far.
  const stack: { repeats: boolean; alternates: boolean }[] = [{ repeats: false, alternates: false }];
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === "\\") {
      i++;
      continue;
    }
    if (c === "[") {
      i = endOfClass(source, i);
      continue;
    }
    if (c === "(") {
      stack.push({ repeats: false, alternates: false });
      continue;
    }
    if (c === "|") {
      stack.at(-1)!.alternates = true;
      continue;
    }
    if (c === ")" && stack.length > 1) {
      const group = stack.pop()!;
      const next = quantifierAt(source, i + 1);
      if (next?.unbounded && (group.repeats || group.alternates)) {
        const inner = group.repeats ? "a repeat inside a repeat" : "a repeated choice of alternatives";
        return `nests ${inner} ("(a+)+", "(a|ab)*"), which can make matching take without bound; write the group without the outer repeat, such as "a+" or "(a|ab)"`;
      }
      if (group.repeats || next?.unbounded) stack.at(-1)!.repeats = true;
      if (next !== null) i = next.end - 1;
      continue;
    }
    const q = quantifierAt(source, i);
    if (q !== null) {
      if (q.unbounded) stack.at(-1)!.repeats = true;
      i = q.end - 1;
    }
  }
  return null;
}

/** The quantifier starting at `at`, with whether it repeats more than a fixed few times. */
function quantifierAt(source: string, at: number): { unbounded: boolean; end: number } | null {
  const c = source[at];
  let end: number;
  let unbounded: boolean;
  if (c === "*" || c === "+") {
    end = at + 1;
    unbounded = true;
  } else if (c === "?") {
    end = at + 1;
    unbounded = false;
  } else if (c === "{") {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(at));
    if (!m) return null;
    end = at + m[0].length;
    unbounded = m[2] !== undefined && (m[3] === "" || Number(m[3]) > 1);
  } else return null;
  if (source[end] === "?" || source[end] === "+") end++; // lazy or possessive marker
  return { unbounded, end };
}

function endOfClass(source: string, at: number): number {
  for (let i = at + 1; i < source.length; i++) {
    if (source[i] === "\\") i++;
    else if (source[i] === "]" && i > at + 1) return i;
  }
  return source.length;
}

function stripClasses(source: string): string {
  return source.replace(/\[(?:\\.|[^\]\\])*\]/g, "[]");
}
