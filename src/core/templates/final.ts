/**
 * Blank 部门决算 disclosure tables (公开01–09表) in the layouts of spec §1: title,
 * table number, 部门 / 单位 line, headers, 栏次 row, every fixed row label (01表's
 * income lines and the 26 expense classes with their 行次, 06表's economic codes,
 * 07表's two groups), a 合计 row and empty 科目 rows in the coded tables, and the
 * footnote. Amount cells are left empty with the "#,##0.00" format. A blank table
 * is recognised by the checker like a filled one.
 *
 * Decisions: 02/03/05/08/09 get 12 empty 科目 rows (a clerk inserts more rows
 * inside the grid); 08/09 carry the "本表无数据" note to keep or delete; the
 * department name is a visible placeholder 【请填写部门名称】.
 */
import { CellInput, SheetFormat, SheetSpec, buildSheet } from "../grid/build";
import { SheetSnapshot } from "../grid/snapshot";
import { colName } from "../grid/address";
import { ECONOMIC } from "../codes/economic";
import { FUNCTION_CLASSES } from "../codes/functional";

export interface BlankTemplate {
  /** Menu id, e.g. "final01". */
  id: string;
  /** Sheet name to create. */
  name: string;
  title: string;
  group: "决算" | "绩效" | "部门预算" | "单位预算";
  sheet: SheetSnapshot;
  format: SheetFormat;
}

export const DEPT_PLACEHOLDER = "【请填写部门名称】";
const AMOUNT = "#,##0.00";
const NUMS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十", "二十一", "二十二", "二十三", "二十四", "二十五", "二十六"];

/** The 26 expense classes of 公开01/04表, in template order (spec §1). */
export const FINAL01_CLASSES = ["201", "202", "203", "204", "205", "206", "207", "208", "210", "211", "212", "213", "214", "215", "216", "217", "219", "220", "221", "222", "223", "224", "229", "231", "232", "234"];

const range = (top: number, left: number, bottom: number, right: number) => `${colName(left)}${top + 1}:${colName(right)}${bottom + 1}`;

interface Draft {
  rows: CellInput[][];
  merges: string[];
  bold: number[];
  amounts: string[];
  borders: string[];
  widths: number[];
  mark: number[];
}

function make(id: string, name: string, title: string, d: Draft, group: BlankTemplate["group"] = "决算"): BlankTemplate {
  const spec: SheetSpec = { name, rows: d.rows, merges: d.merges };
  return {
    id,
    name,
    title,
    group,
    sheet: buildSheet(spec),
    format: { columnWidths: d.widths, boldRows: d.bold, numberFormats: d.amounts.map((r) => ({ range: r, format: AMOUNT })), borders: d.borders, markRows: d.mark },
  };
}

/** Title, table number and 部门/单位 lines: rows 0–2. */
function head(title: string, code: string, width: number): Draft {
  const blank = (n: number) => Array<CellInput>(n).fill(null);
  return {
    rows: [[title], [...blank(width - 1), code], [`部门：${DEPT_PLACEHOLDER}`, ...blank(width - 2), "单位：万元"]],
    merges: [range(0, 0, 0, width - 1)],
    bold: [0],
    amounts: [],
    borders: [],
    widths: [],
    mark: [2],
  };
}

function final01(): BlankTemplate {
  const d = head("收入支出决算总表", "公开01表", 6);
  d.rows.push(["收入", null, null, "支出"], ["项目", "行次", "金额", "项目", "行次", "金额"], ["栏次", null, 1, "栏次", null, 2]);
  d.merges.push(range(3, 0, 3, 2), range(3, 3, 3, 5));
  d.bold.push(3, 4);
  const income = ["一、一般公共预算财政拨款收入", "二、政府性基金预算财政拨款收入", "三、国有资本经营预算财政拨款收入", "四、上级补助收入", "五、事业收入", "六、经营收入", "七、附属单位上缴收入", "八、其他收入"];
  const top = d.rows.length;
  FINAL01_CLASSES.forEach((c, k) => d.rows.push([income[k] ?? null, k + 1, null, `${NUMS[k]}、${FUNCTION_CLASSES[c].name}`, 32 + k, null]));
  const tail: [string | null, string | null][] = [
    ["本年收入合计", "本年支出合计"],
    ["使用非财政拨款结余", "结余分配"],
    ["年初结转和结余", "年末结转和结余"],
    [null, null],
    ["总计", "总计"],
  ];
  tail.forEach(([l, r], k) => d.rows.push([l, 27 + k, null, r, 58 + k, null]));
  const bottom = d.rows.length - 1;
  d.bold.push(top + 26, bottom);
  d.amounts.push(range(top, 2, bottom, 2), range(top, 5, bottom, 5));
  d.borders.push(range(3, 0, bottom, 5));
  d.rows.push(["注：本表反映部门本年度的总收支和年末结转结余情况。本表金额转换为万元时，因四舍五入可能存在尾差。"]);
  d.widths = [34, 6, 14, 34, 6, 14];
  return make("final01", "公开01表", "收入支出决算总表", d);
}

function coded(id: string, code: string, title: string, heads: string[], note: string, group?: string): BlankTemplate {
  const w = heads.length + 2;
  const d = head(title, code, w);
  if (group) {
    d.rows.push(["项目", null, group], ["功能分类科目编码", "科目名称", ...heads]);
    d.merges.push(range(3, 0, 3, 1), range(3, 2, 3, w - 1));
  } else {
    d.rows.push(["项目", null, ...heads], ["功能分类科目编码", "科目名称"]);
    d.merges.push(range(3, 0, 3, 1), ...heads.map((_, k) => range(3, k + 2, 4, k + 2)));
  }
  d.rows.push(["栏次", null, ...heads.map((_, k) => k + 1)]);
  d.bold.push(3, 4, 5);
  const top = d.rows.length;
  d.rows.push(["合计"]);
  d.merges.push(range(top, 0, top, 1));
  d.bold.push(top);
  for (let k = 0; k < 12; k++) d.rows.push([]);
  const bottom = d.rows.length - 1;
  d.amounts.push(range(top, 2, bottom, w - 1));
  d.borders.push(range(3, 0, bottom, w - 1));
  d.rows.push([note]);
  d.widths = [12, 30, ...heads.map(() => 14)];
  return make(id, code, title, d);
}

function fund(id: string, code: string, title: string, fundName: string): BlankTemplate {
  const d = head(title, code, 8);
  d.rows.push(["项目", null, "年初结转和结余", "本年收入", "本年支出", null, null, "年末结转和结余"], ["功能分类科目编码", "科目名称", null, null, "小计", "基本支出", "项目支出"], ["栏次", null, 1, 2, 3, 4, 5, 6]);
  d.merges.push(range(3, 0, 3, 1), range(3, 2, 4, 2), range(3, 3, 4, 3), range(3, 4, 3, 6), range(3, 7, 4, 7));
  d.bold.push(3, 4, 5);
  const top = d.rows.length;
  d.rows.push(["合计"]);
  d.merges.push(range(top, 0, top, 1));
  d.bold.push(top);
  for (let k = 0; k < 12; k++) d.rows.push([]);
  const bottom = d.rows.length - 1;
  d.amounts.push(range(top, 2, bottom, 7));
  d.borders.push(range(3, 0, bottom, 7));
  d.rows.push([`注：本表反映部门本年度${fundName}财政拨款收入、支出及结转和结余情况。`]);
  d.rows.push([`说明：本部门没有${fundName}财政拨款收入，也没有使用${fundName}安排的支出，故本表无数据。（有数据时请删除此行）`]);
  d.mark.push(d.rows.length - 1);
  d.widths = [12, 30, 14, 14, 14, 14, 14, 14];
  return make(id, code, title, d);
}

function final04(): BlankTemplate {
  const d = head("财政拨款收入支出决算总表", "公开04表", 9);
  d.rows.push(
    ["收入", null, null, "支出"],
    ["项目", "行次", "金额", "项目", "行次", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"],
    ["栏次", null, 1, "栏次", null, 2, 3, 4, 5],
  );
  d.merges.push(range(3, 0, 3, 2), range(3, 3, 3, 8));
  d.bold.push(3, 4, 5);
  const top = d.rows.length;
  const income = ["一、一般公共预算财政拨款", "二、政府性基金预算财政拨款", "三、国有资本经营预算财政拨款"];
  FINAL01_CLASSES.forEach((c, k) => d.rows.push([income[k] ?? null, k + 1, null, `${NUMS[k]}、${FUNCTION_CLASSES[c].name}`, 33 + k]));
  const tail: [string | null, string | null][] = [
    ["本年收入合计", "本年支出合计"],
    ["年初财政拨款结转和结余", "年末财政拨款结转和结余"],
    ["一般公共预算财政拨款", null],
    ["政府性基金预算财政拨款", null],
    ["国有资本经营预算财政拨款", null],
    ["总计", "总计"],
  ];
  tail.forEach(([l, r], k) => d.rows.push([l, 27 + k, null, r, r ? 59 + k : null]));
  const bottom = d.rows.length - 1;
  d.bold.push(top + 26, bottom);
  d.amounts.push(range(top, 2, bottom, 2), range(top, 5, bottom, 8));
  d.borders.push(range(3, 0, bottom, 8));
  d.rows.push(["注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。本表金额转换为万元时，因四舍五入可能存在尾差。"]);
  d.widths = [30, 6, 14, 30, 6, 14, 14, 14, 14];
  return make("final04", "公开04表", "财政拨款收入支出决算总表", d);
}

function final06(): BlankTemplate {
  const d = head("一般公共预算财政拨款基本支出决算表", "公开06表", 9);
  d.rows.push(["人员经费", null, null, "公用经费"], ["科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数"]);
  d.merges.push(range(3, 0, 3, 2), range(3, 3, 3, 8));
  d.bold.push(3, 4);
  const codes = Object.keys(ECONOMIC);
  const under = (...cls: string[]) => codes.filter((c) => cls.includes(c.slice(0, 3)));
  const left = under("301", "303");
  const public302 = under("302");
  const right = under("307", "310", "399");
  const top = d.rows.length;
  const n = Math.max(left.length, public302.length, right.length);
  const cell = (c: string | undefined): CellInput[] => (c ? [c, ECONOMIC[c].name, null] : [null, null, null]);
  for (let k = 0; k < n; k++) d.rows.push([...cell(left[k]), ...cell(public302[k]), ...cell(right[k])]);
  d.rows.push(["人员经费合计", null, null, "公用经费合计"]);
  const bottom = d.rows.length - 1;
  d.merges.push(range(bottom, 0, bottom, 1), range(bottom, 3, bottom, 7));
  d.bold.push(bottom);
  d.amounts.push(range(top, 2, bottom, 2), range(top, 5, bottom - 1, 5), range(top, 8, bottom, 8));
  d.borders.push(range(3, 0, bottom, 8));
  d.rows.push(["注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。本表金额转换为万元时，因四舍五入可能存在尾差。"]);
  d.widths = [9, 26, 12, 9, 26, 12, 9, 26, 12];
  return make("final06", "公开06表", "一般公共预算财政拨款基本支出决算表", d);
}

function final07(): BlankTemplate {
  const d = head("一般公共预算财政拨款“三公”经费支出决算表", "公开07表", 12);
  d.rows.push(
    ["预算数", null, null, null, null, null, "决算数"],
    ["合计", "因公出国(境)费", "公务用车购置及运行费", null, null, "公务接待费", "合计", "因公出国(境)费", "公务用车购置及运行费", null, null, "公务接待费"],
    [null, null, "小计", "公务用车购置费", "公务用车运行费", null, null, null, "小计", "公务用车购置费", "公务用车运行费"],
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    [],
  );
  d.merges.push(range(3, 0, 3, 5), range(3, 6, 3, 11), range(4, 2, 4, 4), range(4, 8, 4, 10), ...[0, 1, 5, 6, 7, 11].map((c) => range(4, c, 5, c)));
  d.bold.push(3, 4, 5);
  d.amounts.push(range(7, 0, 7, 11));
  d.borders.push(range(3, 0, 7, 11));
  d.rows.push(["注：本表反映部门本年度“三公”经费支出预决算情况。其中，预算数为“三公”经费年初预算数，决算数是包括当年一般公共预算财政拨款和以前年度结转资金安排的实际支出。"]);
  d.widths = Array(12).fill(12);
  return make("final07", "公开07表", "一般公共预算财政拨款“三公”经费支出决算表", d);
}

export function finalTemplates(): BlankTemplate[] {
  return [
    final01(),
    coded("final02", "公开02表", "收入决算表", ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"], "注：本表反映部门本年度取得的各项收入情况。本表金额转换为万元时，因四舍五入可能存在尾差。"),
    coded("final03", "公开03表", "支出决算表", ["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"], "注：本表反映部门本年度各项支出情况。本表金额转换为万元时，因四舍五入可能存在尾差。"),
    final04(),
    coded("final05", "公开05表", "一般公共预算财政拨款支出决算表", ["小计", "基本支出", "项目支出"], "注：本表反映部门本年度一般公共预算财政拨款支出情况。本表金额转换为万元时，因四舍五入可能存在尾差。", "本年支出"),
    final06(),
    final07(),
    fund("final08", "公开08表", "政府性基金预算财政拨款收入支出决算表", "政府性基金预算"),
    fund("final09", "公开09表", "国有资本经营预算财政拨款收入支出决算表", "国有资本经营预算"),
  ];
}
