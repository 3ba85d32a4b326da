/*
 * User patterns (noDecisionPattern, persona title patterns) run against every row of an
 * export. JavaScript's regular expressions backtrack, so a pattern such as "(a+)+$" can take
 * longer than the age of the universe on a short loss reason. Rather than run patterns under a
 * timer, the shapes that backtrack without bound are refused when the config is read, with a
 * sentence saying how to write the pattern instead: a repeat of a group that itself repeats
 * or offers alternatives, backreferences, and more than one open-ended repeat. What is left
 * takes at worst time growing with the square of the text's length, and texts are capped in
 * length where they are matched (PATTERN_TEXT_LIMIT), so no match takes more than moments.
 */

/** Longest text a user pattern is ever run against; longer text is matched by its start. */
export const PATTERN_TEXT_LIMIT = 500;

/** Why a pattern is refused, or null when it is safe to run. */
export function unsafePatternReason(source: string): string | null {
  if (/\\[1-9]|\\k</.test(stripClasses(source)))
    return "uses a backreference (\\1, \\k<name>), which can make matching take without bound; match the text without it";
  // One frame per open group: whether it holds a repeat or an alternative so far.
  const stack: { repeats: boolean; alternates: boolean }[] = [{ repeats: false, alternates: false }];
  let openEnded = 0;
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
      if (next?.unbounded) openEnded++;
      if (group.repeats || next?.unbounded) stack.at(-1)!.repeats = true;
      if (next !== null) i = next.end - 1;
      continue;
    }
    const q = quantifierAt(source, i);
    if (q !== null) {
      if (q.unbounded) {
        stack.at(-1)!.repeats = true;
        openEnded++;
      }
      i = q.end - 1;
    }
  }
  // Two open-ended repeats side by side ("a*a*b") already take time growing with the cube of
  // the text's length, since a pattern is tried from every position of the text.
  if (openEnded > 1) {
    return `has ${openEnded} open-ended repeats (*, +, {n,}); one is allowed, as more can make matching take very long. A pattern is found anywhere in the text, so a leading or trailing ".*" is not needed`;
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
