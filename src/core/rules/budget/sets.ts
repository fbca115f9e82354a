/**
 * Budget sets and relation helpers for the budget rules.
 *
 * A workbook may hold budget and final-accounts tables, and budget tables of two
 * years side by side (2026 and 2025), or the budgets of several units one after
 * the other. Cross-table rules compare only tables of one set:
 * - only budget-family tables (final tables are never looked at here);
 * - grouped by the year of their title (a table without a year joins the only
 *   year there is; with several years, the year-less tables form their own set);
 * - within a year, the k-th table of each template belongs to set k (one budget
 *   after another in a workbook: the usual case is one set).
 */
import { Finding, Severity } from "../../report/finding";
import { Table } from "../../recognize/templates";
import { AmountCell, CellRef } from "../../tables/types";
import { Term, checkRelation } from "../relation";
import { RuleContext } from "../types";

export interface BudgetSet {
  year?: number;
  tables: Table[];
  get<T extends Table = Table>(template: string): T | undefined;
}

const cache = new WeakMap<RuleContext, BudgetSet[]>();

export function budgetSets(ctx: RuleContext): BudgetSet[] {
  const hit = cache.get(ctx);
  if (hit) return hit;
  const budget = ctx.tables.filter((t) => t.family === "budget");
  const years = new Set(budget.map((t) => t.year).filter((y): y is number => y !== undefined));
  const byYear = new Map<string, Table[]>();
  for (const t of budget) {
    const key = t.year !== undefined ? String(t.year) : years.size === 1 ? String([...years][0]) : "none";
    const list = byYear.get(key) ?? [];
    list.push(t);
    byYear.set(key, list);
  }
  const sets: BudgetSet[] = [];
  for (const [key, tables] of byYear) {
    const seen = new Map<string, number>();
    const parts: Table[][] = [];
    for (const t of tables) {
      const k = seen.get(t.template) ?? 0;
      seen.set(t.template, k + 1);
      (parts[k] ??= []).push(t);
    }
    for (const p of parts) {
      const byTemplate = new Map<string, Table>();
      for (const t of p) byTemplate.set(t.template, t);
      sets.push({
        year: key === "none" ? undefined : parseInt(key, 10),
        tables: p,
        get<T extends Table>(template: string) {
          return byTemplate.get(template) as T | undefined;
        },
      });
    }
  }
  cache.set(ctx, sets);
  return sets;
}

function cellOf(t: Term): AmountCell {
  return "sign" in t ? t.cell : t;
}

/** True when the terms come from tables of different units (元 and 万元). */
export function mixedUnits(terms: Term[]): boolean {
  const units = new Set(terms.map((t) => cellOf(t).table.unit));
  return units.size > 1;
}

/**
 * lhs = rhs with the interval tolerance of spec §5, each table's figures in its
 * own unit. Across 元 and 万元 tables a difference within the 万元 figure's rounding
 * is what publishing in 万元 means, not a tail: it is not reported at all.
 */
export function eq(
  ctx: RuleContext,
  rule: string,
  statement: string | (() => string),
  lhs: Term[],
  lhsLabel: string,
  rhs: Term[],
  rhsLabel: string,
  severity: Severity = "error",
  lead?: CellRef[],
): Finding | null {
  return checkRelation(ctx, {
    rule,
    severity,
    kind: "eq",
    statement,
    lhs: { terms: lhs, label: lhsLabel },
    rhs: { terms: rhs, label: rhsLabel },
    lead,
    reportTails: !mixedUnits([...lhs, ...rhs]),
  });
}

/** small ≤ big (warning unless told): a relation that normally holds. */
export function le(
  ctx: RuleContext,
  rule: string,
  statement: string | (() => string),
  small: Term[],
  smallLabel: string,
  big: Term[],
  bigLabel: string,
  severity: Severity = "warning",
): Finding | null {
  return checkRelation(ctx, {
    rule,
    severity,
    kind: "le",
    statement,
    lhs: { terms: small, label: smallLabel },
    rhs: { terms: big, label: bigLabel },
  });
}

export function nonZero(c: AmountCell | undefined): boolean {
  return !!c?.amount && !c.amount.value.isZero();
}
