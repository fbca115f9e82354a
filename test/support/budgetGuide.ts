/**
 * Small budget tables in the layout of the 操作规程 (部门收支总体情况表, 财政拨款收支
 * 总体情况表, 部门收入总体情况表), in 万元: the lines and columns the Shanghai
 * templates lack (本年收入合计, 上年结转 split by fund, 本年支出合计, 结转下年, 财政拨款
 * 收入 and 单位资金 column groups). Consistent for the default parameters.
 */
import { CellInput, SheetSpec, buildWorkbook } from "./sheet";
import { WorkbookSnapshot } from "../../src/core/grid/snapshot";

export interface GuideOptions {
  /** 上年结转 of the whole department (收支总表). */
  carry01?: number;
  /** 上年结转 of 一般公共预算 / 政府性基金 appropriations (财政拨款收支总表). */
  carryGpb?: number;
  carryFund?: number;
  /** 收支总表 with one 财政拨款收入 line instead of the three fund lines. */
  fiscalOnly?: boolean;
}

export function guideSummary01(o: GuideOptions = {}): SheetSpec {
  const c = o.carry01 ?? 12;
  const income: [string, number | null][] = o.fiscalOnly
    ? [
        ["一、财政拨款收入", 110],
        ["二、事业收入", 20],
        ["三、其他收入", 5],
      ]
    : [
        ["一、一般公共预算拨款收入", 100],
        ["二、政府性基金预算拨款收入", 10],
        ["三、国有资本经营预算拨款收入", null],
        ["四、事业收入", 20],
        ["五、其他收入", 5],
      ];
  const expense: [string, number][] = [
    ["一、一般公共服务支出", 90],
    ["二、社会保障和就业支出", 30],
    ["三、住房保障支出", 15],
  ];
  const rows: CellInput[][] = [["部门收支总体情况表"], ["编制部门：测试局", null, null, "单位：万元"], ["收入", null, "支出"], ["项目", "预算数", "项目", "预算数"]];
  for (let k = 0; k < 5; k++) rows.push([income[k]?.[0] ?? null, income[k]?.[1] ?? null, expense[k]?.[0] ?? null, expense[k]?.[1] ?? null]);
  rows.push(["本年收入合计", 135, "本年支出合计", 135], ["上年结转", c, "结转下年", c], ["收入总计", 135 + c, "支出总计", 135 + c]);
  return { name: "表1", rows, merges: ["A1:D1", "A3:B3", "C3:D3"] };
}

export function guideSummary04(o: GuideOptions = {}): SheetSpec {
  const g = o.carryGpb ?? 8;
  const f = o.carryFund ?? 4;
  const rows: CellInput[][] = [
    ["财政拨款收支总体情况表"],
    ["编制部门：测试局", null, null, null, null, null, "单位：万元"],
    ["收入", null, "支出"],
    ["项目", "预算数", "项目", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"],
    ["一、一般公共预算拨款", 100, "一、一般公共服务支出", 80, 70, 10, null],
    ["二、政府性基金预算拨款", 10, "二、社会保障和就业支出", 25, 25, null, null],
    ["三、国有资本经营预算拨款", null, "三、住房保障支出", 5, 5, null, null],
    ["本年收入合计", 110, "本年支出合计", 110, 100, 10, null],
    ["上年结转", g + f, "结转下年", g + f, g, f, null],
    ["一般公共预算拨款", g],
    ["政府性基金预算拨款", f],
    ["国有资本经营预算拨款", null],
    ["收入总计", 110 + g + f, "支出总计", 110 + g + f, 100 + g, 10 + f, null],
  ];
  return { name: "表4", rows, merges: ["A1:G1", "A3:B3", "C3:G3"] };
}

/** 部门收入总体情况表 with column groups: 财政拨款收入 (小计, 一般公共预算, 政府性基金预算) and 单位资金 (小计, 事业收入, 其他收入). */
export function guideIncome02(): SheetSpec {
  return {
    name: "表2",
    rows: [
      ["部门收入总体情况表"],
      ["编制部门：测试局", null, null, null, null, null, null, null, null, "单位：万元"],
      ["科目编码", "科目名称", "合计", "财政拨款收入", null, null, "单位资金", null, null, "上年结转"],
      [null, null, null, "小计", "一般公共预算", "政府性基金预算", "小计", "事业收入", "其他收入"],
      ["合计", null, 135, 110, 100, 10, 25, 20, 5, null],
      ["201", "一般公共服务支出", 90, 80, 70, 10, 10, 8, 2, null],
      ["208", "社会保障和就业支出", 30, 25, 25, null, 5, 4, 1, null],
      ["221", "住房保障支出", 15, 5, 5, null, 10, 8, 2, null],
    ],
    merges: ["A1:J1", "D3:F3", "G3:I3", "A3:A4", "B3:B4", "C3:C4", "J3:J4"],
  };
}

export function guideWorkbook(o: GuideOptions = {}, sheets: SheetSpec[] = [guideSummary01(o), guideSummary04(o)]): WorkbookSnapshot {
  return buildWorkbook("guide.xlsx", sheets);
}
