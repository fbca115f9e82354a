/**
 * Parsers of the performance tables. Every layout is read the same way: header
 * fields, funds block, spending plan, indicator block, 总分 line, 评价等次. What
 * decides the table's kind is its title, and — for titles shared by two
 * layouts ("…绩效评价表") — its header labels: a table with 指标值 / 实际完成值
 * columns is a self-evaluation, one with only 分值 / 自评分 a scored framework.
 */
import { RegionContext, MetaInfo, scanMeta } from "../header";
import { ParseFailure, TemplateInfo, createBase, failure } from "../base";
import { formRow, fieldValue, findRow, numberRightOf, scoreCell } from "./form";
import { isIndicatorHeader, isTotalLabel, readIndicatorBlock } from "./indicators";
import { readFunds, readPlan } from "./funds";
import { PerfKind, PerfTable, TotalLine } from "./model";

export const PERF_SELFEVAL: TemplateInfo = { id: "perfSelfEval", code: "", name: "项目支出绩效自评表", family: "perf", defaultUnit: "万元" };
export const PERF_TARGET: TemplateInfo = { id: "perfTarget", code: "", name: "项目绩效目标表", family: "perf", defaultUnit: "万元" };
export const PERF_WHOLE_TARGET: TemplateInfo = { id: "perfWholeTarget", code: "", name: "部门（单位）整体绩效目标表", family: "perf", defaultUnit: "万元" };
export const PERF_WHOLE_SELFEVAL: TemplateInfo = { id: "perfWholeSelfEval", code: "", name: "部门（单位）整体预算绩效自评表", family: "perf", defaultUnit: "万元" };
export const PERF_FRAMEWORK_DEPT: TemplateInfo = { id: "perfFrameworkDept", code: "", name: "部门整体支出绩效评价表", family: "perf", defaultUnit: "万元" };
export const PERF_FRAMEWORK_PROJECT: TemplateInfo = { id: "perfFrameworkProject", code: "", name: "项目支出绩效评价表", family: "perf", defaultUnit: "万元" };
export const PERF_COMPLETION: TemplateInfo = { id: "perfCompletion", code: "", name: "项目绩效目标完成情况表", family: "perf", defaultUnit: "万元" };

export const PERF_TEMPLATE_INFOS = [PERF_SELFEVAL, PERF_TARGET, PERF_WHOLE_TARGET, PERF_WHOLE_SELFEVAL, PERF_FRAMEWORK_DEPT, PERF_FRAMEWORK_PROJECT, PERF_COMPLETION];

const SUBJECT_PROJECT = /^(项目名称|项目)$/;
const SUBJECT_WHOLE = /^(部门\(单位\)名称|部门名称|单位名称|部门|预算部门|预算单位|部门\(单位\))$/;
const GRADE_LABEL = /^(评价等次|等次|评价等级|绩效等级|自评等级|绩效评价等级|绩效评价等次|自评等次|评价结果|绩效评价结果)$/;
/** A character every GRADE_LABEL holds. */
const GRADE_CHARS = /[等果]/;

interface Shape {
  /** Template when the table has 指标值 / 实际完成值 columns. */
  withValues: TemplateInfo;
  /** Template when it has only 分值 / 得分 (a scored framework). */
  scoredOnly: TemplateInfo;
  stage: "target" | "selfeval";
}

function kindOf(info: TemplateInfo): PerfKind {
  switch (info.id) {
    case PERF_SELFEVAL.id:
      return "perfSelfEval";
    case PERF_TARGET.id:
      return "perfTarget";
    case PERF_WHOLE_TARGET.id:
    case PERF_WHOLE_SELFEVAL.id:
      return "perfWhole";
    case PERF_COMPLETION.id:
      return "perfCompletion";
    default:
      return "perfFramework";
  }
}

function readTotal(ctx: RegionContext, table: PerfTable, from: number): TotalLine | undefined {
  const block = table.indicators;
  const row = findRow(ctx, from, ctx.region.bottom, (cells) => isTotalLabel(cells[0].n));
  if (row === undefined) return undefined;
  const cells = formRow(ctx, row);
  const label = { text: cells[0].text, ref: cells[0].ref };
  const line: TotalLine = { label };
  const pc = block?.columns.points;
  const sc = block?.columns.score;
  if (pc !== undefined) line.points = scoreCell(ctx, table, row, ctx.merges.master(row, pc).col, `${label.text}“分值”`);
  if (sc !== undefined) line.score = scoreCell(ctx, table, row, ctx.merges.master(row, sc).col, `${label.text}“得分”`);
  if (pc !== undefined && line.points && ctx.merges.master(row, pc).col === cells[0].col) line.points = undefined;
  if (!line.score) {
    // "绩效自评综合得分 | 94.2" or "总分 | … | 92": the last figure of the line.
    const nums = cells.filter((c) => c.col > cells[0].col && c.numeric);
    const v = nums.length ? nums[nums.length - 1] : numberRightOf(cells, cells[0].col);
    if (v) line.score = scoreCell(ctx, table, row, v.col, `${label.text}`);
  }
  return line;
}

/** Parses one performance form; `shape` resolves titles shared by two layouts. */
export function parsePerf(ctx: RegionContext, info: TemplateInfo, shape: Shape): PerfTable | ParseFailure {
  const meta: MetaInfo = {};
  scanMeta(ctx, meta, ctx.titleRow + 1, Math.min(ctx.region.bottom, ctx.titleRow + 3));
  if (!meta.year) meta.year = yearNear(ctx);
  const last = ctx.region.bottom;
  const headerRow = findRow(ctx, ctx.titleRow + 1, last, (cells) => isIndicatorHeader(cells));
  if (headerRow === undefined) return failure(info, ctx, "没有找到绩效指标表头（一级指标、二级指标、三级指标）");

  // Which template: decided by the value columns of the indicator header.
  const headerText = formRow(ctx, headerRow)
    .concat(formRow(ctx, headerRow + 1))
    .map((c) => c.n)
    .join("|");
  const hasValues = /指标值|目标值|实际完成|完成值/.test(headerText);
  const chosen = hasValues ? shape.withValues : shape.scoredOnly;

  const subjectRe = chosen.id === PERF_WHOLE_SELFEVAL.id || chosen.id === PERF_WHOLE_TARGET.id || chosen.id === PERF_FRAMEWORK_DEPT.id ? SUBJECT_WHOLE : SUBJECT_PROJECT;
  const subject = fieldValue(ctx, ctx.titleRow + 1, headerRow - 1, subjectRe);
  if (subject && subjectRe === SUBJECT_WHOLE) meta.department = subject.text;
  const base = createBase(ctx, chosen, meta);
  // Every field is present from the start (one object shape for all 200 forms of a workbook).
  const table: PerfTable = Object.assign(base, { kind: kindOf(chosen), stage: shape.stage, subject, funds: undefined, plan: undefined, indicators: undefined, total: undefined, grade: undefined });
  table.funds = readFunds(ctx, table, ctx.titleRow + 1, headerRow - 1);
  table.plan = readPlan(ctx, table, ctx.titleRow + 1, headerRow - 1);
  const indicators = readIndicatorBlock(ctx, table, headerRow, last);
  table.indicators = indicators;
  table.total = readTotal(ctx, table, headerRow + 1);
  table.grade = fieldValue(ctx, headerRow + 1, last, GRADE_LABEL, GRADE_CHARS);
  // A blank form (二级指标 labels but no indicator yet, e.g. an inserted template) is a table with nothing to check.
  if (!indicators.indicators.length && !table.funds && !indicators.groups.length && indicators.lastRow <= headerRow) return failure(chosen, ctx, "指标区没有可读的指标行");
  return table;
}

/** "(2021)年度", "（2022 年度）" on the title or the line below it. */
function yearNear(ctx: RegionContext): number | undefined {
  for (let r = ctx.titleRow; r <= Math.min(ctx.region.bottom, ctx.titleRow + 2); r++)
    for (const c of formRow(ctx, r)) {
      const m = /(20\d{2})\)?年/.exec(c.n);
      if (m) return parseInt(m[1], 10);
    }
  return undefined;
}

const has = (t: string, ...ws: string[]) => ws.every((w) => t.includes(w));

/** Title tests (cleaned titles), most specific first. */
export const PERF_TITLES: { info: TemplateInfo; match: (t: string) => boolean; shape: Shape }[] = [
  {
    info: PERF_COMPLETION,
    match: (t) => /绩效目标(完成|实现)情况(表|统计表)$/.test(t),
    shape: { withValues: PERF_COMPLETION, scoredOnly: PERF_COMPLETION, stage: "selfeval" },
  },
  {
    info: PERF_WHOLE_TARGET,
    match: (t) => has(t, "整体", "绩效目标") && !/自评|评价/.test(t),
    shape: { withValues: PERF_WHOLE_TARGET, scoredOnly: PERF_WHOLE_TARGET, stage: "target" },
  },
  {
    info: PERF_WHOLE_SELFEVAL,
    match: (t) => has(t, "整体", "绩效") && /自评/.test(t),
    shape: { withValues: PERF_WHOLE_SELFEVAL, scoredOnly: PERF_FRAMEWORK_DEPT, stage: "selfeval" },
  },
  {
    info: PERF_FRAMEWORK_DEPT,
    match: (t) => has(t, "整体", "绩效评价"),
    shape: { withValues: PERF_WHOLE_SELFEVAL, scoredOnly: PERF_FRAMEWORK_DEPT, stage: "selfeval" },
  },
  {
    info: PERF_SELFEVAL,
    match: (t) => has(t, "绩效") && /自评/.test(t),
    shape: { withValues: PERF_SELFEVAL, scoredOnly: PERF_FRAMEWORK_PROJECT, stage: "selfeval" },
  },
  {
    info: PERF_FRAMEWORK_PROJECT,
    match: (t) => has(t, "项目", "绩效评价"),
    shape: { withValues: PERF_SELFEVAL, scoredOnly: PERF_FRAMEWORK_PROJECT, stage: "selfeval" },
  },
  {
    info: PERF_TARGET,
    match: (t) => /绩效目标(申报|申报审核)?表$/.test(t),
    shape: { withValues: PERF_TARGET, scoredOnly: PERF_TARGET, stage: "target" },
  },
];
