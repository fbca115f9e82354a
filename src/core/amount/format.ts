/** Formatting figures the way the published documents print them: "1,442.80". */
import { Decimal } from "./decimal";
import { Amount } from "./amount";

/** Thousands separators and a fixed number of decimals (half-up, as clerks round). */
export function formatNumber(d: Decimal, decimals = 2, grouping = true): string {
  const fixed = d.toFixed(decimals, Decimal.ROUND_HALF_UP);
  if (!grouping) return fixed;
  const neg = fixed.startsWith("-");
  const body = neg ? fixed.slice(1) : fixed;
  const [int, frac] = body.split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const out = frac !== undefined ? `${grouped}.${frac}` : grouped;
  return neg && !/^[0.,]+$/.test(out) ? `-${out}` : out;
}

/** An amount as displayed (decimals as read, at least 2 for money). */
export function formatAmount(a: Amount, minDecimals = 2): string {
  if (a.percent) return `${formatNumber(a.value, a.decimals, false)}%`;
  return formatNumber(a.value, Math.max(a.decimals, minDecimals));
}

/** Percentage with two decimals: 75.02%. */
export function formatPercent(d: Decimal, decimals = 2): string {
  return `${formatNumber(d, decimals, false)}%`;
}
