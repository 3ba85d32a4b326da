import { asciiText, Dictionary } from "../../model/dictionary.ts";

/*
 * Reading plain values straight from a file's bytes (printable ASCII, no quotes), for the
 * readers that turn the largest files into records without making a string per value.
 * Each helper accepts only what it is sure of; anything else is left to the text readers.
 */

const SPACE = 0x20;
const DASH = 0x2d;
const ZERO = 0x30;
const POINT = 0x2e;
const QUOTE = 0x22;
const TILDE = 0x7e;

/**
 * Splits the line [start, end) at the delimiter into `count` fields: field i is
 * [starts[i], starts[i + 1] - 1). False when the line is not plain (a quote, a control
 * character, a byte beyond ASCII) or has another number of fields.
 */
export function splitFields(
  bytes: Uint8Array,
  start: number,
  end: number,
  delimiter: number,
  starts: Int32Array,
  count: number,
): boolean {
  let fields = 1;
  starts[0] = start;
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    if (b === delimiter) {
      if (fields === count) return false;
      starts[fields++] = i + 1;
    } else if (b < SPACE || b > TILDE || b === QUOTE) return false;
  }
  starts[count] = end + 1;
  return fields === count;
}

/** A value that is not empty and has no space to trim at either end. */
export function isWord(bytes: Uint8Array, start: number, end: number): boolean {
  return end > start && bytes[start] !== SPACE && bytes[end - 1] !== SPACE;
}

/**
 * The digits of a "YYYY-MM-DD" value as one number (20260701); of a "YYYY-MM-DD HH:MM:SS"
 * (or with "T") value as one number of 14 digits (20260701093000); null for anything else.
 */
function dateDigits(bytes: Uint8Array, start: number, end: number): number | null {
  const length = end - start;
  if (length !== 10 && length !== 19) return null;
  if (bytes[start + 4] !== DASH || bytes[start + 7] !== DASH) return null;
  if (length === 19) {
    const t = bytes[start + 10];
    if ((t !== SPACE && t !== 0x54) || bytes[start + 13] !== 0x3a || bytes[start + 16] !== 0x3a) return null;
  }
  let key = 0;
  for (let i = start; i < end; i++) {
    const at = i - start;
    if (at === 4 || at === 7 || at === 10 || at === 13 || at === 16) continue;
    const digit = bytes[i]! - ZERO;
    if (digit < 0 || digit > 9) return null;
    key = key * 10 + digit;
  }
  return key;
}

/**
 * A plain amount ("1200", "-35.5", at most 13 whole digits and 2 decimals) as parseMoney
 * reads it: the double nearest the decimal (already to the cent) and 0 for "-0"; null for
 * any other value.
 */
export function plainAmount(bytes: Uint8Array, start: number, end: number): number | null {
  let i = start;
  const negative = bytes[i] === DASH;
  if (negative) i++;
  let cents = 0;
  let whole = 0;
  let decimals = -1;
  for (; i < end; i++) {
    const b = bytes[i]!;
    if (b === POINT && decimals === -1) {
      decimals = 0;
      continue;
    }
    const digit = b - ZERO;
    if (digit < 0 || digit > 9) return null;
    cents = cents * 10 + digit;
    if (decimals === -1) whole++;
    else decimals++;
  }
  if (whole === 0 || whole > 13 || decimals === 0 || decimals > 2) return null;
  // An integer number of cents divided by a power of ten is the double nearest the decimal.
  const value = cents / (decimals === 2 ? 100 : decimals === 1 ? 10 : 1);
  return negative && value !== 0 ? -value : value;
}

/** Distinct values at most kept of the times, and of the days outside FIRST_YEAR … LAST_YEAR. */
const DATES_KEPT = 65_536;
/** The years whose days have a place of their own (exports' days fall within them). */
const FIRST_YEAR = 1970;
const LAST_YEAR = 2169;
/** A place for every year, month (1–12) and day of month (1–31) of those years. */
const DAY_PLACES = (LAST_YEAR - FIRST_YEAR + 1) * 12 * 31;

/**
 * "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS" (or with "T") values, each read once per distinct
 * value: `read` gets the text and is the text reader's own parse, so the result is the one it
 * would give. Tens of millions of rows look their day up by its place in an array, computed
 * from its digits, and a time by its day's place and then its time of day, rather than hashing
 * the value's digits; other years go by their digits.
 */
export class ByDate<V> {
  readonly #read: (text: string) => V;
  readonly #days: (V | undefined)[] = new Array(DAY_PLACES);
  readonly #times: (Map<number, V> | undefined)[] = new Array(DAY_PLACES);
  #timesKept = 0;
  readonly #others = new Map<number, V>();

  constructor(read: (text: string) => V) {
    this.#read = read;
  }

  /** The value of the text in bytes [start, end); undefined when it is not written as above. */
  of(bytes: Uint8Array, start: number, end: number): V | undefined {
    const length = end - start;
    if (length !== 10 && length !== 19) return undefined;
    if (bytes[start + 4] !== DASH || bytes[start + 7] !== DASH) return undefined;
    const year = digitsAt(bytes, start, 4);
    const month = digitsAt(bytes, start + 5, 2);
    const day = digitsAt(bytes, start + 8, 2);
    if (year === -1 || month === -1 || day === -1) return undefined;
    let time = -1;
    if (length === 19) {
      const t = bytes[start + 10];
      if ((t !== SPACE && t !== 0x54) || bytes[start + 13] !== 0x3a || bytes[start + 16] !== 0x3a)
        return undefined;
      const hours = digitsAt(bytes, start + 11, 2);
      const minutes = digitsAt(bytes, start + 14, 2);
      const seconds = digitsAt(bytes, start + 17, 2);
      if (hours === -1 || minutes === -1 || seconds === -1) return undefined;
      time = hours * 10_000 + minutes * 100 + seconds;
    }
    if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1 || day > 31)
      return this.#other(bytes, start, end);
    const place = ((year - FIRST_YEAR) * 12 + month - 1) * 31 + day - 1;
    if (time === -1) {
      let value = this.#days[place];
      if (value === undefined) value = this.#days[place] = this.#read(asciiText(bytes, start, end));
      return value;
    }
    let times = this.#times[place];
    if (times === undefined) times = this.#times[place] = new Map();
    let value = times.get(time);
    if (value === undefined) {
      value = this.#read(asciiText(bytes, start, end));
      // Timestamps rarely repeat: past the bound, the times read so far are let go.
      if (this.#timesKept >= DATES_KEPT) {
        this.#times.fill(undefined);
        this.#timesKept = 0;
        times = this.#times[place] = new Map();
      }
      times.set(time, value);
      this.#timesKept++;
    }
    return value;
  }

  /** A value of a year without a place, keyed by its digits (a day and a time cannot share them). */
  #other(bytes: Uint8Array, start: number, end: number): V {
    const digits = dateDigits(bytes, start, end)!;
    let value = this.#others.get(digits);
    if (value === undefined) {
      value = this.#read(asciiText(bytes, start, end));
      if (this.#others.size >= DATES_KEPT) this.#others.clear();
      this.#others.set(digits, value);
    }
    return value;
  }
}

/** The number written by `count` decimal digits at `at`, or −1 when they are not all digits. */
function digitsAt(bytes: Uint8Array, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const digit = bytes[i]! - ZERO;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

/**
 * Values of a column read once per distinct spelling (an owner, a stage, a yes/no): `read`
 * gets the text and is the text reader's own function, so the value is the one it gives.
 * For columns with few distinct values; an id would keep every row's text.
 */
export class BySpelling<V> {
  readonly #spellings = new Dictionary();
  readonly #values: V[] = [];
  readonly #read: (text: string) => V;

  constructor(read: (text: string) => V) {
    this.#read = read;
  }

  /** The value of the ASCII text in bytes [start, end). */
  of(bytes: Uint8Array, start: number, end: number): V {
    const at = this.#spellings.codeOfBytes(bytes, start, end);
    if (at === this.#values.length) this.#values.push(this.#read(this.#spellings.texts[at]!));
    return this.#values[at]!;
  }
}
