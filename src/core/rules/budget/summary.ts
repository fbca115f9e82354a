/**
 * 财务收支预算总表 (budget01) and 财政拨款收支预算总表 (budget04): relations within
 * each table (spec §2). All identities (errors).
 */
import { Finding } from "../../report/finding";
import { FUNDS, BudgetSummary, INCOME_TITLES, expCell, hasExpenseColumn } from "../../tables/budget/summary";
import { Line } from "../../tables/sided";
import { AmountCell, tableLabel } from "../../tables/types";
import { Term, sumEquals } from "../relation";
import { Rule, RuleContext, compact } from "../types";
import { eq } from "./sets";

const amt = (l: Line | undefined): AmountCell | undefined => l?.cells.amount;

/** How the table writes a total line ("一、本年收入"), else its usual name. */
function lineName(l: Line, usual: string): string {
  const own = l.label.trim();
  return own && own !== usual ? `${usual}“${own}”` : usual;
}

function colTitle(t: BudgetSummary, key: string): string {
  return t.expense.columns.length > 1 ? `“${t.expense.columns.find((c) => c.key === key)?.title ?? key}”栏` : "";
}

/** 本年收入合计 = Σ income lines; 财政拨款收入 (or 上年结转) = Σ its fund sub-lines. */
function incomeTotal(id: string, template: string, title: string): Rule {
  return {
    id,
    title,
    severity: "error",
    family: "budget",
    check(ctx: RuleContext) {
      const out: (Finding | null)[] = [];
      for (const t of ctx.all<BudgetSummary>(template)) {
        const name = tableLabel(t);
        const total = amt(t.inc.total);
        if (total && t.incomeItems.length)
          out.push(sumEquals(ctx, id, `${name}：本年收入合计应等于各项收入之和`, total, lineName(t.inc.total!, "本年收入合计"), t.incomeItems.map((l) => l.cells.amount), `各项收入（${t.incomeItems.map((l) => l.label.trim()).join("、")}）之和`));
        const carry = amt(t.inc.carryover);
        const parts = FUNDS.map((f) => t.carryoverParts[f.key]).filter((l): l is Line => !!l);
        if (carry && parts.length)
          out.push(sumEquals(ctx, id, `${name}：上年结转应等于其各项财政拨款结转之和`, carry, "上年结转", parts.map((l) => l.cells.amount), "各项结转之和"));
      }
      return compact(out);
    },
  };
}

/** Income lines of a side that make up 本年收入 (the 本年收入合计 line when there is one). */
function thisYearIncome(t: BudgetSummary): { terms: AmountCell[]; label: string } | undefined {
  const total = amt(t.inc.total);
  if (total) return { terms: [total], label: "本年收入合计" };
  if (t.incomeItems.length) return { terms: t.incomeItems.map((l) => l.cells.amount), label: "各项收入" };
  return undefined;
}

function incomeGrand(id: string, template: string, title: string): Rule {
  return {
    id,
    title,
    severity: "error",
    family: "budget",
    check(ctx) {
      const out: (Finding | null)[] = [];
      for (const t of ctx.all<BudgetSummary>(template)) {
        const grand = amt(t.inc.grand);
        const year = thisYearIncome(t);
        if (!grand || !year) continue;
        const carry = amt(t.inc.carryover);
        const items = [...year.terms, ...(carry ? [carry] : [])];
        const label = `${year.label}${carry ? "＋上年结转" : "之和"}`;
        out.push(sumEquals(ctx, id, `${tableLabel(t)}：收入总计应等于${year.label}${carry ? "与上年结转" : ""}之和`, grand, "收入总计", items, label));
      }
      return compact(out);
    },
  };
}

/** 本年支出合计 = Σ classes, per expense column. */
function expenseTotal(id: string, template: string, title: string): Rule {
  return {
    id,
    title,
    severity: "error",
    family: "budget",
    check(ctx) {
      const out: (Finding | null)[] = [];
      for (const t of ctx.all<BudgetSummary>(template)) {
        if (!t.exp.total || t.classes.length === 0) continue;
        for (const c of t.expense.columns) {
          const total = expCell(t.exp.total, c.key);
          if (!total) continue;
          out.push(sumEquals(ctx, id, () => `${tableLabel(t)}${colTitle(t, c.key)}：本年支出合计应等于各类支出之和`, total, lineName(t.exp.total!, "本年支出合计"), t.classes.map((l) => l.cells[c.key]), "各类支出之和"));
        }
      }
      return compact(out);
    },
  };
}

/** 支出总计 = 本年支出合计 (or Σ classes) + 结转下年, per expense column. */
function expenseGrand(id: string, template: string, title: string): Rule {
  return {
    id,
    title,
    severity: "error",
    family: "budget",
    check(ctx) {
      const out: (Finding | null)[] = [];
      for (const t of ctx.all<BudgetSummary>(template)) {
        if (!t.exp.grand) continue;
        for (const c of t.expense.columns) {
          const grand = expCell(t.exp.grand, c.key);
          if (!grand) continue;
          const total = expCell(t.exp.total, c.key);
          const carry = expCell(t.exp.carryForward, c.key);
          const year: AmountCell[] = total ? [total] : t.classes.map((l) => l.cells[c.key]);
          if (year.length === 0) continue;
          const yearLabel = total ? "本年支出合计" : "各类支出";
          out.push(
            sumEquals(
              ctx,
              id,
              () => `${tableLabel(t)}${colTitle(t, c.key)}：支出总计应等于${yearLabel}${carry ? "与结转下年" : ""}之和`,
              grand,
              "支出总计",
              [...year, ...(carry ? [carry] : [])],
              `${yearLabel}${carry ? "＋结转下年" : "之和"}`,
            ),
          );
        }
      }
      return compact(out);
    },
  };
}

function balance(id: string, template: string, title: string): Rule {
  return {
    id,
    title,
    severity: "error",
    family: "budget",
    check(ctx) {
      const out: (Finding | null)[] = [];
      for (const t of ctx.all<BudgetSummary>(template)) {
        const a = amt(t.inc.grand);
        const b = expCell(t.exp.grand, "total");
        if (a && b) out.push(eq(ctx, id, `${tableLabel(t)}：收入总计应等于支出总计`, [a], "收入总计", [b], "支出总计"));
      }
      return compact(out);
    },
  };
}

export const budget01IncomeTotal = incomeTotal("budget.01.income-total", "budget01", "财务收支预算总表：本年收入合计应等于各项收入之和；上年结转应等于其分项之和");

export const budget01FiscalIncome: Rule = {
  id: "budget.01.fiscal-income",
  title: "财务收支预算总表：财政拨款收入应等于一般公共预算、政府性基金预算、国有资本经营预算拨款收入之和",
  severity: "error",
  family: "budget",
  check(ctx) {
    const out: (Finding | null)[] = [];
    for (const t of ctx.all<BudgetSummary>("budget01")) {
      const fiscal = amt(t.inc.fiscal);
      if (!fiscal || t.fiscalParts.length === 0) continue;
      out.push(
        sumEquals(ctx, this.id, `${tableLabel(t)}：财政拨款收入应等于其下各项拨款收入之和`, fiscal, "财政拨款收入", t.fiscalParts.map((l) => l.cells.amount), `${t.fiscalParts.map((l) => l.label.trim()).join("＋")}`),
      );
    }
    return compact(out);
  },
};

export const budget01IncomeGrand = incomeGrand("budget.01.income-grand", "budget01", "财务收支预算总表：收入总计应等于本年收入（各项收入之和）与上年结转之和");
export const budget01ExpenseTotal = expenseTotal("budget.01.expense-total", "budget01", "财务收支预算总表：本年支出合计应等于各类支出之和（每一栏）");
export const budget01ExpenseGrand = expenseGrand("budget.01.expense-grand", "budget01", "财务收支预算总表：支出总计应等于本年支出（各类支出之和）与结转下年之和（每一栏）");
export const budget01Balance = balance("budget.01.balance", "budget01", "财务收支预算总表：收入总计应等于支出总计");

/** 单位 layout: each expense line's 合计 = 基本支出 (人员经费 + 公用经费) + 项目支出. */
export const budget01RowSum: Rule = {
  id: "budget.01.row-sum",
  title: "财务收支预算总表（支出分栏时）：每行合计应等于基本支出（人员经费＋公用经费）与项目支出之和；基本支出应等于人员经费与公用经费之和",
  severity: "error",
  family: "budget",
  check(ctx) {
    const out: (Finding | null)[] = [];
    for (const t of ctx.all<BudgetSummary>("budget01")) {
      const has = (k: string) => hasExpenseColumn(t, k);
      if (!has("total")) continue;
      const parts = (has("basic") ? ["basic"] : ["personnel", "public"]).filter(has).concat(has("project") ? ["project"] : []);
      if (parts.length === 0) continue;
      const title = (k: string) => t.expense.columns.find((c) => c.key === k)!.title;
      const partsLabel = parts.map(title).join("＋");
      for (const l of t.expense.lines) {
        out.push(sumEquals(ctx, this.id, () => `${tableLabel(t)}“${l.label.trim()}”：合计应等于${partsLabel}`, l.cells.total, "合计", parts.map((k) => l.cells[k]), partsLabel));
        if (has("basic") && has("personnel") && has("public"))
          out.push(sumEquals(ctx, this.id, () => `${tableLabel(t)}“${l.label.trim()}”：基本支出应等于人员经费与公用经费之和`, l.cells.basic, "基本支出", [l.cells.personnel, l.cells.public], "人员经费＋公用经费"));
      }
    }
    return compact(out);
  },
};

export const budget04IncomeTotal = incomeTotal("budget.04.income-total", "budget04", "财政拨款收支预算总表：本年收入合计应等于各项财政拨款收入之和；上年结转应等于其分项之和");
export const budget04IncomeGrand = incomeGrand("budget.04.income-grand", "budget04", "财政拨款收支预算总表：收入总计应等于本年收入（各项财政拨款收入之和）与上年结转之和");
export const budget04ExpenseTotal = expenseTotal("budget.04.expense-total", "budget04", "财政拨款收支预算总表：本年支出合计应等于各类支出之和（每一栏）");
export const budget04ExpenseGrand = expenseGrand("budget.04.expense-grand", "budget04", "财政拨款收支预算总表：支出总计应等于本年支出（各类支出之和）与结转下年之和（每一栏）");
export const budget04Balance = balance("budget.04.balance", "budget04", "财政拨款收支预算总表：收入总计应等于支出总计");

export const budget04RowSum: Rule = {
  id: "budget.04.row-sum",
  title: "财政拨款收支预算总表：支出各行合计应等于一般公共预算、政府性基金预算、国有资本经营预算之和",
  severity: "error",
  family: "budget",
  check(ctx) {
    const out: (Finding | null)[] = [];
    for (const t of ctx.all<BudgetSummary>("budget04")) {
      const funds = FUNDS.filter((f) => hasExpenseColumn(t, f.key));
      if (!hasExpenseColumn(t, "total") || funds.length === 0) continue;
      const label = funds.map((f) => f.short).join("＋");
      for (const l of t.expense.lines)
        out.push(sumEquals(ctx, this.id, () => `${tableLabel(t)}“${l.label.trim()}”：合计应等于${label}`, l.cells.total, "合计", funds.map((f) => l.cells[f.key]), label));
    }
    return compact(out);
  },
};

/**
 * Each kind of appropriation is budgeted in full: 一般公共预算拨款收入 (+ its 上年结转)
 * = the 一般公共预算 column's 支出总计; likewise 政府性基金, 国有资本经营.
 */
export const budget04FundBalance: Rule = {
  id: "budget.04.fund-balance",
  title: "财政拨款收支预算总表：每类财政拨款的收入（含上年结转）应等于该类拨款的支出总计",
  severity: "error",
  family: "budget",
  check(ctx) {
    const out: (Finding | null)[] = [];
    for (const t of ctx.all<BudgetSummary>("budget04")) {
      const carry = amt(t.inc.carryover);
      const splitCarry = FUNDS.some((f) => t.carryoverParts[f.key]);
      // A 上年结转 that is not split by fund cannot be attributed: check only when it is nil.
      if (carry && !splitCarry && carry.amount && !carry.amount.value.isZero()) continue;
      for (const f of FUNDS) {
        const income = amt(t.inc[f.key]);
        if (!income || !hasExpenseColumn(t, f.key)) continue;
        const cf = amt(t.carryoverParts[f.key]);
        const lhs: Term[] = [income, ...(cf ? [cf] : [])];
        const grand = expCell(t.exp.grand, f.key);
        const total = expCell(t.exp.total, f.key);
        const fwd = expCell(t.exp.carryForward, f.key);
        const rhs: Term[] = grand ? [grand] : total ? [total, ...(fwd ? [fwd] : [])] : t.classes.map((l) => l.cells[f.key]);
        if (rhs.length === 0) continue;
        const rhsLabel = grand ? `${f.short}支出总计` : total ? `${f.short}本年支出合计${fwd ? "＋结转下年" : ""}` : `${f.short}各类支出之和`;
        out.push(
          eq(ctx, this.id, `${tableLabel(t)}：${INCOME_TITLES[f.key]}${cf ? "（含上年结转）" : ""}应等于${f.short}栏的支出`, lhs, `${INCOME_TITLES[f.key]}${cf ? "＋上年结转" : ""}`, rhs, rhsLabel, "error", [income.ref]),
        );
      }
    }
    return compact(out);
  },
};

export const SUMMARY_RULES: Rule[] = [
  budget01IncomeTotal,
  budget01FiscalIncome,
  budget01IncomeGrand,
  budget01ExpenseTotal,
  budget01ExpenseGrand,
  budget01Balance,
  budget01RowSum,
  budget04IncomeTotal,
  budget04IncomeGrand,
  budget04ExpenseTotal,
  budget04ExpenseGrand,
  budget04Balance,
  budget04RowSum,
  budget04FundBalance,
];
