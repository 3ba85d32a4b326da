import type { Change } from "./comparisons.ts";

/*
 * How figures read in the pack: money compact with the currency ($4.2M), rates as whole
 * percentages, changes with a sign. Every number on a page goes through one of these.
 */

/** Money in compact form: $4.2M, $2.0M, $860K, $950. */
export function formatMoney(value: number | null, currency: string): string {
  if (value === null) return "—";
  const large = Math.abs(value) >= 10_000;
  // Millions keep their decimal ($2.0M beside $4.1M), so a column of them reads evenly.
  const millions = Math.abs(value) >= 999_950;
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency,
    notation: large ? "compact" : "standard",
    minimumFractionDigits: millions ? 1 : 0,
    maximumFractionDigits: large ? 1 : 0,
  }).format(value);
}

/** A fraction 0..1 as a percentage: 0.423 → "42%". */
export function formatPercent(value: number | null, digits = 0): string {
  if (value === null) return "—";
  return `${(value * 100).toFixed(digits)}%`;
}

/** A count with thousands separators. */
export function formatCount(value: number | null): string {
  return value === null ? "—" : new Intl.NumberFormat("en-US").format(value);
}

/** Days to one decimal at most: "63.5 days". */
export function formatDays(value: number | null): string {
  return value === null ? "—" : `${Math.round(value * 10) / 10} days`;
}

/** A growth rate in words: "up 21%", "down 4%", "flat", or "not comparable" when undefined. */
export function formatGrowth(value: number | null): string {
  if (value === null) return "not comparable";
  const pct = Math.round(value * 100);
  return pct > 0 ? `up ${pct}%` : pct < 0 ? `down ${Math.abs(pct)}%` : "flat";
}

/** A multiple to one decimal: 3.14 → "3.1×". */
export function formatMultiple(value: number | null): string {
  return value === null ? "—" : `${value.toFixed(1)}×`;
}

/** A change: "+18%" for relative changes, "+3 pts" for rates, "+0.4×" for multiples; "—" when undefined. */
export function formatChange(change: Change | null): string {
  if (change === null) return "—";
  if (change.kind === "times") {
    const tenths = Math.round(change.value * 10);
    const sign = tenths > 0 ? "+" : tenths < 0 ? "−" : "";
    return `${sign}${(Math.abs(tenths) / 10).toFixed(1)}×`;
  }
  if (change.kind === "points") {
    const pts = Math.round(change.value);
    return `${signed(pts)} pt${Math.abs(pts) === 1 ? "" : "s"}`;
  }
  return `${signed(Math.round(change.value * 100))}%`;
}

/** A day "2026-09-30" as "30 Sep 2026". */
export function formatDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  const month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m! - 1];
  return `${d} ${month} ${y}`;
}

/** A quarter id "2026-Q3" as "Q3 2026". */
export function formatQuarter(id: string): string {
  return `${id.slice(5)} ${id.slice(0, 4)}`;
}

/** The URL path segment of a quarter: "2026-q3". */
export function quarterSlug(id: string): string {
  return id.toLowerCase();
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : "0";
}
