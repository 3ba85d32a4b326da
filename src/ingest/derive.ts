import type { Config } from "../config/configSchema.ts";
import { PATTERN_TEXT_LIMIT } from "../config/safePattern.ts";
import type { OpportunityType } from "../model/records.ts";

/*
 * Values the pack needs that CRMs record in many ways or not at all: whether an account fits
 * the ideal customer profile, a contact's buyer persona, and an opportunity's type. Every
 * adapter derives them here, so they mean the same whatever the export.
 */

/** Whether an account fits the ICP: from its tier when recorded, else from the config's firmographic rule. */
export function deriveIsIcp(
  tier: string | null,
  industry: string | null,
  employees: number | null,
  icp: Config["icp"],
): boolean | null {
  if (tier !== null) return icp.idealTiers.some((t) => t.toLowerCase() === tier.toLowerCase());
  const hasRule = icp.industries.length > 0 || icp.minEmployees !== null;
  if (!hasRule) return null;
  const industryFits =
    icp.industries.length === 0 ||
    (industry !== null && icp.industries.some((i) => i.toLowerCase() === industry.toLowerCase()));
  const sizeFits = icp.minEmployees === null || (employees !== null && employees >= icp.minEmployees);
  return industryFits && sizeFits;
}

/** Compiled persona rules: the recorded persona wins, else the first title pattern that matches. */
export function personaRules(personas: Config["personas"]) {
  const patterns = Object.entries(personas.titlePatterns).map(([persona, source]) => ({
    persona,
    pattern: new RegExp(source, "i"),
  }));
  const targets = new Set(personas.targets.map((t) => t.toLowerCase()));
  return {
    /** The contact's persona, recorded or derived from the title. */
    personaOf(recorded: string | null, title: string | null): string | null {
      if (recorded !== null) return recorded;
      if (title === null) return null;
      const text = title.slice(0, PATTERN_TEXT_LIMIT);
      return patterns.find(({ pattern }) => pattern.test(text))?.persona ?? null;
    },
    /** Whether a persona is one the sales motion aims at. */
    isTarget(persona: string | null): boolean {
      return persona !== null && targets.has(persona.toLowerCase());
    },
  };
}

/** An opportunity type from the many ways CRMs write it; null when it says none of the three. */
export function deriveOpportunityType(text: string): OpportunityType | null {
  const value = text.toLowerCase();
  if (value === "") return null;
  if (/renew/.test(value)) return "renewal";
  if (/expan|upsell|up-sell|upgrade|add-?on|cross|existing/.test(value)) return "expansion";
  if (/new/.test(value)) return "new";
  return null;
}
