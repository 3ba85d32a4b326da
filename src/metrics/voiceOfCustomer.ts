import { daysBetween } from "../calendar/days.ts";
import { type FiscalCalendar, inQuarter, type Quarter, quarterOfDay } from "../calendar/fiscalCalendar.ts";
import type { Config } from "../config/configSchema.ts";
import type { Interview } from "../model/interview.ts";
import { NOTE_OUTCOMES, type NoteOutcome } from "../model/outcome.ts";
import type { Opportunity } from "../model/records.ts";
import { median } from "./groups.ts";
import { lossReasons } from "./winLoss.ts";

/*
 * Voice of the customer: what the quarter's win/loss interviews say. A note belongs to the
 * quarter its deal closed in when it is linked to one, else to the quarter of the interview.
 * Themes are counted once per note, from its tags and from its decision-criteria and
 * decision sections, by the configured words for each theme; channels (how buyers found us)
 * from its research section. Quotes are featured by a fixed rule: the best quote of each
 * outcome first (most themes, then longest up to 280 characters, then file name), then the
 * next best, up to six.
 */

/** One interview as the pack lists it. */
export interface InterviewEntry {
  slug: string;
  file: string;
  outcome: NoteOutcome;
  intervieweeRole: string;
  competitor: string | null;
  interviewDate: string;
  opportunityId: string | null;
  /** The linked deal's name, amount and product, when the note's opportunity is in the export. */
  deal: { name: string; amount: number; product: string | null; closeDate: string } | null;
  account: string | null;
  themes: string[];
  /** Days from problem realised to decision, when the note gives the realisation date. */
  daysToDecision: number | null;
  body: string;
}

/** A theme's count across notes, by outcome. */
export interface ThemeCount {
  theme: string;
  won: number;
  lost: number;
  noDecision: number;
}

/** The quarter's interview synthesis. */
export interface VoiceOfCustomer {
  interviews: InterviewEntry[];
  byOutcome: { won: number; lost: number; noDecision: number };
  themes: ThemeCount[];
  byCompetitor: { competitor: string; won: number; lost: number; noDecision: number; topThemes: string[] }[];
  /** Each claimed differentiator: how many won interviews cite it. */
  differentiators: { differentiator: string; citedInWins: number; wins: number }[];
  channels: { channel: string; interviews: number }[];
  medianDaysToDecision: number | null;
  quotes: { text: string; role: string; outcome: NoteOutcome; competitor: string | null; slug: string }[];
  /** The CRM's recorded reasons for the quarter's lost deals, beside what interviews say. */
  crmLossReasons: { reason: string; deals: number; amount: number; noDecision: boolean }[];
}

/** The synthesis of the interviews belonging to the quarter. */
export function voiceOfCustomer(
  interviews: readonly Interview[],
  opportunities: readonly Opportunity[],
  quarter: Quarter,
  config: Config,
): VoiceOfCustomer {
  const calendar: FiscalCalendar = config;
  const byId = new Map(opportunities.map((o) => [o.id, o]));
  const { themes: vocabulary, differentiators, channels } = config.voiceOfCustomer;
  const entries = interviews
    .map((note) => entryOf(note, byId.get(note.opportunityId ?? ""), vocabulary))
    .filter((e) => quarterOfDay(e.deal?.closeDate ?? e.interviewDate, calendar).id === quarter.id)
    .sort((a, b) => a.interviewDate.localeCompare(b.interviewDate) || a.slug.localeCompare(b.slug));
  const notes = new Map(interviews.map((n) => [n.slug, n]));
  const count = (list: readonly InterviewEntry[], outcome: NoteOutcome) =>
    list.filter((e) => e.outcome === outcome).length;

  const themes = Object.keys(vocabulary)
    .map((theme) => {
      const citing = entries.filter((e) => e.themes.includes(theme));
      return {
        theme,
        won: count(citing, "won"),
        lost: count(citing, "lost"),
        noDecision: count(citing, "no-decision"),
      };
    })
    .filter((t) => t.won + t.lost + t.noDecision > 0)
    .sort(
      (a, b) =>
        b.won + b.lost + b.noDecision - (a.won + a.lost + a.noDecision) || a.theme.localeCompare(b.theme),
    );

  const competitors = [...new Set(entries.map((e) => e.competitor).filter((c) => c !== null))].sort();
  const wins = entries.filter((e) => e.outcome === "won");
  return {
    interviews: entries,
    byOutcome: { won: wins.length, lost: count(entries, "lost"), noDecision: count(entries, "no-decision") },
    themes,
    byCompetitor: competitors.map((competitor) => {
      const list = entries.filter((e) => e.competitor === competitor);
      const tally = new Map<string, number>();
      for (const e of list) for (const t of e.themes) tally.set(t, (tally.get(t) ?? 0) + 1);
      const topThemes = [...tally]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 3)
        .map(([t]) => t);
      return {
        competitor,
        won: count(list, "won"),
        lost: count(list, "lost"),
        noDecision: count(list, "no-decision"),
        topThemes,
      };
    }),
    differentiators: differentiators.map((d) => ({
      differentiator: d,
      citedInWins: wins.filter((e) => e.themes.includes(d)).length,
      wins: wins.length,
    })),
    channels: Object.entries(channels)
      .map(([channel, words]) => ({
        channel,
        interviews: entries.filter((e) => mentions(notes.get(e.slug)?.sections.research ?? "", words)).length,
      }))
      .filter((c) => c.interviews > 0)
      .sort((a, b) => b.interviews - a.interviews || a.channel.localeCompare(b.channel)),
    medianDaysToDecision: median(
      entries
        .map((e) => e.daysToDecision)
        .filter((d) => d !== null)
        .sort((a, b) => a - b),
    ),
    quotes: featuredQuotes(entries, notes),
    crmLossReasons: lossReasons(
      opportunities.filter((o) => o.isClosed && inQuarter(o.closeDate, quarter)),
      new RegExp(config.noDecisionPattern, "i"),
    ),
  };
}

function entryOf(
  note: Interview,
  deal: Opportunity | undefined,
  vocabulary: Record<string, string[]>,
): InterviewEntry {
  const text = [note.tags.join(" "), note.sections.criteria ?? "", note.sections.decision ?? ""].join("\n");
  const decided = deal?.isClosed ? deal.closeDate : note.interviewDate;
  return {
    slug: note.slug,
    file: note.file,
    outcome: note.outcome,
    intervieweeRole: note.intervieweeRole,
    competitor: note.competitor ?? deal?.competitor ?? null,
    interviewDate: note.interviewDate,
    opportunityId: note.opportunityId,
    deal: deal
      ? { name: deal.name, amount: deal.amount, product: deal.product, closeDate: deal.closeDate }
      : null,
    account: note.account,
    themes: Object.entries(vocabulary)
      .filter(([theme, words]) => mentions(text, [theme, ...words]))
      .map(([theme]) => theme),
    daysToDecision: note.problemRealised === null ? null : daysBetween(note.problemRealised, decided),
    body: note.body,
  };
}

/** Whether text mentions any of the words (whole words, any case). */
function mentions(text: string, words: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return words.some((w) =>
    new RegExp(`(^|[^a-z0-9])${escapeRegExp(w.toLowerCase())}([^a-z0-9]|$)`).test(lower),
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function featuredQuotes(
  entries: readonly InterviewEntry[],
  notes: Map<string, Interview>,
): VoiceOfCustomer["quotes"] {
  const candidates = entries.flatMap((e) =>
    (notes.get(e.slug)?.quotes ?? []).map((text) => ({
      text,
      role: e.intervieweeRole,
      outcome: e.outcome,
      competitor: e.competitor,
      slug: e.slug,
      score: e.themes.length,
      file: e.file,
    })),
  );
  const rank = (a: (typeof candidates)[number], b: (typeof candidates)[number]) =>
    b.score - a.score ||
    Math.min(b.text.length, 280) - Math.min(a.text.length, 280) ||
    a.file.localeCompare(b.file) ||
    a.text.localeCompare(b.text);
  const usable = candidates.filter((c) => c.text.length <= 280).sort(rank);
  const chosen: typeof usable = [];
  for (const outcome of Object.values(NOTE_OUTCOMES)) {
    const best = usable.find((c) => c.outcome === outcome);
    if (best) chosen.push(best);
  }
  for (const c of usable) if (chosen.length < 6 && !chosen.includes(c)) chosen.push(c);
  return chosen.map(({ text, role, outcome, competitor, slug }) => ({
    text,
    role,
    outcome,
    competitor,
    slug,
  }));
}
