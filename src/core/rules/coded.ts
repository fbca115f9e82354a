/**
 * Rule builders shared by every coded table (final 02/03/05/08/09, budget
 * 收入/支出/功能分类/经济分类 tables): per-row column sums and the 合计 = Σ类,
 * 类 = Σ款, 款 = Σ项 hierarchy, per column.
 */
import { Finding } from "../report/finding";
import { CodedRow, CodedTable, childrenOf, columnTitle, hasColumn } from "../tables/coded";
import { AmountCell, tableLabel } from "../tables/types";
import { SumLabels, Term, checkRelation, sumEquals, sumEqualsLabelled } from "./relation";
import { Rule, RuleContext } from "./types";

/** The labels of a row's sum (written only when reported). */
function rowSumLabels(t: CodedTable, r: CodedRow, text: { totalTitle: string; itemsLabel: string }): SumLabels {
  return {
    statement: `${tableLabel(t)} ${r.kind === "total" ? "合计行" : r.kind === "code" ? `${r.code} ${r.name}` : r.name}：${text.totalTitle}应等于${text.itemsLabel}`,
    total: text.totalTitle,
    items: text.itemsLabel,
  };
}

/** One row's total = Σ items. */
function rowSum(ctx: RuleContext, id: string, t: CodedTable, r: CodedRow, total: AmountCell, text: { totalTitle: string; itemsLabel: string }, terms: Term[]): Finding | null {
  return sumEqualsLabelled(ctx, id, total, terms, rowSumLabels, t, r, text);
}

/** total column = Σ item columns (with optional signs), for every row including 合计. */
export function rowSumRule(opts: {
  id: string;
  template: string;
  title: string;
  family?: Rule["family"];
  total: string;
  items: { key: string; sign?: 1 | -1 }[];
}): Rule {
  return {
    id: opts.id,
    title: opts.title,
    severity: "error",
    family: opts.family ?? "final",
    check(ctx: RuleContext): Finding[] {
      const out: Finding[] = [];
      for (const t of ctx.all<CodedTable>(opts.template)) {
        if (!hasColumn(t, opts.total)) continue;
        const items = opts.items.filter((i) => hasColumn(t, i.key));
        if (items.length === 0) continue;
        const rows = [...(t.total ? [t.total] : []), ...t.rows, ...t.others];
        const totalTitle = columnTitle(t, opts.total);
        const itemsLabel = items
          .map((i, n) => `${n === 0 ? (i.sign === -1 ? "−" : "") : i.sign === -1 ? "−" : "+"}${columnTitle(t, i.key)}`)
          .join("");
        const text = { totalTitle, itemsLabel };
        for (let n = 0; n < rows.length; n++) {
          const r = rows[n];
          const total = r.cells[opts.total];
          const terms: Term[] = new Array(items.length);
          for (let i = 0; i < items.length; i++) {
            const c = r.cells[items[i].key];
            terms[i] = items[i].sign === -1 ? { cell: c, sign: -1 } : c;
          }
          const f = rowSum(ctx, opts.id, t, r, total, text, terms);
          if (f) out.push(f);
        }
      }
      return out;
    },
  };
}

function levelName(level: number, economic: boolean): string {
  if (economic) return level === 1 ? "类" : "款";
  return level === 1 ? "类" : level === 2 ? "款" : "项";
}

/**
 * 类 = Σ 款 (or 款 = Σ 项) in one column. A function of its own, so that the
 * labels' closures are only created for rows that have children (thousands of
 * 项 rows have none).
 */
/** A column of a coded table, as its hierarchy messages name it (made once per column). */
interface ColumnInfo {
  t: CodedTable;
  title: string;
  economic: boolean;
}

function parentSum(ctx: RuleContext, id: string, col: ColumnInfo, key: string, parent: CodedRow, kids: readonly CodedRow[]): Finding | null {
  const cells: Term[] = new Array(kids.length);
  for (let i = 0; i < kids.length; i++) cells[i] = kids[i].cells[key];
  // Labels are written only for a reported parent: thousands of parents pass.
  return sumEqualsLabelled(ctx, id, parent.cells[key], cells, parentLabels, col, parent, kids);
}

function parentLabels(col: ColumnInfo, parent: CodedRow, kids: readonly CodedRow[]): SumLabels {
  return {
    statement: `${tableLabel(col.t)}“${col.title}”栏：${parent.code} ${parent.name}应等于其下各${levelName(parent.level + 1, col.economic)}之和`,
    total: `${parent.code} ${parent.name}`,
    items: kids.length <= 6 ? `${kids.map((k) => k.code).join("、")}之和` : `其下 ${kids.length} 个科目之和`,
  };
}

/** 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项, for each amount column (only where children exist). */
export function hierarchyRule(opts: { id: string; template: string; title: string; family?: Rule["family"]; columns?: string[] }): Rule {
  return {
    id: opts.id,
    title: opts.title,
    severity: "error",
    family: opts.family ?? "final",
    check(ctx: RuleContext): Finding[] {
      const out: Finding[] = [];
      for (const t of ctx.all<CodedTable>(opts.template)) {
        const keys = t.columns.map((c) => c.key).filter((k) => !opts.columns || opts.columns.includes(k));
        const economic = t.codeKind === "economic";
        const classes = t.rows.filter((r) => r.level === 1);
        for (const key of keys) {
          const title = columnTitle(t, key);
          if (t.total && classes.length > 0) {
            const f = sumEquals(
              ctx,
              opts.id,
              `${tableLabel(t)}“${title}”栏：合计应等于各类之和`,
              t.total.cells[key],
              "合计",
              classes.map((r) => r.cells[key]),
              `各类（${classes.map((r) => r.code).join("、")}）之和`,
            );
            if (f) out.push(f);
          }
          const col: ColumnInfo = { t, title, economic };
          // Indexed loop: no iterator result per row in code that runs once per check.
          const rows = t.rows;
          for (let i = 0; i < rows.length; i++) {
            const parent = rows[i];
            const kids = childrenOf(t, parent);
            if (kids.length === 0) continue;
            const f = parentSum(ctx, opts.id, col, key, parent, kids);
            if (f) out.push(f);
          }
        }
      }
      return out;
    },
  };
}

/** Σ of a set of terms against a total (generic helper re-exported for rule files). */
export { checkRelation };
