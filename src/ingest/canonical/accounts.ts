import type { Account } from "../../model/records.ts";
import { optional, optionalBoolean, optionalText, requiredId } from "../cells.ts";
import type { IngestContext } from "../context.ts";
import { deriveIsIcp } from "../derive.ts";
import type { TableSpec } from "../readTable.ts";
import { parseCount } from "../values/scalars.ts";

/** accounts.csv: firmographics, ICP tier and whether the customer may be named publicly. */
export function accountsSpec(context: IngestContext): TableSpec<Account> {
  const { cells } = context;
  return {
    kind: "accounts",
    columns: [
      { key: "id", required: true },
      { key: "name", required: true },
      { key: "industry" },
      { key: "employees" },
      { key: "segment" },
      { key: "icp_tier", aliases: ["icp", "tier"] },
      { key: "reference_approved", aliases: ["reference", "referenceable"] },
    ],
    build(row) {
      const id = requiredId(row, "id");
      if (id === undefined) return undefined;
      const industry = optionalText(row, "industry", cells);
      const employeesText = row.get("employees");
      const employees = employeesText === "" ? null : optional(row, "employees", parseCount(employeesText));
      const icpTier = optionalText(row, "icp_tier", cells);
      return {
        id,
        name: row.get("name"),
        industry,
        employees,
        segment: optionalText(row, "segment", cells),
        icpTier,
        isIcp: deriveIsIcp(icpTier, industry, employees, context.config.icp),
        // No column at all is not "no": the pack then says it cannot tell who may be named.
        referenceApproved: row.has("reference_approved") ? optionalBoolean(row, "reference_approved") : null,
      };
    },
  };
}
