import { normalizeHeader } from "../ingest/readTable.ts";
import { parseLocalTime } from "../ingest/values/dates.ts";
import { parseMoney } from "../ingest/values/money.ts";
import { type SampledFile, valuesOf } from "./sampleFolder.ts";

/*
 * Guessing which column of an unknown deals export holds each canonical field: by its name
 * first (the names CRMs, BI tools and spreadsheets commonly use), checked against its values
 * (an amount must read as money, a date as a date), then by content alone for the fields a
 * deal cannot do without (an id is unique on every row, an amount is a number). Each guess
 * carries the evidence `init` prints.
 */

/** One guessed column. */
export interface ColumnGuess {
  field: string;
  header: string;
  at: number;
  evidence: string;
}

type Check = "id" | "money" | "date" | "few" | "text";

const FIELDS: { field: string; names: string[]; check: Check }[] = [
  {
    field: "id",
    names: [
      "id",
      "dealid",
      "opportunityid",
      "recordid",
      "potentialid",
      "oppid",
      "dealnumber",
      "opportunitynumber",
    ],
    check: "id",
  },
  {
    field: "name",
    names: [
      "name",
      "dealname",
      "opportunityname",
      "potentialname",
      "title",
      "dealtitle",
      "opportunity",
      "deal",
    ],
    check: "text",
  },
  {
    field: "stage",
    names: ["stage", "dealstage", "stagename", "salesstage", "pipelinestage", "opportunitystage", "status"],
    check: "few",
  },
  {
    field: "amount",
    names: [
      "amount",
      "value",
      "dealvalue",
      "closevalue",
      "dealamount",
      "revenue",
      "opportunityamount",
      "price",
    ],
    check: "money",
  },
  {
    field: "created_date",
    names: [
      "createddate",
      "created",
      "createdat",
      "createdtime",
      "createdon",
      "createdate",
      "datecreated",
      "engagedate",
      "opencreated",
    ],
    check: "date",
  },
  {
    field: "close_date",
    names: [
      "closedate",
      "closingdate",
      "expectedclosedate",
      "closedon",
      "closeddate",
      "close",
      "closedat",
      "dateclosed",
    ],
    check: "date",
  },
  {
    field: "owner",
    names: [
      "owner",
      "dealowner",
      "opportunityowner",
      "potentialowner",
      "salesagent",
      "salesrep",
      "rep",
      "accountexecutive",
      "assignedto",
      "ownername",
      "salesperson",
    ],
    check: "text",
  },
  {
    field: "account_id",
    names: [
      "accountid",
      "account",
      "accountname",
      "company",
      "companyname",
      "organization",
      "organisation",
      "customer",
      "client",
    ],
    check: "text",
  },
  { field: "product", names: ["product", "productname", "productline", "series"], check: "text" },
  { field: "type", names: ["type", "dealtype", "opportunitytype", "businesstype"], check: "few" },
  {
    field: "loss_reason",
    names: ["lossreason", "lostreason", "reasonforloss", "closedlostreason", "reasonlost"],
    check: "text",
  },
  { field: "competitor", names: ["competitor", "primarycompetitor", "maincompetitor"], check: "text" },
  { field: "lead_source", names: ["leadsource", "source", "dealsource", "origin"], check: "text" },
  { field: "probability", names: ["probability", "probabilitypercent", "winprobability"], check: "money" },
  { field: "forecast_category", names: ["forecastcategory", "forecastcategoryname"], check: "few" },
  { field: "currency", names: ["currency", "currencycode", "currencyisocode", "dealcurrency"], check: "few" },
  { field: "segment", names: ["segment", "marketsegment"], check: "few" },
];

const DATE_OPTIONS = { timeZone: "UTC", dateOrder: "month-first" as const };

/** Share of a column's sample values that pass a check, and a sample value to show. */
function passes(sample: SampledFile, at: number, check: Check): { ok: boolean; evidence: string } {
  const values = valuesOf(sample, at);
  const example = values[0] ?? "";
  if (values.length === 0) return { ok: check !== "id", evidence: "empty in the sample" };
  const distinct = new Set(values);
  const share = (test: (v: string) => boolean) => values.filter(test).length / values.length;
  switch (check) {
    case "id":
      return {
        ok: distinct.size === values.length && values.length === sample.rows.length,
        evidence: `${distinct.size} unique values, such as "${example}"`,
      };
    case "money":
      return { ok: share((v) => parseMoney(v).ok) >= 0.9, evidence: `numbers such as "${example}"` };
    case "date":
      return {
        ok:
          share(
            (v) =>
              parseLocalTime(v, DATE_OPTIONS).ok ||
              parseLocalTime(v, { ...DATE_OPTIONS, dateOrder: "day-first" }).ok,
          ) >= 0.9,
        evidence: `dates such as "${example}"`,
      };
    case "few":
      return {
        ok: distinct.size <= Math.max(12, values.length / 5),
        evidence: `${distinct.size} distinct values: ${[...distinct].slice(0, 6).join(", ")}${distinct.size > 6 ? ", …" : ""}`,
      };
    default:
      return { ok: true, evidence: `values such as "${example}"` };
  }
}

/** Guesses the columns of a deals export. */
export function guessColumns(sample: SampledFile): ColumnGuess[] {
  const normalized = sample.header.map(normalizeHeader);
  const taken = new Set<number>();
  const guesses: ColumnGuess[] = [];
  for (const { field, names, check } of FIELDS) {
    for (const name of names) {
      const at = normalized.indexOf(name);
      if (at === -1 || taken.has(at)) continue;
      const { ok, evidence } = passes(sample, at, check);
      if (!ok) continue;
      taken.add(at);
      guesses.push({ field, header: sample.header[at]!, at, evidence: `named so; ${evidence}` });
      break;
    }
  }
  // By content alone, for the fields a deal cannot do without.
  for (const field of ["id", "amount"] as const) {
    if (guesses.some((g) => g.field === field)) continue;
    const check = field === "id" ? "id" : "money";
    const at = sample.header.findIndex(
      (_, i) => !taken.has(i) && valuesOf(sample, i).length > 0 && passes(sample, i, check).ok,
    );
    if (at === -1) continue;
    taken.add(at);
    guesses.push({
      field,
      header: sample.header[at]!,
      at,
      evidence: `by content: ${passes(sample, at, check).evidence}`,
    });
  }
  return guesses;
}

/** How likely a file is to hold deals: the key fields it has. */
export function dealScore(sample: SampledFile): number {
  const fields = new Set(guessColumns(sample).map((g) => g.field));
  return ["stage", "amount", "close_date", "created_date", "owner", "id"].filter((f) => fields.has(f)).length;
}
