/**
 * The budget test workbooks of test/fixtures/budget/ (written by
 * scripts/make-budget-fixtures.ts): real .xlsx files in the Shanghai layout, one
 * per kind of mistake, each reported with the wrong cell first; the consistent
 * ones raise nothing. The committed files must be what the script writes.
 */
import * as path from "path";
import { checkWorkbook } from "../../../src/core/check";
import { WorkbookSnapshot } from "../../../src/core/grid/snapshot";
import { a1 } from "../../../src/core/grid/address";
import { budgetFixtures } from "../../../scripts/make-budget-fixtures";
import { addr, fixture } from "../../support/fixtures";

const generated = budgetFixtures();
const byFile = new Map(generated.map((f) => [f.file, f]));
const read = (file: string) => fixture(path.join("budget", file));

function cellTexts(wb: WorkbookSnapshot): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of wb.sheets) for (const [r, row] of s.rows) for (const [c, cell] of row) out[`${s.name}!${a1(r, c)}`] = cell.text;
  return out;
}

test.each(generated.map((f) => f.file))("%s is what scripts/make-budget-fixtures.ts writes", async (file) => {
  const wb = await read(file);
  const want = byFile.get(file)!.workbook;
  expect(wb.sheets.map((s) => s.name)).toEqual(want.sheets.map((s) => s.name));
  expect(cellTexts(wb)).toEqual(cellTexts(want));
  expect(wb.sheets.map((s) => s.merges.length)).toEqual(want.sheets.map((s) => s.merges.length));
});

test.each(["consistent-department.xlsx", "consistent-unit.xlsx"])("%s: nine tables, no error, no warning", async (file) => {
  const r = checkWorkbook(await read(file));
  expect(r.tables.map((t) => t.template)).toEqual(["budget01", "budget02", "budget03", "budget04", "budget05", "budget06", "budget07", "budget08", "budgetSangong"]);
  expect(r.findings.filter((f) => f.severity !== "info")).toEqual([]);
});

describe.each([
  ["mistake-a-row-total.xlsx", ["budget.03.hierarchy", "budget.03.row-sum"], "budget.03.row-sum"],
  ["mistake-b-operating.xlsx", ["budget.sangong-08.operating"], "budget.sangong-08.operating"],
  ["mistake-c1-sangong-change.xlsx", ["budget.sangong.change", "budget.sangong.sum"], "budget.sangong.change"],
  ["mistake-c2-sangong-total.xlsx", ["budget.sangong.sum"], "budget.sangong.sum"],
  ["mistake-d-operating-items.xlsx", ["narrative.parts-sum"], "narrative.parts-sum"],
  ["mistake-e-change-parts.xlsx", ["narrative.parts-sum"], "narrative.parts-sum"],
  ["mistake-g-narrative-figure.xlsx", ["narrative.figure-mismatch"], "narrative.figure-mismatch"],
])("%s", (file, rules, main) => {
  const wrong = byFile.get(file)!.wrong!;

  test("only the relations the mistake breaks are errors, each naming the wrong cell first", async () => {
    const r = checkWorkbook(await read(file));
    const errors = r.findings.filter((f) => f.severity === "error");
    expect([...new Set(errors.map((f) => f.rule))].sort()).toEqual(rules);
    for (const f of errors) expect(addr(f.cells[0])).toBe(wrong);
    expect(r.findings.filter((f) => f.severity === "warning")).toEqual([]);
    expect(errors.find((f) => f.rule === main)).toBeDefined();
  });
});

test("mistake-f-cost-ceiling.xlsx: the cost ceiling above the project's money is reported at the indicator", async () => {
  const r = checkWorkbook(await read("mistake-f-cost-ceiling.xlsx"));
  const f = r.findings.filter((x) => x.rule === "perf.target.cost-ceiling");
  expect(f).toHaveLength(1);
  expect(addr(f[0].cells[0])).toBe(byFile.get("mistake-f-cost-ceiling.xlsx")!.wrong);
  expect(f[0].message).toContain("12.40万元");
  expect(r.findings.filter((x) => x.severity === "error")).toEqual([]);
});

test("the budget text drafted from the tables and a complete 补充信息 raises nothing (the narrative fixtures before their edit)", async () => {
  const { withBudgetNarrative } = await import("../../support/budgetNarrative");
  const { generateBudgetSet } = await import("../../support/budgetSet");
  for (const o of [{ seed: 2026 }, { seed: 2027, scope: "unit" as const, govFund: true, sangong: "yoy" as const }]) {
    const set = withBudgetNarrative(generateBudgetSet({ tails: true, ...o }).workbook);
    const r = checkWorkbook(set.workbook);
    expect(r.findings.filter((f) => f.severity !== "info").map((f) => f.message)).toEqual([]);
    expect(set.narrative.placeholders).toEqual([]);
  }
});

test("the messages a clerk reads", async () => {
  const msg = async (file: string, rule: string) => checkWorkbook(await read(file)).findings.find((f) => f.rule === rule && f.severity === "error")!.message;
  expect(await msg("mistake-a-row-total.xlsx", "budget.03.row-sum")).toMatch(/^支出预算总表 2010601 行政运行：合计应等于基本支出＋项目支出。合计（E11）为 [\d,.]+，基本支出＋项目支出为 [\d,.]+，相差 [\d,.]+。$/);
  expect(await msg("mistake-b-operating.xlsx", "budget.sangong-08.operating")).toMatch(
    /机关运行经费预算数应等于一般公共预算基本支出经济分类预算表公用经费合计（工作簿写明“本单位为行政单位”.*机关运行经费预算数（G7）为 [\d,.]+万元，.*公用经费合计（F\d+）为 [\d,.]+元（折合 [\d,.]+万元），相差 [\d,.]+万元。/,
  );
  expect(await msg("mistake-c1-sangong-change.xlsx", "budget.sangong.change")).toMatch(/公务接待费增减金额应等于本年预算数减上年预算数。公务接待费增减金额（O7）为 /);
  expect(await msg("mistake-c2-sangong-total.xlsx", "budget.sangong.sum")).toMatch(/本年：合计应等于因公出国\(境\)费、公务用车购置及运行费、公务接待费之和。本年合计（A7）为 /);
  expect(await msg("mistake-d-operating-items.xlsx", "narrative.parts-sum")).toMatch(/合计写的是 [\d,.]+万元，其后列出的各部分（[\d,.]+万元、[\d,.]+万元、[\d,.]+万元）之和为 [\d,.]+万元，相差 10.00万元。$/);
  expect(await msg("mistake-g-narrative-figure.xlsx", "narrative.figure-mismatch")).toMatch(/“支出预算[\d,.]+万元”：写的是 [\d,.]+万元，按表格应为 [\d,.]+万元（部门支出总表!E\d+（元，折合万元））。$/);
});
