import type { Lead } from "../../model/records.ts";
import { optionalDay, optionalId, optionalText, requiredDay, requiredId } from "../cells.ts";
import type { IngestContext } from "../context.ts";
import type { TableSpec } from "../readTable.ts";

/** leads.csv: the top of the funnel, with the days leads became MQL and SQL. */
export function leadsSpec(context: IngestContext): TableSpec<Lead> {
  const { cells } = context;
  return {
    kind: "leads",
    columns: [
      { key: "id", required: true },
      { key: "created_date", required: true, aliases: ["created"] },
      { key: "mql_date" },
      { key: "sql_date" },
      { key: "source", aliases: ["lead_source"] },
      { key: "owner" },
      { key: "converted_opportunity_id" },
    ],
    build(row) {
      const id = requiredId(row, "id");
      const createdDate = requiredDay(row, "created_date", cells);
      if (row.rejected) return undefined;
      return {
        id: id!,
        createdDate: createdDate!,
        mqlDate: optionalDay(row, "mql_date", cells),
        sqlDate: optionalDay(row, "sql_date", cells),
        source: optionalText(row, "source", cells),
        owner: optionalText(row, "owner", cells),
        convertedOpportunityId: optionalId(row, "converted_opportunity_id"),
      };
    },
  };
}
