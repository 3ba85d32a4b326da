import type { Snapshot } from "../snapshot/snapshot.ts";

/*
 * The sections of a quarter's pack in page order, which is the order of importance: what the
 * board asks first comes first. The table of contents is built from this list, and each
 * section component uses the id as its heading's anchor.
 */

/** A section of the quarter page. */
export interface Section {
  /** Anchor of the section's heading. */
  id: string;
  /** Its heading, as the table of contents shows it. */
  title: string;
  /** Whether the page has the section; every section is shown when absent. */
  shown?: (snapshot: Snapshot) => boolean;
}

/** What a section takes that sets the quarter against the issued record (trends, changes). */
export interface SectionProps {
  snapshot: Snapshot;
  /** The latest version of every issued quarter, newest first. */
  archive: Snapshot[];
}

export const SECTIONS: readonly Section[] = [
  { id: "summary", title: "Executive summary" },
  { id: "commentary", title: "Commentary from sales operations", shown: (s) => s.commentary !== null },
  { id: "plan", title: "Plan and coverage" },
  { id: "new-logos", title: "New logos" },
  { id: "pipeline", title: "Pipeline" },
  { id: "win-loss", title: "Win/loss and competition" },
  { id: "voice", title: "Voice of the customer" },
  { id: "forecast", title: "Forecast accuracy" },
  { id: "velocity", title: "Bookings and velocity" },
  { id: "funnel", title: "Funnel, velocity and renewals" },
  { id: "leading", title: "Leading indicators" },
  { id: "rocks", title: "Rocks" },
  { id: "appendix", title: "Definitions and data quality" },
  { id: "downloads", title: "Downloads" },
];

/** The sections a snapshot's page shows. */
export function sectionsOf(snapshot: Snapshot): Section[] {
  return SECTIONS.filter((s) => s.shown === undefined || s.shown(snapshot));
}

/** The title of a section by its id. */
export function sectionTitle(id: string): string {
  const section = SECTIONS.find((s) => s.id === id);
  if (section === undefined) throw new Error(`unknown section: ${id}`);
  return section.title;
}

/** The file name of a quarter's printed pack, beside its page. */
export function pdfName(quarter: string): string {
  return `${quarter}-sales-pack.pdf`;
}
