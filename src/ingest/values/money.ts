import type { Parsed } from "./dates.ts";

/*
 * Money as CRMs and spreadsheets write it: "1200", "1,200.00", "$1,200.00", "JPY 10,000",
 * "10 000 EUR", "(1,200.00)" and float noise such as "16120999.999999998". Exports from
 * European locales write "1.200,00": the config's decimal separator says which convention a
 * file follows, and a cell written the other way is refused rather than misread a thousand
 * times too small. A currency code or an unambiguous symbol in the cell is returned so it can
 * override the row's currency; "$" names no currency (it is shared by USD, CAD, AUD, …).
 */

/** An amount and the currency written in the cell, if any. */
export interface MoneyValue {
  amount: number;
  currency: string | null;
}

/** The character that separates whole units from cents. */
export type DecimalSeparator = "." | ",";

const SYMBOLS: Record<string, string | null> = { $: null, "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR" };
const MONEY = /^([A-Z]{3})?\s*([$€£¥₹])?\s*(-?[\d\s,.'\u00a0\u202f]*)\s*([$€£¥₹])?\s*([A-Z]{3})?$/;
// Digit grouping: the other separator, spaces (including the no-break spaces of French
// exports) and the Swiss apostrophe.
const GROUPING = { ".": /[\s,'\u00a0\u202f]/g, ",": /[\s.'\u00a0\u202f]/g } as const;

// Plain amounts ("1200", "-35.5") are most cells of a large export: they are read without the
// general pattern, with the same result it gives (at most 13 whole digits, as exactInDouble).
const PLAIN = { ".": /^-?\d{1,13}(?:\.\d{1,2})?$/, ",": /^-?\d{1,13}$/ } as const;

/** Reads an amount of money; the amount is rounded to the cent. */
export function parseMoney(text: string, decimal: DecimalSeparator = "."): Parsed<MoneyValue> {
  if (PLAIN[decimal].test(text)) {
    const amount = Math.round(Number(text) * 100) / 100;
    return { ok: true, value: { amount: amount === 0 ? 0 : amount, currency: null } };
  }
  let body = text.trim();
  let negative = false;
  if (body.startsWith("(") && body.endsWith(")")) {
    negative = true;
    body = body.slice(1, -1).trim();
    // "(-5000)" says negative twice: read as either sign it would be a guess.
    if (body.includes("-"))
      return {
        ok: false,
        problem: `"${text}" is negative twice (parentheses and a minus sign): write -5000 or (5000)`,
      };
  }
  const match = MONEY.exec(body.toUpperCase());
  const value = match ? readDecimal(match[3]!.trim(), decimal) : null;
  if (!match || value === null) return { ok: false, problem: notMoney(text, decimal) };
  if (!exactInDouble(match[3]!, decimal)) return { ok: false, problem: tooManyDigits(text) };
  const [, codeBefore, symbolBefore, , symbolAfter, codeAfter] = match;
  const codes = [codeBefore, codeAfter].filter((c) => c !== undefined);
  const symbol = symbolBefore ?? symbolAfter;
  if (codes.length > 1) return { ok: false, problem: `"${text}" names two currencies` };
  const amount = Math.round((negative ? -value : value) * 100) / 100;
  const currency = codes[0] ?? (symbol === undefined ? null : (SYMBOLS[symbol] ?? null));
  return { ok: true, value: { amount: amount === 0 ? 0 : amount, currency } };
}

/** The number in "1,234.56" (or "1.234,56"), or null when it is not one in that convention. */
export function readDecimal(digits: string, decimal: DecimalSeparator): number | null {
  const point = digits.lastIndexOf(decimal);
  const whole = point < 0 ? digits : digits.slice(0, point);
  const fraction = point < 0 ? "" : digits.slice(point + 1);
  // A second decimal separator, or grouping after it, means the other convention.
  if (whole.includes(decimal) || !/^\d*$/.test(fraction)) return null;
  const [first, ...rest] = whole.split(GROUPING[decimal]);
  // Groups are of three digits, or of two before the last three as in India (1,00,000).
  const grouped =
    rest.length === 0
      ? /^-?\d*$/.test(first!)
      : /^-?\d{1,3}$/.test(first!) && rest.every((g) => /^\d{2,3}$/.test(g)) && rest.at(-1)!.length === 3;
  if (!grouped) return null;
  const plain = first + rest.join("");
  if (!/\d/.test(plain + fraction)) return null;
  return Number(`${plain}.${fraction || "0"}`);
}

/** Significant digits a double holds exactly; an amount is kept to the cent within them. */
const EXACT_DIGITS = 15;

/** Whether the whole units and cents of a written number fit in a double exactly. */
export function exactInDouble(digits: string, decimal: DecimalSeparator): boolean {
  const point = digits.lastIndexOf(decimal);
  const whole = (point < 0 ? digits : digits.slice(0, point)).replace(/\D/g, "").replace(/^0+/, "");
  return whole.length + 2 <= EXACT_DIGITS;
}

/** The problem with a number too long to be held exactly. */
export function tooManyDigits(text: string): string {
  const shown = text.length > 30 ? `${text.slice(0, 27)}…` : text;
  return `"${shown}" has more digits than an amount can hold exactly (at most ${EXACT_DIGITS - 2} before the decimal point): check the export`;
}

function notMoney(text: string, decimal: DecimalSeparator): string {
  if (decimal === ",") {
    const hint = /\d,\d{3}\.\d{1,2}\b/.test(text)
      ? ` (the config's "decimalSeparator" is ",": for amounts written 1,200.00 set it to ".")`
      : "";
    return `"${text}" is not an amount of money: write it as 1200 or 1.200,00${hint}`;
  }
  const hint = /\d\.\d{3},\d{1,2}\b|\d,\d{1,2}$/.test(text)
    ? ` (for amounts written 1.200,00 set "decimalSeparator": "," in the config)`
    : "";
  return `"${text}" is not an amount of money: write it as 1200 or 1,200.00${hint}`;
}
