/** Every blank template the pane offers, in menu order. */
import { BlankTemplate, finalTemplates } from "./final";
import { perfTemplates } from "./perf";

export type { BlankTemplate };

export function allTemplates(): BlankTemplate[] {
  return [...finalTemplates(), ...perfTemplates()];
}
