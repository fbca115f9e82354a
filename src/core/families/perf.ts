/**
 * The performance (绩效) family: project self-evaluation tables, project and
 * whole-department target tables, whole-department self-evaluations, scored
 * evaluation frameworks and target-completion tables, with their rules
 * (scores recomputed, targets parsed and checked, cross-checks with 公开05表
 * and the narrative). Importing this module registers everything.
 */
import { registerTemplates, TemplateDef } from "../recognize/templates";
import { registerRules } from "../rules/registry";
import { PERF_TITLES, parsePerf } from "../tables/perf/parse";
import { PERF_RULES } from "../rules/perf";

export const PERF_TEMPLATES: TemplateDef[] = PERF_TITLES.map(({ info, match, shape }) => ({
  info,
  matchTitle: match,
  parse: (ctx) => parsePerf(ctx, info, shape),
}));

registerTemplates(PERF_TEMPLATES);
registerRules(PERF_RULES);
