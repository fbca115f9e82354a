/**
 * Rule builders shared by every coded table (final 02/03/05/08/09, budget
 * 收入/支出/功能分类/经济分类 tables): per-row column sums and the 合计 = Σ类,
 * 类 = Σ款, 款 = Σ项 hierarchy, per column.
 */
import { Finding } from "../report/finding";
import { CodedRow, CodedTable, childrenOf, columnTitle, hasColumn } from "../tables/coded";
import { tableLabel } from "../tables/types";
import { Term, checkRelation, sumEquals } from "./relation";
import { Rule, RuleContext } from "./types";

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
        for (const r of rows) {
          const total = r.cells[opts.total];
          const terms: Term[] = items.map((i) => (i.sign === -1 ? { cell: r.cells[i.key], sign: -1 as const } : r.cells[i.key]));
          const f = sumEquals(
            ctx,
            opts.id,
            () => `${tableLabel(t)} ${r.kind === "total" ? "合计行" : r.kind === "code" ? `${r.code} ${r.name}` : r.name}：${columnTitle(t, opts.total)}应等于${itemsLabel}`,
            total,
            totalTitle,
            terms,
            itemsLabel,
          );
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
          for (const parent of t.rows) {
            const kids: CodedRow[] = childrenOf(t, parent);
            if (kids.length === 0) continue;
            const f = sumEquals(
              ctx,
              opts.id,
              () => `${tableLabel(t)}“${title}”栏：${parent.code} ${parent.name}应等于其下各${levelName(parent.level + 1, economic)}之和`,
              parent.cells[key],
              `${parent.code} ${parent.name}`,
              kids.map((k) => k.cells[key]),
              kids.length <= 6 ? `${kids.map((k) => k.code).join("、")}之和` : `其下 ${kids.length} 个科目之和`,
            );
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
