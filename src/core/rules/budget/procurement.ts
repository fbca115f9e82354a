/** 政府采购预算表 (budgetProcurement). */
import { Finding } from "../../report/finding";
import { BudgetProcurementTable, PROC_TITLES, ProcKey, ProcRecord } from "../../tables/budget/procurement";
import { AmountCell, tableLabel } from "../../tables/types";
import { outline, topLevelOf } from "../../tables/outline";
import { sumEquals } from "../relation";
import { Rule, compact } from "../types";
import { le } from "./sets";

const PARTS: ProcKey[] = ["goods", "works", "services"];

export const budgetProcurementSum: Rule = {
  id: "budget.procurement.sum",
  title: "政府采购预算表：政府采购预算总额应等于货物、工程、服务之和；合计行应等于各行之和",
  severity: "error",
  family: "budget",
  check(ctx) {
    const out: (Finding | null)[] = [];
    for (const t of ctx.all<BudgetProcurementTable>("budgetProcurement")) {
      const name = tableLabel(t);
      const records: ProcRecord[] = [...(t.total ? [t.total] : []), ...t.records];
      for (const r of records) {
        const total = r.cells.total;
        const parts = PARTS.map((k) => r.cells[k]).filter((c): c is AmountCell => !!c);
        if (total && parts.length >= 2)
          out.push(sumEquals(ctx, this.id, () => `${name}“${r.label}”：政府采购预算总额应等于货物、工程、服务之和`, total, PROC_TITLES.total, parts, "货物＋工程＋服务"));
      }
      if (t.total && t.records.length) {
        // Records by unit over records by project ("一、XX局" over "（一）XX项目"): the 合计 adds the top level only.
        const nodes = outline(t.records.map((r) => ({ text: r.label })));
        const top = topLevelOf(nodes, t.records.map((_, i) => i)).map((i) => t.records[i]);
        for (const k of Object.keys(t.total.cells) as ProcKey[]) {
          const items = top.map((r) => r.cells[k]).filter((c): c is AmountCell => !!c);
          if (items.length) out.push(sumEquals(ctx, this.id, `${name}合计行“${PROC_TITLES[k]}”应等于各行之和`, t.total.cells[k]!, "合计", items, "各行之和"));
        }
      }
    }
    return compact(out);
  },
};

export const budgetProcurementSme: Rule = {
  id: "budget.procurement.sme",
  title: "政府采购预算表：面向中小企业预留金额不应超过政府采购预算总额；其中小微企业不应超过中小企业",
  severity: "warning",
  family: "budget",
  check(ctx) {
    const out: (Finding | null)[] = [];
    for (const t of ctx.all<BudgetProcurementTable>("budgetProcurement")) {
      const name = tableLabel(t);
      for (const r of [...(t.total ? [t.total] : []), ...t.records]) {
        const { total, sme, micro } = r.cells;
        if (total && sme) out.push(le(ctx, this.id, `${name}“${r.label}”：面向中小企业预留金额不应超过政府采购预算总额`, [sme], PROC_TITLES.sme, [total], PROC_TITLES.total));
        if (sme && micro) out.push(le(ctx, this.id, `${name}“${r.label}”：预留给小微企业的金额不应超过面向中小企业预留金额`, [micro], "小微企业预留", [sme], PROC_TITLES.sme));
      }
    }
    return compact(out);
  },
};

export const PROCUREMENT_BUDGET_RULES: Rule[] = [budgetProcurementSum, budgetProcurementSme];
