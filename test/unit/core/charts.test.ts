/** Chart data: the published charts' points, from the tables, with their cells. */
import Decimal from "decimal.js";
import { chartPlan } from "../../../src/core/charts";
import { checkWorkbook } from "../../../src/core/check";
import { fixture } from "../../support/fixtures";

const sum = (vals: string[]) => vals.reduce((a, v) => a.plus(v), new Decimal(0)).toFixed(2);
/** Published parts may miss their total by the rounding tail: 0.005 per part. */
const near = (vals: string[], total: string) => new Decimal(sum(vals)).minus(total).abs().lte(new Decimal("0.005").times(vals.length));

test("anyang: the pies add up to the tables' totals; zero slices are left out", async () => {
  const wb = await fixture("anyang-2021-final.xlsx");
  const plan = chartPlan(wb, checkWorkbook(wb).tables);
  const chart = (id: string) => plan.charts.find((c) => c.id === id)!;
  expect(plan.charts.map((c) => c.id)).toEqual(["income", "expense", "gpb", "sangong"]);
  expect(sum(chart("income").points.map((p) => p.values[0].value))).toBe("1923.35"); // 公开01表 本年收入合计
  expect(sum(chart("expense").points.map((p) => p.values[0].value))).toBe("2684.31"); // 公开03表 合计
  // 142.00 + 73.11 + 1,988.64 = 2,203.75: the published table's own tail of 0.01.
  expect(near(chart("gpb").points.map((p) => p.values[0].value), "2203.76")).toBe(true); // 公开05表 合计
  expect(sum(chart("sangong").points.map((p) => p.values[0].value))).toBe("5.54"); // 公开07表 决算数合计
  expect(chart("sangong").points.map((p) => p.label)).toEqual(["公务用车运行费", "公务接待费"]);
  expect(chart("income").points.map((p) => p.label)).toEqual(["财政拨款收入", "其他收入"]);
  // Without last year's figures there is no comparison, and the clerk is told what to fill.
  expect(plan.skipped).toEqual([{ title: "收支总计与上年对比", reason: expect.stringContaining("补充信息") }]);
});

test("values point at their cells only when the cell holds that very number", async () => {
  const wb = await fixture("anyang-2021-final.xlsx");
  const plan = chartPlan(wb, checkWorkbook(wb).tables);
  const expense = plan.charts.find((c) => c.id === "expense")!;
  expect(expense.points[0].values[0].source).toEqual({ sheet: "公开03表", row: 6, col: 3 });
  // 公开02表 figures are typed as text in this workbook: the value is written, not a formula.
  const income = plan.charts.find((c) => c.id === "income")!;
  expect(income.points[0].values[0]).toMatchObject({ from: "公开02表!D7" });
  expect(income.points[0].values[0].source).toBeUndefined();
});

test("with last year's figures in 补充信息 the comparison columns are drawn", async () => {
  const wb = await fixture("anyang-2021-final-with-supplement.xlsx");
  const plan = chartPlan(wb, checkWorkbook(wb).tables);
  const totals = plan.charts.find((c) => c.id === "totals")!;
  expect(totals.kind).toBe("column");
  expect(totals.series).toEqual(["上年", "本年"]);
  expect(totals.points[0].label).toBe("收支总计");
  expect(totals.points[0].values[1].value).toBe("2695.72");
  expect(totals.points[0].values[0].from).toMatch(/^补充信息!/);
  expect(totals.title).toContain("2021年度");
});

test("a workbook without tables: no chart, and a reason for each", () => {
  const plan = chartPlan({ name: "x", sheets: [] }, []);
  expect(plan.charts).toEqual([]);
  expect(plan.skipped.map((s) => s.title)).toEqual(["收入决算结构", "支出决算结构", "一般公共预算财政拨款支出结构", "收支总计与上年对比", "“三公”经费支出结构"]);
});
