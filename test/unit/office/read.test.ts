/**
 * The Office.js adapter against an office-addin-mock Excel: what it reads, and how
 * many round trips it takes (constant in the number of sheets and findings).
 */
import { readWorkbookOffice } from "../../../src/host/office/read";
import { checkWorkbook } from "../../../src/core/check";
import { mockExcel } from "../../support/excelMock";
import { fixture } from "../../support/fixtures";
import { generateFinalSet } from "../../support/finalSet";
import { buildSheet } from "../../support/sheet";
import { WorkbookSnapshot } from "../../../src/core/grid/snapshot";

function twelveSheets(): WorkbookSnapshot {
  const set = generateFinalSet({ seed: 91, tails: true });
  const extra = [buildSheet({ name: "封面", rows: [["测试局2023年度部门决算"]] }), buildSheet({ name: "说明", rows: [["一、收入支出决算总体情况说明"]] }), buildSheet({ name: "空白", rows: [] })];
  return { name: "twelve.xlsx", sheets: [...set.workbook.sheets, ...extra] };
}

const dump = (w: WorkbookSnapshot) =>
  w.sheets.map((s) => [...s.rows].flatMap(([r, row]) => [...row].map(([c, cell]) => `${r},${c}=${cell.text}|${String(cell.value)}|${cell.numberFormat ?? ""}`)).sort().join(";"));

test("reads a 12-sheet workbook in 2 round trips, and the same 2 for 3 sheets, every cell included", async () => {
  const wb = twelveSheets();
  expect(wb.sheets).toHaveLength(12);
  const m12 = mockExcel(wb);
  const read = await readWorkbookOffice(m12.context, { mergedAreas: true });
  const m3 = mockExcel({ name: "three.xlsx", sheets: wb.sheets.slice(0, 3) });
  await readWorkbookOffice(m3.context, { mergedAreas: true });
  expect(m12.syncs()).toBe(2);
  expect(m3.syncs()).toBe(m12.syncs());
  expect(dump(read)).toEqual(dump(wb));
});

test("a sheet longer or wider than its window has the rest read in one more round trip, with the same cells", async () => {
  const long = generateFinalSet({ items: 5000, tails: true, seed: 42 }).workbook;
  const m = mockExcel(long);
  const read = await readWorkbookOffice(m.context, { mergedAreas: true });
  expect(m.syncs()).toBe(3);
  expect(dump(read)).toEqual(dump(long));
  const wide = buildSheet({ name: "宽表", rows: [Array.from({ length: 40 }, (_, i) => `第${i + 1}栏`), Array.from({ length: 40 }, (_, i) => i * 1.5)] });
  const mw = mockExcel({ name: "wide.xlsx", sheets: [wide] });
  const readWide = await readWorkbookOffice(mw.context, { mergedAreas: true });
  expect(mw.syncs()).toBe(3);
  expect(dump(readWide)).toEqual(dump({ name: "wide.xlsx", sheets: [wide] }));
});

test("what the adapter reads is what the .xlsx host reads: same tables, same findings", async () => {
  const fromFile = await fixture("anyang-2021-final.xlsx");
  const m = mockExcel(fromFile);
  const fromExcel = await readWorkbookOffice(m.context, { mergedAreas: true });
  const a = checkWorkbook(fromFile);
  const b = checkWorkbook(fromExcel);
  expect(b.tables.map((t) => t.id)).toEqual(a.tables.map((t) => t.id));
  expect(b.findings.map((f) => `${f.rule}|${f.severity}|${f.message}`)).toEqual(a.findings.map((f) => `${f.rule}|${f.severity}|${f.message}`));
  expect(fromExcel.sheets.find((s) => s.name === "公开01表")!.merges.length).toBeGreaterThan(0);
});

test("without ExcelApi 1.13 the workbook is read without merged areas (still 2 round trips)", async () => {
  const m = mockExcel(await fixture("anyang-2021-final.xlsx"));
  const wb = await readWorkbookOffice(m.context, { mergedAreas: false });
  expect(m.syncs()).toBe(2);
  expect(wb.sheets.every((s) => s.merges.length === 0)).toBe(true);
  // Recognition does not need the merges: the same tables as the file reader finds.
  expect(checkWorkbook(wb).tables.map((t) => t.id)).toEqual(checkWorkbook(await fixture("anyang-2021-final.xlsx")).tables.map((t) => t.id));
});

test("a cancelled read stops with a clear message", async () => {
  const m = mockExcel(twelveSheets());
  const ac = new AbortController();
  ac.abort();
  await expect(readWorkbookOffice(m.context, { mergedAreas: true, signal: ac.signal })).rejects.toThrow("已取消");
});

test("a workbook larger than one batch is read in row blocks with the same cells", async () => {
  const wb = await fixture("anyang-2021-final.xlsx");
  const whole = await readWorkbookOffice(mockExcel(wb).context, { mergedAreas: true });
  const m = mockExcel(wb);
  const blocks = await readWorkbookOffice(m.context, { mergedAreas: true, batchCells: 200 });
  expect(m.syncs()).toBeGreaterThan(3);
  expect(dump(blocks)).toEqual(dump(whole));
});

test("a sheet above the cell limit is read up to it and reported as truncated", async () => {
  const wb = await fixture("anyang-2021-final.xlsx");
  const read = await readWorkbookOffice(mockExcel(wb).context, { mergedAreas: true, maxCellsPerSheet: 100 });
  const s = read.sheets.find((x) => x.name === "公开01表")!;
  expect(s.truncated).toBeDefined();
  expect(s.rows.size).toBeGreaterThan(0);
  expect([...s.rows.keys()].every((r) => r < s.truncated!.atRow)).toBe(true);
  const result = checkWorkbook(read);
  expect(result.findings.some((f) => f.rule === "common.sheet-truncated" && f.message.includes("公开01表"))).toBe(true);
});

test("indent levels of the label cells are read in the same 2 round trips (ExcelApi 1.9), and an outline told by indentation alone checks clean", async () => {
  const fromFile = await fixture("generic/economic-indent-format.xlsx");
  const indents = (w: WorkbookSnapshot) => w.sheets.flatMap((s) => [...s.rows].flatMap(([r, row]) => [...row].filter(([, c]) => c.indent).map(([c, cell]) => `${r},${c}:${cell.indent}`)));
  expect(indents(fromFile)).toHaveLength(6);
  const m = mockExcel(fromFile);
  const fromExcel = await readWorkbookOffice(m.context, { mergedAreas: true, indents: true });
  expect(m.syncs()).toBe(2);
  expect(indents(fromExcel)).toEqual(indents(fromFile));
  expect(checkWorkbook(fromExcel).findings.filter((f) => f.severity === "error")).toEqual([]);
  // Without ExcelApi 1.9 the levels are not read, and the 合计 line is then added to 类 and 款 alike.
  const old = await readWorkbookOffice(mockExcel(fromFile).context, { mergedAreas: true });
  expect(indents(old)).toEqual([]);
  expect(checkWorkbook(old).findings.filter((f) => f.rule === "generic.total").length).toBeGreaterThan(0);
});
