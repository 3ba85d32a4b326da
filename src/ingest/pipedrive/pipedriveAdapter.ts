import { ActivityLog } from "../../model/activityLog.ts";
import { HistoryLog } from "../../model/historyLog.ts";
import type { Account, Opportunity } from "../../model/records.ts";
import type { Adapter } from "../adapter.ts";
import { opportunitiesSpec } from "../canonical/opportunities.ts";
import type { IngestContext } from "../context.ts";
import type { DataFolder } from "../dataFolder.ts";
import {
  configuredFile,
  fileHasSignature,
  filesWithSignature,
  onlyOne,
  type Signature,
} from "../findFiles.ts";
import { RecordReader } from "../readRecords.ts";
import { type TableSpec, withColumns } from "../readTable.ts";
import { rejectDuplicateIds } from "../uniqueIds.ts";

/*
 * A Pipedrive deals export ("Deal - Title", "Deal - Value", "Deal - Status", …). Pipedrive
 * says a deal's outcome in its status (open, won, lost, deleted) rather than its stage, and
 * keeps the day a deal was won or lost ("Deal - Won time", "Deal - Lost time") apart from the
 * expected close date, which is what an open deal has. Deleted deals are left out and counted.
 */

/** The header of a Pipedrive deals export. */
export const PIPEDRIVE_DEALS: Signature = { all: ["dealtitle", "dealstatus"] };

async function dealsFile(
  folder: DataFolder,
  files: IngestContext["config"]["files"],
): Promise<string | undefined> {
  return (
    configuredFile(folder, files, "opportunities") ??
    onlyOne(await filesWithSignature(folder, PIPEDRIVE_DEALS), "opportunities", "Pipedrive deals")
  );
}

/** The Pipedrive deals export format. */
export const pipedriveAdapter: Adapter = {
  format: "pipedrive",
  label: "Pipedrive deals export",
  async detect(folder, files) {
    return fileHasSignature(folder, await dealsFile(folder, files), PIPEDRIVE_DEALS);
  },
  async rates() {
    return [];
  },
  async read(folder, context) {
    const reader = new RecordReader(folder, context);
    const opportunities = await reader.all(
      "opportunities",
      await dealsFile(folder, context.config.files),
      rejectDuplicateIds(pipedriveDeals(context, new Map())),
    );
    return {
      accounts: [],
      contacts: [],
      opportunities,
      history: new HistoryLog(),
      activities: new ActivityLog(),
      leads: [],
      supplied: reader.supplied,
    };
  },
};

/** Deals, read through the canonical spec with Pipedrive's names, status and won/lost times. */
export function pipedriveDeals(
  context: IngestContext,
  accounts: ReadonlyMap<string, Account>,
): TableSpec<Opportunity> {
  return withColumns(
    opportunitiesSpec(context, accounts, {
      outcome(row) {
        const status = row.get("status").toLowerCase();
        if (status === "won" || status === "lost" || status === "open")
          return { outcome: status, value: status };
        if (status === "deleted") return row.skip("deleted in Pipedrive");
        return row.reject(
          "status",
          `"${row.get("status")}" is not a Pipedrive status: open, won, lost or deleted`,
        );
      },
      closedOn(row, outcome) {
        const own = outcome.outcome === "won" ? "won_time" : "lost_time";
        return [own, "closed_on"].find((key) => row.get(key) !== "");
      },
    }),
    {
      id: { aliases: ["Deal - ID"], preferAliases: true },
      name: { aliases: ["Deal - Title"] },
      owner: { aliases: ["Deal - Owner"] },
      stage: { aliases: ["Deal - Stage"] },
      amount: { aliases: ["Deal - Value"], preferAliases: true },
      currency: { aliases: ["Deal - Currency", "Deal - Currency of Value"], preferAliases: true },
      created_date: { aliases: ["Deal - Deal created", "Deal - Created"], preferAliases: true },
      close_date: { aliases: ["Deal - Expected close date"], preferAliases: true, required: false },
      account_id: { aliases: ["Deal - Organization ID", "Deal - Organization"], preferAliases: true },
      is_closed: { required: false },
      is_won: { required: false },
      loss_reason: { aliases: ["Deal - Lost reason"] },
      lead_source: { aliases: ["Deal - Source origin", "Deal - Source channel", "Deal - Source"] },
      probability: { aliases: ["Deal - Probability"] },
      product: { aliases: ["Deal - Product name", "Deal - Product"] },
    },
    [
      { key: "status", required: true, aliases: ["Deal - Status"], preferAliases: true },
      { key: "won_time", aliases: ["Deal - Won time"] },
      { key: "lost_time", aliases: ["Deal - Lost time"] },
      { key: "closed_on", aliases: ["Deal - Deal closed on"] },
    ],
  );
}
