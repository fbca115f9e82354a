/**
 * Workbooks with a sheet of millions of cells (src/host/xlsx/oversize.ts): the
 * sheet is cut before ExcelJS reads it, marked truncated, and the rest of the
 * workbook is read and checked as if the sheet were small. The limits here are
 * small (thousands of cells) so that the workbooks stay small; the scanner and
 * the reader do the same at any size (npm run bench reads a 4,000,000-cell one
 * within a 1 GB heap).
 */
import { readFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { CellLimits, cutSheetXml, withinCellLimits } from "../../../src/host/xlsx/oversize";
import { readXlsxBuffer } from "../../../src/host/xlsx/read";
import { zipEntries } from "../../../src/host/xlsx/sniff";
import { WebHost } from "../../../src/host/web/WebHost";
import { checkWorkbook } from "../../../src/core/check";
import { SheetSnapshot } from "../../../src/core/grid/snapshot";
import { FIXTURES } from "../../support/fixtures";

const anyang = () => new Uint8Array(readFileSync(path.join(FIXTURES, "anyang-2021-final.xlsx")));
const enc = new TextEncoder();
const dec = new TextDecoder();

/** Every scan of `xml` in chunks of 1…13 bytes (and whole) must give the same result. */
function scanEveryWay(xml: string, limit: number) {
  const bytes = enc.encode(xml);
  const whole = cutSheetXml([bytes], limit);
  for (let k = 1; k <= 13; k++) {
    const chunks: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += k) chunks.push(bytes.subarray(i, i + k));
    const r = cutSheetXml(chunks, limit);
    expect({ ...r, xml: dec.decode(r.xml) }).toEqual({ ...whole, xml: dec.decode(whole.xml) });
  }
  return { ...whole, text: dec.decode(whole.xml) };
}

const HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="m"><dimension ref="A1:C5"/><cols><col min="1" max="3" width="9"/></cols><sheetData>`;
const TAIL = `</sheetData><mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells><conditionalFormatting sqref="A1"><cfRule type="x" priority="1"><formula>A1&gt;0</formula></cfRule></conditionalFormatting></worksheet>`;
const ROWS = [
  `<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" s="2"/><c r="C1"><v>3</v></c></row>`,
  `<!-- <row r="99"><c r="A99"/></row> -->`,
  `<row r="2"><c r="A2" t="inlineStr"><is><t>合计 a&lt;b</t></is></c><c r="B2"><f>SUM(B3:B5)</f><v>6</v></c></row>`,
  `<row r="3"/>`,
  `<row><c><v>1</v></c><c><v>2</v></c></row>`,
  `<row r="5"><c r="A5"><![CDATA[<c r="Z9">]]></c></row>`,
];

test("a sheet within its limit is scanned and kept byte for byte", () => {
  const xml = HEAD + ROWS.join("") + TAIL;
  const r = scanEveryWay(xml, 100);
  expect(r.text).toBe(xml);
  expect(r.cutRow).toBeUndefined();
  // Cells: 3 + 2 + 0 + 2 + 1; the commented row and the CDATA's "<c" are text, not cells.
  expect(r.cells).toBe(8);
  expect(r.kept).toBe(8);
});

test("a sheet over its limit is cut before the row where the limit is reached; what follows sheetData is kept", () => {
  const xml = HEAD + ROWS.join("") + TAIL;
  // 3 cells in row 1, 5 after row 2: a limit of 4 cuts before the row after row 2 (row 3).
  const r = scanEveryWay(xml, 4);
  expect(r.text).toBe(HEAD + ROWS.slice(0, 3).join("") + TAIL);
  expect(r.cutRow).toBe(3);
  expect(r.kept).toBe(5);
  expect(r.cells).toBe(8);
  expect(r.closed).toBe(true);
  // A row of no cells is a row: a limit of 5 cuts before the self-closing row 3 too.
  expect(scanEveryWay(xml, 5).cutRow).toBe(3);
  // A row without r is the row after the previous one.
  expect(scanEveryWay(`${HEAD}<row r="7"><c/><c/></row><row><c/></row>${TAIL}`, 2).cutRow).toBe(8);
  // A limit of 0 keeps no row at all.
  const none = scanEveryWay(xml, 0);
  expect(none.text).toBe(HEAD + TAIL);
  expect(none.cutRow).toBe(1);
});

test("elements written with a namespace prefix are counted and cut the same", () => {
  const p = (s: string) => s.replace(/<(\/?)([A-Za-z][\w]*)(?=[\s/>])/g, "<$1x:$2");
  const xml = p(HEAD + ROWS[0] + ROWS[2] + ROWS[4] + TAIL);
  const r = scanEveryWay(xml, 4);
  expect(r.cells).toBe(7);
  // ROWS[4] has no r: the row after row 2.
  expect(r.cutRow).toBe(3);
  expect(r.text).toBe(p(HEAD + ROWS[0] + ROWS[2] + TAIL));
});

test("markup that never ends (a damaged part) stops the scan at once instead of waiting for it chunk after chunk", () => {
  const chunk = enc.encode("x".repeat(16384));
  const chunks = function* () {
    yield enc.encode(`${HEAD}<row r="1"><c r="A1"><v>1</v></c></row><!-- `);
    for (let i = 0; i < 200; i++) yield chunk;
  };
  expect(() => cutSheetXml(chunks(), 10)).toThrow("unterminated markup");
});

test("a cut sheet without the end of its sheetData is reported as not closed (left to ExcelJS as it was)", () => {
  const r = scanEveryWay(HEAD + ROWS[0] + ROWS[2] + `<row r="3"><c r="A3"><v>1`, 2);
  expect(r.cutRow).toBe(2);
  expect(r.closed).toBe(false);
});

/** anyang with a data sheet "明细" of `rows` rows × 10 columns (a merged title), and optionally a second one. */
async function withDataSheets(sizes: [string, number][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(anyang()) as unknown as ArrayBuffer);
  for (const [name, rows] of sizes) {
    const ws = wb.addWorksheet(name);
    ws.addRow(["2021年收支明细"]);
    ws.mergeCells("A1:J1");
    for (let i = 0; i < rows; i++) ws.addRow(Array.from({ length: 10 }, (_, c) => (c === 1 ? `科目${i % 7}` : i * 10 + c + 0.25)));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const SMALL: CellLimits = { sheet: 10_000, workbook: 1e9, trigger: 0, scanFrom: 0 };

const rowsOf = (s: SheetSnapshot) => [...s.rows.keys()].sort((a, b) => a - b);

test("a data sheet over the limit is read up to the row where it was cut, and reported; the tables are read and checked as before", async () => {
  const bytes = await withDataSheets([["明细", 3000]]);
  const whole = await readXlsxBuffer(bytes, "big.xlsx");
  const cut = await readXlsxBuffer(bytes, "big.xlsx", SMALL);
  // Row 1: 1 cell (the merged title; ExcelJS writes the merge's other cells as styled empty cells: 10 cells in all).
  // Then 10 cells a row: 10,000 cells are reached after 999 data rows (rows 2…1000), so it is cut before row 1001.
  const ws = cut.sheets.find((s) => s.name === "明细")!;
  expect(ws.truncated?.atRow).toBe(1000);
  expect(ws.truncated?.reason).toBe("工作表共有 30,010 个单元格（含只有格式的空单元格），超过读取上限 10,000 个，之后的内容未读取");
  expect(rowsOf(ws)).toEqual(rowsOf(whole.sheets.find((s) => s.name === "明细")!).filter((r) => r < 1000));
  expect(ws.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 9 }]);
  // Every other sheet is exactly as read whole.
  expect(cut.sheets.filter((s) => s.name !== "明细")).toEqual(whole.sheets.filter((s) => s.name !== "明细"));
  // The checks: the same findings on the tables, and the cut reported at its row.
  const off = (r: ReturnType<typeof checkWorkbook>) => r.findings.filter((f) => !f.cells.some((c) => c.sheet === "明细")).map((f) => f.message);
  const rCut = checkWorkbook(cut);
  expect(off(rCut)).toEqual(off(checkWorkbook(whole)));
  expect(rCut.findings.find((f) => f.rule === "common.sheet-truncated")?.message).toBe(
    "工作表“明细”过大：工作表共有 30,010 个单元格（含只有格式的空单元格），超过读取上限 10,000 个，之后的内容未读取（自第 1001 行起）。",
  );
});

test("the sheets scanned together have a limit: smaller sheets are read whole first, the largest is cut", async () => {
  const bytes = await withDataSheets([["明细二", 3000], ["明细一", 500]]);
  const limits: CellLimits = { sheet: 100_000, workbook: 14_000, trigger: 0, scanFrom: 30_000 };
  const cut = await readXlsxBuffer(bytes, "two.xlsx", limits);
  // The tables' parts are under scanFrom (not counted); 明细一 (5,010 cells) is read whole, 明细二 gets the 8,990 left.
  expect(cut.sheets.find((s) => s.name === "明细一")!.truncated).toBeUndefined();
  const big = cut.sheets.find((s) => s.name === "明细二")!;
  expect(big.truncated?.reason).toMatch(/^工作簿中的单元格太多，超过读取上限 14,000 个：本表共有 30,010 个单元格（含只有格式的空单元格），只读取了前 8,99\d 个/);
  expect(big.truncated?.atRow).toBe(rowsOf(big).at(-1)! + 1);
});

/** The workbook with workbook.xml's `name="明细"` written as `raw` (what other writers may write). */
async function renamed(bytes: Uint8Array, raw: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("xl/workbook.xml")!.async("string");
  expect(xml).toContain('name="明细"');
  zip.file("xl/workbook.xml", xml.replace('name="明细"', `name="${raw}"`));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

test("the cut sheet is found under the name ExcelJS gives it: a raw > in the name, entities decoded twice as ExcelJS does", async () => {
  const bytes = await withDataSheets([["明细", 3000]]);
  for (const [raw, name] of [
    ["明细>2021", "明细>2021"],
    ["R&amp;amp;D", "R&D"],
  ]) {
    const cut = await readXlsxBuffer(await renamed(bytes, raw), "named.xlsx", SMALL);
    const ws = cut.sheets.find((s) => s.name === name);
    expect(ws?.truncated?.atRow).toBe(1000);
  }
});

test("a sheet at its limit, followed only by rows without cells (formatted rows), is not cut", async () => {
  const xml = HEAD + ROWS[0] + `<row r="2" s="3" customFormat="1"/><row r="3" s="3" customFormat="1"/>` + TAIL;
  const r = scanEveryWay(xml, 3);
  expect(r.cells).toBe(r.kept);
  // The scanner stops before row 2, but nothing was left out: withinCellLimits keeps the part as it is.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("明细");
  for (let i = 0; i < 100; i++) ws.addRow([i, i + 1]);
  // Rows formatted but empty, as Excel writes them (ExcelJS does not): 200 cells, then 50 such rows.
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  const empties = Array.from({ length: 50 }, (_, i) => `<row r="${101 + i}" s="1" customFormat="1"/>`).join("");
  zip.file("xl/worksheets/sheet1.xml", sheet.replace("</sheetData>", `${empties}</sheetData>`));
  const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  expect((await readXlsxBuffer(bytes, "fmt.xlsx")).sheets[0].rows.size).toBe(100);
  const limited = await withinCellLimits(bytes, { sheet: 200, workbook: 1e9, trigger: 0, scanFrom: 0 });
  expect(limited.cuts.size).toBe(0);
  expect(limited.bytes).toBe(bytes);
});

test("a workbook within the limits is not copied: the same bytes are read", async () => {
  const bytes = anyang();
  expect((await withinCellLimits(bytes)).bytes).toBe(bytes);
  // Even scanned, nothing over the limits changes nothing.
  const scanned = await withinCellLimits(bytes, { sheet: 1e6, workbook: 1e6, trigger: 0, scanFrom: 0 });
  expect(scanned.bytes).toBe(bytes);
  expect(scanned.cuts.size).toBe(0);
  // What decides the scan is cheap: the sizes in the zip's directory.
  const parts = zipEntries(bytes)!.filter((e) => /worksheets\/sheet\d+\.xml$/.test(e.name));
  expect(parts).toHaveLength(13);
  expect(parts.find((e) => e.name === "xl/worksheets/sheet11.xml")!.size).toBe(16092);
});

test("the standalone page opens a cut workbook and says what was not read", async () => {
  const host = await WebHost.open(await withDataSheets([["明细", 3000]]), "big.xlsx", SMALL);
  expect(host.readWarning).toBe("工作表过大：“明细”只读取到第 1,000 行，之后的内容未读取、未校验；“保存”得到的副本也只有读取的部分。原文件不受影响。");
  const snap = await host.readWorkbook();
  expect(snap.sheets.find((s) => s.name === "明细")!.truncated?.atRow).toBe(1000);
  // An ordinary workbook gets no warning.
  expect((await WebHost.open(anyang(), "anyang.xlsx")).readWarning).toBeUndefined();
});
