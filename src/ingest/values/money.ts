import type { Parsed } from "./dates.ts";

/*
 * Money as CRMs and spreadsheets write it: "1200", "1,200.00", "$1,200.00", "JPY 10,000",
 * "10 000 EUR", "(1,200.00)" and float noise such as "16120999.999999998". A currency code or
 * an unambiguous symbol in the cell is returned so it can override the row's currency; "$"
 * names no currency (it is shared by USD, CAD, AUD, …).
 */

/** An amount and the currency written in the cell, if any. */
export interface MoneyValue {
  amount: number;
  currency: string | null;
}

const SYMBOLS: Record<string, string | null> = { $: null, "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR" };
const MONEY = /^([A-Z]{3})?\s*([$€£¥₹])?\s*(-?[\d\s,]*\.?\d*)\s*([$€£¥₹])?\s*([A-Z]{3})?$/;

/** Reads an amount of money; the amount is rounded to the cent. */
export function parseMoney(text: string): Parsed<MoneyValue> {
  let body = text.trim();
  let negative = false;
  if (body.startsWith("(") && body.endsWith(")")) {
    negative = true;
    body = body.slice(1, -1).trim();
  }
  const match = MONEY.exec(body.toUpperCase());
  if (!match || !/\d/.test(match[3] ?? "")) {
    return { ok: false, problem: `"${text}" is not an amount of money: write it as 1200 or 1,200.00` };
  }
  const [, codeBefore, symbolBefore, digits, symbolAfter, codeAfter] = match;
  const codes = [codeBefore, codeAfter].filter((c) => c !== undefined);
  const symbol = symbolBefore ?? symbolAfter;
  if (codes.length > 1) return { ok: false, problem: `"${text}" names two currencies` };
  const numeric = digits!.replace(/[\s,]/g, "");
  if (!/^-?\d*\.?\d+$/.test(numeric) && !/^-?\d+\.$/.test(numeric)) {
    return { ok: false, problem: `"${text}" is not an amount of money: write it as 1200 or 1,200.00` };
  }
  const value = Number(numeric);
  const amount = Math.round((negative ? -value : value) * 100) / 100;
  const currency = codes[0] ?? (symbol === undefined ? null : (SYMBOLS[symbol] ?? null));
  return { ok: true, value: { amount: amount === 0 ? 0 : amount, currency } };
}
