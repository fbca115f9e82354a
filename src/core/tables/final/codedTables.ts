/**
 * Coded final-accounts tables: 公开02/03/05/08/09表 and the newer
 * 项目收入支出决算表 / 一般公共预算财政拨款项目支出决算表.
 */
import { ParseFailure, TemplateInfo } from "../base";
import { CodedTable, ColumnSpec, parseCoded } from "../coded";
import { RegionContext } from "../header";

const last = (l: string) => l.split("/").pop()!;

export const FINAL02: TemplateInfo = { id: "final02", code: "公开02表", name: "收入决算表", family: "final", defaultUnit: "万元" };
export const FINAL03: TemplateInfo = { id: "final03", code: "公开03表", name: "支出决算表", family: "final", defaultUnit: "万元" };
export const FINAL05: TemplateInfo = { id: "final05", code: "公开05表", name: "一般公共预算财政拨款支出决算表", family: "final", defaultUnit: "万元" };
export const FINAL08: TemplateInfo = { id: "final08", code: "公开08表", name: "政府性基金预算财政拨款收入支出决算表", family: "final", defaultUnit: "万元" };
export const FINAL09: TemplateInfo = { id: "final09", code: "公开09表", name: "国有资本经营预算财政拨款收入支出决算表", family: "final", defaultUnit: "万元" };
export const FINAL_PROJECT: TemplateInfo = { id: "finalProject", code: "", name: "项目收入支出决算表", family: "final", defaultUnit: "万元" };
export const FINAL_GPB_PROJECT: TemplateInfo = { id: "finalGpbProject", code: "", name: "一般公共预算财政拨款项目支出决算表", family: "final", defaultUnit: "万元" };

export const FINAL02_COLUMNS: ColumnSpec[] = [
  { key: "total", title: "本年收入合计", match: (l) => /收入合计|^合计$|\/合计$/.test(l) },
  { key: "fiscal", title: "财政拨款收入", match: (l) => /财政拨款/.test(l) },
  { key: "upper", title: "上级补助收入", match: (l) => /上级补助/.test(l) },
  { key: "business", title: "事业收入", match: (l) => /^事业收入$|\/事业收入$/.test(l) },
  { key: "operating", title: "经营收入", match: (l) => /(^|\/)经营收入$/.test(l) },
  { key: "affiliated", title: "附属单位上缴收入", match: (l) => /附属单位上缴/.test(l) },
  { key: "other", title: "其他收入", match: (l) => /其他收入/.test(l) },
];

export const FINAL03_COLUMNS: ColumnSpec[] = [
  { key: "total", title: "本年支出合计", match: (l) => /支出合计|^合计$|\/合计$/.test(l) },
  { key: "basic", title: "基本支出", match: (l) => /基本支出/.test(l) },
  { key: "project", title: "项目支出", match: (l) => /项目支出/.test(l) },
  { key: "upper", title: "上缴上级支出", match: (l) => /上缴上级/.test(l) },
  { key: "operating", title: "经营支出", match: (l) => /(^|\/)经营支出$/.test(l) },
  { key: "subsidiary", title: "对附属单位补助支出", match: (l) => /对附属单位补助/.test(l) },
];

const notBudgetColumn = (l: string) => !/预算数|预算$|年初|调整/.test(l);

export const FINAL05_COLUMNS: ColumnSpec[] = [
  { key: "total", title: "小计", match: (l) => notBudgetColumn(l) && /小计|合计/.test(last(l)) },
  { key: "basic", title: "基本支出", match: (l) => notBudgetColumn(l) && /基本支出/.test(l) },
  { key: "project", title: "项目支出", match: (l) => notBudgetColumn(l) && /项目支出/.test(l) },
  // Optional: 年初预算数 (one column, or a group whose 小计 we read) and 调整预算数.
  { key: "budget", title: "年初预算数", match: (l) => /年初预算/.test(l) && (/小计|合计/.test(last(l)) || /年初预算数?$/.test(last(l))), required: false },
  { key: "adjusted", title: "调整预算数", match: (l) => /调整(后)?预算/.test(l) && (/小计|合计/.test(last(l)) || /预算数?$/.test(last(l))), required: false },
];

export const FUND_TABLE_COLUMNS: ColumnSpec[] = [
  { key: "begin", title: "年初结转和结余", match: (l) => /年初结转/.test(l) },
  { key: "income", title: "本年收入", match: (l) => /本年收入/.test(l) },
  { key: "expense", title: "本年支出", match: (l) => /本年支出/.test(l) && (/小计|合计/.test(last(l)) || /本年支出$/.test(l)) },
  { key: "basic", title: "基本支出", match: (l) => /基本支出/.test(l) },
  { key: "project", title: "项目支出", match: (l) => /项目支出/.test(l) },
  { key: "end", title: "年末结转和结余", match: (l) => /年末结转/.test(l) },
];

/** 公开09表 is sometimes published as an expense-only table (小计/基本/项目). */
export const FINAL09_COLUMNS: ColumnSpec[] = FUND_TABLE_COLUMNS.map((c) =>
  c.key === "expense"
    ? { ...c, match: (l: string) => (/本年支出/.test(l) && (/小计|合计/.test(last(l)) || /本年支出$/.test(l))) || /^合计$|\/合计$|^小计$/.test(l) }
    : { ...c, required: c.key === "basic" || c.key === "project" },
);

export const PROJECT_COLUMNS: ColumnSpec[] = [
  { key: "begin", title: "年初结转和结余", match: (l) => /年初结转/.test(l), required: false },
  { key: "income", title: "本年收入", match: (l) => /本年收入|收入合计/.test(l), required: false },
  { key: "expense", title: "本年支出", match: (l) => /本年支出|支出合计|项目支出/.test(l) },
  { key: "end", title: "年末结转和结余", match: (l) => /年末结转/.test(l), required: false },
];

export const GPB_PROJECT_COLUMNS: ColumnSpec[] = [
  { key: "total", title: "项目支出合计", match: (l) => /合计|小计|项目支出|决算数|金额/.test(last(l)) },
];

export const parseFinal02 = (ctx: RegionContext): CodedTable | ParseFailure => parseCoded(ctx, FINAL02, { columns: FINAL02_COLUMNS });
export const parseFinal03 = (ctx: RegionContext): CodedTable | ParseFailure => parseCoded(ctx, FINAL03, { columns: FINAL03_COLUMNS });
export const parseFinal05 = (ctx: RegionContext): CodedTable | ParseFailure => parseCoded(ctx, FINAL05, { columns: FINAL05_COLUMNS });
export const parseFinal08 = (ctx: RegionContext): CodedTable | ParseFailure => parseCoded(ctx, FINAL08, { columns: FUND_TABLE_COLUMNS });
export const parseFinal09 = (ctx: RegionContext): CodedTable | ParseFailure => parseCoded(ctx, FINAL09, { columns: FINAL09_COLUMNS });
export const parseFinalProject = (ctx: RegionContext): CodedTable | ParseFailure => parseCoded(ctx, FINAL_PROJECT, { columns: PROJECT_COLUMNS });
export const parseFinalGpbProject = (ctx: RegionContext): CodedTable | ParseFailure =>
  parseCoded(ctx, FINAL_GPB_PROJECT, { columns: GPB_PROJECT_COLUMNS });
