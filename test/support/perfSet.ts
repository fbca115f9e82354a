/**
 * Generated performance (绩效) tables in the published layouts, internally
 * consistent (every score follows the scoring rules, every total adds up), so
 * that a test can change one cell and expect exactly the finding it causes.
 *
 * - selfEvalRows(): 项目支出绩效自评表 (中央/安徽/包头 layout: funds block with
 *   分值/执行率/得分, indicators with 年度指标值/实际完成值/分值/得分/偏差原因, 总分);
 * - targetRows(): 项目绩效目标表 (安阳 layout, 实施期/年度资金, optional 资金支出计划);
 * - wholeSelfEvalRows() / wholeTargetRows(): 整体绩效表 (预算情况, 资金来源, 资金结构);
 * - frameworkRows(): 项目支出绩效评价表 (一级指标 with points in the label, 分值, 自评分, 合计);
 * - completionRows(): 项目绩效目标完成情况表;
 * - generatePerfSet(): a workbook of N self-evaluation tables, several per sheet.
 *
 * Every builder returns its rows, merges and the 0-based positions of the cells
 * tests change (`at`), relative to the table's first row.
 */
import { Decimal } from "../../src/core/amount/decimal";
import { WorkbookSnapshot } from "../../src/core/grid/snapshot";
import { CellInput, SheetSpec, buildWorkbook } from "./sheet";
import { rng } from "./random";

export interface Block {
  rows: CellInput[][];
  merges: string[];
  /** Named cells, 0-based row (from the block's first row) and column. */
  at: Record<string, { row: number; col: number }>;
}

export interface SelfEvalIndicator {
  l1: string;
  l2: string;
  name: string;
  target: string;
  actual: string;
  points: number;
  score: number;
  reason?: string;
}

export interface SelfEvalOptions {
  project?: string;
  year?: number;
  budget?: number;
  executed?: number;
  /** 发放数量: actual out of 2000册 (points 10). */
  issued?: number;
  indicators?: SelfEvalIndicator[];
  /** A grade line under 总分. */
  grade?: boolean;
}

const round2 = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
const A = (row: number, col: number) => `${String.fromCharCode(65 + col)}${row + 1}`;
const merge = (r1: number, c1: number, r2: number, c2: number) => `${A(r1, c1)}:${A(r2, c2)}`;

/** The standard indicators of a generated self-evaluation (consistent scores). */
export function standardIndicators(budget: number, executed: number, issued: number): SelfEvalIndicator[] {
  const issuedScore = round2(Decimal.min(new Decimal(issued).div(2000), 1).times(10)).toNumber();
  return [
    { l1: "产出指标（50）", l2: "数量指标", name: "培训人次", target: "≥500人次", actual: "520人次", points: 10, score: 10 },
    { l1: "产出指标（50）", l2: "数量指标", name: "资料发放数量", target: "≥2000册", actual: `${issued}册`, points: 10, score: issuedScore, reason: issuedScore < 10 ? "部分资料改为电子版发放" : undefined },
    { l1: "产出指标（50）", l2: "质量指标", name: "培训合格率", target: "≥95%", actual: "98%", points: 10, score: 10 },
    { l1: "产出指标（50）", l2: "时效指标", name: "完成时间", target: "12月底前", actual: "12月底前", points: 5, score: 5 },
    { l1: "产出指标（50）", l2: "时效指标", name: "办理时限", target: "≤3个工作日", actual: "2个工作日", points: 5, score: 5 },
    { l1: "产出指标（50）", l2: "成本指标", name: "培训总成本", target: `≤${budget}万元`, actual: `${executed}万元`, points: 10, score: 10 },
    { l1: "效益指标（30）", l2: "社会效益指标", name: "政策知晓率", target: "≥90%", actual: "92%", points: 15, score: 15 },
    { l1: "效益指标（30）", l2: "可持续影响指标", name: "长效机制建设", target: "逐步完善", actual: "逐步完善", points: 15, score: 15 },
    { l1: "满意度指标（10）", l2: "服务对象满意度指标", name: "学员满意度", target: "≥90%", actual: "95%", points: 10, score: 10 },
  ];
}

/** 项目支出绩效自评表 rows (columns A–I). */
export function selfEvalRows(o: SelfEvalOptions = {}): Block {
  const budget = o.budget ?? 40;
  const executed = o.executed ?? 36;
  const issued = o.issued ?? 1800;
  const inds = o.indicators ?? standardIndicators(budget, executed, issued);
  const rate = new Decimal(executed).div(budget).times(100);
  const execScore = round2(Decimal.min(rate, 100).div(10));
  const rows: CellInput[][] = [];
  const merges: string[] = [];
  const at: Block["at"] = {};
  rows.push(["项目支出绩效自评表"]);
  merges.push(merge(0, 0, 0, 8));
  rows.push([`（${o.year ?? 2022}年度）`]);
  rows.push(["项目名称", null, o.project ?? "业务培训"]);
  merges.push(merge(2, 0, 2, 1), merge(2, 2, 2, 8));
  rows.push(["主管部门及代码", null, "某某局（部门）100001", null, null, "实施单位", "某某中心"]);
  rows.push(["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]);
  merges.push(merge(4, 0, 7, 0));
  at.yearStart = { row: 5, col: 2 };
  at.budget = { row: 5, col: 3 };
  at.executed = { row: 5, col: 4 };
  at.execPoints = { row: 5, col: 5 };
  at.rate = { row: 5, col: 6 };
  at.execScore = { row: 5, col: 7 };
  at.fiscalBudget = { row: 6, col: 3 };
  rows.push([null, "年度资金总额", budget, budget, executed, 10, `${rate.toDecimalPlaces(2).toString()}%`, execScore.toNumber()]);
  rows.push([null, "其中：财政拨款", budget, budget, executed, "-", null, "-"]);
  rows.push([null, "其他资金", null, null, null, "-", null, "-"]);
  rows.push(["年度总体目标", "预期目标", null, null, null, "实际完成情况"]);
  rows.push([null, "完成年度培训任务，提高业务能力。", null, null, null, "已完成年度培训任务。"]);
  merges.push(merge(8, 0, 9, 0), merge(8, 1, 8, 4), merge(8, 5, 8, 8), merge(9, 1, 9, 4), merge(9, 5, 9, 8));
  const header = rows.length;
  at.header = { row: header, col: 1 };
  rows.push(["绩效指标（90）", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]);
  const first = rows.length;
  let l1Start = first;
  let l2Start = first;
  inds.forEach((ind, k) => {
    const r = rows.length;
    const prev = inds[k - 1];
    const newL1 = !prev || prev.l1 !== ind.l1;
    const newL2 = newL1 || prev.l2 !== ind.l2;
    if (newL1 && k > 0 && r - 1 > l1Start) merges.push(merge(l1Start, 1, r - 1, 1));
    if (newL2 && k > 0 && r - 1 > l2Start) merges.push(merge(l2Start, 2, r - 1, 2));
    if (newL1) l1Start = r;
    if (newL2) l2Start = r;
    rows.push([null, newL1 ? ind.l1 : null, newL2 ? ind.l2 : null, ind.name, ind.target, ind.actual, ind.points, ind.score, ind.reason ?? null]);
    at[`target${k}`] = { row: r, col: 4 };
    at[`actual${k}`] = { row: r, col: 5 };
    at[`points${k}`] = { row: r, col: 6 };
    at[`score${k}`] = { row: r, col: 7 };
    at[`reason${k}`] = { row: r, col: 8 };
    at[`l1_${k}`] = { row: r, col: 1 };
  });
  const last = rows.length - 1;
  if (last > l1Start) merges.push(merge(l1Start, 1, last, 1));
  if (last > l2Start) merges.push(merge(l2Start, 2, last, 2));
  merges.push(merge(header, 0, last, 0));
  const total = inds.reduce((s, i) => s.plus(i.score), execScore);
  const points = inds.reduce((s, i) => s + i.points, 10);
  at.totalPoints = { row: rows.length, col: 6 };
  at.total = { row: rows.length, col: 7 };
  rows.push(["总分", null, null, null, null, null, points, round2(total).toNumber()]);
  merges.push(merge(rows.length - 1, 0, rows.length - 1, 5));
  if (o.grade) {
    at.grade = { row: rows.length, col: 2 };
    rows.push(["评价等次", null, total.gte(90) ? "优" : total.gte(80) ? "良" : total.gte(60) ? "中" : "差"]);
  }
  return { rows, merges, at };
}

export interface TargetOptions {
  project?: string;
  period?: number;
  annual?: number;
  /** 资金支出计划 percentages for 3/6/10/12月底. */
  plan?: number[];
  indicators?: { l1: string; l2: string; name: string; target: string }[];
}

export function standardTargets(annual: number): { l1: string; l2: string; name: string; target: string }[] {
  return [
    { l1: "产出指标", l2: "数量指标", name: "培训人次", target: "≥500人次" },
    { l1: "产出指标", l2: "质量指标", name: "培训合格率", target: "≥95%" },
    { l1: "产出指标", l2: "时效指标", name: "完成时间", target: "2022年12月31日前" },
    { l1: "产出指标", l2: "成本指标", name: "培训总成本", target: `≤${annual}万元` },
    { l1: "效益指标", l2: "社会效益指标", name: "政策知晓率", target: "≥90%" },
    { l1: "效益指标", l2: "生态效益指标", name: "", target: "" },
    { l1: "满意度指标", l2: "服务对象满意度指标", name: "学员满意度", target: "≥90%" },
  ];
}

/** 项目绩效目标表 rows (安阳 layout, columns A–E). */
export function targetRows(o: TargetOptions = {}): Block {
  const period = o.period ?? 120;
  const annual = o.annual ?? 40;
  const rows: CellInput[][] = [];
  const merges: string[] = [];
  const at: Block["at"] = {};
  rows.push(["项目绩效目标表"]);
  rows.push(["(2022年度)"]);
  rows.push(["项目名称", o.project ?? "业务培训"]);
  rows.push(["单位名称", "某某中心", "内容分类", "A1-业务类"]);
  rows.push(["项目资金 (万元)", "实施期资金总额:", { v: String(period) }, "年度资金总额:", { v: String(annual) }]);
  rows.push([null, "其中:财政拨款", { v: String(period) }, "其中:财政拨款", { v: String(annual) }]);
  rows.push([null, "其他", { v: "0.00" }, "其他", { v: "0.00" }]);
  merges.push(merge(0, 0, 0, 4), merge(1, 0, 1, 4), merge(2, 1, 2, 4), merge(4, 0, 6, 0));
  at.period = { row: 4, col: 2 };
  at.annual = { row: 4, col: 4 };
  at.annualFiscal = { row: 5, col: 4 };
  if (o.plan) {
    rows.push(["资金支出计划", "3月底", "6月底", "10月底", "12月底"]);
    at.plan = { row: rows.length, col: 1 };
    rows.push([null, ...o.plan.map((p) => ({ v: p / 100, fmt: "0%" }))]);
  }
  rows.push(["绩效目标", "年度目标(总体)"]);
  rows.push([null, "完成年度培训任务，提高业务能力。"]);
  const header = rows.length;
  rows.push(["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"]);
  at.header = { row: header, col: 1 };
  (o.indicators ?? standardTargets(annual)).forEach((ind, k) => {
    at[`target${k}`] = { row: rows.length, col: 4 };
    rows.push([null, ind.l1, ind.l2, ind.name || null, ind.target || null]);
  });
  merges.push(merge(header, 0, rows.length - 1, 0));
  return { rows, merges, at };
}

export interface WholeOptions {
  department?: string;
  budget?: number;
  basic?: number;
  project?: number;
  executed?: number;
  /** Swap 基本支出 and 项目支出 lines' figures. */
  swap?: boolean;
  total?: number;
  /** A 评价等次 line under 总分. */
  grade?: string;
  scores?: { name: string; target: string; actual: string; points: number; score: number }[];
}

/** 部门整体预算绩效自评表 rows (安阳 layout, columns A–H). */
export function wholeSelfEvalRows(o: WholeOptions = {}): Block {
  const basic = o.basic ?? 1219.27;
  const project = o.project ?? 984.49;
  const total = new Decimal(basic).plus(project).toNumber();
  const [b, p] = o.swap ? [project, basic] : [basic, project];
  const rows: CellInput[][] = [];
  const merges: string[] = [];
  const at: Block["at"] = {};
  rows.push(["市级预算部门(单位)整体预算绩效自评表"]);
  rows.push(["(2021年度)"]);
  rows.push(["部门(单位)名称", null, o.department ?? "某某局"]);
  rows.push(["预算情况", null, null, "年初预算数", "全年预算数", "实际执行数", "执行率", "实际完成值发生偏差原因分析及改进措施"]);
  rows.push([null, "部门预算总额(万元)", null, total, total, total, "100.00%"]);
  rows.push([null, "资金来源:", "财政拨款", total, total, total, "100.00%"]);
  rows.push([null, "资金结构:", "基本支出", b, b, b, "100.00%"]);
  rows.push([null, null, "项目支出", p, p, p, "100.00%"]);
  merges.push(merge(0, 0, 0, 7), merge(1, 0, 1, 7), merge(2, 0, 2, 1), merge(2, 2, 2, 7), merge(3, 0, 7, 0), merge(4, 1, 4, 2), merge(6, 1, 7, 1));
  at.total = { row: 4, col: 5 };
  at.basic = { row: 6, col: 5 };
  at.project = { row: 7, col: 5 };
  at.rate = { row: 4, col: 6 };
  const header = rows.length;
  rows.push(["一级指标", "二级指标", "三级指标", "指标值", "分值", "自评分", "实际完成值", "实际完成值发生偏差原因分析及改进措施"]);
  at.header = { row: header, col: 0 };
  const scores = o.scores ?? [
    { name: "预算执行率", target: "≥90%", actual: "100%", points: 40, score: 40 },
    { name: "结转结余率", target: "≤10%", actual: "0%", points: 30, score: 30 },
    { name: "政府采购执行率", target: "≥90%", actual: "100%", points: 30, score: 30 },
  ];
  scores.forEach((s, k) => {
    at[`score${k}`] = { row: rows.length, col: 5 };
    rows.push(["投入管理指标", "预算和财务管理", s.name, s.target, s.points, s.score, s.actual]);
  });
  at.totalScore = { row: rows.length, col: 5 };
  rows.push(["总分", null, null, null, scores.reduce((a, s) => a + s.points, 0), o.total ?? scores.reduce((a, s) => a + s.score, 0)]);
  if (o.grade) {
    at.grade = { row: rows.length, col: 1 };
    rows.push(["评价等次", o.grade]);
  }
  return { rows, merges, at };
}

/** 部门（单位）整体绩效目标表 rows (安阳 layout, columns A–E). */
export function wholeTargetRows(o: WholeOptions = {}): Block {
  const basic = o.basic ?? 587.02;
  const project = o.project ?? 9821.3;
  const total = new Decimal(basic).plus(project).toNumber();
  const rows: CellInput[][] = [];
  const merges: string[] = [];
  const at: Block["at"] = {};
  rows.push(["安阳市市级预算部门(单位)整体绩效目标表"]);
  rows.push(["(2021)年度"]);
  rows.push(["部门(单位)名称", o.department ?? "某某中心"]);
  rows.push(["预算情况", "部门预算总额（万元）", null, total]);
  rows.push([null, "1、资金来源：（1）财政性资金", null, total]);
  rows.push([null, "（2）其他资金", null, 0]);
  rows.push([null, "2、资金结构：（1）基本支出", null, basic]);
  rows.push([null, "（2）项目支出", null, project]);
  merges.push(merge(0, 0, 0, 4), merge(1, 0, 1, 4), merge(2, 1, 2, 4), merge(3, 0, 7, 0), merge(3, 1, 3, 2), merge(4, 1, 4, 2), merge(5, 1, 5, 2), merge(6, 1, 6, 2), merge(7, 1, 7, 2));
  at.total = { row: 3, col: 3 };
  at.basic = { row: 6, col: 3 };
  rows.push(["一级指标", "二级指标", "三级指标", "指标值", "指标值说明"]);
  at.header = { row: 8, col: 0 };
  rows.push(["投入管理指标", "预算和财务管理", "预算执行率", "≥90%", "预算执行率=预算完成数/预算数×100%"]);
  at.target0 = { row: 9, col: 3 };
  rows.push(["投入管理指标", "预算和财务管理", "结转结余率", "≤10%", "结转结余率=结转结余总额/预算数×100%"]);
  return { rows, merges, at };
}

export interface FrameworkOptions {
  project?: string;
  items?: { l1: string; l2: string; name: string; points: number; score: number }[];
  total?: number;
  grade?: string;
}

/** 项目支出绩效评价表 (scored framework) rows (columns A–F). */
export function frameworkRows(o: FrameworkOptions = {}): Block {
  const items = o.items ?? [
    { l1: "决策（20分）", l2: "项目立项", name: "立项依据充分性", points: 10, score: 10 },
    { l1: "决策（20分）", l2: "绩效目标", name: "绩效目标合理性", points: 10, score: 8 },
    { l1: "过程（20分）", l2: "资金管理", name: "资金到位率", points: 10, score: 10 },
    { l1: "过程（20分）", l2: "组织实施", name: "制度执行有效性", points: 10, score: 9 },
    { l1: "产出（40分）", l2: "产出数量", name: "实际完成率", points: 20, score: 18 },
    { l1: "产出（40分）", l2: "产出质量", name: "质量达标率", points: 20, score: 20 },
    { l1: "效益（20分）", l2: "项目效益", name: "社会效益", points: 10, score: 9 },
    { l1: "效益（20分）", l2: "满意度", name: "服务对象满意度", points: 10, score: 9 },
  ];
  const rows: CellInput[][] = [];
  const merges: string[] = [];
  const at: Block["at"] = {};
  rows.push(["项目支出绩效评价表"]);
  rows.push(["项目名称", o.project ?? "业务培训"]);
  rows.push(["一级指标", "二级指标", "三级指标", "分值", "评分标准", "自评分"]);
  items.forEach((it, k) => {
    const newL1 = k === 0 || items[k - 1].l1 !== it.l1;
    at[`points${k}`] = { row: rows.length, col: 3 };
    at[`score${k}`] = { row: rows.length, col: 5 };
    if (newL1) at[`l1_${k}`] = { row: rows.length, col: 0 };
    rows.push([newL1 ? it.l1 : null, it.l2, it.name, it.points, "按完成情况计分", it.score]);
  });
  const total = o.total ?? items.reduce((a, i) => a + i.score, 0);
  at.total = { row: rows.length, col: 5 };
  rows.push(["合计", null, null, items.reduce((a, i) => a + i.points, 0), null, total]);
  at.grade = { row: rows.length, col: 1 };
  rows.push(["评价等次", o.grade ?? (total >= 90 ? "优" : total >= 80 ? "良" : total >= 60 ? "中" : "差")]);
  return { rows, merges, at };
}

/** 项目绩效目标完成情况表 rows (columns A–F). */
export function completionRows(o: { project?: string; actualIssued?: string; reason?: string } = {}): Block {
  const rows: CellInput[][] = [];
  const at: Block["at"] = {};
  rows.push(["项目绩效目标完成情况表"]);
  rows.push(["项目名称", o.project ?? "业务培训", "预算数（万元）", 40, "执行数（万元）", 36]);
  rows.push(["一级指标", "二级指标", "三级指标", "预期指标值", "实际完成指标值", "偏差原因"]);
  const list: [string, string, string, string, string][] = [
    ["产出指标", "数量指标", "培训人次", "≥500人次", "520人次"],
    ["产出指标", "数量指标", "资料发放数量", "≥2000册", o.actualIssued ?? "2000册"],
    ["产出指标", "质量指标", "培训合格率", "≥95%", "98%"],
    ["产出指标", "时效指标", "完成时间", "12月底前", "12月底前"],
    ["产出指标", "成本指标", "培训总成本", "≤40万元", "36万元"],
    ["效益指标", "社会效益指标", "政策知晓率", "≥90%", "92%"],
    ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "95%"],
  ];
  list.forEach((l, k) => {
    at[`actual${k}`] = { row: rows.length, col: 4 };
    rows.push([...l, k === 1 ? o.reason ?? null : null]);
  });
  return { rows, merges: [], at };
}

/** One sheet holding blocks stacked top to bottom (a blank row between). */
export function stackSheet(name: string, blocks: Block[]): { sheet: SheetSpec; offsets: number[] } {
  const rows: CellInput[][] = [];
  const merges: string[] = [];
  const offsets: number[] = [];
  for (const b of blocks) {
    const off = rows.length;
    offsets.push(off);
    rows.push(...b.rows);
    for (const m of b.merges) merges.push(shiftRange(m, off));
    rows.push([]);
  }
  return { sheet: { name, rows, merges, numberFormat: "General" }, offsets };
}

function shiftRange(m: string, dr: number): string {
  return m.replace(/([A-Z]+)(\d+)/g, (_, c: string, r: string) => `${c}${parseInt(r, 10) + dr}`);
}

/** A sheet for one block. */
export function blockSheet(name: string, b: Block): SheetSpec {
  return { name, rows: b.rows, merges: b.merges, numberFormat: "General" };
}

export interface PerfSetOptions {
  tables?: number;
  perSheet?: number;
  seed?: number;
}

/** A workbook of consistent project self-evaluation tables, `perSheet` stacked per sheet. */
export function generatePerfSet(o: PerfSetOptions = {}): WorkbookSnapshot {
  const n = o.tables ?? 200;
  const per = o.perSheet ?? 10;
  const rand = rng(o.seed ?? 7);
  const sheets: SheetSpec[] = [];
  for (let i = 0; i < n; i += per) {
    const blocks: Block[] = [];
    for (let k = i; k < Math.min(n, i + per); k++) {
      const budget = 10 + Math.floor(rand() * 500);
      const executed = new Decimal(budget).times(0.6 + rand() * 0.4).toDecimalPlaces(2).toNumber();
      const issued = 1500 + Math.floor(rand() * 600);
      blocks.push(selfEvalRows({ project: `项目${k + 1}`, budget, executed, issued }));
    }
    sheets.push(stackSheet(`项目自评${i / per + 1}`, blocks).sheet);
  }
  return buildWorkbook("generated-perf-selfeval.xlsx", sheets);
}
