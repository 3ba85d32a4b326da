import type { Snapshot } from "../snapshot/snapshot.ts";

/*
 * The pack's main tables as CSV downloads: plain numbers (no currency symbols or rounding
 * for display) so a finance team can reuse them in a spreadsheet.
 */

/** A downloadable table. */
export interface TableDownload {
  name: string;
  label: string;
  rows(snapshot: Snapshot): (string | number | boolean | null)[][];
}

export const TABLES: TableDownload[] = [
  {
    name: "headline",
    label: "Headline figures",
    rows: (s) => [["figure", "value"], ...Object.entries(s.headline).map(([k, v]) => [k, v])],
  },
  {
    name: "attainment",
    label: "Attainment by segment and rep",
    rows: (s) => {
      const plan = s.sections.plan?.quarter ?? null;
      const line = (
        scope: string,
        l: { key: string; plan: number; bookings: number; attainment: number | null },
      ) => [scope, l.key, l.plan, l.bookings, l.attainment];
      return [
        ["scope", "name", "plan", "bookings", "attainment", "band"],
        ...(plan === null
          ? []
          : [
              [...line("company", { key: s.company, ...plan }), null],
              ...plan.bySegment.map((l) => [...line("segment", l), null]),
              ...plan.byRep.map((l) => [...line("rep", l), l.band]),
            ]),
      ];
    },
  },
  {
    name: "new-logos",
    label: "New logos",
    rows: (s) => [
      [
        "account_id",
        "account",
        "amount",
        "deals",
        "first_close_date",
        "products",
        "segment",
        "reference_approved",
      ],
      ...s.sections.newLogos.logos.map((l) => [
        l.accountId,
        l.account,
        l.amount,
        l.deals,
        l.firstCloseDate,
        l.products.join("; "),
        l.segment,
        l.referenceApproved,
      ]),
    ],
  },
  {
    name: "win-loss-by-competitor",
    label: "Win/loss by competitor",
    rows: (s) => [
      [
        "competitor",
        "won",
        "lost",
        "no_decision",
        "won_amount",
        "lost_amount",
        "no_decision_amount",
        "win_rate",
        "competitive_win_rate",
        "cash_win_rate",
      ],
      ...s.sections.winLoss.byCompetitor.map((g) => [
        g.key,
        g.won,
        g.lost,
        g.noDecision,
        g.wonAmount,
        g.lostAmount,
        g.noDecisionAmount,
        g.winRate,
        g.competitiveWinRate,
        g.cashWinRate,
      ]),
    ],
  },
  {
    name: "pipeline-created-by-week",
    label: "Pipeline created by week",
    rows: (s) => [
      ["week", "start", "amount", "opportunities"],
      ...(s.sections.pipeline.created?.byWeek ?? []).map((w) => [w.week, w.start, w.amount, w.deals]),
    ],
  },
  {
    name: "data-quality",
    label: "Input ledger",
    rows: (s) => [
      ["file", "kind", "read", "used", "rejected", "warnings"],
      ...s.manifest.ledger.files.map((f) => [f.file, f.kind, f.read, f.used, f.rejected, f.warnings]),
    ],
  },
];

/** Rows as CSV text, quoting where needed, "\n" line ends. */
export function toCsv(rows: (string | number | boolean | null)[][]): string {
  const cell = (v: string | number | boolean | null) => {
    if (v === null) return "";
    const text = neutralizeFormula(String(v));
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `${rows.map((r) => r.map(cell).join(",")).join("\n")}\n`;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * CRM text opened in a spreadsheet: a cell beginning with = + - @, a tab or a carriage return
 * is run as a formula (=HYPERLINK(…), +cmd|…), so it gets a leading single quote and stays
 * text. Plain numbers such as -5000 are left as numbers.
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}
