/**
 * The one place rules are registered (like an ESLint config). Families add their
 * rule lists here; the engine runs every registered rule.
 */
import { Rule } from "./types";
import { FINAL01_RULES } from "./final/final01";
import { FINAL04_RULES } from "./final/final04";
import { CODED_FINAL_RULES } from "./final/codedFinal";
import { FINAL06_RULES } from "./final/final06";
import { FINAL07_RULES } from "./final/final07";
import { CROSS_FINAL_RULES } from "./final/cross";
import { finalCompleteness, finalEmptyTables } from "./final/emptyTables";
import { finalInfoProcurement } from "./final/info";
import { COMMON_RULES } from "./common/tableChecks";
import { GENERIC_RULES } from "./common/generic";
import { NARRATIVE_FIGURE_RULES } from "./narrative/figures";
import { NARRATIVE_TEXT_RULES } from "./narrative/text";
import { NARRATIVE_IDENTITY_RULES } from "./narrative/identities";
import { NARRATIVE_CLAIM_RULES } from "./narrative/claims";

const registry: Rule[] = [
  ...COMMON_RULES,
  ...GENERIC_RULES,
  ...FINAL01_RULES,
  ...CODED_FINAL_RULES,
  ...FINAL04_RULES,
  ...FINAL06_RULES,
  ...FINAL07_RULES,
  ...CROSS_FINAL_RULES,
  finalEmptyTables,
  finalCompleteness,
  finalInfoProcurement,
  ...NARRATIVE_FIGURE_RULES,
  ...NARRATIVE_TEXT_RULES,
  ...NARRATIVE_IDENTITY_RULES,
  ...NARRATIVE_CLAIM_RULES,
];

export function registerRules(rules: Rule[]): void {
  for (const r of rules) if (!registry.some((x) => x.id === r.id)) registry.push(r);
}

export function allRules(): readonly Rule[] {
  return registry;
}

export function ruleById(id: string): Rule | undefined {
  return registry.find((r) => r.id === id);
}
