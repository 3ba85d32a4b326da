/*
 * The quarter's work as DuckDB SQL over the bench's canonical export, with Quarterdeck's
 * meanings: closed/won of a history stage learned from the opportunities (majority vote), a
 * deal's state at the end of a day is its last history row by then (ties in file order),
 * amounts carried forward, else its first row, else today's values, and a deal closed today
 * whose history ends open is closed from its close date on; no decision is a loss
 * reason matching the default pattern; ICP is an account whose tier is one of the default ideal tiers.
 */
import { addDays } from "../../src/calendar/days.ts";
import { type Quarter, shiftQuarter } from "../../src/calendar/fiscalCalendar.ts";
import type { Config } from "../../src/config/configSchema.ts";

const text = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** Statements that read the four files into tables. */
export function loadSql(dir: string): string[] {
  const csv = (file: string, columns: Record<string, string>) =>
    `read_csv(${text(`${dir}/${file}`)}, header = true, auto_detect = false, columns = {${Object.entries(
      columns,
    )
      .map(([name, type]) => `${text(name)}: ${text(type)}`)
      .join(", ")}})`;
  return [
    `CREATE TABLE accounts AS SELECT * FROM ${csv("accounts.csv", { id: "VARCHAR", name: "VARCHAR", segment: "VARCHAR", icp_tier: "VARCHAR" })}`,
    `CREATE TABLE opportunities AS SELECT * FROM ${csv("opportunities.csv", {
      id: "VARCHAR",
      account_id: "VARCHAR",
      owner: "VARCHAR",
      product: "VARCHAR",
      stage: "VARCHAR",
      amount: "DECIMAL(18,2)",
      created_date: "DATE",
      close_date: "DATE",
      is_closed: "BOOLEAN",
      is_won: "BOOLEAN",
      loss_reason: "VARCHAR",
      competitor: "VARCHAR",
    })}`,
    // The line number keeps file order for changes made at the same moment.
    `CREATE TABLE history AS SELECT *, row_number() OVER () AS line FROM ${csv("history.csv", {
      opportunity_id: "VARCHAR",
      at: "TIMESTAMP",
      stage: "VARCHAR",
      amount: "DECIMAL(18,2)",
      close_date: "DATE",
    })}`,
    `CREATE TABLE activities AS SELECT * FROM ${csv("activities.csv", {
      id: "VARCHAR",
      owner: "VARCHAR",
      type: "VARCHAR",
      date: "DATE",
      account_id: "VARCHAR",
      contact_id: "VARCHAR",
    })}`,
  ];
}

/** The 16 days open pipeline is asked at: the quarter's end, the two comparison ends, and each week's start. */
export function pipelineDays(quarter: Quarter, calendar: Config): string[] {
  const weeks = Array.from({ length: 13 }, (_, i) => addDays(quarter.start, i * 7));
  return [
    quarter.end,
    shiftQuarter(quarter, -1, calendar).end,
    shiftQuarter(quarter, -4, calendar).end,
    ...weeks,
  ];
}

/** Named queries of the quarter's figures; `setup` statements run first, in order. */
export function quarterSql(quarter: Quarter, config: Config) {
  const start = `DATE ${text(quarter.start)}`;
  const end = `DATE ${text(quarter.end)}`;
  const noDecision = `coalesce(regexp_matches(loss_reason, ${text(config.noDecisionPattern)}, 'i'), false)`;
  const ideal = config.icp.idealTiers.map((t) => text(t.toLowerCase())).join(", ");
  const days = pipelineDays(quarter, config)
    .map((d) => `DATE ${text(d)}`)
    .join(", ");
  const winLoss = `
    count(*) FILTER (is_won) AS won,
    count(*) FILTER (NOT is_won AND NOT ${noDecision}) AS lost,
    count(*) FILTER (NOT is_won AND ${noDecision}) AS no_decision,
    coalesce(sum(amount) FILTER (is_won), 0)::DOUBLE AS won_amount,
    coalesce(sum(amount) FILTER (NOT is_won AND NOT ${noDecision}), 0)::DOUBLE AS lost_amount,
    coalesce(sum(amount) FILTER (NOT is_won AND ${noDecision}), 0)::DOUBLE AS no_decision_amount,
    count(*) FILTER (is_won) / count(*) AS win_rate,
    count(*) FILTER (is_won) / nullif(count(*) FILTER (is_won OR NOT ${noDecision}), 0) AS competitive_win_rate,
    (sum(amount) FILTER (is_won) / nullif(sum(amount), 0))::DOUBLE AS cash_win_rate`;
  const closedInQuarter = `FROM opportunities WHERE is_closed AND close_date BETWEEN ${start} AND ${end}`;
  return {
    setup: [
      `CREATE TEMP TABLE stages AS SELECT stage, is_closed FROM (
         SELECT stage, is_closed, row_number() OVER (PARTITION BY stage
           ORDER BY count(*) DESC, is_closed::INT::VARCHAR || is_won::INT::VARCHAR) AS rank
         FROM opportunities GROUP BY stage, is_closed, is_won) WHERE rank = 1`,
      // Amounts carried forward, so that a deal's state is one row: the last change by then.
      `CREATE TEMP TABLE changes AS SELECT h.opportunity_id AS id,
         epoch(h.at)::BIGINT * 100000000 + h.line AS k, coalesce(s.is_closed, false) AS closed,
         last_value(h.amount IGNORE NULLS) OVER (PARTITION BY h.opportunity_id ORDER BY h.at, h.line
           ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS amount
       FROM history h LEFT JOIN stages s USING (stage)`,
      `CREATE TEMP TABLE days AS SELECT day, epoch(day + INTERVAL '23:59:59')::BIGINT * 100000000 + 99999999 AS k
       FROM unnest([${days}]) AS t(day)`,
      // A deal the export shows closed whose history ends open is closed from its close date:
      // its changes from then on are replaced by today's values ("cut").
      `CREATE TEMP TABLE states AS
       WITH first AS (
         SELECT id, arg_min(closed, k) AS closed, arg_min(amount, k) AS amount, min(k) AS k,
           arg_max(closed, k) AS last_closed
         FROM changes GROUP BY id),
       asked AS (
         SELECT d.day, d.k AS day_k, o.*,
           epoch(o.close_date)::BIGINT * 100000000 AS closed_k
         FROM days d JOIN opportunities o ON o.created_date <= d.day),
       found AS (
         SELECT a.*, f.id IS NOT NULL AS has_history, a.is_closed AND NOT f.last_closed AS cut,
           c.id IS NOT NULL AS changed, c.closed AS change_closed, c.amount AS change_amount,
           f.closed AS first_closed, f.amount AS first_amount, f.k AS first_k
         FROM asked a ASOF LEFT JOIN changes c ON c.id = a.id AND a.day_k >= c.k
         LEFT JOIN first f ON f.id = a.id)
       SELECT day, id, created_date,
         CASE WHEN NOT has_history THEN NOT is_closed OR close_date > day
              WHEN cut AND close_date <= day THEN false
              WHEN changed THEN NOT change_closed
              WHEN cut AND first_k >= closed_k THEN true
              ELSE NOT first_closed END AS open,
         CASE WHEN NOT has_history OR (cut AND close_date <= day) THEN amount
              WHEN changed THEN coalesce(change_amount, amount)
              WHEN cut AND first_k >= closed_k THEN amount
              ELSE coalesce(first_amount, amount) END AS amount
       FROM found`,
    ],
    queries: {
      headline: `SELECT ${winLoss} ${closedInQuarter}`,
      openPipeline: `SELECT day::VARCHAR AS day, coalesce(sum(amount), 0)::DOUBLE AS amount, count(*) AS deals
        FROM states WHERE open GROUP BY day ORDER BY day`,
      pipelineCreated: `SELECT coalesce(sum(amount), 0)::DOUBLE AS amount, count(*) AS deals,
        ((created_date - ${start}) // 7 + 1) AS week
        FROM states WHERE day = ${end} AND created_date BETWEEN ${start} AND ${end}
        GROUP BY ROLLUP (week) ORDER BY week NULLS FIRST`,
      winLossByCompetitor: `SELECT coalesce(competitor, '(none)') AS key, ${winLoss} ${closedInQuarter} GROUP BY key`,
      winLossByProduct: `SELECT coalesce(product, '(none)') AS key, ${winLoss} ${closedInQuarter} GROUP BY key`,
      activities: `SELECT a.owner, (a.date - ${start}) // 7 + 1 AS week, a.type, count(*) AS activities,
          count(*) FILTER (i.is_icp) / nullif(count(i.is_icp), 0) AS icp_share
        FROM activities a LEFT JOIN (
          SELECT id, CASE WHEN icp_tier IS NULL THEN NULL ELSE lower(icp_tier) IN (${ideal}) END AS is_icp
          FROM accounts) i ON i.id = a.account_id
        WHERE a.date BETWEEN ${start} AND ${end} GROUP BY ALL`,
    },
  };
}
