/*
 * The canonical record kinds and their fields, as the config names them under `files` and
 * `columns`. The ingest specs read exactly these fields (a test keeps the two in step), so a
 * config can be checked before any file is read and a misspelt kind or field named.
 */

/** Each record kind a config may map, with the canonical fields it has. */
export const CANONICAL_FIELDS = {
  opportunities: [
    "id",
    "account_id",
    "name",
    "owner",
    "product",
    "type",
    "stage",
    "amount",
    "currency",
    "created_date",
    "close_date",
    "is_closed",
    "is_won",
    "loss_reason",
    "competitor",
    "lead_source",
    "forecast_category",
    "probability",
    "segment",
  ],
  history: [
    "opportunity_id",
    "at",
    "stage",
    "amount",
    "close_date",
    "probability",
    "forecast_category",
    "is_closed",
    "is_won",
  ],
  accounts: ["id", "name", "industry", "employees", "segment", "icp_tier", "reference_approved"],
  contacts: ["id", "account_id", "title", "persona"],
  activities: ["id", "owner", "type", "date", "account_id", "contact_id", "opportunity_id"],
  leads: ["id", "created_date", "mql_date", "sql_date", "source", "owner", "converted_opportunity_id"],
  forecasts: ["quarter", "submitted_date", "owner", "category", "amount", "currency"],
  targets: ["quarter", "metric", "owner", "scope", "per", "value"],
  rocks: ["quarter", "title", "owner", "measurable", "target", "due_date", "status"],
  rates: ["currency", "start_date", "rate"],
} as const;

/** A record kind a config may name. */
export type MappedKind = keyof typeof CANONICAL_FIELDS;

/** The record kinds, in the order the docs list them. */
export const MAPPED_KINDS = Object.keys(CANONICAL_FIELDS) as MappedKind[];
