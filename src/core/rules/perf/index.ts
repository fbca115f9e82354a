/** Every rule of the performance family, in the order they run. */
import { PROJECT_RULES } from "./projects";
import { RUBRIC_RULES } from "./rubric";
import { Rule } from "../types";
import { SCORE_RULES } from "./scores";
import { TARGET_RULES } from "./targets";
import { WHOLE_RULES } from "./whole";
import { COMPLETION_RULES } from "./completion";
import { NARRATIVE_RULES } from "./narrative";

export const PERF_RULES: Rule[] = [...SCORE_RULES, ...TARGET_RULES, ...WHOLE_RULES, ...COMPLETION_RULES, ...NARRATIVE_RULES, ...PROJECT_RULES, ...RUBRIC_RULES];
