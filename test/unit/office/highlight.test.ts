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

/**
 * A reopened workbook is cleared by a new pane session, which has not written
 * its record: the adapter module loaded afresh (it remembers nothing).
 */
function freshPane(): typeof import("../../../src/host/office/highlight") {
  let mod: typeof import("../../../src/host/office/highlight") | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require("../../../src/host/office/highlight");
  });
  return mod!;
}

/** A new pane session with its read adapter and highlight adapter (one module instance, as in the pane). */
function freshPaneWithRead(): { read: typeof import("../../../src/host/office/read"); highlight: typeof import("../../../src/host/office/highlight") } {
  let out: ReturnType<typeof freshPaneWithRead> | undefined;
  jest.isolateModules(() => {
    /* eslint-disable @typescript-eslint/no-require-imports */
    out = { read: require("../../../src/host/office/read"), highlight: require("../../../src/host/office/highlight") };
    /* eslint-enable @typescript-eslint/no-require-imports */
  });
  return out!;
}

function syntheticFindings(sheets: string[], n: number): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < n; i++)
    out.push({ rule: "test.rule", severity: i % 3 === 0 ? "warning" : "error", message: `第${i}条`, cells: [{ sheet: sheets[i % sheets.length], row: 5 + Math.floor(i / sheets.length), col: 2 + (i % 4) }] });
  return out;
}

test("highlighting takes 2 round trips and clearing 2 in the same session and after reopening once the pane has read the workbook (3 without that read), for 10 findings on 3 sheets as for 3,000 on 12", async () => {
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
    // Highlight again, then clear from a "reopened" workbook: the pane no longer knows the record.
    const again = mockExcel(wb);
    await applyHighlights(again.context, syntheticFindings(sheets, n));
    const reopened = mockExcel(wb, again.fills(), again.parts);
    expect(await freshPane().clearHighlightsOffice(reopened.context)).toBe(s.cells);
    // Reopened again, as the pane does it: read the workbook (2 round trips, the record read along), then clear.
    const third = mockExcel(wb);
    await applyHighlights(third.context, syntheticFindings(sheets, n));
    const reopenedRead = mockExcel(wb, third.fills(), third.parts);
    const pane = freshPaneWithRead();
    const snapshot = await pane.read.readWorkbookOffice(reopenedRead.context, { mergedAreas: true, highlightRecord: true });
    expect(snapshot.sheets.map((x) => x.name)).toEqual(names);
    const readSyncs = reopenedRead.syncs();
    expect(await pane.highlight.clearHighlightsOffice(reopenedRead.context)).toBe(s.cells);
    for (const [sheet, cells] of highlightPlan(syntheticFindings(sheets, n))) for (const a of cells.keys()) expect(reopenedRead.fill(sheet, a).color).toBe("#FFFFFF");
    expect(reopenedRead.parts.filter((p) => !p.deleted && p.ns === HIGHLIGHT_NS)).toHaveLength(0);
    counts.push([afterApply, m.syncs() - afterApply, reopened.syncs(), readSyncs, reopenedRead.syncs() - readSyncs]);
  }
  expect(counts[0]).toEqual([2, 2, 3, 2, 2]);
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
  const restored = await freshPane().clearHighlightsOffice(reopened.context);
  expect(reopened.syncs()).toBe(3);
  expect(restored).toBe(fillsFromXml(first.parts[0].xml).length);
  expect(reopened.fill(sheet, a)).toEqual(own[`${sheet}!${a}`]);
  expect(reopened.fill(sheet, b)).toEqual(own[`${sheet}!${b}`]);
  for (const [s, m] of plan)
    for (const addr of m.keys()) if (!own[`${s}!${addr}`]) expect(reopened.fill(s, addr)).toEqual({ color: "#FFFFFF", pattern: "None", patternColor: null });
  // The record is gone: clearing again does nothing.
  expect(await freshPane().clearHighlightsOffice(reopened.context)).toBe(0);
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

test("a record the pane did not write is read, not assumed: restored from what the workbook holds", async () => {
  const wb = await fixture("anyang-2021-final.xlsx");
  const result = checkWorkbook(wb);
  const [sheet, cells] = [...highlightPlan(result.findings)][0];
  const [a, b] = [...cells.keys()];
  // This pane highlights (and remembers its record)…
  const m = mockExcel(wb);
  await applyHighlights(m.context, result.findings);
  // …but the workbook cleared here holds another record (another pane highlighted two cells).
  const other = fillsToXml([
    { sheet, address: a, color: "#00B050", pattern: "Solid", patternColor: null, applied: HIGHLIGHT_FILL.error },
    { sheet, address: b, color: null, pattern: "None", patternColor: null, applied: HIGHLIGHT_FILL.warning },
  ]);
  const painted = { [`${sheet}!${a}`]: { color: HIGHLIGHT_FILL.error, pattern: "Solid", patternColor: null }, [`${sheet}!${b}`]: { color: HIGHLIGHT_FILL.warning, pattern: "Solid", patternColor: null } };
  const elsewhere = mockExcel(wb, painted, [{ ns: HIGHLIGHT_NS, xml: other, deleted: false }]);
  expect(await clearHighlightsOffice(elsewhere.context)).toBe(2);
  expect(elsewhere.syncs()).toBe(3);
  expect(elsewhere.fill(sheet, a)).toEqual({ color: "#00B050", pattern: "Solid", patternColor: null });
  expect(elsewhere.fill(sheet, b)).toEqual({ color: "#FFFFFF", pattern: "None", patternColor: null });
  expect(elsewhere.parts.every((p) => p.deleted)).toBe(true);
});

test("a sheet deleted since highlighting, or two records: the others are still restored and every record removed", async () => {
  const wb = generateFinalSet({ seed: 5 }).workbook;
  const names = wb.sheets.map((s) => s.name);
  const m = mockExcel(wb);
  const s = await applyHighlights(m.context, syntheticFindings(names.slice(0, 3), 30));
  // The first sheet is gone (same record, remembered by the pane).
  const fewer = { ...wb, sheets: wb.sheets.filter((x) => x.name !== names[0]) };
  const gone = mockExcel(fewer, m.fills(), m.parts);
  const onGone = fillsFromXml(m.parts[0].xml).filter((c) => c.sheet === names[0]).length;
  expect(await clearHighlightsOffice(gone.context)).toBe(s.cells - onGone);
  expect(gone.parts.every((p) => p.deleted)).toBe(true);
  // Two records (one left by an older version): both restored, both removed.
  const first = mockExcel(wb);
  const one = await applyHighlights(first.context, syntheticFindings([names[0]], 5));
  const second = mockExcel(wb);
  const two = await applyHighlights(second.context, syntheticFindings([names[1]], 5));
  const fills = { ...first.fills(), ...second.fills() };
  const both = mockExcel(wb, fills, [...first.parts, ...second.parts]);
  expect(await clearHighlightsOffice(both.context)).toBe(one.cells + two.cells);
  expect(both.parts.every((p) => p.deleted)).toBe(true);
  for (const [k, f] of Object.entries(fills)) if (f.color !== "#FFFFFF") expect(both.fill(k.split("!")[0], k.split("!")[1])).toEqual({ color: "#FFFFFF", pattern: "None", patternColor: null });
});

test("clearing on a protected sheet: a clear message, and nothing changes — in the same session as after reopening", async () => {
  const wb = await fixture("anyang-2021-final.xlsx");
  const result = checkWorkbook(wb);
  const [sheet] = [...highlightPlan(result.findings).keys()];
  const m = mockExcel(wb);
  await applyHighlights(m.context, result.findings);
  const before = m.fills();
  m.setProtected(sheet, true);
  const err = await clearHighlightsOffice(m.context).catch((e) => e);
  expect(err).toBeInstanceOf(HostError);
  expect((err as HostError).code).toBe("protected");
  expect(m.fills()).toEqual(before);
  expect(m.parts.filter((p) => !p.deleted)).toHaveLength(1);
  const reopened = mockExcel(wb, before, m.parts);
  reopened.setProtected(sheet, true);
  expect(await freshPane().clearHighlightsOffice(reopened.context).catch((e) => (e as HostError).code)).toBe("protected");
  expect(reopened.fills()).toEqual(before);
  // Unprotected again, the same session clears everything.
  m.setProtected(sheet, false);
  await clearHighlightsOffice(m.context);
  expect(Object.values(m.fills()).every((f) => f.color === "#FFFFFF")).toBe(true);
});
