import type { Day } from "../model/records.ts";
import type { Parsed } from "./values/dates.ts";

/*
 * Conversion into the reporting currency. Dated rates apply from their start day until the
 * next one; static rates (from the config or an undated rates.csv row) apply otherwise. A
 * currency with no rate is an error: converting it 1:1 would put wrong numbers in the pack.
 */

/** A rate from one currency into the reporting currency. */
export interface Rate {
  currency: string;
  /** First day the rate applies, or null for a static rate. */
  startDate: Day | null;
  /** Units of the reporting currency per unit of `currency`. */
  rate: number;
}

/** Converts amounts into the reporting currency. */
export class CurrencyConverter {
  readonly reporting: string;
  readonly #static = new Map<string, number>();
  readonly #dated = new Map<string, { startDate: Day; rate: number }[]>();

  constructor(reporting: string, rates: Rate[]) {
    this.reporting = reporting;
    for (const { currency, startDate, rate } of rates) {
      if (startDate === null) this.#static.set(currency, rate);
      else {
        const list = this.#dated.get(currency) ?? [];
        list.push({ startDate, rate });
        this.#dated.set(currency, list);
      }
    }
    for (const list of this.#dated.values()) list.sort((a, b) => (a.startDate < b.startDate ? -1 : 1));
  }

  /** Whether any rate at all is known for a currency. */
  knows(currency: string): boolean {
    return currency === this.reporting || this.#static.has(currency) || this.#dated.has(currency);
  }

  /** `amount` of `currency` on `day` in the reporting currency, rounded to the cent. */
  convert(amount: number, currency: string, day: Day): Parsed<number> {
    if (currency === this.reporting) return { ok: true, value: amount };
    const rate = this.#rateOn(currency, day);
    if (rate === undefined) {
      return {
        ok: false,
        problem:
          `has no exchange rate from ${currency} to ${this.reporting}; add "${currency}" to "rates" in ` +
          `quarterdeck.config.json or to rates.csv (or DatedConversionRate.csv)`,
      };
    }
    return { ok: true, value: Math.round(amount * rate * 100) / 100 };
  }

  #rateOn(currency: string, day: Day): number | undefined {
    const dated = this.#dated.get(currency);
    if (dated) {
      let found: number | undefined;
      for (const entry of dated) {
        if (entry.startDate <= day) found = entry.rate;
        else break;
      }
      if (found !== undefined) return found;
    }
    return this.#static.get(currency) ?? dated?.[0]?.rate;
  }
}
