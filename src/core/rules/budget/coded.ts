/**
 * Row and hierarchy sums of the coded budget tables: 收入预算总表, 支出预算总表, the
 * three 功能分类预算表 and the 基本支出经济分类预算表 (spec §2: 合计 = 基本 + 项目;
 * 基本支出 = 人员经费 + 公用经费; 合计 = 人员经费 + 公用经费; 合计 = Σ类, 类 = Σ款, 款 = Σ项).
 */
import { Finding } from "../../report/finding";
import { BudgetCodedTable } from "../../tables/budget/coded";
import { CodedRow, columnTitle } from "../../tables/coded";
import { tableLabel } from "../../tables/types";
import { hierarchyRule } from "../coded";
import { sumEquals } from "../relation";
import { Rule } from "../types";

function rowName(r: CodedRow): string {
  return r.kind === "total" ? "合计行" : r.kind === "code" ? `${r.code} ${r.name}` : r.name;
}

/** Per row: 合计 = Σ top-level columns; each grouped column = Σ its sub-columns. */
export function budgetRowSumRule(id: string, template: string, title: string): Rule {
  return {
    id,
    title,
    severity: "error",
    family: "budget",
    check(ctx) {
      const out: Finding[] = [];
      for (const t of ctx.all<BudgetCodedTable>(template)) {
        const rows = [...(t.total ? [t.total] : []), ...t.rows, ...t.others];
        const hasTotal = t.columns.some((c) => c.key === "total");
        const sums = hasTotal && t.sumKeys.length >= 2 ? [{ parent: "total", children: t.sumKeys }] : [];
        for (const g of [...sums, ...t.groups]) {
          const parentTitle = columnTitle(t, g.parent);
          const childrenLabel = g.children.map((k) => columnTitle(t, k)).join("＋");
          for (const r of rows) {
            const f = sumEquals(
              ctx,
              id,
              () => `${tableLabel(t)} ${rowName(r)}：${parentTitle}应等于${childrenLabel}`,
              r.cells[g.parent],
              parentTitle,
              g.children.map((k) => r.cells[k]),
              childrenLabel,
            );
            if (f) out.push(f);
          }
        }
      }
      return out;
    },
  };
}

const hierarchy = (id: string, template: string, name: string, economic = false) =>
  hierarchyRule({
    id,
    template,
    family: "budget",
    title: economic ? `${name}：合计＝各类之和，类＝其下各款之和（每一栏）` : `${name}：合计＝各类之和，类＝其下各款之和，款＝其下各项之和（每一栏）`,
  });

export const budget02RowSum = budgetRowSumRule("budget.02.row-sum", "budget02", "收入预算总表：每行合计应等于各项收入之和（财政拨款收入等于其下各项拨款之和）");
export const budget02Hierarchy = hierarchy("budget.02.hierarchy", "budget02", "收入预算总表");
export const budget03RowSum = budgetRowSumRule("budget.03.row-sum", "budget03", "支出预算总表：每行合计应等于基本支出与项目支出之和（基本支出分栏时等于人员经费与公用经费之和）");
export const budget03Hierarchy = hierarchy("budget.03.hierarchy", "budget03", "支出预算总表");
export const budget05RowSum = budgetRowSumRule("budget.05.row-sum", "budget05", "一般公共预算支出功能分类预算表：每行合计应等于基本支出与项目支出之和");
export const budget05Hierarchy = hierarchy("budget.05.hierarchy", "budget05", "一般公共预算支出功能分类预算表");
export const budget06RowSum = budgetRowSumRule("budget.06.row-sum", "budget06", "政府性基金预算支出功能分类预算表：每行合计应等于基本支出与项目支出之和");
export const budget06Hierarchy = hierarchy("budget.06.hierarchy", "budget06", "政府性基金预算支出功能分类预算表");
export const budget07RowSum = budgetRowSumRule("budget.07.row-sum", "budget07", "国有资本经营预算支出功能分类预算表：每行合计应等于基本支出与项目支出之和");
export const budget07Hierarchy = hierarchy("budget.07.hierarchy", "budget07", "国有资本经营预算支出功能分类预算表");
export const budget08RowSum = budgetRowSumRule("budget.08.row-sum", "budget08", "一般公共预算基本支出经济分类预算表：每行合计应等于人员经费与公用经费之和");
export const budget08Hierarchy = hierarchy("budget.08.hierarchy", "budget08", "一般公共预算基本支出经济分类预算表", true);

export const CODED_BUDGET_RULES: Rule[] = [
  budget02RowSum,
  budget02Hierarchy,
  budget03RowSum,
  budget03Hierarchy,
  budget05RowSum,
  budget05Hierarchy,
  budget06RowSum,
  budget06Hierarchy,
  budget07RowSum,
  budget07Hierarchy,
  budget08RowSum,
  budget08Hierarchy,
];
