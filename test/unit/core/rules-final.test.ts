/**
 * Every final-accounts rule with a passing case (a consistent generated set, or a
 * small consistent table) and a failing case (one targeted change).
 */
import { allRules } from "../../../src/core/rules/registry";
import { CodedTable, rowByCode } from "../../../src/core/tables/coded";
import { SidedTable } from "../../../src/core/tables/sided";
import { Basic06Table } from "../../../src/core/tables/final/basic06";
import { SangongTable } from "../../../src/core/tables/sangong";
import { WorkbookSnapshot } from "../../../src/core/grid/snapshot";
import { generateFinalSet } from "../../support/finalSet";
import { bump, check, clear, raised, setNumber, setText, table } from "../../support/mutate";
import { buildSheet } from "../../support/sheet";
import { addr } from "../../support/fixtures";
import { formatNumber } from "../../../src/core/amount/format";

const set = generateFinalSet({ seed: 21 });
const fundSet = generateFinalSet({ seed: 22, govFund: true });
const base = check(set.workbook);
const fundBase = check(fundSet.workbook);

const t01 = table<SidedTable>(base, "final01");
const t02 = table<CodedTable>(base, "final02");
const t03 = table<CodedTable>(base, "final03");
const t04 = table<SidedTable>(base, "final04");
const t05 = table<CodedTable>(base, "final05");
const t06 = table<Basic06Table>(base, "final06");
const t07 = table<SangongTable>(base, "final07");
const in01 = (k: string) => t01.income.byKey.get(k)!.cells.amount;
const ex01 = (k: string) => t01.expense.byKey.get(k)!.cells.amount;
const in04 = (k: string) => t04.income.byKey.get(k)!.cells.amount;
const ex04 = (k: string, col = "total") => t04.expense.byKey.get(k)!.cells[col];
const firstItem = (t: CodedTable) => t.rows.find((r) => r.level === 3 && !r.cells.total.amount!.value.isZero())!;

function expectRaised(wb: WorkbookSnapshot, rule: string, severity: "error" | "warning" = "error", cell?: string) {
  const r = check(wb);
  const fs = raised(r, rule);
  expect(fs.length).toBeGreaterThan(0);
  expect(fs.some((f) => f.severity === severity)).toBe(true);
  if (cell) expect(fs.some((f) => f.cells.some((c) => addr(c) === cell))).toBe(true);
  return fs;
}

test("the consistent sets raise nothing", () => {
  expect(base.findings.filter((f) => f.severity !== "info")).toEqual([]);
  expect(fundBase.findings.filter((f) => f.severity !== "info")).toEqual([]);
});

describe("公开01表", () => {
  test("final.01.income-total", () => {
    expectRaised(bump(set.workbook, in01("gpb"), 10), "final.01.income-total", "error", addr(in01("gpb").ref));
  });
  test("final.01.income-grand", () => {
    expectRaised(bump(set.workbook, in01("beginBalance"), 10), "final.01.income-grand");
  });
  test("final.01.expense-total", () => {
    const cls = t01.expense.lines.find((l) => l.key === "class")!.cells.amount;
    expectRaised(bump(set.workbook, cls, 10), "final.01.expense-total", "error", addr(cls.ref));
  });
  test("final.01.expense-grand", () => {
    expectRaised(bump(set.workbook, ex01("endBalance"), 10), "final.01.expense-grand");
  });
  test("final.01.balance: 收入总计 ≠ 支出总计 while each side adds up", () => {
    let wb = bump(set.workbook, in01("beginBalance"), 10);
    wb = bump(wb, in01("grand"), 10);
    const fs = expectRaised(wb, "final.01.balance");
    expect(raised(check(wb), "final.01.income-grand")).toEqual([]);
    expect(fs[0].message).toContain("收入总计");
  });
  test("final.01.blank-implied: blank 其他收入 and blank 年初结转和结余", () => {
    const other = in01("other");
    expect(other.amount!.value.isZero()).toBe(false);
    const fs = expectRaised(clear(set.workbook, other.ref), "final.01.blank-implied", "error", addr(other.ref));
    expect(addr(fs[0].cells[0])).toBe(addr(other.ref));
    const begin = in01("beginBalance");
    const fs2 = expectRaised(clear(set.workbook, begin.ref), "final.01.blank-implied", "error", addr(begin.ref));
    expect(fs2.find((f) => addr(f.cells[0]) === addr(begin.ref))!.expected).toBe(formatNumber(begin.amount!.value, 2));
    expect(raised(base, "final.01.blank-implied")).toEqual([]);
  });
});

describe("coded tables 02/03/05", () => {
  test.each([
    ["final.02.row-sum", t02, "fiscal"],
    ["final.03.row-sum", t03, "basic"],
    ["final.05.row-sum", t05, "basic"],
  ] as const)("%s: one column of a 项 row changed", (rule, t, col) => {
    const r = t.rows.find((x) => x.level === 3 && !x.cells[col].amount!.value.isZero()) ?? firstItem(t);
    expectRaised(bump(set.workbook, r.cells[col], 7), rule, "error", addr(r.cells[col].ref));
  });
  test.each([
    ["final.02.hierarchy", t02, "fiscal"],
    ["final.03.hierarchy", t03, "basic"],
    ["final.05.hierarchy", t05, "basic"],
  ] as const)("%s: a 项 row changed with its own total (row sum still holds)", (rule, t, col) => {
    const r = t.rows.find((x) => x.level === 3 && !x.cells[col].amount!.value.isZero()) ?? firstItem(t);
    let wb = bump(set.workbook, r.cells[col], 7);
    wb = bump(wb, r.cells.total, 7);
    const rowRule = rule.replace("hierarchy", "row-sum");
    expect(raised(check(wb), rowRule)).toEqual([]);
    expectRaised(wb, rule, "error", addr(r.cells[col].ref));
  });
});

describe("公开04表", () => {
  test("final.04.row-sum", () => {
    const l = t04.expense.lines.find((x) => x.key === "class")!;
    expectRaised(bump(set.workbook, l.cells.total, 3), "final.04.row-sum", "error", addr(l.cells.total.ref));
  });
  test("final.04.income-total", () => {
    expectRaised(bump(set.workbook, in04("total"), 3), "final.04.income-total");
  });
  test("final.04.grand", () => {
    expectRaised(bump(set.workbook, ex04("grand", "gpb"), 3), "final.04.grand");
  });
  test("final.04.expense-total", () => {
    const l = t04.expense.lines.find((x) => x.key === "class")!;
    let wb = bump(set.workbook, l.cells.total, 3);
    wb = bump(wb, l.cells.gpb, 3);
    expectRaised(wb, "final.04.expense-total");
  });
  test("final.04.fund-balance", () => {
    const sub = t04.income.byKey.get("beginBalance.gpb")!.cells.amount;
    expectRaised(bump(set.workbook, sub, 3), "final.04.fund-balance");
  });
});

describe("公开06表 and 公开07表", () => {
  test("final.06.class-sum", () => {
    const item = t06.items.find((i) => i.code === "30101")!;
    expectRaised(bump(set.workbook, item.amount, 2), "final.06.class-sum", "error", addr(item.amount.ref));
  });
  test("final.06.totals", () => {
    expectRaised(bump(set.workbook, t06.personnelTotal!, 2), "final.06.totals", "error", addr(t06.personnelTotal!.ref));
  });
  test("final.07.sum", () => {
    const c = t07.groups.budget!.carRun!;
    expectRaised(bump(set.workbook, c, 1), "final.07.sum", "error", addr(c.ref));
  });
  test("final.07.over-budget (warning)", () => {
    const f = t07.groups.final!;
    const b = t07.groups.budget!;
    const over = b.reception!.amount!.value.minus(f.reception!.amount!.value).plus(1);
    let wb = bump(set.workbook, f.reception!, over.toString());
    wb = bump(wb, f.total!, over.toString());
    const fs = expectRaised(wb, "final.07.over-budget", "warning");
    expect(fs.every((x) => x.severity === "warning")).toBe(true);
    expect(raised(check(wb), "final.07.sum")).toEqual([]);
  });
});

describe("表间 relations", () => {
  test("final.02-01.totals", () => {
    const c = t02.total!.cells.other;
    expectRaised(bump(set.workbook, c, 5), "final.02-01.totals", "error", addr(c.ref));
  });
  test("final.03-01.totals", () => {
    const cls = t01.expense.lines.find((l) => l.key === "class")!.cells.amount;
    expectRaised(bump(set.workbook, cls, 5), "final.03-01.totals", "error", addr(cls.ref));
  });
  test("final.04-01.income", () => {
    expectRaised(bump(set.workbook, in04("gpb"), 5), "final.04-01.income", "error", addr(in04("gpb").ref));
  });
  test("final.04-01.bounds (warning)", () => {
    const end = ex01("endBalance");
    let wb = bump(set.workbook, end, `-${end.amount!.value.toString()}`);
    wb = bump(wb, ex01("grand"), `-${end.amount!.value.toString()}`);
    expectRaised(wb, "final.04-01.bounds", "warning");
  });
  test("final.04-05.gpb", () => {
    const r5 = t05.rows.find((r) => r.level === 1)!;
    expectRaised(bump(set.workbook, r5.cells.total, 5), "final.04-05.gpb", "error", addr(r5.cells.total.ref));
  });
  test("final.05-03.subset (warning): 05 project above 03 project", () => {
    const r5 = t05.rows.find((r) => r.level === 3 && !r.cells.project.amount!.value.isZero())!;
    const r3 = rowByCode(t03, r5.code)!;
    const over = r3.cells.project.amount!.value.minus(r5.cells.project.amount!.value).plus(1);
    // Raise the 05 project figure and its 小计 (the row still adds up) above 03.
    let wb = bump(set.workbook, r5.cells.project, over.toString());
    wb = bump(wb, r5.cells.total, over.toString());
    const fs = expectRaised(wb, "final.05-03.subset", "warning", addr(r5.cells.project.ref));
    expect(fs[0].message).toContain("不应大于");
  });
  test("final.05-06.basic", () => {
    let wb = bump(set.workbook, t06.publicTotal!, 2);
    const item = t06.items.find((i) => i.code === "30201")!;
    wb = bump(wb, item.amount, 2);
    const cls = t06.items.find((i) => i.code === "302")!;
    wb = bump(wb, cls.amount, 2);
    expect(raised(check(wb), "final.06.totals")).toEqual([]);
    expectRaised(wb, "final.05-06.basic");
  });
  test("final.07-06.items (warning)", () => {
    const item = t06.items.find((i) => i.code === "30217")!;
    const f = t07.groups.final!.reception!;
    const over = f.amount!.value.minus(item.amount.amount!.value).plus(1);
    expectRaised(bump(set.workbook, item.amount, over.toString()), "final.07-06.items", "warning");
  });
  test("final.08-04.fund: consistent with money, then 08 changed", () => {
    expect(raised(fundBase, "final.08-04.fund")).toEqual([]);
    const t08 = table<CodedTable>(fundBase, "final08");
    expect(t08.total!.cells.income.amount!.value.isZero()).toBe(false);
    expectRaised(bump(fundSet.workbook, t08.total!.cells.income, 2), "final.08-04.fund", "error", addr(t08.total!.cells.income.ref));
  });
  test("final.08-04.fund: 04 has fund money but 公开08表 is missing", () => {
    const wb = { ...fundSet.workbook, sheets: fundSet.workbook.sheets.filter((s) => s.name !== "公开08表") };
    const fs = expectRaised(wb, "final.08-04.fund");
    expect(fs[0].message).toContain("没有公开08表");
  });
  test("final.09-04.fund: numbers in 09 while 04 has no 国有资本经营 money", () => {
    const t09 = table<CodedTable>(base, "final09");
    expect(raised(base, "final.09-04.fund")).toEqual([]);
    expectRaised(setNumber(set.workbook, t09.total!.cells.income.ref, 8), "final.09-04.fund", "error", addr(t09.total!.cells.income.ref));
  });
  test("final.08.row-sum / balance / hierarchy on a table with money", () => {
    const t08 = table<CodedTable>(fundBase, "final08");
    for (const rule of ["final.08.row-sum", "final.08.balance", "final.08.hierarchy"]) expect(raised(fundBase, rule)).toEqual([]);
    const leaf = t08.rows.find((r) => r.level === 3)!;
    expectRaised(bump(fundSet.workbook, leaf.cells.project, 1), "final.08.row-sum", "error", addr(leaf.cells.project.ref));
    expectRaised(bump(fundSet.workbook, leaf.cells.end, 1), "final.08.balance", "error", addr(leaf.cells.end.ref));
    let wb = bump(fundSet.workbook, leaf.cells.project, 1);
    wb = bump(wb, leaf.cells.expense, 1);
    wb = bump(wb, leaf.cells.begin, -1);
    expectRaised(wb, "final.08.hierarchy", "error", addr(leaf.cells.project.ref));
  });
  test("final.09.row-sum / balance / hierarchy", () => {
    const t09 = table<CodedTable>(base, "final09");
    for (const rule of ["final.09.row-sum", "final.09.balance", "final.09.hierarchy"]) expect(raised(base, rule)).toEqual([]);
    const tot = t09.total!.cells;
    expectRaised(setNumber(set.workbook, tot.basic.ref, 3), "final.09.row-sum");
    expectRaised(setNumber(set.workbook, tot.end.ref, 3), "final.09.balance");
  });
});

describe("empty tables and completeness", () => {
  const t08 = table<CodedTable>(base, "final08");
  const note = t08.notes.find((n) => /故本表无数据/.test(n.text))!;
  test("an empty table with its note passes", () => {
    expect(raised(base, "final.empty-note")).toEqual([]);
  });
  test("an empty table without a note is a warning", () => {
    const fs = expectRaised(clear(set.workbook, note.ref), "final.empty-note", "warning");
    expect(fs[0].message).toContain("没有说明原因");
  });
  test("a note saying 无数据 on a table with figures is an error", () => {
    expectRaised(setNumber(set.workbook, t08.total!.cells.begin.ref, 1), "final.empty-note", "error");
  });
  test("a note naming another fund is an error", () => {
    const wrong = setText(set.workbook, note.ref, "说明：本部门没有国有资本经营预算财政拨款收入，也没有使用国有资本经营预算安排的支出，故本表无数据。");
    const fs = expectRaised(wrong, "final.empty-note", "error");
    expect(fs.some((f) => f.message.includes("另一类资金"))).toBe(true);
  });
  test("final.set.completeness: a missing 公开06表 is a warning", () => {
    expect(raised(base, "final.set.completeness")).toEqual([]);
    const wb = { ...set.workbook, sheets: set.workbook.sheets.filter((s) => s.name !== "公开06表") };
    const fs = expectRaised(wb, "final.set.completeness", "warning");
    expect(fs[0].message).toContain("公开06表");
  });
});

describe("newer tables (项目收入支出决算表, 一般公共预算财政拨款项目支出决算表, 信息表)", () => {
  const projectItems = set.items.filter((i) => !i.project.isZero());
  const projectRows = (pick: (i: (typeof set.items)[number]) => number) => {
    const byCode = new Map<string, number>();
    for (const i of projectItems) for (const c of [i.code.slice(0, 3), i.code.slice(0, 5), i.code]) byCode.set(c, (byCode.get(c) ?? 0) + pick(i));
    return [...byCode.keys()].sort().map((c) => [c, `科目${c}`, Number(byCode.get(c)!.toFixed(2))]);
  };
  const totalOf = (pick: (i: (typeof set.items)[number]) => number) => Number(projectItems.reduce((s, i) => s + pick(i), 0).toFixed(2));
  const proj = (i: (typeof set.items)[number]) => set.round(i.project);
  const gpbProj = (i: (typeof set.items)[number]) => set.round(i.gpbProject);
  const projectSheet = (delta = 0) =>
    buildSheet({
      name: "项目收入支出决算表",
      rows: [
        ["项目收入支出决算表"],
        ["部门：测试局", null, null, null, null, "单位：万元"],
        ["功能分类科目编码", "科目名称", "年初结转和结余", "本年收入", "本年支出", "年末结转和结余"],
        ["合计", null, 0, totalOf(proj) + delta, totalOf(proj) + delta, 0],
        ...projectRows(proj).map((r) => [r[0], r[1], 0, r[2], r[2], 0]),
      ],
    });
  const gpbSheet = () =>
    buildSheet({
      name: "一般公共预算财政拨款项目支出决算表",
      rows: [["一般公共预算财政拨款项目支出决算表"], ["单位：万元"], ["科目编码", "科目名称", "合计"], ["合计", null, totalOf(gpbProj)], ...projectRows(gpbProj)],
    });
  const infoSheet = (services: number) =>
    buildSheet({
      name: "信息表",
      rows: [
        ["机构运行经费支出、国有资产占用情况及政府采购支出信息表"],
        ["部门：测试局", null, "单位：万元"],
        ["项目", "行次", "金额"],
        ["机构运行经费支出", 1, 12.5],
        ["政府采购支出总额", 2, 100],
        ["政府采购货物支出", 3, 40],
        ["政府采购工程支出", 4, 0],
        ["政府采购服务支出", 5, services],
        ["授予中小企业合同金额", 6, 80],
        ["其中：授予小微企业合同金额", 7, 30],
      ],
    });
  const withSheets = (...extra: ReturnType<typeof buildSheet>[]) => ({ ...set.workbook, sheets: [...set.workbook.sheets, ...extra] });

  test("consistent newer tables pass", () => {
    const r = check(withSheets(projectSheet(), gpbSheet(), infoSheet(60)));
    expect(r.tables.map((t) => t.template)).toEqual(expect.arrayContaining(["finalProject", "finalGpbProject", "finalInfo"]));
    for (const rule of ["final.project.hierarchy", "final.project.balance", "final.project-03.total", "final.gpb-project.hierarchy", "final.gpb-project-05.codes", "final.info.procurement"])
      expect(raised(r, rule)).toEqual([]);
  });
  test("final.project-03.total and final.project.hierarchy", () => {
    const r = check(withSheets(projectSheet(5)));
    expect(raised(r, "final.project-03.total").length).toBeGreaterThan(0);
    expect(raised(r, "final.project.hierarchy").length).toBeGreaterThan(0);
  });
  test("final.project.balance", () => {
    const s = projectSheet();
    const wb = withSheets(s);
    const r = check(setNumber(wb, { sheet: s.name, row: 3, col: 5 }, 9));
    expect(raised(r, "final.project.balance").length).toBeGreaterThan(0);
  });
  test("final.gpb-project-05.codes and final.gpb-project.hierarchy", () => {
    const s = gpbSheet();
    const wb = withSheets(s);
    const leafIdx = projectRows(gpbProj).findIndex((r) => String(r[0]).length === 7);
    const leafValue = Number(projectRows(gpbProj)[leafIdx][2]);
    const r = check(setNumber(wb, { sheet: s.name, row: 4 + leafIdx, col: 2 }, leafValue + 3));
    expect(raised(r, "final.gpb-project-05.codes").length).toBeGreaterThan(0);
    expect(raised(r, "final.gpb-project.hierarchy").length).toBeGreaterThan(0);
  });
  test("final.info.procurement", () => {
    const r = check(withSheets(infoSheet(50)));
    const fs = raised(r, "final.info.procurement");
    expect(fs.length).toBe(1);
    expect(fs[0].message).toContain("货物＋工程＋服务");
  });
  test("common.negative-amount covers the 信息表", () => {
    expect(raised(check(withSheets(infoSheet(60))), "common.negative-amount")).toEqual([]);
    const s = infoSheet(60);
    // 机构运行经费支出 (row 4, column C) written as a negative figure.
    const r = check(setNumber(withSheets(s), { sheet: s.name, row: 3, col: 2 }, -12.5));
    const fs = raised(r, "common.negative-amount");
    expect(fs.map((f) => addr(f.cells[0]))).toEqual([`${s.name}!C4`]);
  });
});

test("every registered final-family rule is exercised by this file", () => {
  const src = require("fs").readFileSync(__filename, "utf8");
  const missing = allRules()
    .filter((r) => r.family === "final")
    .map((r) => r.id)
    .filter((id) => !src.includes(`"${id}"`));
  expect(missing).toEqual([]);
});
