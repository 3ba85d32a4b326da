import type { Parsed } from "./dates.ts";
import { type DecimalSeparator, exactInDouble, readDecimal, tooManyDigits } from "./money.ts";

/** Reads a yes/no cell: true/false, 1/0, yes/no, y/n, x; empty is false. */
export function parseBoolean(text: string): Parsed<boolean> {
  const value = text.trim().toLowerCase();
  if (value === "" || value === "false" || value === "0" || value === "no" || value === "n") {
    return { ok: true, value: false };
  }
  if (value === "true" || value === "1" || value === "yes" || value === "y" || value === "x") {
    return { ok: true, value: true };
  }
  return { ok: false, problem: `"${text}" is not a yes/no value: use true or false` };
}

/** Reads a probability written as a percentage (0–100, "75%") or a fraction (0–1). */
export function parseProbability(text: string): Parsed<number> {
  const value = text.trim().replace(/%$/, "");
  const n = Number(value);
  if (value === "" || !Number.isFinite(n) || n < 0 || n > 100) {
    return { ok: false, problem: `"${text}" is not a probability: use 0 to 100` };
  }
  // A bare value of 1 or less is a fraction unless the cell said "%" explicitly.
  const isFraction = n <= 1 && !text.includes("%");
  return { ok: true, value: isFraction ? n : n / 100 };
}

/** Reads a whole number such as an employee count ("1,200" is accepted). */
export function parseCount(text: string): Parsed<number> {
  const n = Number(text.trim().replace(/,/g, ""));
  if (!Number.isSafeInteger(n) || n < 0) return { ok: false, problem: `"${text}" is not a whole number` };
  return { ok: true, value: n };
}

/** Reads a number such as a target value or a rate, grouped and pointed as amounts are. */
export function parseNumber(text: string, decimal: DecimalSeparator = "."): Parsed<number> {
  const n = readDecimal(text.trim(), decimal);
  if (n === null || !Number.isFinite(n)) return { ok: false, problem: `"${text}" is not a number` };
  if (!exactInDouble(text, decimal)) return { ok: false, problem: tooManyDigits(text) };
  return { ok: true, value: n };
}

/**
 * Keeps one copy of each distinct string. CSV parsers allocate a new string per cell; for
 * columns with few distinct values (owner, stage, product) sharing one copy keeps a
 * million-row ingest's memory flat.
 */
export class Interner {
  readonly #seen = new Map<string, string>();

  /** The shared copy of `text`. */
  intern(text: string): string {
    const known = this.#seen.get(text);
    if (known !== undefined) return known;
    this.#seen.set(text, text);
    return text;
  }
}
