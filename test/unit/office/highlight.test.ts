/**
 * Highlighting through Office.js (office-addin-mock): colours by severity, a
 * record inside the workbook, exact restore — also from a "reopened" workbook —
 * clerk's own colours kept, protected sheets refused without any change, and a
 * round-trip count that does not depend on the number of findings or sheets.
 */
import { applyHighlights, areaLists, blocksOf, clearHighlightsOffice, fillsFromXml, fillsToXml, highlightPlan, HIGHLIGHT_NS } from "../../../src/host/office/highlight";
import { HIGHLIGHT_FILL, HostError } from "../../../src/host/host";
import { checkWorkbook } from "../../../src/core/check";
import { Finding } from "../../../src/core/report/finding";
import { refA1 } from "../../../src/core/tables/types";
import { mockExcel } from "../../support/excelMock";
import { fixture } from "../../support/fixtures";
import { generateFinalSet } from "../../support/finalSet";

function syntheticFindings(sheets: string[], n: number): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < n; i++)
    out.push({ rule: "test.rule", severity: i % 3 === 0 ? "warning" : "error", message: `第${i}条`, cells: [{ sheet: sheets[i % sheets.length], row: 5 + Math.floor(i / sheets.length), col: 2 + (i % 4) }] });
  return out;
}

test("highlighting takes 2 round trips and clearing 4, for 10 findings on 3 sheets as for 3,000 on 12", async () => {
  const wb = generateFinalSet({ seed: 5 }).workbook;
  const names = wb.sheets.map((s) => s.name);
  const counts: number[][] = [];
  for (const [sheets, n] of [
    [names.slice(0, 3), 10],
    [names.concat(names.slice(0, 3)).slice(0, 12).filter((v, i, a) => a.indexOf(v) === i), 3000],
  ] as [string[], number][]) {
    const m = mockExcel(wb);
    const s = await applyHighlights(m.context, syntheticFindings(sheets, n));
    const afterApply = m.syncs();
    expect(s.cells).toBeGreaterThan(0);
    const restored = await clearHighlightsOffice(m.context);
    expect(restored).toBe(s.cells);
    counts.push([afterApply, m.syncs() - afterApply]);
  }
  expect(counts[0]).toEqual([2, 4]);
  expect(counts[1]).toEqual(counts[0]);
});

test("bad cells of the anyang workbook get the fill of their worst severity; values are untouched", async () => {
  const wb = await fixture("anyang-2021-final.xlsx");
  const result = checkWorkbook(wb);
  const m = mockExcel(wb);
  const summary = await applyHighlights(m.context, result.findings);
  const plan = highlightPlan(result.findings);
  expect(summary.cells).toBe([...plan.values()].reduce((n, x) => n + x.size, 0));
  expect(summary.cells).toBeGreaterThan(0);
  for (const [sheet, cells] of plan)
    for (const [address, sev] of cells) expect(m.fill(sheet, address).color).toBe(HIGHLIGHT_FILL[sev as "error" | "warning"]);
  // A cell that is in an error finding and a warning finding is red.
  const errorCell = result.findings.find((f) => f.severity === "error")!.cells[0];
  expect(m.fill(errorCell.sheet, refA1(errorCell)).color).toBe(HIGHLIGHT_FILL.error);
  // Info findings are not painted.
  const infoOnly = result.findings.filter((f) => f.severity === "info").flatMap((f) => f.cells).find((c) => !plan.get(c.sheet)?.has(refA1(c)));
  if (infoOnly) expect(m.fill(infoOnly.sheet, refA1(infoOnly)).color).toBe("#FFFFFF");
  // The record is one custom XML part in our namespace, listing every painted cell.
  expect(m.parts.filter((p) => !p.deleted && p.ns === HIGHLIGHT_NS)).toHaveLength(1);
  expect(fillsFromXml(m.parts[0].xml)).toHaveLength(summary.cells);
  // Re-reading the workbook gives the same values (highlighting wrote only fills).
  expect(checkWorkbook(wb).findings.length).toBe(result.findings.length);
});

test("清除标记 restores the clerk's own fills exactly — also after the workbook was saved and reopened", async () => {
  const wb = await fixture("anyang-2021-final.xlsx");
  const result = checkWorkbook(wb);
  const plan = highlightPlan(result.findings);
  const [sheet, cells] = [...plan][0];
  const [a, b] = [...cells.keys()];
  const own = {
    [`${sheet}!${a}`]: { color: "#00B050", pattern: "Solid", patternColor: null },
    [`${sheet}!${b}`]: { color: "#FFFF00", pattern: "Gray25", patternColor: "#0070C0" },
  };
  const first = mockExcel(wb, own);
  await applyHighlights(first.context, result.findings);
  expect(first.fill(sheet, a).color).not.toBe("#00B050");
  // "Save, close, reopen": a fresh context that only has what the file keeps.
  const reopened = mockExcel(wb, first.fills(), first.parts);
  const restored = await clearHighlightsOffice(reopened.context);
  expect(restored).toBe(fillsFromXml(first.parts[0].xml).length);
  expect(reopened.fill(sheet, a)).toEqual(own[`${sheet}!${a}`]);
  expect(reopened.fill(sheet, b)).toEqual(own[`${sheet}!${b}`]);
  for (const [s, m] of plan)
    for (const addr of m.keys()) if (!own[`${s}!${addr}`]) expect(reopened.fill(s, addr)).toEqual({ color: "#FFFFFF", pattern: "None", patternColor: null });
  // The record is gone: clearing again does nothing.
  expect(await clearHighlightsOffice(reopened.context)).toBe(0);
});

test("a colour the clerk set after highlighting is theirs and is not undone", async () => {
  const wb = await fixture("anyang-2021-final.xlsx");
  const result = checkWorkbook(wb);
  const m = mockExcel(wb);
  await applyHighlights(m.context, result.findings);
  const [sheet, cells] = [...highlightPlan(result.findings)][0];
  const [a, b] = [...cells.keys()];
  m.paint(sheet, a, "#7030A0");
  const restored = await clearHighlightsOffice(m.context);
  expect(m.fill(sheet, a).color).toBe("#7030A0");
  expect(m.fill(sheet, b)).toEqual({ color: "#FFFFFF", pattern: "None", patternColor: null });
  expect(restored).toBe(fillsFromXml(m.parts[0].xml).length - 1);
});

test("a protected sheet: a clear message, and nothing in the workbook changes", async () => {
  const wb = await fixture("anyang-2021-final.xlsx");
  const result = checkWorkbook(wb);
  const m = mockExcel(wb);
  const [sheet] = [...highlightPlan(result.findings).keys()];
  m.setProtected(sheet, true);
  const err = await applyHighlights(m.context, result.findings).catch((e) => e);
  expect(err).toBeInstanceOf(HostError);
  expect((err as HostError).code).toBe("protected");
  expect((err as HostError).message).toContain(sheet);
  expect((err as HostError).message).toContain("撤消工作表保护");
  expect(Object.values(m.fills()).every((f) => f.color === "#FFFFFF")).toBe(true);
  expect(m.parts).toHaveLength(0);
});

test("the record survives odd sheet names and restores patterns", () => {
  const cells = [
    { sheet: `公开"01"表 & <x>`, address: "B7", color: "#FFFF00", pattern: "Gray25", patternColor: "#0070C0", applied: HIGHLIGHT_FILL.error },
    { sheet: "Sheet1", address: "C3", color: null, pattern: "None", patternColor: null, applied: HIGHLIGHT_FILL.warning },
  ];
  expect(fillsFromXml(fillsToXml(cells))).toEqual(cells);
});

test("cells are written as few multi-area ranges, within getRanges' limits, and read in bounded blocks", () => {
  const cells = [];
  for (let r = 0; r < 2000; r++) for (const c of [2, 3, 4, 7]) cells.push({ row: r, col: c });
  const lists = areaLists(cells);
  // Each row gives two areas (C:E and H); 4,000 areas in lists of at most 300.
  expect(lists.join(",").split(",")).toHaveLength(4000);
  expect(lists[0].startsWith("C1:E1,H1,C2:E2")).toBe(true);
  for (const l of lists) {
    expect(l.split(",").length).toBeLessThanOrEqual(300);
    expect(l.length).toBeLessThanOrEqual(6000);
  }
  const blocks = blocksOf(cells, 20_000);
  expect(blocks.reduce((n, b) => n + b.cells.length, 0)).toBe(8000);
  for (const b of blocks) expect((b.bottom - b.top + 1) * (b.right - b.left + 1)).toBeLessThanOrEqual(20_000);
});
