/**
 * Bad input never crashes the performance family: real 绩效 workbooks with
 * random cells damaged (texts, errors, blanks, stray figures), and generated
 * tables with random values in every indicator cell.
 */
import { checkWorkbook } from "../../../src/core/check";
import { SheetSnapshot, WorkbookSnapshot } from "../../../src/core/grid/snapshot";
import { fixture } from "../../support/fixtures";
import { buildWorkbook } from "../../support/sheet";
import { blockSheet, frameworkRows, selfEvalRows, targetRows, wholeSelfEvalRows } from "../../support/perfSet";
import { rng } from "../../support/random";

jest.setTimeout(60000);


const GARBAGE = ["", "abc", "#REF!", "—", "%", "≥", "１２", "(5)", "1,2,3", "总分", "一级指标", "产出指标（50）", "≤100%", "12月底前", "0", "-3", "999999", "部分达成", "优", "指标 1:", "每季度第一", "100万", "=1套"];

function damage(wb: WorkbookSnapshot, rand: () => number, p: number): WorkbookSnapshot {
  const sheets = wb.sheets.map((s) => {
    const rows = new Map([...s.rows].map(([r, m]) => [r, new Map(m)]));
    const copy: SheetSnapshot = { ...s, rows, merges: [...s.merges] };
    for (const [, m] of rows)
      for (const [c, cell] of m) {
        if (rand() > p) continue;
        const g = GARBAGE[Math.floor(rand() * GARBAGE.length)];
        if (g === "") m.delete(c);
        else if (g === "#REF!") m.set(c, { text: g, value: null, error: g });
        else if (/^-?\d+$/.test(g)) m.set(c, { ...cell, text: g, value: Number(g) });
        else m.set(c, { ...cell, text: g, value: g });
      }
    return copy;
  });
  return { name: "damaged.xlsx", sheets };
}

function expectNoCrash(wb: WorkbookSnapshot): void {
  const r = checkWorkbook(wb);
  expect(r.findings.filter((f) => f.message.includes("执行时出错")).map((f) => f.message)).toEqual([]);
  expect(r.recognition.failures.filter((f) => f.reason.startsWith("读取时出错")).map((f) => f.reason)).toEqual([]);
  const names = new Set(wb.sheets.map((s) => s.name));
  for (const f of r.findings) {
    expect(f.message.length).toBeGreaterThan(5);
    for (const c of f.cells) expect(names.has(c.sheet)).toBe(true);
  }
}

test.each(["baotou-2022-project-selfeval.xlsx", "anyang-2021-targets.xlsx", "anyang-2021-final.xlsx"])("%s with random cells damaged", async (name) => {
  const wb = await fixture(name);
  const rand = rng(name.length * 31);
  for (let round = 0; round < 40; round++) expectNoCrash(damage(wb, rand, 0.06));
});

test("generated tables of every kind, heavily damaged", () => {
  const wb = buildWorkbook("gen.xlsx", [
    blockSheet("自评", selfEvalRows({ grade: true })),
    blockSheet("目标", targetRows({ plan: [25, 50, 80, 100] })),
    blockSheet("整体", wholeSelfEvalRows({ grade: "优" })),
    blockSheet("评价", frameworkRows()),
  ]);
  const rand = rng(99);
  for (let round = 0; round < 80; round++) expectNoCrash(damage(wb, rand, 0.2));
});
