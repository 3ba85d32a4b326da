import { isRealDay } from "../../calendar/days.ts";
import type { Day, LocalTime } from "../../model/records.ts";

/*
 * Dates as CRMs export them: ISO days, "YYYY-MM-DD HH:MM:SS", ISO with an offset
 * (Salesforce's "2024-01-22T14:26:21.000+0000"), US "M/D/YYYY" and "MM/DD/YY" with an
 * optional "08:55 PM", and European "D.M.YYYY". Timestamps without an offset are UTC; every
 * timestamp is turned into the company's local time before its day is taken.
 */

/** How dates are read: the company's time zone and the order of ambiguous day/month dates. */
export interface DateOptions {
  timeZone: string;
  dateOrder: "month-first" | "day-first";
  /** The config's `dateFormat` (DD/MM/YYYY HH:mm, …), tried before the usual forms. */
  format?: string | undefined;
}

/** Days before this year cannot be real CRM events (and spreadsheets write "no date" as 1900). */
export const EARLIEST_YEAR = 1970;

/** A parsed value, or the reason it could not be parsed. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const SLASHED =
  /^(\d{1,2})([/.])(\d{1,2})\2(\d{2}|\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

// Textual months, as Zoho, spreadsheets and BI tools write them: "15 Apr, 2021 00:02:00",
// "15-Apr-2021", "Apr 15, 2021", "April 15 2021 3:05 PM".
const TIME = String.raw`(?:[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?\s*(Z|[+-]\d{2}:?\d{2})?)?`;
const DAY_MONTH_YEAR = new RegExp(String.raw`^(\d{1,2})[ -]([a-z]{3,9})\.?,?[ -](\d{4}|\d{2})${TIME}$`, "i");
const MONTH_DAY_YEAR = new RegExp(
  String.raw`^([a-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})${TIME}$`,
  "i",
);
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** A month from its English name or three-letter abbreviation (Sept too), or 0. */
function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  const at = MONTHS.indexOf(lower.slice(0, 3));
  if (at === -1) return 0;
  const full = new Date(Date.UTC(2000, at, 1)).toLocaleString("en", { month: "long", timeZone: "UTC" });
  return lower.length === 3 || lower === "sept" || full.toLowerCase() === lower ? at + 1 : 0;
}

interface Parts {
  year: number;
  month: number;
  day: number;
  /** Time of day, when the text had one. */
  time: { hour: number; minute: number; second: number; offsetMinutes: number } | null;
}

/** Reads a date or timestamp and returns the local day it falls on. */
export function parseDay(text: string, options: DateOptions): Parsed<Day> {
  const local = parseLocalTime(text, options);
  return local.ok ? { ok: true, value: local.value.slice(0, 10) } : local;
}

/**
 * Reads a field that holds a calendar day (a close date, a due date): the day as written,
 * even when the export adds a time ("2018-10-01 00:00:00") or an offset. Only timestamps
 * move with the time zone; a day does not.
 */
export function parseCalendarDay(text: string, options: DateOptions): Parsed<Day> {
  const parts = splitDate(text.trim(), options);
  if (typeof parts === "string") return { ok: false, problem: parts };
  const { year, month, day } = parts;
  if (!isRealDay(year, month, day)) return { ok: false, problem: `"${text}" is not a real calendar day` };
  if (year < EARLIEST_YEAR) return tooEarly(text);
  return { ok: true, value: `${pad4(year)}-${pad2(month)}-${pad2(day)}` };
}

/** Reads a date or timestamp as local "YYYY-MM-DDTHH:mm:ss" (a bare day is midnight). */
export function parseLocalTime(text: string, options: DateOptions): Parsed<LocalTime> {
  const parts = splitDate(text.trim(), options);
  if (typeof parts === "string") return { ok: false, problem: parts };
  const { year, month, day, time } = parts;
  if (!isRealDay(year, month, day)) return { ok: false, problem: `"${text}" is not a real calendar day` };
  if (year < EARLIEST_YEAR) return tooEarly(text);
  if (time === null) return { ok: true, value: `${pad4(year)}-${pad2(month)}-${pad2(day)}T00:00:00` };
  if (time.hour > 23 || time.minute > 59 || time.second > 59) {
    return { ok: false, problem: `"${text}" has an impossible time of day` };
  }
  if (time.offsetMinutes === 0 && (options.timeZone === "UTC" || options.timeZone === "Etc/UTC")) {
    // Already local: no need to go through a Date (the common case of a large UTC export).
    return {
      ok: true,
      value: `${pad4(year)}-${pad2(month)}-${pad2(day)}T${pad2(time.hour)}:${pad2(time.minute)}:${pad2(time.second)}`,
    };
  }
  const utcMs =
    Date.UTC(year, month - 1, day, time.hour, time.minute, time.second) - time.offsetMinutes * 60_000;
  return { ok: true, value: toZonedLocalTime(utcMs, options.timeZone) };
}

function splitDate(text: string, options: DateOptions): Parts | string {
  const order = options.dateOrder;
  if (options.format !== undefined) {
    const configured = compileDateFormat(options.format).exec(text);
    if (configured?.groups) return partsOf(configured.groups);
  }
  const iso = ISO.exec(text);
  if (iso) {
    const [, y, m, d, hh, mm, ss, zone] = iso;
    return {
      year: Number(y),
      month: Number(m),
      day: Number(d),
      time: hh === undefined ? null : clock(Number(hh), Number(mm), Number(ss ?? 0), zone),
    };
  }
  const slashed = SLASHED.exec(text);
  if (slashed) {
    const [, a, separator, b, y, hh, mm, ss, meridiem, zone] = slashed;
    // A dotted date (31.12.2026) is always day first; a slashed one follows the config.
    const dayFirst = separator === "." || order === "day-first";
    let hour = hh === undefined ? 0 : Number(hh);
    if (meridiem) hour = (hour % 12) + (meridiem.toUpperCase() === "PM" ? 12 : 0);
    return {
      year: expandYear(y!),
      month: Number(dayFirst ? b : a),
      day: Number(dayFirst ? a : b),
      time: hh === undefined ? null : clock(hour, Number(mm), Number(ss ?? 0), zone),
    };
  }
  const textual = DAY_MONTH_YEAR.exec(text) ?? MONTH_DAY_YEAR.exec(text);
  if (textual) {
    const dayFirst = /^\d/.test(text);
    const [, a, b, y, hh, mm, ss, meridiem, zone] = textual;
    const month = monthNumber(dayFirst ? b! : a!);
    if (month > 0) {
      let hour = hh === undefined ? 0 : Number(hh);
      if (meridiem) hour = (hour % 12) + (meridiem.toUpperCase() === "PM" ? 12 : 0);
      return {
        year: expandYear(y!),
        month,
        day: Number(dayFirst ? a : b),
        time: hh === undefined ? null : clock(hour, Number(mm), Number(ss ?? 0), zone),
      };
    }
  }
  if (text === "") return "is empty";
  return (
    `"${text}" is not a date: use YYYY-MM-DD, an ISO timestamp, M/D/YYYY or 15 Apr 2021, ` +
    `or say how dates are written with "dateFormat" in quarterdeck.config.json (e.g. "DD/MM/YYYY HH:mm")`
  );
}

const TOKENS: [string, string][] = [
  ["YYYY", "(?<year>\\d{4})"],
  ["YY", "(?<year>\\d{2})"],
  ["MMMM", "(?<monthName>[a-z]{3,9})"],
  ["MMM", "(?<monthName>[a-z]{3,4})"],
  ["MM", "(?<month>\\d{2})"],
  ["M", "(?<month>\\d{1,2})"],
  ["DD", "(?<day>\\d{2})"],
  ["D", "(?<day>\\d{1,2})"],
  ["HH", "(?<hour>\\d{2})"],
  ["H", "(?<hour>\\d{1,2})"],
  ["hh", "(?<hour>\\d{2})"],
  ["h", "(?<hour>\\d{1,2})"],
  ["mm", "(?<minute>\\d{2})"],
  ["ss", "(?<second>\\d{2})"],
  ["A", "(?<meridiem>AM|PM)"],
];
const compiled = new Map<string, RegExp>();

/** A `dateFormat` such as "DD/MM/YYYY HH:mm" as a regular expression with named parts. */
function tooEarly(text: string): { ok: false; problem: string } {
  return {
    ok: false,
    problem: `"${text}" is before ${EARLIEST_YEAR}, not a day a CRM records: check the export`,
  };
}

export function compileDateFormat(format: string): RegExp {
  let pattern = compiled.get(format);
  if (pattern === undefined) {
    let source = "";
    for (let rest = format; rest.length > 0; ) {
      const token = TOKENS.find(([t]) => rest.startsWith(t));
      if (token) {
        source += token[1];
        rest = rest.slice(token[0].length);
      } else {
        source += rest[0]!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        rest = rest.slice(1);
      }
    }
    // A trailing offset is still read, so a format need not spell it.
    pattern = new RegExp(`^${source}\\s*(?<zone>Z|[+-]\\d{2}:?\\d{2})?$`, "i");
    compiled.set(format, pattern);
  }
  return pattern;
}

function partsOf(groups: Record<string, string | undefined>): Parts {
  const { year, monthName, month, day, hour, minute, second, meridiem, zone } = groups;
  let h = hour === undefined ? 0 : Number(hour);
  if (meridiem) h = (h % 12) + (meridiem.toUpperCase() === "PM" ? 12 : 0);
  return {
    year: expandYear(year!),
    month: monthName !== undefined ? monthNumber(monthName) : Number(month),
    day: Number(day),
    time: hour === undefined ? null : clock(h, Number(minute ?? 0), Number(second ?? 0), zone),
  };
}

function clock(hour: number, minute: number, second: number, zone: string | undefined) {
  return { hour, minute, second, offsetMinutes: zone === undefined ? 0 : offsetMinutes(zone) };
}

function offsetMinutes(zone: string): number {
  if (zone.toUpperCase() === "Z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

/** Two-digit years are 2000–2068 or 1969–1999, as most spreadsheet software reads them. */
function expandYear(y: string): number {
  if (y.length === 4) return Number(y);
  const n = Number(y);
  return n < 69 ? 2000 + n : 1900 + n;
}

// The offset of a zone changes a few times a year at most, so it is cached per UTC hour:
// formatting every timestamp through Intl would dominate a large ingest.
const offsetCache = new Map<string, Map<number, number>>();

function toZonedLocalTime(utcMs: number, timeZone: string): LocalTime {
  const hourKey = Math.floor(utcMs / 3_600_000);
  let zoneCache = offsetCache.get(timeZone);
  if (!zoneCache) {
    zoneCache = new Map();
    offsetCache.set(timeZone, zoneCache);
  }
  let offset = zoneCache.get(hourKey);
  if (offset === undefined) {
    offset = zoneOffsetMs(hourKey * 3_600_000, timeZone);
    zoneCache.set(hourKey, offset);
  }
  return new Date(utcMs + offset).toISOString().slice(0, 19);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function zoneOffsetMs(utcMs: number, timeZone: string): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, format);
  }
  const fields: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(utcMs))) fields[part.type] = Number(part.value);
  const asUtc = Date.UTC(
    fields.year!,
    fields.month! - 1,
    fields.day!,
    fields.hour!,
    fields.minute!,
    fields.second!,
  );
  return asUtc - utcMs;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function pad4(n: number): string {
  return String(n).padStart(4, "0");
}
