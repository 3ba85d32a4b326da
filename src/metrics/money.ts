/*
 * Money arithmetic. Amounts are summed in integer cents so that a total of many deals is
 * exact to the cent whatever the order of addition; results go back out as numbers rounded
 * to the cent.
 */

/** An amount in whole cents. */
export function toCents(amount: number): number {
  return Math.round(amount * 100);
}

/** Cents back to a money number. */
export function fromCents(cents: number): number {
  return cents / 100;
}

/** The exact sum of amounts, to the cent. */
export function sumMoney<T>(items: Iterable<T>, amountOf: (item: T) => number): number {
  let cents = 0;
  for (const item of items) cents += toCents(amountOf(item));
  return fromCents(cents);
}

/** numerator / denominator, or null when the denominator is zero (a rate that is undefined). */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** Relative change from `before` to `after`, or null when `before` is zero. */
export function growth(after: number, before: number): number | null {
  return before === 0 ? null : (after - before) / before;
}
