/** Every blank template the pane offers, in menu order. */
import { BlankTemplate, finalTemplates } from "./final";
import { perfTemplates } from "./perf";
import { budgetTemplates } from "./budget";

export type { BlankTemplate };

/** `budgetYear`: the year in the budget tables' titles (default: next year, the one being budgeted). */
export function allTemplates(budgetYear = new Date().getFullYear() + 1): BlankTemplate[] {
  return [...finalTemplates(), ...perfTemplates(), ...budgetTemplates(budgetYear)];
}
