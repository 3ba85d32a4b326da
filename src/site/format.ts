/*
 * How figures read in the pack: money compact with the currency ($4.2M), rates as whole
 * percentages, changes with a sign. Every number on a page goes through one of these.
 */

/** Money in compact form: $4.2M, $860k, $950. */
export function formatMoney(value: number | null, currency: string): string {
  if (value === null) return "—";
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency,
    notation: Math.abs(value) >= 10_000 ? "compact" : "standard",
    maximumFractionDigits: Math.abs(value) >= 10_000 ? 1 : 0,
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

/** A change as a signed percentage ("+18%", "−4%"), or "—" when undefined. */
export function formatChange(value: number | null): string {
  if (value === null) return "—";
  const pct = Math.round(value * 100);
  return pct > 0 ? `+${pct}%` : pct < 0 ? `−${Math.abs(pct)}%` : "0%";
}
