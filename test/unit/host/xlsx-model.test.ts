/**
 * The fast .xlsx read (snapshot from ExcelJS's parsed model, src/host/xlsx/model.ts)
 * gives exactly what the ordinary read (ExcelJS Worksheet objects) gives: on every
 * fixture, on damaged generated workbooks, and on hand-edited XML with the odd
 * things files contain (duplicate cells, overlapping or reversed merges, rows and
 * cells without addresses, sheet ids ExcelJS drops). Where the fast path declines,
 * the ordinary path decides — including its errors.
 */
import { promises as fs } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readXlsxBuffer, readXlsxBufferViaWorkbook } from "../../../src/host/xlsx/read";
import { addressColumn, loadModel, snapshotFromModel } from "../../../src/host/xlsx/model";
import { snapshotToXlsxBuffer } from "../../../src/host/xlsx/write";
import { FIXTURES } from "../../support/fixtures";
import { fuzzBases, makeFuzzCase, serializeWorkbook, vocabulary } from "../../support/fuzzCases";

async function both(data: Uint8Array, name = "t.xlsx"): Promise<[string, string]> {
  const run = async (f: typeof readXlsxBuffer) => {
    try {
      return serializeWorkbook(await f(data, name));
    } catch (e) {
      return `error: ${(e as Error).message}`;
    }
  };
  return [await run(readXlsxBuffer), await run(readXlsxBufferViaWorkbook)];
}

async function walk(dir: string, out: string[] = []): Promise<string[]> {
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) await walk(p, out);
    else if (/\.xlsx$/i.test(e.name)) out.push(p);
  }
  return out;
}

test("every fixture reads the same both ways", async () => {
  const files = await walk(FIXTURES);
  expect(files.length).toBeGreaterThan(10);
  for (const f of files) {
    const [fast, slow] = await both(await fs.readFile(f), path.basename(f));
    expect({ f, fast }).toEqual({ f, fast: slow });
  }
}, 120000);

test("damaged generated workbooks read the same both ways", async () => {
  const bases = await fuzzBases();
  const words = vocabulary(bases);
  for (let seed = 7001; seed <= 7060; seed++) {
    const data = await snapshotToXlsxBuffer(makeFuzzCase(seed, bases, words).workbook);
    const [fast, slow] = await both(data);
    expect({ seed, fast }).toEqual({ seed, fast: slow });
  }
}, 120000);

async function sample(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("表1");
  ws.getCell("A1").value = 1442.8;
  ws.getCell("A1").numFmt = "#,##0.00";
  ws.getCell("B1").value = { richText: [{ text: "收入" }, { text: "合计" }] };
  ws.getCell("C1").value = { formula: "A1*0", result: 0 };
  ws.getCell("D1").value = { formula: "A1*2", result: 2885.6 };
  ws.getCell("A2").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
  ws.getCell("B2").value = new Date(Date.UTC(2021, 11, 31));
  ws.getCell("B2").numFmt = "yyyy-mm-dd";
  ws.getCell("C2").value = { text: "链接", hyperlink: "https://example.invalid", tooltip: "提示" };
  ws.getCell("D2").value = true;
  ws.getCell("A3").value = "合并";
  ws.getCell("B3").value = "被合并的值";
  ws.mergeCells("A3:C4");
  ws.getCell("A5").value = { sharedFormula: "D1", result: 7 } as unknown as ExcelJS.CellValue;
  const hidden = wb.addWorksheet("隐藏");
  hidden.state = "hidden";
  hidden.getCell("B2").value = "x";
  wb.addWorksheet("空");
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function edit(data: Uint8Array, file: string, f: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(data);
  const xml = await zip.file(file)!.async("string");
  const changed = f(xml);
  if (f !== EDITS[0][2]) expect(changed).not.toBe(xml);
  zip.file(file, changed);
  return zip.generateAsync({ type: "uint8array" });
}

const SHEET = "xl/worksheets/sheet1.xml";
const EDITS: [string, string, (xml: string) => string][] = [
  ["as written", SHEET, (x) => x],
  ["a cell written twice (the later wins)", SHEET, (x) => x.replace(/(<c r="A1"[^>]*>.*?<\/c>)/, '$1<c r="A1" t="inlineStr"><is><t>再写一次</t></is></c>')],
  ["a row written twice", SHEET, (x) => x.replace(/(<row r="1"[^>]*>.*?<\/row>)/, '$1<row r="1"><c r="E1"><v>5</v></c></row>')],
  ["overlapping merges", SHEET, (x) => x.replace(/<mergeCell ref="A3:C4"\/>/, '<mergeCell ref="A3:C4"/><mergeCell ref="B4:D5"/>')],
  ["a reversed merge", SHEET, (x) => x.replace(/ref="A3:C4"/, 'ref="C4:A3"')],
  ["a single-cell merge", SHEET, (x) => x.replace(/<mergeCell ref="A3:C4"\/>/, '<mergeCell ref="A3:C4"/><mergeCell ref="D4"/>')],
  ["rows out of order", SHEET, (x) => x.replace(/(<row r="1"[^>]*>.*?<\/row>)(<row r="2"[^>]*>.*?<\/row>)/, "$2$1")],
  ["cells out of order in a row", SHEET, (x) => x.replace(/(<c r="A1"[^>]*>.*?<\/c>)(<c r="B1"[^>]*>.*?<\/c>)/, "$2$1")],
  ["a cell written twice, out of order", SHEET, (x) => x.replace(/(<c r="B1"[^>]*>.*?<\/c>)/, '$1<c r="A1" t="inlineStr"><is><t>后写的</t></is></c>')],
  ["a four-letter column and a row 0", SHEET, (x) => x.replace(/<c r="D2"/, '<c r="ABCD2"').replace(/<c r="C2"/, '<c r="C0"')],
  ["a cell without r", SHEET, (x) => x.replace(/<c r="B1"/, "<c")],
  ["a row without r", SHEET, (x) => x.replace(/<row r="2"/, "<row")],
  ["lower-case and $ addresses", SHEET, (x) => x.replace(/<c r="A2"/, '<c r="$A$2"').replace(/<c r="D2"/, '<c r="d2"')],
  ["a column past XFD", SHEET, (x) => x.replace(/<c r="D2"/, '<c r="XFE2"')],
  ["no merges element", SHEET, (x) => x.replace(/<mergeCells[^>]*>.*?<\/mergeCells>/, "")],
  ["sheet id 0", "xl/workbook.xml", (x) => x.replace(/sheetId="2"/, 'sheetId="0"')],
  ["two sheets with one id", "xl/workbook.xml", (x) => x.replace(/sheetId="2"/, 'sheetId="1"')],
  ["a name that differs only in case", "xl/workbook.xml", (x) => x.replace(/name="空"/, 'name="表1"').replace(/name="隐藏"/, 'name="表1 "')],
  ["a sheet name too long", "xl/workbook.xml", (x) => x.replace(/name="空"/, `name="${"长".repeat(40)}"`)],
  ["sheets listed out of order", "xl/workbook.xml", (x) => x.replace(/(<sheet [^>]*name="表1"[^>]*\/>)(.*?)(<\/sheets>)/, "$2$1$3")],
];

test.each(EDITS)("hand-edited XML: %s", async (_label, file, f) => {
  const data = await edit(await sample(), file, f);
  const [fast, slow] = await both(data);
  expect(fast).toBe(slow);
});

test("the fast path is the one taken for an ordinary file, and declines overlapping merges", async () => {
  const data = await sample();
  const model = await loadModel(Buffer.from(data) as unknown as ArrayBuffer);
  const snap = snapshotFromModel(model!, "t.xlsx");
  expect(snap && serializeWorkbook(snap)).toBe(serializeWorkbook(await readXlsxBufferViaWorkbook(data, "t.xlsx")));
  const overlapping = await edit(data, SHEET, EDITS[3][2]);
  expect(snapshotFromModel((await loadModel(Buffer.from(overlapping) as unknown as ArrayBuffer))!, "t.xlsx")).toBeUndefined();
  await expect(readXlsxBuffer(overlapping, "t.xlsx")).rejects.toThrow(/Cannot merge already merged cells/);
});

test("addressColumn reads exactly the addresses ExcelJS's A1 form allows", () => {
  const A1 = /^([A-Z]{1,3})([1-9][0-9]{0,6})$/;
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const cases = ["A1", "Z9", "AA10", "XFD1048576", "ZZZ9999999", "A0", "A01", "a1", "$A$1", "AAAA1", "A", "1", "", "A12345678", "A1 ", "Ａ1", "A1B", "XFE2", "B-1"];
  for (const a of cases) {
    const m = A1.exec(a);
    expect([a, addressColumn(a)]).toEqual([a, m ? col(m[1]) : 0]);
  }
});

test("rows and cells out of order, or written twice, still take the fast path and read as ExcelJS reads them", async () => {
  const base = await sample();
  const labels = ["a cell written twice (the later wins)", "a row written twice", "rows out of order", "cells out of order in a row", "a cell written twice, out of order"];
  for (const label of labels) {
    const [, file, f] = EDITS.find((e) => e[0] === label)!;
    const data = await edit(base, file, f);
    const snap = snapshotFromModel((await loadModel(Buffer.from(data) as unknown as ArrayBuffer))!, "t.xlsx");
    expect([label, snap && serializeWorkbook(snap)]).toEqual([label, serializeWorkbook(await readXlsxBufferViaWorkbook(data, "t.xlsx"))]);
  }
});
