/**
 * Recognition of the budget set: both official Shanghai 2026 templates table by
 * table (ids and ranges; placeholders are not data, an empty template raises
 * nothing), budget titles apart from final-accounts titles, the models read
 * from a filled workbook in every layout variant, and workbooks holding two
 * years, or a budget and a final set, side by side.
 */
import { rangeA1 } from "../../../src/core/grid/address";
import { checkWorkbook } from "../../../src/core/check";
import { matchTitle, recognize } from "../../../src/core/recognize/recognize";
import { BudgetCodedTable } from "../../../src/core/tables/budget/coded";
import { BudgetSummary } from "../../../src/core/tables/budget/summary";
import { SangongTable } from "../../../src/core/tables/sangong";
import { BudgetProcurementTable } from "../../../src/core/tables/budget/procurement";
import { refA1 } from "../../../src/core/tables/types";
import { fixture } from "../../support/fixtures";
import { generateBudgetSet } from "../../support/budgetSet";
import { generateFinalSet } from "../../support/finalSet";
import { buildWorkbook } from "../../support/sheet";
import { table } from "../../support/mutate";

const SET = ["budget01", "budget02", "budget03", "budget04", "budget05", "budget06", "budget07", "budget08", "budgetSangong"];

describe.each([
  [
    "department",
    "templates/shanghai-putuo-2026-department-budget-template.xlsx",
    "部门",
    ["A2:D21", "A2:I20", "A2:G20", "A2:G21", "A2:G21", "A2:G21", "A2:G21", "A2:F21", "A2:G6"],
  ],
  [
    "unit",
    "templates/shanghai-putuo-2026-unit-budget-template.xlsx",
    "单位",
    ["A2:G21", "A2:I20", "A2:G20", "A2:G21", "A2:G21", "A2:G21", "A2:G21", "A2:F21", "A2:G6"],
  ],
])("Shanghai 2026 %s budget template", (_scope, file, prefix, ranges) => {
  test("every table is recognised, on its own sheet, with its range", async () => {
    const wb = await fixture(file);
    const rec = recognize(wb);
    expect(rec.failures).toEqual([]);
    expect(rec.tables.map((t) => t.template)).toEqual(SET);
    expect(rec.tables.map((t) => rangeA1(t.range))).toEqual(ranges);
    expect(rec.tables.map((t) => t.sheet)).toEqual([
      `${prefix}收支总表`,
      `${prefix}收入总表`,
      `${prefix}支出总表`,
      `${prefix}财政拨款收支总表`,
      `${prefix}一般公共预算拨款表`,
      `${prefix}政府性基金拨款表`,
      `${prefix}国有资本经营预算拨款表 `,
      `${prefix}一般公共预算拨款基本支出明细表`,
      `${prefix}“三公”经费和机关运行费预算表`,
    ]);
    for (const t of rec.tables) {
      expect(t.family).toBe("budget");
      expect(t.year).toBe(2026);
      expect(t.unit).toBe(t.template === "budgetSangong" ? "万元" : "元");
      expect(t.unitExplicit).toBe(true);
    }
    // Narrative sheets (封面, 目录, 说明) hold no table, and their 目录 lines are not titles.
    expect(rec.otherSheets).toEqual(expect.arrayContaining(["封面", "目录", "名词解释", "其他相关情况说明"]));
  });

  test("the empty template raises nothing on its tables (… rows are not errors); its 说明 text is reported as unfilled", async () => {
    const r = checkWorkbook(await fixture(file));
    const tableSheets = new Set(r.tables.map((t) => t.sheet));
    expect(r.findings.filter((f) => f.cells.some((c) => tableSheets.has(c.sheet)))).toEqual([]);
    // The template's explanation still says “XX”, “增加（减少）”: that is worth a warning, nothing more.
    expect(r.findings.every((f) => f.rule === "narrative.placeholder" && f.severity === "warning")).toBe(true);
  });

  test("split 类/款/项 codes with text 款/项 are read, the … rows are placeholders", async () => {
    const r = checkWorkbook(await fixture(file));
    const t02 = table<BudgetCodedTable>(r, "budget02");
    expect(t02.rows.slice(0, 3).map((x) => [x.code, x.level, x.name])).toEqual([
      ["205", 1, "教育支出"],
      ["20502", 2, "普通教育"],
      ["2050205", 3, "高等教育"],
    ]);
    expect(t02.placeholders.length).toBeGreaterThan(0);
    expect(t02.columns.map((c) => c.key)).toEqual(["total", "fiscal", "business", "operating", "other"]);
    expect(t02.sumKeys).toEqual(["fiscal", "business", "operating", "other"]);
    expect(refA1(t02.total!.cells.total.ref)).toBe("E20");
    const t03 = table<BudgetCodedTable>(r, "budget03");
    expect(t03.columns.map((c) => c.key)).toEqual(["total", "basic", "project"]);
    const t08 = table<BudgetCodedTable>(r, "budget08");
    expect(t08.codeKind).toBe("economic");
    expect(t08.rows.map((x) => x.code)).toEqual(["301", "30101", "303", "30304"]);
    expect(t08.columns.map((c) => c.key)).toEqual(["total", "personnel", "public"]);
    const t07 = table<BudgetCodedTable>(r, "budget07");
    expect(t07.rows.map((x) => x.code)).toEqual(["223", "22301", "2230105"]);
  });

  test("the summary tables: 财政拨款收入 and its sub-lines, classes, 总计 lines", async () => {
    const r = checkWorkbook(await fixture(file));
    const t01 = table<BudgetSummary>(r, "budget01");
    expect(t01.incomeItems.map((l) => l.key)).toEqual(["fiscal", "business", "operating", "other"]);
    expect(t01.fiscalParts.map((l) => l.key)).toEqual(["gpb", "govFund", "soe"]);
    expect(t01.inc.grand!.label).toBe("收入总计");
    expect(t01.exp.grand!.label).toBe("支出总计");
    expect(t01.classes.map((l) => l.classCode)).toEqual(["201"]); // "二、…" is a placeholder, "三、" is blank
    expect(t01.expense.columns.map((c) => c.key)).toEqual(prefix === "单位" ? ["total", "personnel", "public", "project"] : ["total"]);
    const t04 = table<BudgetSummary>(r, "budget04");
    expect(t04.incomeItems.map((l) => l.key)).toEqual(["gpb", "govFund", "soe"]);
    expect(t04.expense.columns.map((c) => c.key)).toEqual(["total", "gpb", "govFund", "soe"]);
  });

  test("the 三公 table (万元): one 本年 group with 机关运行经费", async () => {
    const r = checkWorkbook(await fixture(file));
    const sg = table<SangongTable>(r, "budgetSangong");
    expect(Object.keys(sg.groups)).toEqual(["current"]);
    const g = sg.groups.current!;
    expect(Object.fromEntries(Object.entries(g).map(([k, c]) => [k, refA1(c!.ref)]))).toEqual({
      total: "A7",
      abroad: "B7",
      reception: "C7",
      car: "D7",
      carPurchase: "E7",
      carRun: "F7",
      operating: "G7",
    });
  });
});

describe("titles", () => {
  test.each([
    ["2026年部门财务收支预算总表", "budget01"],
    ["2026年预算单位财务收支预算总表", "budget01"],
    ["部门收支总体情况表", "budget01"],
    ["2026年部门收入预算总表", "budget02"],
    ["部门收入总体情况表", "budget02"],
    ["2026年部门支出预算总表", "budget03"],
    ["部门支出总体情况表", "budget03"],
    ["2026年部门财政拨款收支预算总表", "budget04"],
    ["财政拨款收支总体情况表", "budget04"],
    ["2026年部门一般公共预算支出功能分类预算表", "budget05"],
    ["一般公共预算支出情况表", "budget05"],
    ["2026年部门政府性基金预算支出功能分类预算表", "budget06"],
    ["政府性基金预算支出情况表", "budget06"],
    ["2026年部门国有资本经营预算支出功能分类预算表", "budget07"],
    ["2026年部门一般公共预算基本支出部门预算经济分类预算表", "budget08"],
    ["一般公共预算基本支出情况表", "budget08"],
    ["2026年部门“三公”经费和机关运行经费预算表", "budgetSangong"],
    ["一般公共预算“三公”经费支出情况表", "budgetSangong"],
    ["2026年部门政府采购预算表", "budgetProcurement"],
    ["表1 部门收支总体情况表", "budget01"],
  ])("%s → %s", (title, id) => {
    expect(matchTitle(title)?.info.id).toBe(id);
  });

  test.each([
    ["收入支出决算总表", "final01"],
    ["2025年度支出决算表", "final03"],
    ["财政拨款收入支出决算总表", "final04"],
    ["一般公共预算财政拨款支出决算表", "final05"],
    ["一般公共预算财政拨款基本支出决算表", "final06"],
    ["一般公共预算财政拨款“三公”经费支出决算表", "final07"],
    ["政府性基金预算财政拨款收入支出决算表", "final08"],
    ["机构运行经费支出、国有资产占用情况及政府采购支出信息表", "finalInfo"],
  ])("final title %s stays %s", (title, id) => {
    expect(matchTitle(title)?.info.id).toBe(id);
  });

  test.each([
    "1. 2026年部门财务收支预算总表  ……………………",
    "六、其他相关情况说明",
    "2026年部门预算编制说明",
    "一般公共预算财政拨款“三公”经费情况表", // a Yunnan final-accounts table: not a budget 三公 table
  ])("%s is not a budget title", (text) => {
    expect(matchTitle(text)?.info.family === "budget").toBe(false);
  });
});

describe("a filled workbook in every layout", () => {
  test.each([
    ["部门, exact figures", {}],
    ["部门, rounding tails", { tails: true }],
    ["单位 layout, 三公 with 本年/上年/增减", { scope: "unit" as const, sangong: "yoy" as const }],
    ["vertical 三公, 基金 and 国资 money", { sangong: "yoy-vertical" as const, govFund: true, soe: true }],
    ["numeric 款/项 codes, text amounts, every table on one sheet", { numericCodes: true, textNumbers: true, oneSheet: true, tails: true }],
  ])("%s", (_label, opts) => {
    const set = generateBudgetSet({ seed: 17, ...opts });
    const r = checkWorkbook(set.workbook);
    expect(r.recognition.failures).toEqual([]);
    expect(r.tables.map((t) => t.template)).toEqual(SET);
    expect(r.summary).toMatchObject({ error: 0, warning: 0 });
    const t03 = table<BudgetCodedTable>(r, "budget03");
    expect(t03.rows.filter((x) => x.level === 3).map((x) => x.code)).toEqual(set.items.map((i) => i.code));
    expect(t03.total).toBeDefined();
  });

  test("the 三公 groups by year: 2026 is 本年, 2025 is 上年, 增减金额 is the change, 增减率 is not read", () => {
    for (const sangong of ["yoy", "yoy-vertical"] as const) {
      const set = generateBudgetSet({ seed: 5, sangong });
      const sg = table<SangongTable>(checkWorkbook(set.workbook), "budgetSangong");
      expect(Object.keys(sg.groups).sort()).toEqual(["change", "current", "previous"]);
      expect(sg.groups.current!.abroad!.amount!.value.toFixed(2)).toBe(set.sangong.current.abroad.toFixed(2));
      expect(sg.groups.previous!.abroad!.amount!.value.toFixed(2)).toBe(set.sangong.previous.abroad.toFixed(2));
      expect(sg.groups.current!.operating).toBeDefined();
    }
  });

  test("a 三公 table without a year in its title takes the latest year of its header as 本年", () => {
    const wb = buildWorkbook("t.xlsx", [
      {
        name: "三公",
        rows: [["“三公”经费预算表"], ["单位：万元"], ["项目", "2025年预算数", "2026年预算数", "增减金额"], ["合计", 10, 12, 2], ["因公出国（境）费", 4, 5, 1], ["公务接待费", 6, 7, 1]],
      },
    ]);
    const sg = table<SangongTable>(checkWorkbook(wb), "budgetSangong");
    expect(sg.groups.current!.total!.amount!.value.toNumber()).toBe(12);
    expect(sg.groups.previous!.total!.amount!.value.toNumber()).toBe(10);
  });
});

describe("several sets in one workbook", () => {
  test("2026 and 2025 budgets side by side: each year is checked on its own", () => {
    const a = generateBudgetSet({ seed: 1, year: 2026, sheetPrefix: "2026" });
    const b = generateBudgetSet({ seed: 2, year: 2025, sheetPrefix: "2025" });
    const wb = { name: "two.xlsx", sheets: [...a.workbook.sheets, ...b.workbook.sheets] };
    const r = checkWorkbook(wb);
    expect(r.tables.filter((t) => t.year === 2026).length).toBe(9);
    expect(r.tables.filter((t) => t.year === 2025).length).toBe(9);
    expect(r.summary).toMatchObject({ error: 0, warning: 0 });
  });

  test("a budget and a final-accounts set in one workbook do not mix", () => {
    const budget = generateBudgetSet({ seed: 3, department: "测试市医疗保障局" });
    const final = generateFinalSet({ seed: 3, department: "测试市医疗保障局" });
    const wb = { name: "both.xlsx", sheets: [...final.workbook.sheets, ...budget.workbook.sheets] };
    const r = checkWorkbook(wb);
    expect(r.tables.filter((t) => t.family === "final").length).toBe(9);
    expect(r.tables.filter((t) => t.family === "budget").length).toBe(9);
    expect(r.summary).toMatchObject({ error: 0, warning: 0 });
  });

  test("two budgets of the same year one after the other are two sets", () => {
    const a = generateBudgetSet({ seed: 8, sheetPrefix: "甲", department: "上海市普陀区甲局" });
    const b = generateBudgetSet({ seed: 9, sheetPrefix: "乙", department: "上海市普陀区乙局" });
    const r = checkWorkbook({ name: "two.xlsx", sheets: [...a.workbook.sheets, ...b.workbook.sheets] });
    expect(r.summary.error).toBe(0);
  });
});

describe("政府采购预算表", () => {
  test("the columns layout: one record per row and a 合计 row", () => {
    const wb = buildWorkbook("p.xlsx", [
      {
        name: "采购",
        rows: [
          ["2026年部门政府采购预算表"],
          ["编制部门：测试局", null, null, null, null, "单位：元"],
          ["单位名称", "政府采购预算合计", "货物", "工程", "服务", "面向中小企业预留"],
          ["测试局本部", 300, 100, 0, 200, 240],
          ["测试中心", 50, 50, 0, 0, 40],
          ["合计", 350, 150, 0, 200, 280],
        ],
      },
    ]);
    const t = table<BudgetProcurementTable>(checkWorkbook(wb), "budgetProcurement");
    expect(t.records.map((x) => x.label)).toEqual(["测试局本部", "测试中心"]);
    expect(Object.keys(t.total!.cells).sort()).toEqual(["goods", "services", "sme", "total", "works"]);
  });

  test("the list layout: labelled lines", () => {
    const wb = buildWorkbook("p.xlsx", [
      {
        name: "采购",
        rows: [["政府采购预算表"], ["单位：万元"], ["项目", "金额"], ["政府采购预算总额", 120], ["其中：货物", 20], ["工程", 0], ["服务", 100], ["面向中小企业预留", 90], ["其中：小型和微型企业", 60]],
      },
    ]);
    const t = table<BudgetProcurementTable>(checkWorkbook(wb), "budgetProcurement");
    expect(Object.keys(t.records[0].cells).sort()).toEqual(["goods", "micro", "services", "sme", "total", "works"]);
  });
});
