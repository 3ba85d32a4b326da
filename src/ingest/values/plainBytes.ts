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
export function dateDigits(bytes: Uint8Array, start: number, end: number): number | null {
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

/** Distinct date values at most kept: timestamps rarely repeat, days do. */
const DATES_KEPT = 65_536;

/**
 * A "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS" value read once per distinct value, keyed by its
 * digits: `read` gets the text and is the text reader's own parse, so the result is the one
 * it would give. Undefined when the value is not written so.
 */
export function byDigits<V>(
  cache: Map<number, V>,
  bytes: Uint8Array,
  start: number,
  end: number,
  read: (text: string) => V,
): V | undefined {
  // A day and a time cannot share digits: a time has six more.
  const digits = dateDigits(bytes, start, end);
  if (digits === null) return undefined;
  let value = cache.get(digits);
  if (value === undefined) {
    value = read(asciiText(bytes, start, end));
    if (cache.size >= DATES_KEPT) cache.clear();
    cache.set(digits, value);
  }
  return value;
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
