/**
 * Tables that match no template, in layouts published documents use (a
 * standalone “三公” table with two years and 增减, a 项目资金 table with 执行率, a
 * 固定资产 table with 年初 / 增加 / 减少 / 年末, a 专项资金 table with outline rows),
 * each with planted mistakes. scripts/make-generic-fixtures.ts writes them to
 * test/fixtures/generic/.
 */
import { WorkbookSnapshot } from "../../src/core/grid/snapshot";
import { CellInput, buildWorkbook } from "./sheet";

export interface GenericPlant {
  id: string;
  what: string;
  /** Row and column (0-based, within `rows`) of the cell changed, and its new value. */
  at: [number, number];
  value: CellInput;
  rule: string;
}

export interface GenericDoc {
  name: string;
  sheet: string;
  rows: CellInput[][];
  plants: GenericPlant[];
}

const pct = (v: string) => ({ v, fmt: "@" });

export const SANGONG_YOY: GenericDoc = {
  name: "sangong-two-years",
  sheet: "三公经费",
  rows: [
    ["河北省某某县市场监督管理局2023年度“三公”经费支出情况表"],
    ["", "", "", "", "单位：万元"],
    ["项目", "2023年", "2022年", "增减金额", "增减率"],
    ["合计", 12.6, 14.0, -1.4, pct("-10.00%")],
    ["1.因公出国（境）费", 0, 0, 0, pct("0.00%")],
    ["2.公务用车购置及运行费", 9.8, 10.5, -0.7, pct("-6.67%")],
    ["其中：公务用车购置费", 0, 0, 0, pct("0.00%")],
    ["      公务用车运行费", 9.8, 10.5, -0.7, pct("-6.67%")],
    ["3.公务接待费", 2.8, 3.5, -0.7, pct("-20.00%")],
  ],
  plants: [
    // Recognised as a “三公” table (two years and 增减): the template's rules check it.
    { id: "total", what: "合计不等于三项之和", at: [3, 1], value: 13.6, rule: "budget.sangong.sum" },
    { id: "difference", what: "增减金额算错", at: [8, 3], value: -0.5, rule: "budget.sangong.change" },
  ],
};

export const PROJECT_FUNDS: GenericDoc = {
  name: "project-funds",
  sheet: "项目资金",
  rows: [
    ["2023年度部门项目资金执行情况表"],
    ["金额单位：万元"],
    ["序号", "项目名称", "预算数", "执行数", "执行率"],
    ["1", "医保基金监管专项", 30, 29.4, pct("98.00%")],
    ["2", "第三方审核平台基础性服务", 90, 67.5, pct("75.00%")],
    ["3", "医保信息化建设", 150, 142, pct("94.67%")],
    ["", "合计", 270, 238.9, pct("88.48%")],
  ],
  plants: [
    { id: "total", what: "合计执行数不等于各项目之和", at: [6, 3], value: 283.9, rule: "generic.total" },
    { id: "rate", what: "执行率算错", at: [4, 4], value: pct("57.00%"), rule: "generic.rate" },
  ],
};

export const FIXED_ASSETS: GenericDoc = {
  name: "fixed-assets",
  sheet: "固定资产",
  rows: [
    ["2023年固定资产增减变动情况表"],
    ["单位：万元"],
    ["资产类别", "年初数", "本年增加", "本年减少", "年末数"],
    ["房屋及构筑物", 1200.0, 0, 0, 1200.0],
    ["车辆", 86.5, 25.0, 18.2, 93.3],
    ["办公设备", 64.32, 12.18, 3.4, 73.1],
    ["合计", 1350.82, 37.18, 21.6, 1366.4],
  ],
  plants: [
    { id: "rollforward", what: "年末数不等于年初加增加减减少", at: [4, 4], value: 98.3, rule: "generic.rollforward" },
    { id: "total", what: "合计本年增加不等于各类之和", at: [6, 2], value: 37.81, rule: "generic.total" },
  ],
};

export const SPECIAL_FUND: GenericDoc = {
  name: "special-fund-outline",
  sheet: "专项资金",
  rows: [
    ["表3 2023年度专项资金分配情况表"],
    ["单位：万元"],
    ["项目", "年初预算", "调整后预算", "增减", "增减率"],
    ["一、农业生产发展资金", 800, 860, 60, pct("7.50%")],
    ["（一）耕地地力保护补贴", 500, 520, 20, pct("4.00%")],
    ["（二）农机购置补贴", 300, 340, 40, pct("13.33%")],
    ["二、农田建设资金", 1200, 1150, -50, pct("-4.17%")],
    ["（一）高标准农田建设", 1000, 950, -50, pct("-5.00%")],
    ["（二）农田水利设施", 200, 200, 0, pct("0.00%")],
    ["合计", 2000, 2010, 10, pct("0.50%")],
  ],
  plants: [
    { id: "parent", what: "一级项目不等于其二级项目之和", at: [4, 2], value: 530, rule: "generic.total" },
    { id: "grand", what: "合计不等于两个一级项目之和（不能把二级项目再加一遍）", at: [9, 1], value: 2100, rule: "generic.total" },
    { id: "rate", what: "增减率算错", at: [5, 4], value: pct("11.33%"), rule: "generic.rate" },
    { id: "difference", what: "增减额不等于调整后预算减年初预算", at: [7, 3], value: -30, rule: "generic.difference" },
  ],
};

/**
 * An 经济分类 table whose outline is told by indentation alone (no codes, no
 * numbering): 类 lines flush left, their 款 lines indented with Excel's indent
 * format (or, in the second layout, with full-width spaces typed before the name).
 * The 合计 adds the 类 lines only.
 */
const ECONOMIC_ROWS = (sub: (name: string) => CellInput): CellInput[][] => [
  ["表5 2023年度培训中心支出经济分类明细表"],
  ["单位：万元"],
  ["项目", "2023年预算数", "2022年预算数", "增减"],
  ["工资福利支出", 320, 300, 20],
  [sub("基本工资"), 120, 115, 5],
  [sub("津贴补贴"), 80, 75, 5],
  [sub("绩效工资"), 120, 110, 10],
  ["商品和服务支出", 85, 90, -5],
  [sub("办公费"), 25, 28, -3],
  [sub("差旅费"), 20, 22, -2],
  [sub("培训费"), 40, 40, 0],
  ["对个人和家庭的补助", 15, 15, 0],
  ["合计", 420, 405, 15],
];
const ECONOMIC_PLANTS: GenericPlant[] = [
  { id: "parent", what: "类不等于其各款之和", at: [4, 1], value: 130, rule: "generic.total" },
  { id: "grand", what: "合计不等于各类之和（不能把各款再加一遍）", at: [12, 2], value: 410, rule: "generic.total" },
];

export const ECONOMIC_INDENT: GenericDoc = {
  name: "economic-indent-format",
  sheet: "经济分类",
  rows: ECONOMIC_ROWS((name) => ({ v: name, indent: 1 })),
  plants: ECONOMIC_PLANTS,
};

export const ECONOMIC_SPACES: GenericDoc = {
  name: "economic-indent-spaces",
  sheet: "经济分类",
  rows: ECONOMIC_ROWS((name) => `\u3000\u3000${name}`),
  plants: ECONOMIC_PLANTS,
};

export const GENERIC_DOCS = [SANGONG_YOY, PROJECT_FUNDS, FIXED_ASSETS, SPECIAL_FUND, ECONOMIC_INDENT, ECONOMIC_SPACES];

export function genericWorkbook(doc: GenericDoc, plant?: GenericPlant): WorkbookSnapshot {
  const rows = doc.rows.map((r) => [...r]);
  if (plant) rows[plant.at[0]][plant.at[1]] = plant.value;
  return buildWorkbook(`${doc.name}.xlsx`, [{ name: doc.sheet, rows }]);
}
