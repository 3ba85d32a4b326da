import type { Random } from "./random.ts";

/*
 * Northwind Analytics: who sells, what, to whom. Two reps are drawn to contrast: Dana Brooks
 * works a territory of mostly off-profile (tier C) accounts and reaches the wrong people;
 * Sam Okafor's territory is mostly ideal-profile (tier A) and Sam reaches economic buyers.
 */

/** A sales rep and how they work. */
export interface Rep {
  name: string;
  /** Share of their accounts in ICP tiers A, B, C. */
  tiers: Record<"A" | "B" | "C", number>;
  /** Added to every deal's chance of winning. */
  skill: number;
  /** Chance a deal of theirs engages a target persona. */
  reachesBuyers: number;
  /** Prospecting touches a week (calls and emails not tied to a deal). */
  touchesPerWeek: number;
}

export const REPS: Rep[] = [
  {
    name: "Sam Okafor",
    tiers: { A: 0.7, B: 0.25, C: 0.05 },
    skill: 0.08,
    reachesBuyers: 0.85,
    touchesPerWeek: 12,
  },
  {
    name: "Dana Brooks",
    tiers: { A: 0.1, B: 0.25, C: 0.65 },
    skill: -0.06,
    reachesBuyers: 0.2,
    touchesPerWeek: 34,
  },
  {
    name: "Priya Raman",
    tiers: { A: 0.35, B: 0.4, C: 0.25 },
    skill: 0.02,
    reachesBuyers: 0.55,
    touchesPerWeek: 18,
  },
  {
    name: "Marcus Webb",
    tiers: { A: 0.3, B: 0.4, C: 0.3 },
    skill: 0,
    reachesBuyers: 0.5,
    touchesPerWeek: 20,
  },
  {
    name: "Elena Sousa",
    tiers: { A: 0.3, B: 0.45, C: 0.25 },
    skill: 0.03,
    reachesBuyers: 0.6,
    touchesPerWeek: 17,
  },
  {
    name: "Tom Lindqvist",
    tiers: { A: 0.25, B: 0.4, C: 0.35 },
    skill: -0.02,
    reachesBuyers: 0.45,
    touchesPerWeek: 19,
  },
];

export const PRODUCTS = { Platform: 0.5, Analytics: 0.3, Connect: 0.2 } as const;
export type Product = keyof typeof PRODUCTS;

/** Deal size range in dollars per segment. */
export const SEGMENTS = {
  SMB: { weight: 0.4, min: 8_000, max: 25_000, employees: [20, 200], cycle: [25, 60] },
  "Mid-Market": { weight: 0.4, min: 25_000, max: 90_000, employees: [200, 2_000], cycle: [40, 100] },
  Enterprise: { weight: 0.2, min: 90_000, max: 400_000, employees: [2_000, 40_000], cycle: [70, 170] },
} as const;
export type Segment = keyof typeof SEGMENTS;

/** Competitors, with how much each shifts our chance of winning. */
export const COMPETITORS = { Vantage: 0.22, Helix: -0.2, Tablewise: 0.02 } as const;

const INDUSTRIES = [
  "Software",
  "Financial Services",
  "Healthcare",
  "Manufacturing",
  "Retail",
  "Logistics",
  "Education",
  "Media",
];
const NAME_FIRST = [
  "North",
  "Blue",
  "Silver",
  "Iron",
  "Bright",
  "Clear",
  "Summit",
  "Harbor",
  "Pine",
  "Red",
  "Stone",
  "Swift",
  "Oak",
  "Lake",
  "Cedar",
  "Granite",
  "Maple",
  "Falcon",
  "Aurora",
  "Beacon",
];
const NAME_SECOND = [
  "field",
  "ridge",
  "gate",
  "wave",
  "point",
  "bridge",
  "stone",
  "brook",
  "line",
  "works",
  "peak",
  "view",
  "path",
  "crest",
  "haven",
];
const NAME_SUFFIX = ["Inc", "Group", "Systems", "Labs", "Partners", "Holdings", "Co", "Technologies"];

/** An account of the sample company's market. */
export interface SampleAccount {
  id: string;
  name: string;
  industry: string;
  employees: number;
  segment: Segment;
  tier: "A" | "B" | "C";
  owner: Rep;
  referenceApproved: boolean;
}

/** 1,500 accounts, each in one rep's territory. */
export function makeAccounts(random: Random): SampleAccount[] {
  const accounts: SampleAccount[] = [];
  const names = new Set<string>();
  for (let i = 1; i <= 1500; i++) {
    const owner = REPS[(i - 1) % REPS.length]!;
    const segment = random.weighted({ SMB: 0.4, "Mid-Market": 0.4, Enterprise: 0.2 }) as Segment;
    const [minEmployees, maxEmployees] = SEGMENTS[segment].employees;
    let name = "";
    do {
      name = `${random.pick(NAME_FIRST)}${random.pick(NAME_SECOND)} ${random.pick(NAME_SUFFIX)}`;
    } while (names.has(name));
    names.add(name);
    accounts.push({
      id: `ACC-${String(i).padStart(4, "0")}`,
      name,
      industry: random.pick(INDUSTRIES),
      employees: random.int(minEmployees, maxEmployees),
      segment,
      tier: random.weighted(owner.tiers),
      owner,
      referenceApproved: random.chance(0.3),
    });
  }
  return accounts;
}

/** Job titles per persona; the persona column is left empty for some contacts so it is derived from the title. */
const TITLES = {
  "Economic Buyer": ["VP Finance", "Chief Revenue Officer", "CFO", "VP Sales", "Head of Operations", "COO"],
  Champion: [
    "Director of Sales Operations",
    "Revenue Operations Manager",
    "Director of Analytics",
    "BI Manager",
  ],
  User: ["Data Analyst", "Sales Analyst", "Account Executive", "Operations Specialist"],
  "Technical Evaluator": ["IT Manager", "Solutions Architect", "Data Engineer", "Security Engineer"],
} as const;
export type Persona = keyof typeof TITLES;

/** A contact at an account. */
export interface SampleContact {
  id: string;
  accountId: string;
  title: string;
  persona: Persona;
  /** Whether the export records the persona (else it is derived from the title). */
  personaRecorded: boolean;
}

/** Three contacts per account, one of them a target persona at least half the time. */
export function makeContacts(random: Random, accounts: readonly SampleAccount[]): SampleContact[] {
  const contacts: SampleContact[] = [];
  for (const account of accounts) {
    for (let k = 0; k < 3; k++) {
      const persona = random.weighted({
        "Economic Buyer": 0.25,
        Champion: 0.25,
        User: 0.3,
        "Technical Evaluator": 0.2,
      }) as Persona;
      contacts.push({
        id: `CON-${String(contacts.length + 1).padStart(5, "0")}`,
        accountId: account.id,
        title: random.pick(TITLES[persona]),
        persona,
        personaRecorded: random.chance(0.7),
      });
    }
  }
  return contacts;
}

/** Whether a persona is one the sales motion aims at. */
export function isTargetPersona(persona: Persona): boolean {
  return persona === "Economic Buyer" || persona === "Champion";
}
