/**
 * Layouts published outside Shanghai (issue 11: recognise tables by their structure,
 * no false errors on correct layouts), read from the .xlsx files of
 * test/fixtures/layouts/ written by scripts/make-layout-fixtures.ts: every table of a
 * correct workbook is recognised and nothing is reported; every planted mistake is
 * found with its cell ranked first.
 */
import * as path from "path";
import { checkWorkbook } from "../../../src/core/check";
import { a1 } from "../../../src/core/grid/address";
import { WorkbookSnapshot } from "../../../src/core/grid/snapshot";
import { BudgetSummary } from "../../../src/core/tables/budget/summary";
import { SidedTable } from "../../../src/core/tables/sided";
import { layoutFixtures } from "../../../scripts/make-layout-fixtures";
import { generateBudgetSet } from "../../support/budgetSet";
import { generateClassicBudgetSet, countyFinalSet } from "../../support/layoutSets";
import { addr, fixture } from "../../support/fixtures";
import { withCell } from "../../support/sheet";

const generated = layoutFixtures();
const byFile = new Map(generated.map((f) => [f.file, f]));
const read = (file: string) => fixture(path.join("layouts", file));
const BUDGET = ["budget01", "budget02", "budget03", "budget04", "budget05", "budget08", "budgetSangong", "budget06", "budget07"];
const FINAL = ["final01", "final02", "final03", "final04", "final05", "final06", "final07", "final08", "final09"];

function cellTexts(wb: WorkbookSnapshot): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of wb.sheets) for (const [r, row] of s.rows) for (const [c, cell] of row) out[`${s.name}!${a1(r, c)}`] = cell.text;
  return out;
}

test.each(generated.map((f) => f.file))("%s is what scripts/make-layout-fixtures.ts writes", async (file) => {
  const wb = await read(file);
  const want = byFile.get(file)!.workbook;
  expect(wb.sheets.map((s) => s.name)).toEqual(want.sheets.map((s) => s.name));
  expect(cellTexts(wb)).toEqual(cellTexts(want));
});

describe.each(generated.filter((f) => f.planted.length === 0).map((f) => f.file))("%s (correct)", (file) => {
  test("every table is recognised, with its unit; nothing is reported", async () => {
    const r = checkWorkbook(await read(file));
    expect(r.tables.map((t) => t.template)).toEqual(file.startsWith("county") ? FINAL : BUDGET);
    for (const t of r.tables) {
      expect(t.unitExplicit).toBe(true);
      expect(t.unit).toBe(file.startsWith("numbered") && t.template === "budget08" ? "元" : "万元");
    }
    expect(r.findings.filter((f) => f.severity !== "info").map((f) => f.message)).toEqual([]);
  });
});

describe.each(generated.filter((f) => f.planted.length > 0).map((f) => [f.file, f.planted] as const))("%s", (file, planted) => {
  test("each planted mistake is found with its cell first; nothing else is reported", async () => {
    const r = checkWorkbook(await read(file));
    expect(r.tables.map((t) => t.template)).toEqual(byFile.get(file)!.templates);
    const reported = r.findings.filter((f) => f.severity !== "info");
    for (const p of planted) expect(reported.filter((f) => f.severity === "error" && addr(f.cells[0]) === p).length).toBeGreaterThan(0);
    for (const f of reported) expect(planted).toContain(addr(f.cells[0]));
    if (planted.length === 1) expect(addr(r.causes[0].cells[0])).toBe(planted[0]);
    else expect(new Set(r.causes.filter((c) => c.severity === "error").map((c) => addr(c.cells[0])))).toEqual(new Set(planted));
  });
});

describe("the outline decides what adds up", () => {
  test("财政拨款收支总表: 本年收入 = its （一）…（三）; 上年结转 = its own （一）…（三）; 本年支出 = the classes", async () => {
    const r = checkWorkbook(await read("classic-budget.xlsx"));
    const t = r.tables.find((x) => x.template === "budget04") as unknown as BudgetSummary;
    expect(t.inc.total!.label).toBe("一、本年收入");
    expect(t.incomeItems.map((l) => l.label)).toEqual(["（一）一般公共预算拨款", "（二）政府性基金预算拨款", "（三）国有资本经营预算拨款"]);
    expect(t.inc.carryover!.label).toBe("二、上年结转");
    expect(Object.keys(t.carryoverParts)).toEqual(["gpb", "govFund", "soe"]);
    expect(t.exp.total!.label).toBe("一、本年支出");
    expect(t.classes.every((l) => l.key === "class")).toBe(true);
  });

  test("部门收支总表 three levels deep: 本年收入 = （一）…（四）; 财政拨款收入 = 1.…3.", async () => {
    const r = checkWorkbook(await read("numbered-budget.xlsx"));
    const t = r.tables.find((x) => x.template === "budget01") as unknown as BudgetSummary;
    expect(t.incomeItems.map((l) => l.label)).toEqual(["（一）财政拨款收入", "（二）事业收入", "（三）事业单位经营收入", "（四）其他收入"]);
    expect(t.fiscalParts.map((l) => l.label)).toEqual(["1.一般公共预算拨款", "2.政府性基金预算拨款", "3.国有资本经营预算拨款"]);
  });

  test("收入支出决算总表: 其中 lines and their indented continuations are parts, not items", async () => {
    const r = checkWorkbook(await read("county-final.xlsx"));
    const t = r.tables.find((x) => x.template === "final01") as unknown as SidedTable;
    const among = t.income.lines.filter((l) => l.among).map((l) => l.label);
    expect(among).toEqual(["其中：一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入"]);
  });
});

test("a heading left blank over its parts (一、本年收入 / 一、本年支出 with no figure) is not a nil total", () => {
  let wb = generateClassicBudgetSet({ seed: 13, tails: true }).workbook;
  const before = checkWorkbook(wb);
  for (const id of ["budget01", "budget04"]) {
    const t = before.tables.find((x) => x.template === id) as unknown as BudgetSummary;
    const heads = [t.inc.total!, t.exp.total!];
    for (const l of heads) for (const c of Object.values(l.cells)) wb = withCell(wb, c.ref.sheet, c.ref.row, c.ref.col, "", null);
  }
  const r = checkWorkbook(wb);
  expect(r.findings.filter((f) => f.severity !== "info").map((f) => f.message)).toEqual([]);
  const t04 = r.tables.find((x) => x.template === "budget04") as unknown as BudgetSummary;
  expect(t04.inc.total).toBeUndefined();
  expect(t04.incomeItems.map((l) => l.label)).toEqual(["（一）一般公共预算拨款", "（二）政府性基金预算拨款", "（三）国有资本经营预算拨款"]);
});

describe("generated workbooks of each variant raise nothing", () => {
  test.each([
    ["classic, exact figures", () => generateClassicBudgetSet({ seed: 3 }).workbook],
    ["classic, tails, 政府性基金", () => generateClassicBudgetSet({ seed: 4, tails: true, govFund: true }).workbook],
    ["numbered titles, three levels", () => generateClassicBudgetSet({ seed: 5, titles: "numbered", depth: 3 }).workbook],
    ["numbered titles, tails", () => generateClassicBudgetSet({ seed: 6, titles: "numbered", tails: true }).workbook],
    ["county final accounts", () => countyFinalSet({ seed: 7 }).workbook],
    ["county final accounts, tails, 政府性基金", () => countyFinalSet({ seed: 8, tails: true, govFund: true }).workbook],
    ["Shanghai layout with outline labels", () => generateBudgetSet({ seed: 9, outline: true }).workbook],
    ["Shanghai layout, outline labels, tails, 单位", () => generateBudgetSet({ seed: 10, outline: true, tails: true, scope: "unit", govFund: true }).workbook],
    ["Shanghai layout with prefixed titles", () => generateBudgetSet({ seed: 11, titlePrefix: "numbered" }).workbook],
    ["Shanghai layout, 附表 titles and outline labels, one sheet", () => generateBudgetSet({ seed: 12, titlePrefix: "annex", outline: true, oneSheet: true, tails: true }).workbook],
  ])("%s", (_label, make) => {
    const wb = make();
    const r = checkWorkbook(wb);
    expect(r.tables.length).toBeGreaterThanOrEqual(9);
    expect(r.findings.filter((f) => f.severity !== "info").map((f) => f.message)).toEqual([]);
  });
});
