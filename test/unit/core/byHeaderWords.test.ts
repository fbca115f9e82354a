/**
 * headerTitle() on header layouts the fixtures do not have (recognize/byHeader.ts):
 * which words single a template out, and which leave the table generic.
 */
import { buildSheet } from "../../../src/core/grid/build";
import { CellInput } from "../../../src/core/grid/build";
import { headerTitle, documentStage } from "../../../src/core/recognize/byHeader";
import { buildWorkbook } from "../../support/sheet";

const sheet = (rows: CellInput[][]) => buildSheet({ name: "Sheet1", rows });

describe("headerTitle", () => {
  test.each([
    [
      "三公 with 上年/本年 columns, a 2024 budget",
      "budget",
      [["单位：万元"], ["项目", "合计", "因公出国（境）费", "公务用车购置及运行维护费", "", "", "公务接待费"], ["", "", "", "小计", "购置费", "运行维护费"], ["2024年预算数", 12.5, 0, 8.5, 0, 8.5, 4]],
      "一般公共预算“三公”经费支出表",
    ],
    [
      "基本支出 by economic class, codes in one column, a final account",
      "final",
      [["科目编码", "科目名称", "人员经费", "公用经费"], ["301", "工资福利支出", 320.5, ""], ["302", "商品和服务支出", "", 45.2]],
      "一般公共预算财政拨款基本支出决算表",
    ],
    [
      "收支总表 with 收 入 / 支 出 spaced and 本年收入 lines",
      "budget",
      [["收  入", "", "支  出", ""], ["项目", "预算数", "项目", "预算数"], ["一、一般公共预算拨款", 100, "一、一般公共服务支出", 100], ["二、事业收入", 20, "二、教育支出", 20], ["收入总计", 120, "支出总计", 120]],
      "部门收支总表",
    ],
    [
      "财政拨款收支总表: the expense side split by fund",
      "final",
      [["收入", "", "支出", "", "", ""], ["项目", "金额", "项目", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款"], ["一般公共预算财政拨款", 100, "一般公共服务支出", 100, 100, 0], ["收入总计", 100, "支出总计", 100, 100, 0]],
      "财政拨款收入支出决算总表",
    ],
    [
      "收入总表 whose fund columns do not end with 收入",
      "budget",
      [["科目编码", "科目名称", "合计", "上年结转", "一般公共预算拨款", "政府性基金预算拨款", "事业收入", "其他收入"], ["201", "一般公共服务支出", 50, 0, 50, 0, 0, 0]],
      "部门收入总表",
    ],
    [
      "支出决算表 with 上缴上级支出",
      "final",
      [["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"], ["201", "一般公共服务支出", 50, 30, 20, 0, 0, 0]],
      "支出决算表",
    ],
    [
      "an empty 国有资本经营 table known by its note",
      "final",
      [["科目编码", "科目名称", "年初结转和结余", "本年收入", "本年支出", "", "", "年末结转和结余"], ["", "", "", "", "小计", "基本支出", "项目支出", ""], ["合计", "", "", "", "", "", "", ""], ["注：本单位2023年度没有使用国有资本经营预算财政拨款安排的支出，故本表无数据。"]],
      "国有资本经营预算财政拨款收入支出决算表",
    ],
  ])("%s", (_n, stage, rows, title) => {
    expect(headerTitle(sheet(rows as CellInput[][]), stage as "final" | "budget")).toBe(title);
  });

  test.each([
    ["科目 | 基本支出 | 项目支出 with balances and no fund named (公开08表 or 09表?)", "final", [["科目编码", "科目名称", "年初结转和结余", "本年收入", "本年支出", "", "", "年末结转和结余"], ["", "", "", "", "小计", "基本支出", "项目支出", ""], ["229", "其他支出", 1, 5, 4, 0, 4, 2]]],
    ["a 收入 | 支出 table of financial-report lines only (no 事业收入 or other income)", "budget", [["收入", "", "支出", ""], ["财政拨款", 10, "一般公共服务支出", 10], ["总计", 10, "总计", 10]]],
    ["a list of projects", "final", [["项目名称", "预算数", "执行数", "执行率"], ["河道清淤", 100, 90, "90%"]]],
  ])("left generic: %s", (_n, stage, rows) => {
    expect(headerTitle(sheet(rows as CellInput[][]), stage as "final" | "budget")).toBeUndefined();
  });
});

describe("documentStage", () => {
  test("the titled tables' family first, else more 决算 words than budget words", () => {
    const s = (rows: CellInput[][]) => buildWorkbook("x.xlsx", [{ name: "Sheet1", rows }]);
    expect(documentStage(s([["预算数"]]), ["final"])).toBe("final");
    expect(documentStage(s([["项目", "决算数"], ["本年收入合计", 1]]), [])).toBe("final");
    expect(documentStage(s([["项目", "预算数"], ["上年结转", 1]]), [])).toBe("budget");
    expect(documentStage(s([["项目", "金额"]]), [])).toBeUndefined();
  });
});
