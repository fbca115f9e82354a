/**
 * Coded budget tables (CodedTable, kind "coded", read by tables/coded.ts):
 * 收入预算总表 (budget02), 支出预算总表 (budget03), the three 功能分类预算表
 * (budget05 一般公共预算, budget06 政府性基金, budget07 国有资本经营) and the
 * 基本支出经济分类预算表 (budget08, economic codes 类/款).
 *
 * Column keys (`row.cells[key]`), present when the header has them:
 * - budget02: total (合计), fiscal (财政拨款收入), gpb / govFund / soe (its fund
 *   columns in layouts that split it), special (财政专户管理资金), unitFunds (单位资金),
 *   business (事业收入), operating (事业单位经营收入), upper (上级补助收入),
 *   affiliated (附属单位上缴收入), other (其他收入), carryover (上年结转).
 * - budget03 / 05 / 06 / 07: total (合计), basic (基本支出), personnel (人员经费),
 *   public (公用经费), project (项目支出), upper (上缴上级支出), operating
 *   (事业单位经营支出), subsidiary (对附属单位补助支出).
 * - budget08: total (合计), personnel (人员经费), public (公用经费).
 *
 * BudgetCodedTable adds how the columns add up, read from the header:
 * - `sumKeys`: the columns whose sum is 合计 (top-level parts only);
 * - `groups`: columns that are the sum of sub-columns (财政拨款收入 = its fund
 *   columns; 基本支出 = 人员经费 + 公用经费; 单位资金 = the columns under it).
 */
import { ParseFailure, TemplateInfo } from "../base";
import { CodedTable, ColumnSpec, parseCoded } from "../coded";
import { RegionContext, readHeader } from "../header";
import { BUDGET02, BUDGET03, BUDGET05, BUDGET06, BUDGET07, BUDGET08 } from "./info";

export interface ColumnGroup {
  parent: string;
  children: string[];
}

export interface BudgetCodedTable extends CodedTable {
  sumKeys: string[];
  groups: ColumnGroup[];
}

const last = (l: string) => l.split("/").pop()!;

const FUND_WORDS = /财政拨款|一般公共|政府性基金|国有资本|单位资金|财政专户/;

export const INCOME_COLUMNS: ColumnSpec[] = [
  { key: "total", title: "合计", match: (l) => /^(合计|小计|总计|本年收入合计|收入合计)$/.test(last(l)) && !FUND_WORDS.test(l) },
  { key: "fiscal", title: "财政拨款收入", match: (l) => /财政拨款/.test(l) && !/一般公共|政府性基金|国有资本/.test(last(l)), required: false },
  { key: "gpb", title: "一般公共预算拨款", match: (l) => /一般公共预算/.test(last(l)), required: false },
  { key: "govFund", title: "政府性基金预算拨款", match: (l) => /政府性基金/.test(last(l)), required: false },
  { key: "soe", title: "国有资本经营预算拨款", match: (l) => /国有资本经营/.test(last(l)), required: false },
  { key: "special", title: "财政专户管理资金", match: (l) => /财政专户/.test(l), required: false },
  { key: "unitFunds", title: "单位资金", match: (l) => /单位资金/.test(l) && (last(l) === "单位资金" || /^(小计|合计)$/.test(last(l))), required: false },
  { key: "business", title: "事业收入", match: (l) => /^事业收入$/.test(last(l)), required: false },
  { key: "operating", title: "事业单位经营收入", match: (l) => /经营收入/.test(last(l)), required: false },
  { key: "upper", title: "上级补助收入", match: (l) => /上级补助/.test(last(l)), required: false },
  { key: "affiliated", title: "附属单位上缴收入", match: (l) => /附属单位上缴/.test(last(l)), required: false },
  { key: "other", title: "其他收入", match: (l) => /其他收入/.test(last(l)), required: false },
  { key: "carryover", title: "上年结转", match: (l) => /上年结转|年初结转|上年结余/.test(l), required: false },
];

const PART_WORDS = /基本支出|项目支出|人员经费|公用经费|上缴上级|经营支出|对附属单位/;

export const EXPENSE_COLUMNS: ColumnSpec[] = [
  { key: "total", title: "合计", match: (l) => /^(合计|小计|总计|本年支出合计|支出合计|预算数|金额)$/.test(last(l)) && !PART_WORDS.test(l) },
  { key: "basic", title: "基本支出", match: (l) => last(l) === "基本支出" || (/基本支出/.test(l) && /^(小计|合计)$/.test(last(l))), required: false },
  { key: "personnel", title: "人员经费", match: (l) => /人员经费|工资福利/.test(last(l)), required: false },
  { key: "public", title: "公用经费", match: (l) => /公用经费/.test(last(l)), required: false },
  { key: "project", title: "项目支出", match: (l) => /项目支出/.test(last(l)), required: false },
  { key: "upper", title: "上缴上级支出", match: (l) => /上缴上级/.test(last(l)), required: false },
  { key: "operating", title: "事业单位经营支出", match: (l) => /经营支出/.test(last(l)), required: false },
  { key: "subsidiary", title: "对附属单位补助支出", match: (l) => /对附属单位补助/.test(last(l)), required: false },
];

export const ECONOMIC_COLUMNS: ColumnSpec[] = [
  { key: "total", title: "合计", match: (l) => /^(合计|小计|总计|预算数|金额)$/.test(last(l)) && !/人员经费|公用经费/.test(l) },
  { key: "personnel", title: "人员经费", match: (l) => /人员经费/.test(last(l)), required: false },
  { key: "public", title: "公用经费", match: (l) => /公用经费/.test(last(l)), required: false },
];

function parseBudgetCoded(ctx: RegionContext, template: TemplateInfo, columns: ColumnSpec[], economic = false): BudgetCodedTable | ParseFailure {
  const t = parseCoded(ctx, template, { columns, codeKind: economic ? "economic" : "function" });
  if ("failed" in t) return t;
  // The same header parseCoded read: composite labels tell which columns sit under which group.
  const labels = readHeader(ctx, {}).labels;
  const present = new Set(t.columns.map((c) => c.key));
  const labelOf = (key: string) => labels.get(t.columns.find((c) => c.key === key)!.col) ?? "";
  const groups: ColumnGroup[] = [];
  const child = new Set<string>();
  const group = (parent: string, children: string[]) => {
    const kids = children.filter((k) => present.has(k) && k !== parent);
    if (!present.has(parent) || kids.length === 0) return;
    groups.push({ parent, children: kids });
    for (const k of kids) child.add(k);
  };
  group("fiscal", ["gpb", "govFund", "soe"]);
  group("basic", ["personnel", "public"]);
  group("unitFunds", [...present].filter((k) => k !== "total" && !child.has(k) && /单位资金/.test(labelOf(k))));
  const sumKeys = t.columns.map((c) => c.key).filter((k) => k !== "total" && !child.has(k));
  return Object.assign(t, { sumKeys, groups });
}

export const parseBudget02 = (ctx: RegionContext) => parseBudgetCoded(ctx, BUDGET02, INCOME_COLUMNS);
export const parseBudget03 = (ctx: RegionContext) => parseBudgetCoded(ctx, BUDGET03, EXPENSE_COLUMNS);
export const parseBudget05 = (ctx: RegionContext) => parseBudgetCoded(ctx, BUDGET05, EXPENSE_COLUMNS);
export const parseBudget06 = (ctx: RegionContext) => parseBudgetCoded(ctx, BUDGET06, EXPENSE_COLUMNS);
export const parseBudget07 = (ctx: RegionContext) => parseBudgetCoded(ctx, BUDGET07, EXPENSE_COLUMNS);
export const parseBudget08 = (ctx: RegionContext) => parseBudgetCoded(ctx, BUDGET08, ECONOMIC_COLUMNS, true);
