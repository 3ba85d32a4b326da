import type { Day, ForecastCategory, LocalTime } from "../model/records.ts";
import type { Row } from "./readTable.ts";
import { type DateOptions, type Parsed, parseCalendarDay, parseDay, parseLocalTime } from "./values/dates.ts";
import { parseForecastCategory } from "./values/forecastCategory.ts";
import { type DecimalSeparator, type MoneyValue, parseMoney } from "./values/money.ts";
import { Interner, parseBoolean, parseProbability } from "./values/scalars.ts";

/*
 * Reading typed cells out of a row. A `required…` reader rejects the row when the cell is
 * empty or unusable and returns undefined; an `optional…` reader returns null for an empty
 * cell and, for an unusable one, warns and returns null so the row is still used.
 */

/** What cell readers need to know: how dates and amounts are written, and a shared string interner. */
export interface CellContext {
  dates: DateOptions;
  decimal: DecimalSeparator;
  interner: Interner;
  /** Days already read: a large export repeats the same few thousand dates millions of times. */
  days: Map<string, Parsed<Day>>;
  /** Days of timestamps already read, which (unlike calendar days) depend on the time zone. */
  stampDays: Map<string, Parsed<Day>>;
  /** Timestamps already read as local time (history rows repeat the moments of bulk changes). */
  localTimes: Map<string, Parsed<LocalTime>>;
  /** Latest plausible day (the export's date plus ten years), once known; later days are refused. */
  latestDay: Day | null;
  /** Latest day read so far, to tell whether any day passed the bound. */
  maxDay: Day;
}

/** A new cell context. */
export function cellContext(
  dates: DateOptions,
  decimal: DecimalSeparator = ".",
  latestDay: Day | null = null,
): CellContext {
  return {
    dates,
    decimal,
    interner: new Interner(),
    days: new Map(),
    stampDays: new Map(),
    localTimes: new Map(),
    latestDay,
    maxDay: "0000-01-01",
  };
}

/** A parsed day or timestamp checked against the latest plausible day (and noted as the latest seen). */
export function bounded<T extends string>(parsed: Parsed<T>, context: CellContext): Parsed<T> {
  if (!parsed.ok) return parsed;
  const day = parsed.value.slice(0, 10);
  if (day > context.maxDay) context.maxDay = day;
  if (context.latestDay !== null && day > context.latestDay) {
    return {
      ok: false,
      problem: `${day} is more than ten years after the export's date: not a plausible day, check the export`,
    };
  }
  return parsed;
}

const DAY_CACHE_LIMIT = 65_536;

function dayOf(text: string, context: CellContext): Parsed<Day> {
  return bounded(
    cached(context.days, text, () => parseCalendarDay(text, context.dates)),
    context,
  );
}

function stampDayOf(text: string, context: CellContext): Parsed<Day> {
  return bounded(
    cached(context.stampDays, text, () => parseDay(text, context.dates)),
    context,
  );
}

function cached<T extends string>(
  cache: Map<string, Parsed<T>>,
  text: string,
  parse: () => Parsed<T>,
): Parsed<T> {
  let parsed = cache.get(text);
  if (parsed === undefined) {
    parsed = parse();
    // Timestamps rarely repeat: keep the cache bounded rather than let it hold them all.
    if (cache.size >= DAY_CACHE_LIMIT) cache.clear();
    cache.set(text, parsed);
  }
  return parsed;
}

/** A non-empty text cell, interned (for columns with few distinct values). */
export function requiredText(row: Row, key: string, context: CellContext): string | undefined {
  const text = row.get(key);
  if (text === "") return row.reject(key, "is empty");
  return context.interner.intern(text);
}

/** A text cell or null when empty, interned. */
export function optionalText(row: Row, key: string, context: CellContext): string | null {
  const text = row.get(key);
  return text === "" ? null : context.interner.intern(text);
}

/** A text cell that is unique per row (an id): not interned. */
export function requiredId(row: Row, key: string): string | undefined {
  const text = row.get(key);
  return text === "" ? row.reject(key, "is empty") : text;
}

/** An id cell or null when empty. */
export function optionalId(row: Row, key: string): string | null {
  const text = row.get(key);
  return text === "" ? null : text;
}

/** A calendar day (close date, due date) that must be there: the day as written, whatever the time zone. */
export function requiredDay(row: Row, key: string, context: CellContext): Day | undefined {
  return required(row, key, dayOf(row.get(key), context));
}

/** A calendar day, or null when empty or unusable. */
export function optionalDay(row: Row, key: string, context: CellContext): Day | null {
  const text = row.get(key);
  return text === "" ? null : optional(row, key, dayOf(text, context));
}

/** The local day of a timestamp (created, activity time) that must be there: moved into the company's time zone. */
export function requiredTimestampDay(row: Row, key: string, context: CellContext): Day | undefined {
  return required(row, key, stampDayOf(row.get(key), context));
}

/** The local day of a timestamp, or null when empty or unusable. */
export function optionalTimestampDay(row: Row, key: string, context: CellContext): Day | null {
  const text = row.get(key);
  return text === "" ? null : optional(row, key, stampDayOf(text, context));
}

/** A timestamp that must be there, as local time. */
export function requiredLocalTime(row: Row, key: string, context: CellContext): LocalTime | undefined {
  const text = row.get(key);
  return required(
    row,
    key,
    bounded(
      cached(context.localTimes, text, () => parseLocalTime(text, context.dates)),
      context,
    ),
  );
}

/** An amount of money that must be there. */
export function requiredMoney(row: Row, key: string, context: CellContext): MoneyValue | undefined {
  return required(row, key, parseMoney(row.get(key), context.decimal));
}

/** An amount of money, or null when empty or unusable. */
export function optionalMoney(row: Row, key: string, context: CellContext): MoneyValue | null {
  const text = row.get(key);
  return text === "" ? null : optional(row, key, parseMoney(text, context.decimal));
}

/** A yes/no cell that decides what the row means: unusable values reject the row. */
export function requiredBoolean(row: Row, key: string): boolean | undefined {
  return required(row, key, parseBoolean(row.get(key)));
}

/** A yes/no cell; empty or unusable is false (unusable with a warning). */
export function optionalBoolean(row: Row, key: string): boolean {
  return optional(row, key, parseBoolean(row.get(key))) ?? false;
}

/** A probability as a fraction 0..1, or null. */
export function optionalProbability(row: Row, key: string): number | null {
  const text = row.get(key);
  return text === "" ? null : optional(row, key, parseProbability(text));
}

/** A forecast category, or null when empty or unknown (unknown with a warning). */
export function optionalForecastCategory(row: Row, key: string): ForecastCategory | null {
  const text = row.get(key);
  return text === "" ? null : optional(row, key, parseForecastCategory(text));
}

/** The value of a parse the row needs, or undefined after rejecting the row. */
export function required<T>(row: Row, key: string, parsed: Parsed<T>): T | undefined {
  return parsed.ok ? parsed.value : row.reject(key, parsed.problem);
}

/** The value of a parse the row can do without, or null after a warning. */
export function optional<T>(row: Row, key: string, parsed: Parsed<T>): T | null {
  if (parsed.ok) return parsed.value;
  row.warn(key, `${parsed.problem}; the row is used without it`);
  return null;
}
