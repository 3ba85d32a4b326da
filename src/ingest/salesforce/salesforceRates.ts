import { type CellContext, optionalDay, required } from "../cells.ts";
import type { Rate } from "../currency.ts";
import type { DataFolder } from "../dataFolder.ts";
import type { TableSpec } from "../readTable.ts";
import { parseBoolean, parseNumber } from "../values/scalars.ts";

/*
 * Salesforce's exchange rates (CurrencyType, and DatedConversionRate with advanced currency
 * management) are units of each currency per one unit of the corporate currency. Quarterdeck
 * wants units of the reporting currency per unit of each currency, so a rate into the
 * reporting currency R is rate(R) / rate(X), which is 1 / rate(X) when R is corporate.
 */

interface SalesforceRate {
  currency: string;
  startDate: string | null;
  perCorporate: number;
}

function rateSpec(cells: CellContext, dated: boolean): TableSpec<SalesforceRate> {
  return {
    kind: "rates",
    columns: [
      { key: "IsoCode", required: true },
      { key: "ConversionRate", required: true },
      { key: "StartDate", required: dated },
      { key: "IsActive" },
    ],
    build(row) {
      const active = parseBoolean(row.get("IsActive"));
      if (row.get("IsActive") !== "" && active.ok && !active.value)
        return row.skip("currency is inactive in Salesforce");
      const perCorporate = required(row, "ConversionRate", parseNumber(row.get("ConversionRate")));
      if (perCorporate === undefined) return undefined;
      if (perCorporate <= 0) return row.reject("ConversionRate", `"${perCorporate}" is not a positive rate`);
      return {
        currency: row.get("IsoCode").toUpperCase(),
        startDate: dated ? optionalDay(row, "StartDate", cells) : null,
        perCorporate,
      };
    },
  };
}

/** The export's exchange rates into the reporting currency, static and dated. */
export async function readSalesforceRates(
  folder: DataFolder,
  cells: CellContext,
  reporting: string,
): Promise<Rate[]> {
  const rates: SalesforceRate[] = [];
  for (const [name, dated] of [
    ["CurrencyType.csv", false],
    ["DatedConversionRate.csv", true],
  ] as const) {
    const file = folder.find(name);
    if (file !== undefined) await folder.read(file, rateSpec(cells, dated), (r) => rates.push(r));
  }
  const reportingStatic = rates.find((r) => r.currency === reporting && r.startDate === null)?.perCorporate;
  return rates.map((r) => {
    // A dated rate of the reporting currency itself would be more exact; the static one is used.
    const reportingRate = reportingStatic ?? 1;
    return { currency: r.currency, startDate: r.startDate, rate: reportingRate / r.perCorporate };
  });
}
