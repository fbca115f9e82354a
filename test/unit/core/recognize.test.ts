/** Recognition by title and header text, in the layouts real workbooks use. */
import { rangeA1 } from "../../../src/core/grid/address";
import { cleanTitle, matchTitle, recognize } from "../../../src/core/recognize/recognize";
import { CodedTable } from "../../../src/core/tables/coded";
import { SidedTable } from "../../../src/core/tables/sided";
import { SangongTable } from "../../../src/core/tables/sangong";
import { checkWorkbook } from "../../../src/core/check";
import { generateFinalSet } from "../../support/finalSet";
import { buildWorkbook } from "../../support/sheet";
import { fixture } from "../../support/fixtures";

const FINAL = ["final01", "final02", "final03", "final04", "final05", "final06", "final07", "final08", "final09"];

describe("titles", () => {
  test.each([
    ["收入支出决算总表", "final01"],
    ["2021年度收入支出决算总表", "final01"],
    ["公开01表 收入支出决算总表", "final01"],
    ["安阳市医疗保障局2021年度收入支出决算总表", "final01"],
    ["收入决算表", "final02"],
    ["支出决算表", "final03"],
    ["财政拨款收入支出决算总表", "final04"],
    ["一般公共预算财政拨款支出决算表", "final05"],
    ["一般公共预算财政拨款基本支出决算表", "final06"],
    ["一般公共预算财政拨款“三公”经费支出决算表", "final07"],
    ['财政拨款"三公"经费支出决算表', "final07"],
    ["政府性基金预算财政拨款收入支出决算表", "final08"],
    ["国有资本经营预算财政拨款支出决算表", "final09"],
    ["国有资本经营预算财政拨款收入支出决算表", "final09"],
    ["项目收入支出决算表", "finalProject"],
    ["一般公共预算财政拨款项目支出决算表", "finalGpbProject"],
    ["机构运行经费支出、国有资产占用情况及政府采购支出信息表", "finalInfo"],
    ["收入支出决算总表（续）", "final01"],
  ])("%s → %s", (title, id) => {
    expect(matchTitle(title)?.info.id).toBe(id);
  });

  test.each([
    "三、支出决算情况说明",
    "一、收入支出决算总体情况说明",
    "1. 2021年收入支出决算总表 ……………………",
    "七、一般公共预算财政拨款“三公”经费支出决算情况说明",
    "本表反映部门本年度的总收支和年末结转结余情况。",
    "支出决算",
  ])("%s is not a title", (text) => {
    expect(matchTitle(text)).toBeUndefined();
  });

  test("cleanTitle removes codes, years and a trailing (续)", () => {
    expect(cleanTitle("公开02表 收入决算表（续）")).toBe("收入决算表");
    expect(cleanTitle("收入决算表(2021年度)")).toBe("收入决算表");
  });
});

describe("layouts", () => {
  test.each([
    ["table not starting in A1 (blank leading rows and columns)", { origin: { row: 3, col: 2 } }],
    ["no 行次 column", { rowNumbers: false }],
    ["no 栏次 row", { columnNumberRow: false }],
    ["amounts stored as text", { textNumbers: true }],
    ["several tables on one sheet", { oneSheet: true }],
    ["everything at once", { oneSheet: true, origin: { row: 1, col: 1 }, rowNumbers: false, columnNumberRow: false, textNumbers: true, tails: true }],
  ])("%s", (_label, opts) => {
    const { workbook } = generateFinalSet({ seed: 41, ...opts });
    const rec = recognize(workbook);
    expect(rec.failures.map((f) => `${f.template.id}: ${f.reason}`)).toEqual([]);
    expect(rec.tables.map((t) => t.template)).toEqual(FINAL);
    const r = checkWorkbook(workbook);
    expect(r.summary.error).toBe(0);
    expect(r.summary.warning).toBe(0);
    const t02 = rec.tables.find((t) => t.template === "final02") as CodedTable;
    expect(t02.columns.map((c) => c.key)).toEqual(["total", "fiscal", "upper", "business", "operating", "affiliated", "other"]);
    expect(t02.rows.length).toBeGreaterThan(10);
  });

  test("stacked tables get their own ranges", () => {
    const { workbook } = generateFinalSet({ seed: 41, oneSheet: true });
    const rec = recognize(workbook);
    const ranges = rec.tables.map((t) => t.range);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i].top).toBeGreaterThan(ranges[i - 1].bottom);
  });

  test("two tables side by side on one sheet", () => {
    const wb = buildWorkbook("x.xlsx", [
      {
        name: "并排",
        rows: [
          ["支出决算表", null, null, null, null, null, null, null, "一般公共预算财政拨款支出决算表"],
          ["项目", null, "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出", "项目", null, "小计", "基本支出", "项目支出"],
          ["功能分类科目编码", "科目名称", null, null, null, null, null, null, "功能分类科目编码", "科目名称"],
          ["合计", null, 10, 6, 4, 0, 0, 0, "合计", null, 9, 6, 3],
          ["201", "一般公共服务支出", 10, 6, 4, 0, 0, 0, "201", "一般公共服务支出", 9, 6, 3],
        ],
        merges: ["A1:H1", "I1:M1"],
      },
    ]);
    const rec = recognize(wb);
    expect(rec.tables.map((t) => `${t.template}@${rangeA1(t.range)}`)).toEqual(["final03@A1:H5", "final05@I1:M5"]);
    expect(checkWorkbook(wb).summary.error).toBe(0);
  });

  test("a sheet named 公开05表 without a title is read through its header", () => {
    const wb = buildWorkbook("x.xlsx", [
      {
        name: "公开05表",
        rows: [
          ["项目", null, "小计", "基本支出", "项目支出"],
          ["功能分类科目编码", "科目名称"],
          ["合计", null, 9, 6, 3],
          ["201", "一般公共服务支出", 9, 6, 3],
        ],
      },
    ]);
    expect(recognize(wb).tables.map((t) => t.template)).toEqual(["final05"]);
  });

  test("a sheet holding no table and an empty sheet are simply not tables", () => {
    const wb = buildWorkbook("x.xlsx", [
      { name: "封面", rows: [["安阳市医疗保障局2021年度部门决算"], ["二〇二二年九月"]] },
      { name: "空表", rows: [] },
      { name: "情况说明", rows: [["一、收入支出决算总体情况说明"], ["2021年度收、支总计均为2,695.72万元。"]] },
    ]);
    const rec = recognize(wb);
    expect(rec.tables).toEqual([]);
    expect(rec.failures).toEqual([]);
    expect(rec.otherSheets).toEqual(["封面", "空表", "情况说明"]);
    expect(checkWorkbook(wb).summary).toEqual({ error: 0, warning: 0, info: 0 });
  });
});

describe("real layouts", () => {
  test("anyang 公开07表: groups and items from a three-row merged header", async () => {
    const rec = recognize(await fixture("anyang-2021-final.xlsx"));
    const t07 = rec.tables.find((t) => t.template === "final07") as SangongTable;
    const vals = (g: "budget" | "final") => Object.fromEntries(Object.entries(t07.groups[g]!).map(([k, c]) => [k, c!.amount!.value.toString()]));
    expect(vals("budget")).toEqual({ total: "8", abroad: "0", car: "4", carPurchase: "0", carRun: "4", reception: "4" });
    expect(vals("final")).toEqual({ total: "5.54", abroad: "0", car: "3.57", carPurchase: "0", carRun: "3.57", reception: "1.97" });
  });

  test("anyang 公开04表: 年初财政拨款结转和结余 sub-lines and 总计 are told apart", async () => {
    const rec = recognize(await fixture("anyang-2021-final.xlsx"));
    const t04 = rec.tables.find((t) => t.template === "final04") as SidedTable;
    expect(t04.income.byKey.get("beginBalance.gpb")!.cells.amount.amount!.value.toString()).toBe("772.37");
    expect(t04.income.byKey.get("grand")!.cells.amount.amount!.value.toString()).toBe("2215.17");
    expect(t04.expense.columns.map((c) => c.key)).toEqual(["total", "gpb", "govFund", "soe"]);
  });

  test("anyang 公开02表: amounts stored as text are read", async () => {
    const rec = recognize(await fixture("anyang-2021-final.xlsx"));
    const t02 = rec.tables.find((t) => t.template === "final02") as CodedTable;
    expect(t02.total!.cells.total.amount!.value.toString()).toBe("1923.35");
    expect(t02.rows.map((r) => r.code)).toContain("2101599");
  });

  test("the Shanghai budget templates are not mistaken for final-accounts tables", async () => {
    for (const f of ["templates/shanghai-putuo-2026-department-budget-template.xlsx", "templates/shanghai-putuo-2026-unit-budget-template.xlsx"]) {
      const rec = recognize(await fixture(f));
      expect(rec.tables.filter((t) => t.family === "final")).toEqual([]);
    }
  });

  test("performance and narrative sheets hold no final-accounts table", async () => {
    for (const f of ["anyang-2021-targets.xlsx", "baotou-2022-project-selfeval.xlsx"]) {
      const rec = recognize(await fixture(f));
      expect(rec.tables.filter((t) => t.family === "final")).toEqual([]);
      expect(rec.failures).toEqual([]);
    }
  });
});

describe("a table code without a title", () => {
  /** anyang's 公开05表 with its title cell cleared: only the "公开05表" corner cell names it. */
  async function codeOnly05(extraTop: (string | null)[][] = []) {
    const wb = await fixture("anyang-2021-final.xlsx");
    const s05 = wb.sheets.find((s) => s.name === "公开05表")!;
    const rows: (string | number | null)[][] = [];
    for (let r = 0; r <= s05.bounds!.bottom; r++) {
      const cols = s05.rows.get(r);
      const row: (string | number | null)[] = [];
      for (let c = 0; c <= s05.bounds!.right; c++) row.push(r === 0 ? null : (cols?.get(c)?.text ?? null));
      rows.push(row);
    }
    return buildWorkbook("x.xlsx", [{ name: "Sheet1", rows: [...extraTop, ...rows] }]);
  }

  test("a code cell of its own still names the sheet's table", async () => {
    const rec = recognize(await codeOnly05());
    expect(rec.tables.map((t) => t.template)).toEqual(["final05"]);
  });

  test("a code inside a sentence refers to another table: no table, no 'title without header' warning", async () => {
    for (const note of ["注：本表数据与公开01表中一般公共预算财政拨款一致。", "说明：公开08表无数据，故为空表", "① 公开01表!C13 应为 480.55（现为空）；② 公开01表!C34 应为 772.37（现为空）"]) {
      const wb = buildWorkbook("n.xlsx", [{ name: "备注", rows: [[note], [], ["项目", "金额"], ["办公费", "12.00"], ["印刷费", "3.50"], ["合计", "15.50"]] }]);
      const res = checkWorkbook(wb);
      expect(res.tables).toEqual([]);
      expect(res.findings.filter((f) => f.rule === "common.table-structure")).toEqual([]);
    }
  });

  test("codes listed down a column (a list of findings by sheet, a 目录) name no table", () => {
    const wb = buildWorkbook("list.xlsx", [
      {
        name: "全部问题",
        rows: [
          ["文件", "工作表", "单元格", "规则", "严重程度", "问题"],
          ["a.xlsx", "公开01表", "C13", "final.01.sum", "错误", "应为 480.55"],
          ["a.xlsx", "公开01表", "C34", "final.01.sum", "错误", "应为 772.37"],
          ["a.xlsx", "公开05表", "D7", "final.05.sum", "警告", "尾差"],
        ],
      },
    ]);
    const res = checkWorkbook(wb);
    expect(res.tables).toEqual([]);
    expect(res.findings.filter((f) => f.rule === "common.table-structure")).toEqual([]);
  });
});
