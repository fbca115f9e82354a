import { Rule } from "../types";

export const PERF_RULES: Rule[] = [];
