/**
 * Two-sided budget summary tables: 财务收支预算总表 (budget01) and 财政拨款收支预算总表
 * (budget04). Both are SidedTables (kind "sided", read by tables/sided.ts) with
 * the lines a rule or the narrative needs picked out by key.
 *
 * Model (BudgetSummary):
 * - `inc[key]` income lines: fiscal (财政拨款收入, the parent line when the fund lines
 *   are its sub-lines "1. 一般公共预算…"), gpb / govFund / soe (一般公共预算 / 政府性基金 /
 *   国有资本经营预算 拨款收入, top-level or sub-lines of 财政拨款收入 alike), special
 *   (财政专户管理资金), business (事业收入), operating (事业单位经营收入), unitFunds (单位资金),
 *   other (其他收入), total (本年收入合计, absent in Shanghai), carryover (上年结转…),
 *   grand (收入总计).
 * - `carryoverParts[fund]`: sub-lines of 上年结转 by fund (budget04 layouts that split it).
 * - `incomeItems`: the lines that add up to 本年收入: the outline children of the
 *   本年收入 line when it heads them ("一、本年收入" over "（一）…"), else the top-level
 *   lines of the main section before 本年收入合计 or 收入总计, except 上年结转 (see
 *   tables/outline.ts: a parent line is never added together with its own parts).
 * - `fiscalParts`: the fund lines listed under 财政拨款收入 (its outline children, or
 *   the sub-lines of its section).
 * - `exp[key]` expense lines: total (本年支出合计), carryForward (结转下年), grand (支出总计).
 * - `classes`: the expense lines that add up to 本年支出: the children of "一、本年支出"
 *   when it heads them, else the top-level lines before 本年支出合计 / 支出总计
 *   (功能分类 classes, `classCode` set when the name is known).
 * - A heading line with no figure of its own ("一、本年收入" left blank over its parts)
 *   is not a nil total: its parts stand for it (`inc.total` / `exp.total` unset).
 * - expense columns (`expense.columns`, keys of `line.cells`):
 *   budget01: total (the only column "预算数", or 合计), and in the 单位 layout
 *   basic (基本支出, when it has its own column) / personnel (人员经费) / public
 *   (公用经费) / project (项目支出);
 *   budget04: total (合计), gpb, govFund, soe (the fund columns present).
 *   Income figures are in `cells.amount`.
 *
 * Template placeholder lines ("二、…") are dropped; blank lines ("三、") never
 * become lines.
 */
import { norm } from "../../recognize/normalize";
import { isPlaceholderText } from "../coded";
import { ParseFailure, TemplateInfo } from "../base";
import { HeaderBlock, RegionContext, readHeader } from "../header";
import { Line, Side, SideSpec, SidedTable, childLines, linkOutline, parseSided, partsOf, topLevelLines } from "../sided";
import { AmountCell } from "../types";
import type { Term } from "../../rules/relation";
import { BUDGET01, BUDGET04 } from "./info";

export type FundKey = "gpb" | "govFund" | "soe";
export const FUNDS: { key: FundKey; title: string; short: string }[] = [
  { key: "gpb", title: "一般公共预算拨款", short: "一般公共预算" },
  { key: "govFund", title: "政府性基金预算拨款", short: "政府性基金预算" },
  { key: "soe", title: "国有资本经营预算拨款", short: "国有资本经营预算" },
];

export type BudgetIncomeKey =
  | "fiscal"
  | FundKey
  | "special"
  | "business"
  | "operating"
  | "unitFunds"
  | "other"
  | "total"
  | "carryover"
  | "grand";

export const INCOME_TITLES: Record<BudgetIncomeKey, string> = {
  fiscal: "财政拨款收入",
  gpb: "一般公共预算拨款收入",
  govFund: "政府性基金预算拨款收入",
  soe: "国有资本经营预算拨款收入",
  special: "财政专户管理资金收入",
  business: "事业收入",
  operating: "事业单位经营收入",
  unitFunds: "单位资金",
  other: "其他收入",
  total: "本年收入合计",
  carryover: "上年结转",
  grand: "收入总计",
};

export type BudgetExpenseKey = "total" | "carryForward" | "grand";

export interface BudgetSummary extends SidedTable {
  inc: Partial<Record<BudgetIncomeKey, Line>>;
  carryoverParts: Partial<Record<FundKey, Line>>;
  incomeItems: Line[];
  fiscalParts: Line[];
  exp: Partial<Record<BudgetExpenseKey, Line>>;
  classes: Line[];
}

/** Income line labels (numbering already removed). */
export function classifyBudgetIncome(l: string): string {
  if (/^财政拨款(收入)?(合计|小计)?$/.test(l)) return "fiscal";
  if (/^一般公共预算(财政)?(拨款)?(收入)?$/.test(l)) return "gpb";
  if (/^政府性基金(预算)?(财政)?(拨款)?(收入)?$/.test(l)) return "govFund";
  if (/^国有资本经营(预算)?(财政)?(拨款)?(收入)?$/.test(l)) return "soe";
  if (/财政专户/.test(l)) return "special";
  if (/^(事业单位)?经营收入$/.test(l)) return "operating";
  if (/^事业收入/.test(l)) return "business";
  if (/^单位资金/.test(l)) return "unitFunds";
  if (/^其他收入/.test(l)) return "other";
  if (/^(本年)?收入合计$|^本年收入$/.test(l)) return "total";
  if (/^(上年|年初)(财政拨款)?(结转|结余)/.test(l)) return "carryover";
  if (/^(收入)?总计$/.test(l)) return "grand";
  return "item";
}

/** Expense line labels. */
export function classifyBudgetExpense(l: string): string {
  if (/^(本年)?支出合计$|^本年支出$/.test(l)) return "total";
  if (/^(结转下年|年末(财政拨款)?结转|年末结余)/.test(l)) return "carryForward";
  if (/^(支出)?总计$/.test(l)) return "grand";
  return "item";
}

const last = (l: string) => l.split("/").pop()!;

export interface SideColumnSpec {
  key: string;
  title: string;
  match: (label: string) => boolean;
}

const NOT_SPLIT = /基本支出|项目支出|人员经费|公用经费|一般公共预算|政府性基金|国有资本经营/;

/** Expense columns of the 单位 layout of 财务收支预算总表. */
export const SUMMARY01_EXPENSE_COLUMNS: SideColumnSpec[] = [
  { key: "total", title: "合计", match: (l) => /^(合计|小计|总计)$/.test(last(l)) && !NOT_SPLIT.test(l) },
  { key: "basic", title: "基本支出", match: (l) => last(l) === "基本支出" || (/基本支出/.test(l) && /^(小计|合计)$/.test(last(l))) },
  { key: "personnel", title: "人员经费", match: (l) => /人员经费/.test(last(l)) },
  { key: "public", title: "公用经费", match: (l) => /公用经费/.test(last(l)) },
  { key: "project", title: "项目支出", match: (l) => /项目支出/.test(last(l)) },
];

/** Expense columns of 财政拨款收支预算总表. */
export const SUMMARY04_EXPENSE_COLUMNS: SideColumnSpec[] = [
  { key: "total", title: "合计", match: (l) => /^(合计|小计|总计)$/.test(last(l)) && !NOT_SPLIT.test(l) },
  { key: "gpb", title: "一般公共预算", match: (l) => /一般公共预算/.test(last(l)) },
  { key: "govFund", title: "政府性基金预算", match: (l) => /政府性基金/.test(last(l)) },
  { key: "soe", title: "国有资本经营预算", match: (l) => /国有资本经营/.test(last(l)) },
];

const LABEL_COL = /(^|\/)(项目|科目|项目名称|收入项目|支出项目|功能分类科目名称)$/;

/**
 * The expense amount columns present in the header (right of the expense 项目
 * column), in spec order. parseSided needs every listed column, so layouts
 * with fewer columns (Shanghai 部门: one 预算数 column) are read with what is there.
 */
function presentColumns(header: HeaderBlock, specs: SideColumnSpec[]): SideColumnSpec[] {
  const cols = [...header.labels.keys()].sort((a, b) => a - b);
  const labelCols = cols.filter((c) => LABEL_COL.test(header.labels.get(c)!));
  const expenseLabel = labelCols.find((c) => /支出/.test(header.labels.get(c)!) && c > labelCols[0]) ?? labelCols[1];
  if (expenseLabel === undefined) return [];
  const amount = cols.filter((c) => c > expenseLabel && !LABEL_COL.test(header.labels.get(c)!) && !/(^|\/)(行次|行号)$/.test(header.labels.get(c)!));
  const used = new Set<number>();
  const out: SideColumnSpec[] = [];
  for (const s of specs) {
    const c = amount.find((x) => !used.has(x) && s.match(header.labels.get(x)!));
    if (c === undefined) continue;
    used.add(c);
    out.push(s);
  }
  return out;
}

/** Drops template placeholder lines ("…") and rebuilds the key index as parseSided does. */
function dropPlaceholders(side: Side): void {
  side.lines = side.lines.filter((l) => !isPlaceholderText(norm(l.label).replace(/^[一二三四五六七八九十\d]+[、.．]/, "")));
  side.byKey = new Map();
  for (const line of side.lines) {
    const k = line.key === "class" ? `class:${line.classCode}` : line.section === "main" ? line.key : `${line.section}.${line.key}`;
    if (!side.byKey.has(k)) side.byKey.set(k, line);
  }
  linkOutline(side.lines);
}

/**
 * A heading line over its parts ("一、本年收入" above "（一）…") with no figure of
 * its own in `col`: its parts stand for it (a blank heading is not a nil total).
 */
function blankHeading(side: Side, line: Line | undefined, col: string): boolean {
  return !!line && !!line.cells[col]?.amount?.blank && childLines(side, line).length > 0;
}

function finish(t: SidedTable): BudgetSummary {
  dropPlaceholders(t.income);
  dropPlaceholders(t.expense);
  const by = t.income.byKey;
  const s = t as BudgetSummary;
  s.inc = {};
  for (const k of ["fiscal", "special", "business", "operating", "unitFunds", "other", "total", "carryover", "grand"] as BudgetIncomeKey[]) {
    const l = by.get(k);
    if (l) s.inc[k] = l;
  }
  s.carryoverParts = {};
  for (const f of FUNDS) {
    const l = by.get(f.key) ?? by.get(`fiscal.${f.key}`);
    if (l) s.inc[f.key] = l;
    const c = by.get(`carryover.${f.key}`);
    if (c) s.carryoverParts[f.key] = c;
  }
  // Outline (tables/outline.ts): a parent line is never added together with its own parts.
  const fiscalKids = s.inc.fiscal ? childLines(t.income, s.inc.fiscal) : [];
  s.fiscalParts = fiscalKids.length ? fiscalKids : t.income.lines.filter((l) => l.section === "fiscal");
  const notTotals = (l: Line) => !["total", "carryover", "grand"].includes(l.key);
  const headingIn = s.inc.total && blankHeading(t.income, s.inc.total, "amount") ? s.inc.total : undefined;
  if (headingIn) delete s.inc.total;
  const stopIn = s.inc.total ?? s.inc.grand;
  if (headingIn) s.incomeItems = childLines(t.income, headingIn).filter(notTotals);
  else if (s.inc.total) s.incomeItems = partsOf(t.income, s.inc.total, notTotals);
  else s.incomeItems = topLevelLines(t.income, t.income.lines.filter((l) => l.section === "main" && (!stopIn || l.row < stopIn.row) && notTotals(l)));
  s.exp = {};
  for (const k of ["total", "carryForward", "grand"] as BudgetExpenseKey[]) {
    const l = t.expense.byKey.get(k);
    if (l) s.exp[k] = l;
  }
  const notExpTotals = (l: Line) => !["total", "carryForward", "grand"].includes(l.key);
  const headingEx = s.exp.total && t.expense.columns.every((c) => blankHeading(t.expense, s.exp.total, c.key)) ? s.exp.total : undefined;
  if (headingEx) delete s.exp.total;
  const stopEx = s.exp.total ?? s.exp.grand;
  if (headingEx) s.classes = childLines(t.expense, headingEx).filter(notExpTotals);
  else if (s.exp.total) s.classes = partsOf(t.expense, s.exp.total, notExpTotals);
  else s.classes = topLevelLines(t.expense, t.expense.lines.filter((l) => l.section === "main" && (!stopEx || l.row < stopEx.row) && notExpTotals(l)));
  return s;
}

const FUND_SECTIONS = {
  sections: { fiscal: "fiscal", carryover: "carryover" },
  sectionKeys: { fiscal: ["gpb", "govFund", "soe"], carryover: ["gpb", "govFund", "soe"] },
};

function parseSummary(ctx: RegionContext, template: TemplateInfo, specs: SideColumnSpec[]): BudgetSummary | ParseFailure {
  const header = readHeader(ctx, {});
  const present = presentColumns(header, specs);
  const expenseColumns = present.length >= 2 ? present : [{ key: "total", title: "预算数", match: () => true }];
  const income: SideSpec = {
    classify: (l) => classifyBudgetIncome(l),
    columns: [{ key: "amount", title: "预算数", match: () => true }],
    ...FUND_SECTIONS,
  };
  const expense: SideSpec = { classify: (l) => classifyBudgetExpense(l), classLines: true, columns: expenseColumns };
  const t = parseSided(ctx, template, income, expense);
  if ("failed" in t) return t;
  return finish(t);
}

export const parseBudget01 = (ctx: RegionContext) => parseSummary(ctx, BUDGET01, SUMMARY01_EXPENSE_COLUMNS);
export const parseBudget04 = (ctx: RegionContext) => parseSummary(ctx, BUDGET04, SUMMARY04_EXPENSE_COLUMNS);

/** An expense cell of a line, by column key. */
export function expCell(l: Line | undefined, col: string): AmountCell | undefined {
  return l?.cells[col];
}

/** Whether the expense side has this column. */
export function hasExpenseColumn(t: BudgetSummary, col: string): boolean {
  return t.expense.columns.some((c) => c.key === col);
}

export interface Quantity {
  terms: Term[];
  label: string;
}

/**
 * 本年收入 as the table states it: the 本年收入合计 line, else 收入总计 less 上年结转,
 * else the sum of the income lines.
 */
export function incomeThisYear(t: BudgetSummary): Quantity | undefined {
  const { total, grand, carryover } = t.inc;
  if (total) return { terms: [total.cells.amount], label: "本年收入合计" };
  if (grand && carryover) return { terms: [grand.cells.amount, { cell: carryover.cells.amount, sign: -1 }], label: "收入总计－上年结转" };
  if (grand) return { terms: [grand.cells.amount], label: "收入总计" };
  if (t.incomeItems.length) return { terms: t.incomeItems.map((l) => l.cells.amount), label: "各项收入之和" };
  return undefined;
}

/** 本年支出 of one expense column: the 本年支出合计 line, else 支出总计 less 结转下年. */
export function spendingThisYear(t: BudgetSummary, col: string): Quantity | undefined {
  const { total, grand, carryForward } = t.exp;
  const tc = expCell(total, col);
  if (tc) return { terms: [tc], label: "本年支出合计" };
  const gc = expCell(grand, col);
  const cf = expCell(carryForward, col);
  if (gc && cf) return { terms: [gc, { cell: cf, sign: -1 }], label: "支出总计－结转下年" };
  if (gc) return { terms: [gc], label: "支出总计" };
  return undefined;
}
