/**
 * The 部门预算公开 (budget) family: registers its templates and rules.
 *
 * Titles: a budget title never contains 决算 (every final-accounts title does,
 * except the 信息表, which no matcher here accepts), so the budget templates are
 * tried before the final ones without taking any of them. Shanghai titles
 * ("2026年部门财务收支预算总表", "2026年预算单位…") and the names of the 操作规程
 * (部门收支总体情况表 … 政府性基金预算支出情况表) are both recognised. The
 * matchers exclude one another, so their order does not matter.
 */
import { TemplateDef, registerTemplates } from "../recognize/templates";
import { registerRules } from "../rules/registry";
import { BUDGET_RULES } from "../rules/budget";
import {
  BUDGET01,
  BUDGET02,
  BUDGET03,
  BUDGET04,
  BUDGET05,
  BUDGET06,
  BUDGET07,
  BUDGET08,
  BUDGET_PROCUREMENT,
  BUDGET_SANGONG,
} from "../tables/budget/info";
import { parseBudget01, parseBudget04 } from "../tables/budget/summary";
import { parseBudget02, parseBudget03, parseBudget05, parseBudget06, parseBudget07, parseBudget08 } from "../tables/budget/coded";
import { parseBudgetSangong } from "../tables/budget/sangong";
import { parseBudgetProcurement } from "../tables/budget/procurement";

/** A cleaned title that may be a budget table: no 决算, and 预算 or an 操作规程 "情况表" name. */
function budgetTitle(t: string): boolean {
  return !t.includes("决算") && (t.includes("预算") || /(总体)?情况表$|总表$/.test(t));
}

const SPECIAL = /一般公共预算|政府性基金|国有资本经营|三公|基本支出|项目支出|政府采购/;

export const BUDGET_TEMPLATES: TemplateDef[] = [
    // "…三公经费和机关运行经费预算表", "一般公共预算“三公”经费支出情况表"; not the Yunnan final-accounts
  // "一般公共预算财政拨款“三公”经费情况表" (no 决算 in it, but no 支出/预算表 either).
  {
    info: BUDGET_SANGONG,
    matchTitle: (t) => budgetTitle(t) && t.includes("三公") && /预算(情况)?表$|支出(预算)?(情况)?表$/.test(t),
    parse: parseBudgetSangong,
  },
  {
    info: BUDGET08,
    matchTitle: (t) => budgetTitle(t) && !t.includes("三公") && t.includes("基本支出") && /一般公共预算|财政拨款/.test(t),
    parse: parseBudget08,
  },
  {
    info: BUDGET05,
    matchTitle: (t) => budgetTitle(t) && /一般公共预算(拨款)?支出/.test(t) && !/基本支出|项目支出|三公/.test(t),
    parse: parseBudget05,
  },
  { info: BUDGET06, matchTitle: (t) => budgetTitle(t) && /政府性基金(预算)?(拨款)?支出/.test(t), parse: parseBudget06 },
  { info: BUDGET07, matchTitle: (t) => budgetTitle(t) && /国有资本经营(预算)?(拨款)?支出/.test(t), parse: parseBudget07 },
  { info: BUDGET04, matchTitle: (t) => budgetTitle(t) && /财政拨款收支(预算)?(总表|总体情况表)$/.test(t), parse: parseBudget04 },
  {
    info: BUDGET01,
    matchTitle: (t) => budgetTitle(t) && /收支(预算)?(总表|总体情况表)$/.test(t) && !t.includes("财政拨款") && !SPECIAL.test(t),
    parse: parseBudget01,
  },
  {
    info: BUDGET02,
    matchTitle: (t) => budgetTitle(t) && /收入(预算)?(总表|总体情况表)$/.test(t) && !/支出|财政拨款收入/.test(t) && !SPECIAL.test(t),
    parse: parseBudget02,
  },
  {
    info: BUDGET03,
    matchTitle: (t) => budgetTitle(t) && /支出(预算)?(总表|总体情况表)$/.test(t) && !/收入|收支|财政拨款/.test(t) && !SPECIAL.test(t),
    parse: parseBudget03,
  },
  {
    info: BUDGET_PROCUREMENT,
    matchTitle: (t) => budgetTitle(t) && t.includes("政府采购") && t.includes("预算") && !t.includes("绩效"),
    parse: parseBudgetProcurement,
  },
];

// Ahead of the final-accounts templates (registerTemplates unshifts one by one: reverse to keep this order).
registerTemplates([...BUDGET_TEMPLATES].reverse(), true);
registerRules(BUDGET_RULES);
