import { type Lead, UNDATED } from "../../model/records.ts";
import { optionalDay, optionalId, optionalText, requiredId, requiredTimestampDay } from "../cells.ts";
import type { IngestContext } from "../context.ts";
import type { TableSpec } from "../readTable.ts";

/** leads.csv: the top of the funnel, with the days leads became MQL and SQL. */
export function leadsSpec(context: IngestContext): TableSpec<Lead> {
  const { cells } = context;
  let undatedNoted = false;
  return {
    kind: "leads",
    columns: [
      { key: "id", required: true },
      { key: "created_date", aliases: ["created"] },
      { key: "mql_date" },
      { key: "sql_date" },
      { key: "source", aliases: ["lead_source"] },
      { key: "owner" },
      { key: "converted_opportunity_id" },
    ],
    build(row) {
      const id = requiredId(row, "id");
      // A lead without a created date still counts (conversions, sources); it is in no quarter's funnel.
      let createdDate: string | undefined = UNDATED;
      if (row.get("created_date") !== "") createdDate = requiredTimestampDay(row, "created_date", cells);
      else if (!undatedNoted) {
        undatedNoted = true;
        row.warn(
          row.has("created_date") ? "created_date" : null,
          row.has("created_date")
            ? "is empty; such leads are used but left out of each quarter's funnel (the day they came in is unknown)"
            : "the file has no created date column (created_date, CreatedDate); its leads are used but left out of each quarter's funnel",
        );
      }
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
