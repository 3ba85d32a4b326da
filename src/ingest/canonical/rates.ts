import { type CellContext, optionalDay, required } from "../cells.ts";
import type { Rate } from "../currency.ts";
import type { TableSpec } from "../readTable.ts";
import { parseNumber } from "../values/scalars.ts";

/** rates.csv: exchange rates into the reporting currency, dated or static. */
export function ratesSpec(cells: CellContext): TableSpec<Rate> {
  return {
    kind: "rates",
    columns: [
      { key: "currency", required: true, aliases: ["iso_code", "isocode"] },
      { key: "start_date" },
      { key: "rate", required: true, aliases: ["conversion_rate"] },
    ],
    build(row) {
      const currency = row.get("currency").toUpperCase();
      if (!/^[A-Z]{3}$/.test(currency)) return row.reject("currency", `"${currency}" is not a currency code`);
      const rate = required(row, "rate", parseNumber(row.get("rate"), cells.decimal));
      if (rate === undefined) return undefined;
      if (rate <= 0) return row.reject("rate", `"${rate}" is not a positive rate`);
      return { currency, startDate: optionalDay(row, "start_date", cells), rate };
    },
  };
}
