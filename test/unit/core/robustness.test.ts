/**
 * Bad input never crashes: random grids made of table titles, header words,
 * codes, numbers and garbage, merged cells anywhere, and damaged copies of a
 * real workbook. Every run must return findings (never throw), and every finding
 * must name real cells.
 */
import { checkWorkbook } from "../../../src/core/check";
import { SheetSnapshot, WorkbookSnapshot } from "../../../src/core/grid/snapshot";
import { fixture } from "../../support/fixtures";
import { randomSheet as randomGrid, rng } from "../../support/random";


const WORDS = [
  "收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表", "一般公共预算财政拨款支出决算表",
  "一般公共预算财政拨款基本支出决算表", "“三公”经费支出决算表", "政府性基金预算财政拨款收入支出决算表", "项目收入支出决算表",
  "项目", "行次", "金额", "栏次", "合计", "总计", "小计", "本年收入合计", "本年支出合计", "基本支出", "项目支出",
  "科目编码", "科目名称", "功能分类科目编码", "人员经费合计", "公用经费合计", "预算数", "决算数", "因公出国(境)费",
  "公务用车购置及运行费", "公务接待费", "年初结转和结余", "年末结转和结余", "一、一般公共预算财政拨款收入", "八、其他收入",
  "使用非财政拨款结余", "单位：万元", "单位：元", "部门：测试局", "201", "20101", "2010101", "210", "21015", "2101501",
  "301", "30101", "302", "30217", "—", "-", "", "#REF!", "#DIV/0!", "(12.50)", "１,２３４.５", "1, 442. 80", "72.6%", "abc",
  "说明：本部门没有政府性基金预算财政拨款收入，故本表无数据。", "……", "…", "类", "款", "项",
];

const randomSheet = (rand: () => number, name: string): SheetSnapshot => randomGrid(rand, name, { words: WORDS, maxRows: 40, maxCols: 12, numberBelow: 0.6, span: 20000, low: 2000 });

test("300 random workbooks: no crash, every finding names existing sheets", () => {
  const rand = rng(2024);
  for (let i = 0; i < 300; i++) {
    const wb: WorkbookSnapshot = { name: `random-${i}.xlsx`, sheets: [randomSheet(rand, "甲"), randomSheet(rand, "公开05表"), randomSheet(rand, "乙")] };
    const r = checkWorkbook(wb);
    // The safety nets (a throwing rule or parser becomes a finding) must not have been needed.
    expect(r.findings.filter((f) => f.message.includes("执行时出错")).map((f) => f.message)).toEqual([]);
    expect(r.recognition.failures.filter((f) => f.reason.startsWith("读取时出错")).map((f) => f.reason)).toEqual([]);
    const names = new Set(wb.sheets.map((s) => s.name));
    for (const f of r.findings) {
      expect(typeof f.message).toBe("string");
      expect(f.message.length).toBeGreaterThan(5);
      for (const c of f.cells) expect(names.has(c.sheet)).toBe(true);
    }
  }
});

test("a real workbook with random cells damaged: no crash, damage is reported", async () => {
  const wb = await fixture("anyang-2021-final.xlsx");
  const rand = rng(7);
  const garbage = ["", "abc", "#REF!", "—", "１２", "(5)", "1,2,3", "合计", "2101501", "单位：元"];
  for (let round = 0; round < 60; round++) {
    const sheets = wb.sheets.map((s) => {
      const rows = new Map([...s.rows].map(([r, m]) => [r, new Map(m)]));
      const copy: SheetSnapshot = { ...s, rows, merges: [...s.merges] };
      for (const [, m] of rows)
        for (const [c, cell] of m) {
          if (rand() > 0.04) continue;
          const g = garbage[Math.floor(rand() * garbage.length)];
          if (g === "") m.delete(c);
          else m.set(c, g === "#REF!" ? { text: g, value: null, error: g } : { ...cell, text: g, value: g });
        }
      return copy;
    });
    const r = checkWorkbook({ name: "damaged.xlsx", sheets });
    expect(r.findings.length).toBeGreaterThan(0);
    expect(r.findings.filter((f) => f.message.includes("执行时出错")).map((f) => f.message)).toEqual([]);
    expect(r.recognition.failures.filter((f) => f.reason.startsWith("读取时出错")).map((f) => f.reason)).toEqual([]);
  }
});
