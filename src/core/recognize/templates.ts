/**
 * The template registry: every table the engine can recognise, most specific
 * first. A template matches a cleaned title (see cleanTitle) and parses the
 * region under it. Later families (budget, performance) add their definitions
 * through registerTemplates().
 */
import { ParseFailure, TemplateInfo } from "../tables/base";
import { RegionContext } from "../tables/header";
import { TableBase } from "../tables/types";
import { FINAL01, FINAL04, parseFinal01, parseFinal04 } from "../tables/final/summary";
import {
  FINAL02,
  FINAL03,
  FINAL05,
  FINAL08,
  FINAL09,
  FINAL_GPB_PROJECT,
  FINAL_PROJECT,
  parseFinal02,
  parseFinal03,
  parseFinal05,
  parseFinal08,
  parseFinal09,
  parseFinalGpbProject,
  parseFinalProject,
} from "../tables/final/codedTables";
import { FINAL06, parseBasic06 } from "../tables/final/basic06";
import { parseSangong } from "../tables/sangong";
import { FINAL_INFO, parseInfo } from "../tables/final/info";

/** Any parsed table: a TableBase with a discriminating `kind`. */
export type Table = TableBase & { kind: string };

export interface TemplateDef {
  info: TemplateInfo;
  /** Tests a cleaned title (normalised, 公开NN表 and year removed). */
  matchTitle: (title: string) => boolean;
  parse: (ctx: RegionContext) => Table | ParseFailure;
  /** Titles of tables with no fixed title (forms) may not end with 表. */
  titleNeedNotEndWithBiao?: boolean;
}

export const FINAL07: TemplateInfo = { id: "final07", code: "公开07表", name: "一般公共预算财政拨款“三公”经费支出决算表", family: "final", defaultUnit: "万元" };

const has = (t: string, ...words: string[]) => words.every((w) => t.includes(w));

export const FINAL_TEMPLATES: TemplateDef[] = [
  { info: FINAL07, matchTitle: (t) => has(t, "三公", "决算"), parse: (c) => parseSangong(c, FINAL07, "final") },
  { info: FINAL06, matchTitle: (t) => has(t, "基本支出", "决算") && /一般公共预算|财政拨款/.test(t), parse: (c) => parseBasic06(c) },
  { info: FINAL_GPB_PROJECT, matchTitle: (t) => has(t, "一般公共预算", "项目支出决算"), parse: parseFinalGpbProject },
  { info: FINAL05, matchTitle: (t) => has(t, "一般公共预算", "支出决算") && !/基本|项目/.test(t), parse: parseFinal05 },
  { info: FINAL08, matchTitle: (t) => has(t, "政府性基金", "决算"), parse: parseFinal08 },
  { info: FINAL09, matchTitle: (t) => has(t, "国有资本经营", "决算"), parse: parseFinal09 },
  // Yunnan and others drop the 总: "财政拨款收入支出决算表", "收入支出决算表" (not a fund's or a project's table).
  { info: FINAL04, matchTitle: (t) => has(t, "财政拨款收入支出决算总表") || (/财政拨款收入支出决算表$/.test(t) && !/一般公共预算|政府性基金|国有资本|项目/.test(t)), parse: parseFinal04 },
  { info: FINAL01, matchTitle: (t) => has(t, "收入支出决算总表") || (/收入支出决算表$/.test(t) && !/财政拨款|一般公共预算|政府性基金|国有资本|项目/.test(t)), parse: parseFinal01 },
  { info: FINAL_PROJECT, matchTitle: (t) => /项目收入支出决算表$/.test(t) || (/项目支出决算表$/.test(t) && !t.includes("一般公共预算")), parse: parseFinalProject },
  { info: FINAL02, matchTitle: (t) => /收入决算表$/.test(t) && !t.includes("支出"), parse: parseFinal02 },
  { info: FINAL03, matchTitle: (t) => /支出决算表$/.test(t) && !/财政拨款|项目|基本|收入支出/.test(t), parse: parseFinal03 },
  { info: FINAL_INFO, matchTitle: (t) => t.includes("政府采购") && /(信息|情况)表$/.test(t), parse: parseInfo },
];

const registry: TemplateDef[] = [...FINAL_TEMPLATES];
let version = 0;

/** Changes whenever templates are registered (caches of title matches key on it). */
export function templatesVersion(): number {
  return version;
}

/** Adds templates (e.g. the budget or performance families). `before` puts them ahead of the final set. */
export function registerTemplates(defs: TemplateDef[], before = false): void {
  for (const d of defs) {
    if (registry.some((r) => r.info.id === d.info.id)) continue;
    if (before) registry.unshift(d);
    else registry.push(d);
    version++;
  }
}

export function allTemplates(): readonly TemplateDef[] {
  return registry;
}

export function templateById(id: string): TemplateDef | undefined {
  return registry.find((d) => d.info.id === id);
}

export function templateByCode(code: string): TemplateDef | undefined {
  return registry.find((d) => d.info.code === code);
}
