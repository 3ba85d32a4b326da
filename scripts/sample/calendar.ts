import { addDays, daysBetween } from "../../src/calendar/days.ts";

/** The quarters the sample company has history for, oldest first: 2024-Q1 to 2026-Q3. */
export const QUARTERS = Array.from({ length: 11 }, (_, i) => `${2024 + Math.floor(i / 4)}-Q${(i % 4) + 1}`);

/** The day the export was taken. */
export const AS_OF = "2026-10-02";

/** First and last day of a calendar quarter "YYYY-Qn". */
export function quarterBounds(id: string): { start: string; end: string } {
  const year = Number(id.slice(0, 4));
  const q = Number(id.slice(6));
  const start = `${year}-${String((q - 1) * 3 + 1).padStart(2, "0")}-01`;
  const nextStart = q === 4 ? `${year + 1}-01-01` : `${year}-${String(q * 3 + 1).padStart(2, "0")}-01`;
  return { start, end: addDays(nextStart, -1) };
}

/** The calendar quarter a day falls in. */
export function quarterOf(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/** A UTC timestamp "YYYY-MM-DD HH:MM:SS" during US office hours of a day. */
export function officeTime(day: string, minuteOfDay: number): string {
  const minutes = 13 * 60 + (minuteOfDay % (9 * 60)); // 13:00–22:00 UTC
  const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
  const mm = String(minutes % 60).padStart(2, "0");
  return `${day} ${hh}:${mm}:00`;
}

export { addDays, daysBetween };
