/**
 * Every budget rule with a passing case (a consistent workbook on which the rule
 * runs) and a failing case (one targeted change on that same workbook, the
 * finding naming the changed cell).
 *
 * Workbooks: generated Shanghai-layout sets (部门 / 单位, 行政 or not, with 基金 and
 * 国资 money, 三公 with 本年/上年/增减), and small tables in the layout of the
 * 操作规程 (本年收入合计, 上年结转 by fund, 本年支出合计, 结转下年, column groups).
 */
import * as fs from "fs";
import * as path from "path";
import { allRules } from "../../../src/core/rules/registry";
import { CheckResult } from "../../../src/core/check";
import { BudgetCodedTable } from "../../../src/core/tables/budget/coded";
import { BudgetSummary } from "../../../src/core/tables/budget/summary";
import { BudgetProcurementTable } from "../../../src/core/tables/budget/procurement";
import { CodedRow, rowByCode } from "../../../src/core/tables/coded";
import { SangongTable } from "../../../src/core/tables/sangong";
import { AmountCell } from "../../../src/core/tables/types";
import { WorkbookSnapshot } from "../../../src/core/grid/snapshot";
import { generateBudgetSet } from "../../support/budgetSet";
import { guideIncome02, guideWorkbook } from "../../support/budgetGuide";
import { bump, check, clear, raised, setNumber, setText, table } from "../../support/mutate";
import { buildWorkbook } from "../../support/sheet";
import { addr } from "../../support/fixtures";

/** 单位 layout, not a 行政单位, money in every fund, 三公 with 本年/上年/增减. */
const S = generateBudgetSet({ seed: 31, scope: "unit", sangong: "yoy", govFund: true, soe: true, administrative: false });
/** 部门 layout of a 行政单位 (机构设置: 行政单位1家，事业单位0家), empty 基金/国资 tables with their notes. */
const A = generateBudgetSet({ seed: 32 });
const sBase = check(S.workbook);
const aBase = check(A.workbook);
const G = guideWorkbook();
const gBase = check(G);

const t = <T>(r: CheckResult, id: string) => table(r, id) as unknown as T;
const s01 = t<BudgetSummary>(sBase, "budget01");
const s02 = t<BudgetCodedTable>(sBase, "budget02");
const s03 = t<BudgetCodedTable>(sBase, "budget03");
const s04 = t<BudgetSummary>(sBase, "budget04");
const s05 = t<BudgetCodedTable>(sBase, "budget05");
const s06 = t<BudgetCodedTable>(sBase, "budget06");
const s07 = t<BudgetCodedTable>(sBase, "budget07");
const s08 = t<BudgetCodedTable>(sBase, "budget08");
const sSg = t<SangongTable>(sBase, "budgetSangong");
const aSg = t<SangongTable>(aBase, "budgetSangong");
const a06 = t<BudgetCodedTable>(aBase, "budget06");
const g01 = t<BudgetSummary>(gBase, "budget01");
const g04 = t<BudgetSummary>(gBase, "budget04");

const leaf = (x: BudgetCodedTable, col: string): CodedRow => x.rows.find((r) => r.level === 3 && r.cells[col] && !r.cells[col].amount!.value.isZero())!;
const cls = (x: BudgetSummary) => x.classes.find((l) => l.key === "class" && !l.cells.total.amount!.value.isZero())!;

function expectRaised(wb: WorkbookSnapshot, rule: string, severity: "error" | "warning", cell?: AmountCell | string) {
  const r = check(wb);
  const fs = raised(r, rule);
  expect(fs.length).toBeGreaterThan(0);
  expect(fs.some((f) => f.severity === severity)).toBe(true);
  if (cell) {
    const want = typeof cell === "string" ? cell : addr(cell.ref);
    expect(fs.flatMap((f) => f.cells.map(addr))).toContain(want);
  }
  return fs;
}

/** Rules that report without stating relations (notes, missing tables). */
const NOT_RELATIONS = new Set(["budget.empty-note", "budget.set.completeness", "budget.sangong.change-rate"]);

/** Nothing raised, and the rule did run on this workbook: it checked at least one relation that holds. */
function expectPasses(r: CheckResult, rule: string) {
  expect(raised(r, rule)).toEqual([]);
  if (!NOT_RELATIONS.has(rule)) expect(r.relations.filter((x) => x.rule === rule && x.holds).length).toBeGreaterThan(0);
}

test("the consistent generated sets raise nothing", () => {
  expect(sBase.findings.filter((f) => f.severity !== "info")).toEqual([]);
  expect(aBase.findings.filter((f) => f.severity !== "info")).toEqual([]);
});

describe("财务收支预算总表 (budget01)", () => {
  test("budget.01.income-total (操作规程 layout: 本年收入合计 line)", () => {
    expectPasses(gBase, "budget.01.income-total");
    const c = g01.inc.business!.cells.amount;
    expectRaised(bump(G, c, 3), "budget.01.income-total", "error", c);
  });
  test("budget.01.fiscal-income", () => {
    expectPasses(sBase, "budget.01.fiscal-income");
    const c = s01.inc.gpb!.cells.amount;
    expect(s01.fiscalParts).toContain(s01.inc.gpb);
    expectRaised(bump(S.workbook, c, 100), "budget.01.fiscal-income", "error", c);
  });
  test("budget.01.income-grand (Shanghai: no 本年收入合计; 操作规程: with 上年结转)", () => {
    expectPasses(sBase, "budget.01.income-grand");
    expectPasses(gBase, "budget.01.income-grand");
    const c = s01.inc.business!.cells.amount;
    expectRaised(bump(S.workbook, c, 100), "budget.01.income-grand", "error", c);
    const carry = g01.inc.carryover!.cells.amount;
    expectRaised(bump(G, carry, 1), "budget.01.income-grand", "error", carry);
  });
  test("budget.01.expense-total (操作规程 layout)", () => {
    expectPasses(gBase, "budget.01.expense-total");
    const c = cls(g01).cells.total;
    expectRaised(bump(G, c, 2), "budget.01.expense-total", "error", c);
  });
  test("budget.01.expense-grand (every column of the 单位 layout)", () => {
    expectPasses(sBase, "budget.01.expense-grand");
    const c = cls(s01).cells.project ?? cls(s01).cells.total;
    expectRaised(bump(S.workbook, c, 10), "budget.01.expense-grand", "error", c);
    const fwd = g01.exp.carryForward!.cells.total;
    expectRaised(bump(G, fwd, 1), "budget.01.expense-grand", "error", fwd);
  });
  test("budget.01.balance: each side adds up but 收入总计 ≠ 支出总计", () => {
    expectPasses(sBase, "budget.01.balance");
    let wb = bump(S.workbook, s01.inc.other!.cells.amount, 50);
    wb = bump(wb, s01.inc.grand!.cells.amount, 50);
    expect(raised(check(wb), "budget.01.income-grand")).toEqual([]);
    const fs = expectRaised(wb, "budget.01.balance", "error", s01.inc.grand!.cells.amount);
    expect(fs[0].message).toContain("收入总计应等于支出总计");
  });
  test("budget.01.row-sum (单位 layout: 合计 = 人员经费 + 公用经费 + 项目支出)", () => {
    expectPasses(sBase, "budget.01.row-sum");
    expect(s01.expense.columns.map((c) => c.key)).toEqual(["total", "personnel", "public", "project"]);
    const c = cls(s01).cells.personnel;
    const fs = expectRaised(bump(S.workbook, c, 7), "budget.01.row-sum", "error", c);
    expect(fs[0].message).toContain("合计应等于人员经费＋公用经费＋项目支出");
  });
});

describe("财政拨款收支预算总表 (budget04)", () => {
  test("budget.04.income-total: 本年收入合计 and 上年结转 by fund (操作规程 layout)", () => {
    expectPasses(gBase, "budget.04.income-total");
    expect(Object.keys(g04.carryoverParts).sort()).toEqual(["govFund", "gpb", "soe"]);
    const part = g04.carryoverParts.gpb!.cells.amount;
    expectRaised(bump(G, part, 1), "budget.04.income-total", "error", part);
    const gpb = g04.inc.gpb!.cells.amount;
    expectRaised(bump(G, gpb, 1), "budget.04.income-total", "error", gpb);
  });
  test("budget.04.income-grand", () => {
    expectPasses(sBase, "budget.04.income-grand");
    const c = s04.inc.soe!.cells.amount;
    expectRaised(bump(S.workbook, c, 10), "budget.04.income-grand", "error", c);
  });
  test("budget.04.expense-total: a class changed with its 合计 (the row still adds up)", () => {
    expectPasses(gBase, "budget.04.expense-total");
    const l = cls(g04);
    let wb = bump(G, l.cells.gpb, 2);
    wb = bump(wb, l.cells.total, 2);
    expect(raised(check(wb), "budget.04.row-sum")).toEqual([]);
    expectRaised(wb, "budget.04.expense-total", "error", l.cells.gpb);
  });
  test("budget.04.expense-grand", () => {
    expectPasses(sBase, "budget.04.expense-grand");
    const l = cls(s04);
    let wb = bump(S.workbook, l.cells.gpb, 5);
    wb = bump(wb, l.cells.total, 5);
    expectRaised(wb, "budget.04.expense-grand", "error", l.cells.gpb);
  });
  test("budget.04.balance", () => {
    expectPasses(sBase, "budget.04.balance");
    let wb = bump(S.workbook, s04.inc.gpb!.cells.amount, 5);
    wb = bump(wb, s04.inc.grand!.cells.amount, 5);
    expect(raised(check(wb), "budget.04.income-grand")).toEqual([]);
    expectRaised(wb, "budget.04.balance", "error", s04.inc.grand!.cells.amount);
  });
  test("budget.04.row-sum", () => {
    expectPasses(sBase, "budget.04.row-sum");
    const c = cls(s04).cells.gpb;
    expectRaised(bump(S.workbook, c, 3), "budget.04.row-sum", "error", c);
  });
  test("budget.04.fund-balance: 政府性基金 income raised with 收入总计 (the income side still adds up)", () => {
    expectPasses(sBase, "budget.04.fund-balance");
    expectPasses(gBase, "budget.04.fund-balance");
    let wb = bump(S.workbook, s04.inc.govFund!.cells.amount, 9);
    wb = bump(wb, s04.inc.grand!.cells.amount, 9);
    expect(raised(check(wb), "budget.04.income-grand")).toEqual([]);
    expectRaised(wb, "budget.04.fund-balance", "error", s04.inc.govFund!.cells.amount);
    // 上年结转 by fund counts on the income side.
    const part = g04.carryoverParts.govFund!.cells.amount;
    let wb2 = bump(G, part, 1);
    wb2 = bump(wb2, g04.inc.carryover!.cells.amount, 1);
    wb2 = bump(wb2, g04.inc.grand!.cells.amount, 1);
    expectRaised(wb2, "budget.04.fund-balance", "error", part);
  });
});

describe("coded tables: row sums and hierarchy", () => {
  const cases: [string, BudgetCodedTable, string][] = [
    ["02", s02, "fiscal"],
    ["03", s03, "basic"],
    ["05", s05, "basic"],
    ["06", s06, "project"],
    ["07", s07, "project"],
    ["08", s08, "personnel"],
  ];
  test.each(cases)("budget.%s.row-sum: one column of a row changed", (n, x, col) => {
    const rule = `budget.${n}.row-sum`;
    expectPasses(sBase, rule);
    const r = n === "08" ? x.rows.find((y) => y.level === 2 && !y.cells[col].amount!.value.isZero())! : leaf(x, col);
    expectRaised(bump(S.workbook, r.cells[col], 7), rule, "error", r.cells[col]);
  });
  test.each(cases)("budget.%s.hierarchy: a row changed with its own 合计 (the row still adds up)", (n, x, col) => {
    const rule = `budget.${n}.hierarchy`;
    expectPasses(sBase, rule);
    const r = n === "08" ? x.rows.find((y) => y.level === 2 && !y.cells[col].amount!.value.isZero())! : leaf(x, col);
    let wb = bump(S.workbook, r.cells[col], 7);
    wb = bump(wb, r.cells.total, 7);
    expect(raised(check(wb), `budget.${n}.row-sum`)).toEqual([]);
    expectRaised(wb, rule, "error", r.cells[col]);
  });
  test("row sums check column groups: 财政拨款收入 = its funds, 单位资金 = its parts (操作规程 layout)", () => {
    const wb = buildWorkbook("g2.xlsx", [guideIncome02()]);
    const base = check(wb);
    expectPasses(base, "budget.02.row-sum");
    expectPasses(base, "budget.02.hierarchy");
    const x = t<BudgetCodedTable>(base, "budget02");
    expect(x.sumKeys).toEqual(["fiscal", "unitFunds", "carryover"]);
    const r = rowByCode(x, "201")!;
    const fs = expectRaised(bump(wb, r.cells.business, 1), "budget.02.row-sum", "error", r.cells.business);
    expect(fs.some((f) => f.message.includes("单位资金应等于事业收入＋其他收入"))).toBe(true);
    const fs2 = expectRaised(bump(wb, r.cells.gpb, 1), "budget.02.row-sum", "error", r.cells.gpb);
    expect(fs2.some((f) => f.message.includes("财政拨款收入应等于一般公共预算拨款＋政府性基金预算拨款"))).toBe(true);
  });
  test("budget.03.row-sum with 基本支出 split into 人员经费 and 公用经费", () => {
    const wb = buildWorkbook("t3.xlsx", [
      {
        name: "表3",
        rows: [
          ["部门支出总体情况表"],
          ["单位：万元"],
          ["科目编码", "科目名称", "合计", "基本支出", null, null, "项目支出"],
          [null, null, null, "小计", "人员经费", "公用经费"],
          ["合计", null, 100, 60, 50, 10, 40],
          ["201", "一般公共服务支出", 100, 60, 50, 10, 40],
        ],
        merges: ["D3:F3", "A3:A4", "B3:B4", "C3:C4", "G3:G4"],
      },
    ]);
    const base = check(wb);
    expectPasses(base, "budget.03.row-sum");
    const x = t<BudgetCodedTable>(base, "budget03");
    expect(x.groups).toEqual([{ parent: "basic", children: ["personnel", "public"] }]);
    expectRaised(bump(wb, x.rows[0].cells.public, 1), "budget.03.row-sum", "error", x.rows[0].cells.public);
  });
});

describe("“三公”经费和机关运行经费预算表", () => {
  test("budget.sangong.sum (本年, 上年 and 增减 groups)", () => {
    expectPasses(sBase, "budget.sangong.sum");
    expectPasses(aBase, "budget.sangong.sum");
    const c = aSg.groups.current!.reception!;
    expectRaised(bump(A.workbook, c, 1), "budget.sangong.sum", "error", c);
    const p = sSg.groups.previous!.carRun!;
    const fs = expectRaised(bump(S.workbook, p, 1), "budget.sangong.sum", "error", p);
    expect(fs.some((f) => f.message.includes("上年"))).toBe(true);
  });
  test("budget.sangong.change: 增减金额 = 本年 − 上年", () => {
    expectPasses(sBase, "budget.sangong.change");
    const g = sSg.groups;
    // 本年 因公出国 and 本年 合计 both raised: the 本年 group still adds up, the change does not.
    let wb = bump(S.workbook, g.current!.abroad!, 1);
    wb = bump(wb, g.current!.total!, 1);
    expect(raised(check(wb), "budget.sangong.sum")).toEqual([]);
    const fs = expectRaised(wb, "budget.sangong.change", "error", g.current!.abroad!);
    expect(fs.some((f) => f.message.includes("因公出国(境)费增减金额应等于本年预算数减上年预算数"))).toBe(true);
  });
  test("budget.sangong.change-rate: 增减率 = (本年 − 上年) ÷ 上年, read as shown; none over a zero 上年", () => {
    const v = generateBudgetSet({ seed: 33, sangong: "yoy-vertical" });
    const base = check(v.workbook);
    expectPasses(base, "budget.sangong.change-rate");
    const sg = t<SangongTable>(base, "budgetSangong");
    // Every item with a 上年 has its rate read.
    const rates = sg.rates!;
    expect(Object.keys(rates).length).toBeGreaterThanOrEqual(5);
    const item = (Object.keys(rates) as (keyof typeof rates)[]).find((k) => rates[k]!.amount && !rates[k]!.amount!.blank && !rates[k]!.amount!.value.isZero())!;
    const r = rates[item]!;
    // A rate off by a full percentage point is an error naming the rate cell first, with the computed rate.
    const wrong = setText(v.workbook, r.ref, `${r.amount!.value.plus(1).toFixed(2)}%`);
    const fs = expectRaised(wrong, "budget.sangong.change-rate", "error", r);
    expect(fs[0].message).toMatch(/计算应为 -?[\d,.]+%/);
    // Off by its last shown digit's rounding only: still right ("12.3%" for 12.34 %).
    expectPasses(check(setText(v.workbook, r.ref, `${r.amount!.value.toFixed(1)}%`)), "budget.sangong.change-rate");
    // A rate over a 上年 of 0: a warning; a dash there is right.
    const prev = sg.groups.previous![item]!;
    const zeroBase = setNumber(setNumber(v.workbook, prev.ref, 0), sg.groups.change![item]!.ref, Number(sg.groups.current![item]!.amount!.value.toString()));
    const zf = raised(check(zeroBase), "budget.sangong.change-rate").filter((f) => f.cells[0].row === r.ref.row);
    expect(zf).toHaveLength(1);
    expect(zf[0].severity).toBe("warning");
    expect(zf[0].message).toContain("以 0 为基数");
    expect(raised(check(setText(zeroBase, r.ref, "—")), "budget.sangong.change-rate").filter((f) => f.cells[0].row === r.ref.row)).toEqual([]);
  });
  test("a year-on-year “三公” table of a final account (决算 columns) is named by its title and its rates are checked", () => {
    const wb = buildWorkbook("sangong-final.xlsx", [
      {
        name: "三公经费",
        rows: [
          ["某局2021年“三公”经费支出情况表"],
          ["单位：万元"],
          ["项目", "2021年决算数", "2020年决算数", "增减金额", "增减率"],
          ["合计", 12.6, 14.0, -1.4, "-10.00%"],
          ["因公出国（境）费", 0, 0, 0, "—"],
          ["公务接待费", 2.6, 2.0, 0.6, "30.00%"],
          ["公务用车购置及运行费", 10.0, 12.0, -2.0, "-16.67%"],
        ],
      },
    ]);
    const base = check(wb);
    const sg = t<SangongTable>(base, "budgetSangong");
    expect(sg.name).toContain("“三公”经费支出情况表");
    expect(sg.name).not.toContain("预算表");
    expect(base.findings.filter((f) => f.severity !== "info")).toEqual([]);
    const bad = check(setText(wb, sg.rates!.reception!.ref, "3.00%"));
    const fs = raised(bad, "budget.sangong.change-rate");
    expect(fs).toHaveLength(1);
    expect(fs[0].message).toContain("支出情况表");
    expect(fs[0].message).toContain("30.00%");
  });
  test("budget.sangong.change in the vertical layout", () => {
    const v = generateBudgetSet({ seed: 33, sangong: "yoy-vertical" });
    const base = check(v.workbook);
    expectPasses(base, "budget.sangong.change");
    const sg = t<SangongTable>(base, "budgetSangong");
    expectRaised(bump(v.workbook, sg.groups.change!.carRun!, 1), "budget.sangong.change", "error", sg.groups.change!.carRun!);
  });
});

describe("budget.sangong-08.operating: 机关运行经费 against 公用经费", () => {
  const op = aSg.groups.current!.operating!;
  const a08 = t<BudgetCodedTable>(aBase, "budget08");
  const pub = a08.total!.cells.public;

  test("元 and 万元 that agree after conversion are not reported at all", () => {
    expect(op.table.unit).toBe("万元");
    expect(pub.table.unit).toBe("元");
    expect(op.amount!.value.times(10000).eq(pub.amount!.value)).toBe(false); // they differ by the 万元 rounding
    expect(aBase.findings.filter((f) => f.rule === "budget.sangong-08.operating")).toEqual([]);
  });
  test("行政单位: a 机关运行经费 that differs is an error, each figure in its own unit with the conversion", () => {
    const fs = expectRaised(bump(A.workbook, op, "0.5"), "budget.sangong-08.operating", "error", op);
    expect(fs[0].cells.map(addr)).toEqual(expect.arrayContaining([addr(op.ref), addr(pub.ref)]));
    expect(fs[0].message).toMatch(/万元/);
    expect(fs[0].message).toMatch(/\d元（折合 [\d,.]+万元）/);
    expect(fs[0].message).toContain("行政单位1家，事业单位0家");
    // Lower than 公用经费 is as wrong as higher for a 行政单位.
    expectRaised(bump(A.workbook, op, "-0.5"), "budget.sangong-08.operating", "error", op);
  });
  test("a 元 table whose unit line says 万元 is one 单位行 finding, not a mismatch per relation", () => {
    const wb = setText(A.workbook, a08.unitRef!, "单位：万元");
    const r = check(wb);
    const unit = r.findings.filter((f) => f.rule === "common.unit-scale");
    expect(unit.length).toBeGreaterThan(0);
    for (const f of unit) expect(f.cells.map(addr)).toContain(addr(a08.unitRef!));
    expect(raised(r, "budget.sangong-08.operating")).toEqual([]);
    expect(raised(r, "budget.05-08.basic")).toEqual([]);
  });
  test("not a 行政单位: 机关运行经费 below 公用经费 passes, above it is a warning", () => {
    expectPasses(sBase, "budget.sangong-08.operating");
    const o = sSg.groups.current!.operating!;
    const p = s08.total!.cells.public;
    const over = p.amount!.value.div(10000).minus(o.amount!.value).plus(1);
    const fs = expectRaised(bump(S.workbook, o, over.toFixed(2)), "budget.sangong-08.operating", "warning", o);
    expect(fs.every((f) => f.severity === "warning")).toBe(true);
  });
  test("how 行政单位 is told: the 机构设置 text, or a unit budget of a 局", () => {
    const lower = (wb: WorkbookSnapshot, c: AmountCell) => raised(check(bump(wb, c, "-1")), "budget.sangong-08.operating");
    // 部门 budget, no 机构设置 text: a department may hold 事业单位, only ≤ is checked.
    const dept = generateBudgetSet({ seed: 34, orgText: false });
    const dOp = t<SangongTable>(check(dept.workbook), "budgetSangong").groups.current!.operating!;
    expect(lower(dept.workbook, dOp)).toEqual([]);
    // 单位 budget of 上海市普陀区测试局, no text: the name says it is an organ.
    const unit = generateBudgetSet({ seed: 34, scope: "unit", orgText: false });
    const uOp = t<SangongTable>(check(unit.workbook), "budgetSangong").groups.current!.operating!;
    const fs = lower(unit.workbook, uOp);
    expect(fs.map((f) => f.severity)).toEqual(["error"]);
    expect(fs[0].message).toContain("预算单位“上海市普陀区测试局”是行政机关");
    // 单位 budget of a 事业单位 (中心): only ≤.
    const centre = generateBudgetSet({ seed: 34, scope: "unit", orgText: false, department: "上海市普陀区测试事务中心" });
    const cOp = t<SangongTable>(check(centre.workbook), "budgetSangong").groups.current!.operating!;
    expect(lower(centre.workbook, cOp)).toEqual([]);
    // "本单位为行政单位" in the workbook, whatever the name.
    const said = generateBudgetSet({ seed: 34, scope: "unit", department: "上海市普陀区测试事务中心" });
    const sOp = t<SangongTable>(check(said.workbook), "budgetSangong").groups.current!.operating!;
    expect(lower(said.workbook, sOp).map((f) => f.severity)).toEqual(["error"]);
  });
});

describe("表间 relations", () => {
  test("budget.01-04.income (fund lines; 财政拨款收入 alone against 本年收入合计)", () => {
    expectPasses(sBase, "budget.01-04.income");
    expectPasses(gBase, "budget.01-04.income");
    const c = s04.inc.gpb!.cells.amount;
    expectRaised(bump(S.workbook, c, 4), "budget.01-04.income", "error", c);
    const G2 = guideWorkbook({ fiscalOnly: true });
    const b2 = check(G2);
    expectPasses(b2, "budget.01-04.income");
    const f = t<BudgetSummary>(b2, "budget01").inc.fiscal!.cells.amount;
    let wb = bump(G2, f, 1);
    wb = bump(wb, t<BudgetSummary>(b2, "budget01").inc.total!.cells.amount, 1);
    expectRaised(wb, "budget.01-04.income", "error", f);
  });
  test("budget.01-04.grand (warning): 财政拨款 收入总计 above the department's", () => {
    expectPasses(gBase, "budget.01-04.grand");
    expectPasses(sBase, "budget.01-04.grand");
    const wb = guideWorkbook({ carryGpb: 40 });
    const r = check(wb);
    for (const rule of ["budget.04.income-total", "budget.04.income-grand", "budget.04.expense-grand", "budget.04.fund-balance", "budget.01.income-grand"]) expect(raised(r, rule)).toEqual([]);
    const fs = expectRaised(wb, "budget.01-04.grand", "warning");
    expect(fs[0].message).toContain("不应大于");
  });
  test("budget.02-01.income: 合计 and each column", () => {
    expectPasses(sBase, "budget.02-01.income");
    const c = s02.total!.cells.other;
    expectRaised(bump(S.workbook, c, 5), "budget.02-01.income", "error", c);
    const b = s02.total!.cells.business;
    expect(b.amount!.value.isZero()).toBe(false);
    let wb = bump(S.workbook, b, 5);
    wb = bump(wb, s02.total!.cells.total, 5);
    expectRaised(wb, "budget.02-01.income", "error", b);
  });
  test("budget.03-01.expense: 合计, classes, and 人员经费＋公用经费 against 基本支出", () => {
    expectPasses(sBase, "budget.03-01.expense");
    const l = cls(s01);
    expectRaised(bump(S.workbook, l.cells.total, 6), "budget.03-01.expense", "error", l.cells.total);
    let wb = bump(S.workbook, l.cells.personnel, 6);
    wb = bump(wb, l.cells.total, 6);
    expect(raised(check(wb), "budget.01.row-sum")).toEqual([]);
    expectRaised(wb, "budget.03-01.expense", "error", l.cells.personnel);
  });
  test("budget.04-05.gpb", () => {
    expectPasses(sBase, "budget.04-05.gpb");
    const r = s05.rows.find((x) => x.level === 1)!;
    expectRaised(bump(S.workbook, r.cells.total, 5), "budget.04-05.gpb", "error", r.cells.total);
  });
  test("budget.04-06.gov-fund: per class, and a missing table while 04 has 基金 money", () => {
    expectPasses(sBase, "budget.04-06.gov-fund");
    expectPasses(aBase, "budget.04-06.gov-fund");
    const r = s06.rows.find((x) => x.level === 1)!;
    expectRaised(bump(S.workbook, r.cells.total, 5), "budget.04-06.gov-fund", "error", r.cells.total);
    const wb = { ...S.workbook, sheets: S.workbook.sheets.filter((x) => x.name !== S.sheetOf.budget06) };
    const fs = expectRaised(wb, "budget.04-06.gov-fund", "error");
    expect(fs[0].message).toContain("没有政府性基金预算支出功能分类预算表");
  });
  test("budget.04-07.soe", () => {
    expectPasses(sBase, "budget.04-07.soe");
    const c = s07.total!.cells.total;
    expectRaised(bump(S.workbook, c, 5), "budget.04-07.soe", "error", c);
  });
  test("budget.04-567.total: a 财政拨款收支总表 with one 合计 column against the three tables", () => {
    // The 04 sheet without its fund columns (E–G): one expense column.
    const sheets = S.sheets.map((x) =>
      x.name !== S.sheetOf.budget04 ? x : { ...x, rows: x.rows.map((row, i) => (i === 3 ? [row[0], null, null, "单位：元"] : row.slice(0, 4))), merges: ["A2:D2", "A4:C4", "A6:B6", "C6:D6"] },
    );
    const wb = buildWorkbook("s.xlsx", sheets);
    const base = check(wb);
    expect(t<BudgetSummary>(base, "budget04").expense.columns.map((c) => c.key)).toEqual(["total"]);
    expectPasses(base, "budget.04-567.total");
    // With its three fund columns, the per-fund rules (budget.04-05.gpb …) already say it: not restated.
    expect(sBase.relations.some((x) => x.rule === "budget.04-567.total")).toBe(false);
    const c = t<BudgetCodedTable>(base, "budget06").total!.cells.total;
    expectRaised(bump(wb, c, 5), "budget.04-567.total", "error", c);
  });
  test("budget.05-08.basic", () => {
    expectPasses(sBase, "budget.05-08.basic");
    const tot = s08.total!.cells;
    let wb = bump(S.workbook, tot.total, 3);
    wb = bump(wb, tot.personnel, 3);
    expect(raised(check(wb), "budget.08.row-sum")).toEqual([]);
    expectRaised(wb, "budget.05-08.basic", "error", tot.total);
  });
  test("budget.03-05.subset (warning): a 一般公共预算 项目支出 above the department's", () => {
    expectPasses(sBase, "budget.03-05.subset");
    const r5 = s05.rows.find((x) => x.level === 3 && !x.cells.project.amount!.value.isZero() && rowByCode(s03, x.code)!.cells.project.amount!.value.eq(x.cells.project.amount!.value))!;
    let wb = bump(S.workbook, r5.cells.project, 1);
    wb = bump(wb, r5.cells.total, 1);
    const fs = expectRaised(wb, "budget.03-05.subset", "warning", r5.cells.project);
    expect(fs.every((f) => f.severity === "warning")).toBe(true);
    expect(fs[0].message).toContain("不应大于支出预算总表");
  });
});

describe("政府采购预算表", () => {
  const columns = (goods: number, sme: number) =>
    buildWorkbook("p.xlsx", [
      {
        name: "采购",
        rows: [
          ["2026年部门政府采购预算表"],
          ["编制部门：测试局", null, null, null, null, "单位：元"],
          ["单位名称", "政府采购预算合计", "货物", "工程", "服务", "面向中小企业预留"],
          ["测试局本部", 300, goods, 0, 200, sme],
          ["测试中心", 50, 50, 0, 0, 40],
          ["合计", 350, 150, 0, 200, 280],
        ],
      },
    ]);
  const list = (total: number, micro: number) =>
    buildWorkbook("p.xlsx", [
      {
        name: "采购",
        rows: [["政府采购预算表"], ["单位：万元"], ["项目", "金额"], ["政府采购预算总额", total], ["其中：货物", 20], ["工程", 0], ["服务", 100], ["面向中小企业预留", 90], ["其中：小型和微型企业", micro]],
      },
    ]);
  test("budget.procurement.sum", () => {
    expectPasses(check(columns(100, 240)), "budget.procurement.sum");
    expectPasses(check(list(120, 60)), "budget.procurement.sum");
    const wb = columns(110, 240);
    const x = t<BudgetProcurementTable>(check(wb), "budgetProcurement");
    expectRaised(wb, "budget.procurement.sum", "error", x.records[0].cells.goods);
    expectRaised(list(125, 60), "budget.procurement.sum", "error");
  });
  test("common.negative-amount covers the 政府采购预算表", () => {
    expect(raised(check(columns(100, 240)), "common.negative-amount")).toEqual([]);
    // 工程 −10 on the first unit's row (the row total follows, so only the sign is wrong).
    const wb = buildWorkbook("p.xlsx", [
      {
        name: "采购",
        rows: [
          ["2026年部门政府采购预算表"],
          ["编制部门：测试局", null, null, null, null, "单位：元"],
          ["单位名称", "政府采购预算合计", "货物", "工程", "服务", "面向中小企业预留"],
          ["测试局本部", 290, 100, -10, 200, 240],
          ["合计", 290, 100, -10, 200, 240],
        ],
      },
    ]);
    const x = t<BudgetProcurementTable>(check(wb), "budgetProcurement");
    expectRaised(wb, "common.negative-amount", "warning", x.records[0].cells.works);
  });
  test("budget.procurement.sme (warning)", () => {
    expectPasses(check(columns(100, 240)), "budget.procurement.sme");
    expectRaised(columns(100, 301), "budget.procurement.sme", "warning");
    expectRaised(list(120, 95), "budget.procurement.sme", "warning");
  });
});

describe("empty tables and completeness", () => {
  const note = a06.notes.find((n) => /故本表无数据/.test(n.text))!;
  test("budget.empty-note: empty tables with their notes pass", () => {
    expect(note).toBeDefined();
    expectPasses(aBase, "budget.empty-note");
  });
  test("budget.empty-note: an empty table without a note is a warning", () => {
    const fs = expectRaised(clear(A.workbook, note.ref), "budget.empty-note", "warning");
    expect(fs[0].message).toContain("政府性基金预算支出功能分类预算表没有数据");
  });
  test("budget.empty-note: a note saying 无数据 on a table with figures is an error", () => {
    expectRaised(setNumber(A.workbook, a06.total!.cells.project.ref, 1000), "budget.empty-note", "error");
  });
  test("budget.empty-note: a note naming another fund is an error", () => {
    const wb = setText(A.workbook, note.ref, "注：本部门2026年没有国有资本经营预算拨款收入，也没有使用国有资本经营预算拨款安排的支出，故本表无数据。");
    const fs = expectRaised(wb, "budget.empty-note", "error");
    expect(fs.some((f) => f.message.includes("另一类资金"))).toBe(true);
  });
  test("budget.set.completeness: a missing 基本支出 table is a warning", () => {
    expectPasses(aBase, "budget.set.completeness");
    const wb = { ...A.workbook, sheets: A.workbook.sheets.filter((x) => x.name !== A.sheetOf.budget08) };
    const fs = expectRaised(wb, "budget.set.completeness", "warning");
    expect(fs[0].message).toContain("一般公共预算基本支出经济分类预算表");
  });
});

test("every registered budget rule is exercised by the budget test files", () => {
  const dir = __dirname;
  const src = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".test.ts"))
    .map((f) => fs.readFileSync(path.join(dir, f), "utf8"))
    .join("\n");
  const ids = allRules()
    .filter((r) => r.family === "budget")
    .map((r) => r.id);
  expect(ids.length).toBeGreaterThan(40);
  // Rule ids built from a table number (`budget.${n}.row-sum`) are listed in full here:
  const listed = ["02", "03", "05", "06", "07", "08"].flatMap((n) => [`budget.${n}.row-sum`, `budget.${n}.hierarchy`]);
  const missing = ids.filter((id) => !src.includes(`"${id}"`) && !listed.includes(id));
  expect(missing).toEqual([]);
});
