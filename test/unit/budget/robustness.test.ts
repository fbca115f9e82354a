/**
 * Bad budget input never crashes: random grids of budget titles, header words,
 * split codes and garbage; damaged copies of the Shanghai templates and of a
 * filled budget workbook. The safety nets (a rule or parser that throws becomes
 * a finding) must never be needed, and findings must name real cells.
 */
import { checkWorkbook } from "../../../src/core/check";
import { SheetSnapshot, WorkbookSnapshot } from "../../../src/core/grid/snapshot";
import { fixture } from "../../support/fixtures";
import { randomSheet as randomGrid, rng } from "../../support/random";
import { generateBudgetSet } from "../../support/budgetSet";


const WORDS = [
  "2026年部门财务收支预算总表", "2026年部门收入预算总表", "2026年部门支出预算总表", "2026年部门财政拨款收支预算总表",
  "2026年部门一般公共预算支出功能分类预算表", "2026年部门政府性基金预算支出功能分类预算表", "国有资本经营预算支出功能分类预算表",
  "一般公共预算基本支出部门预算经济分类预算表", "2026年部门“三公”经费和机关运行经费预算表", "政府采购预算表", "2025年预算数",
  "2026年预算数", "增减金额", "增减率", "本年收入", "本年支出", "财政拨款收入", "财政拨款支出", "项目", "预算数", "合计", "小计",
  "基本支出", "项目支出", "人员经费", "公用经费", "功能分类科目编码", "功能分类科目名称", "经济分类科目名称", "类", "款", "项",
  "一、财政拨款收入", "1. 一般公共预算", "二、事业收入", "收入总计", "支出总计", "上年结转", "结转下年", "本年收入合计",
  "货物", "工程", "服务", "面向中小企业预留", "机关运行经费预算数", "“三公”经费预算数", "因公出国(境)费", "公务接待费",
  "购置费", "运行费", "单位：元", "单位:万元", "编制部门：上海市普陀区测试局", "编制单位：", "本单位为行政单位", "205", "02", "05",
  "301", "01", "…", "……", "—", "#REF!", "(12.50)", "abc", "注：本部门2026年没有政府性基金预算拨款收入，故本表无数据。",
];

const randomSheet = (rand: () => number, name: string): SheetSnapshot => randomGrid(rand, name, { words: WORDS, maxRows: 30, maxCols: 10, numberBelow: 0.55, span: 2e6, low: 2e5 });

function expectSafe(wb: WorkbookSnapshot) {
  const r = checkWorkbook(wb);
  expect(r.findings.filter((f) => f.message.includes("执行时出错")).map((f) => f.message)).toEqual([]);
  expect(r.recognition.failures.filter((f) => f.reason.startsWith("读取时出错")).map((f) => f.reason)).toEqual([]);
  const names = new Set(wb.sheets.map((s) => s.name));
  for (const f of r.findings) {
    expect(f.message.length).toBeGreaterThan(5);
    for (const c of f.cells) expect(names.has(c.sheet)).toBe(true);
  }
  return r;
}

function damage(wb: WorkbookSnapshot, rand: () => number, rate: number): WorkbookSnapshot {
  const garbage = ["", "abc", "#REF!", "—", "１２", "(5)", "合计", "…", "2101501", "单位：万元", "2025年预算数", "02"];
  const sheets = wb.sheets.map((s) => {
    const rows = new Map([...s.rows].map(([r, m]) => [r, new Map(m)]));
    const copy: SheetSnapshot = { ...s, rows, merges: [...s.merges] };
    for (const [, m] of rows)
      for (const [c, cell] of m) {
        if (rand() > rate) continue;
        const g = garbage[Math.floor(rand() * garbage.length)];
        if (g === "") m.delete(c);
        else m.set(c, g === "#REF!" ? { text: g, value: null, error: g } : { ...cell, text: g, value: g });
      }
    return copy;
  });
  return { name: "damaged.xlsx", sheets };
}

test("300 random budget-like workbooks: no crash, every finding names existing sheets", () => {
  const rand = rng(2026);
  for (let i = 0; i < 300; i++) expectSafe({ name: `random-${i}.xlsx`, sheets: [randomSheet(rand, "甲"), randomSheet(rand, "部门收支总表"), randomSheet(rand, "乙")] });
});

test("the Shanghai templates and a filled budget workbook, randomly damaged: no crash", async () => {
  const rand = rng(11);
  const books = [
    await fixture("templates/shanghai-putuo-2026-department-budget-template.xlsx"),
    await fixture("templates/shanghai-putuo-2026-unit-budget-template.xlsx"),
    generateBudgetSet({ seed: 4, scope: "unit", sangong: "yoy", govFund: true }).workbook,
    generateBudgetSet({ seed: 6, sangong: "yoy-vertical", oneSheet: true }).workbook,
  ];
  for (const wb of books) for (let round = 0; round < 25; round++) expectSafe(damage(wb, rand, 0.05));
});

test("a filled budget workbook with damaged figures reports the damage", () => {
  const wb = generateBudgetSet({ seed: 9 }).workbook;
  const r = expectSafe(damage(wb, rng(3), 0.03));
  expect(r.summary.error).toBeGreaterThan(0);
});
