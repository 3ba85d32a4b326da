import type { Quarter } from "../calendar/fiscalCalendar.ts";
import type { Rock } from "../model/records.ts";

/** A rock with its SMART check: what is missing for it to be specific, measurable and time-bound. */
export interface CheckedRock extends Rock {
  /** Gaps, in words; empty when the rock is SMART. */
  gaps: string[];
}

/** The quarter's rocks, each checked: an owner named, a measurable with a target, due within the quarter. */
export function checkRocks(rocks: readonly Rock[], quarter: Quarter): CheckedRock[] {
  return rocks
    .filter((r) => r.quarter === quarter.id)
    .map((rock) => {
      const gaps: string[] = [];
      if (!rock.owner) gaps.push("no owner named");
      if (!rock.measurable) gaps.push("no measurable");
      if (!rock.target) gaps.push("no target");
      if (!rock.dueDate) gaps.push("no due date");
      else if (rock.dueDate < quarter.start || rock.dueDate > quarter.end)
        gaps.push("due outside the quarter");
      return { ...rock, gaps };
    });
}
