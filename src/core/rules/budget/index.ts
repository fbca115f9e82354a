/**
 * Every rule of the budget family (registered by families/budget.ts). Ids:
 * budget.<table>.<what> with the Shanghai table numbers 01–08, "sangong" and
 * "procurement"; cross-table rules name both tables (budget.04-05.gpb).
 */
import { Rule } from "../types";
import { SUMMARY_RULES } from "./summary";
import { CODED_BUDGET_RULES } from "./coded";
import { SANGONG_BUDGET_RULES } from "./sangong";
import { CROSS_BUDGET_RULES } from "./cross";
import { EMPTY_BUDGET_RULES } from "./empty";
import { PROCUREMENT_BUDGET_RULES } from "./procurement";

export const BUDGET_RULES: Rule[] = [
  ...SUMMARY_RULES,
  ...CODED_BUDGET_RULES,
  ...SANGONG_BUDGET_RULES,
  ...CROSS_BUDGET_RULES,
  ...PROCUREMENT_BUDGET_RULES,
  ...EMPTY_BUDGET_RULES,
];
