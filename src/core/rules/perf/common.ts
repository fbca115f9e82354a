/** Shared pieces of the performance rules: table selection, names of rows and cells in messages. */
import { Amount } from "../../amount/amount";
import { Decimal } from "../../amount/decimal";
import { formatNumber } from "../../amount/format";
import { halfFixedNum } from "../../amount/fixed";
import { Finding, Severity } from "../../report/finding";
import { PerfIndicator, PerfKind, PerfTable, isPerfTable, perfLabel } from "../../tables/perf/model";
import { AmountCell, CellRef, refA1, uniqueRefs } from "../../tables/types";
import { Rule, RuleContext } from "../types";

export function perfTables(ctx: RuleContext, kinds?: PerfKind[]): PerfTable[] {
  return ctx.tables.filter((t): t is PerfTable & typeof t => isPerfTable(t) && (!kinds || kinds.includes((t as PerfTable).kind)));
}

export function at(ref: CellRef): string {
  return refA1(ref);
}

/** "“鉴定人次”" with its 二级 when useful. */
export function indName(i: PerfIndicator): string {
  return `“${i.level3?.text?.trim() || i.name || i.level2Name}”`;
}

/** A figure as displayed: "6", "9.79", "72.6%". */
export function shownAmount(a: Amount | null | undefined): string {
  if (!a) return "（空）";
  if (a.blank) return "（空）";
  const v = a.value;
  const dp = Math.min(Math.max(v.decimalPlaces(), 0), 6);
  return `${formatNumber(v, dp, true)}${a.percent ? "%" : ""}`;
}

export function num(d: Decimal, dp = 2): string {
  return formatNumber(d, dp, true);
}

/** A figure that is present (not blank and a number). */
export function present(c: AmountCell | undefined): c is AmountCell & { amount: Amount } {
  return !!c && !!c.amount && !c.amount.blank;
}

/**
 * Σ of exact values with the Σ of half-units as tolerance (points are small
 * integers or two-decimal figures), on the fixed-point form of the figures
 * (value × 10^7); a message makes its decimal with fixedToDecimal().
 */
export function sumFixed(cells: AmountCell[]): { sum: bigint; slack: bigint } {
  let sum = BigInt(0);
  let slack = 0;
  for (const c of cells) {
    if (!c.amount) continue;
    sum += c.amount.fixed;
    slack += halfFixedNum(c.amount.decimals);
  }
  return { sum, slack: BigInt(slack) };
}

/** |sum − target| ≤ slack, all in fixed point. */
export function within(s: { sum: bigint; slack: bigint }, target: bigint): boolean {
  const d = s.sum - target;
  return (d < BigInt(0) ? -d : d) <= s.slack;
}

export interface PerfFindingSpec {
  rule: string;
  severity: Severity;
  message: string;
  cells: CellRef[];
  table: PerfTable;
  expected?: string;
  actual?: string;
}

export function finding(s: PerfFindingSpec): Finding {
  const f: Finding = { rule: s.rule, severity: s.severity, message: s.message, cells: uniqueRefs(s.cells), tables: [s.table.id] };
  if (s.expected !== undefined) f.expected = s.expected;
  if (s.actual !== undefined) f.actual = s.actual;
  return f;
}


/** A rule over the performance tables of some kinds. */
export function perfRule(
  id: string,
  title: string,
  severity: Severity,
  kinds: PerfKind[] | undefined,
  check: (t: PerfTable, ctx: RuleContext, rule: Rule) => (Finding | null | undefined)[],
): Rule {
  const rule: Rule = {
    id,
    title,
    severity,
    family: "perf",
    check(ctx) {
      const out: Finding[] = [];
      for (const t of perfTables(ctx, kinds)) for (const f of check(t, ctx, rule)) if (f) out.push(f);
      return out;
    },
  };
  return rule;
}

export { perfLabel };
