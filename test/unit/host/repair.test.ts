/**
 * Valid workbooks ExcelJS alone fails on (src/host/xlsx/repair.ts): written with
 * a SpreadsheetML prefix (<x:worksheet xmlns:x="…main">, as the .NET Open XML
 * SDK writes them), or with rows and cells without their r address (DataGrip
 * and other exporters). The reader repairs them and reads them like any workbook.
 */
import { readFileSync } from "fs";
import * as path from "path";
import JSZip from "jszip";
import ExcelJS from "exceljs";
import { addCellAddresses, unprefixSpreadsheetMl } from "../../../src/host/xlsx/repair";
import { readXlsxBuffer, UnreadableWorkbookError } from "../../../src/host/xlsx/read";
import { loadModel } from "../../../src/host/xlsx/model";
import { WebHost } from "../../../src/host/web/WebHost";
import { checkWorkbook } from "../../../src/core/check";
import { FIXTURES } from "../../support/fixtures";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const anyang = () => new Uint8Array(readFileSync(path.join(FIXTURES, "anyang-2021-final.xlsx")));

/** The workbook as a prefix-writing library would write it: every SpreadsheetML element as `p:name`. */
async function prefixed(bytes: Uint8Array, p = "x"): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || !/^xl\/.*\.xml$/.test(entry.name) || /theme/.test(entry.name)) continue;
    const xml = (await entry.async("string"))
      .replace(`xmlns="${MAIN}"`, `xmlns:${p}="${MAIN}"`)
      .replace(/<(\/?)([A-Za-z][\w.]*)(?=[\s/>])/g, (m, slash: string, tag: string) => `<${slash}${p}:${tag}`);
    zip.file(entry.name, xml);
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

test("the prefix of the main namespace is taken off; other parts are left as they are", () => {
  expect(unprefixSpreadsheetMl(`<?xml version="1.0"?><x:sst xmlns:x="${MAIN}" count="1"><x:si><x:t>合计</x:t></x:si></x:sst>`)).toBe(
    `<?xml version="1.0"?><sst xmlns="${MAIN}" count="1"><si><t>合计</t></si></sst>`,
  );
  const plain = `<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`;
  expect(unprefixSpreadsheetMl(plain)).toBe(plain);
  // A part that has a default namespace besides: unchanged (taking the prefix off would move elements).
  const mixed = `<x:worksheet xmlns:x="${MAIN}" xmlns="urn:other"><x:sheetData/><other/></x:worksheet>`;
  expect(unprefixSpreadsheetMl(mixed)).toBe(mixed);
  // Other prefixes (mc:, x14:) are not touched.
  expect(unprefixSpreadsheetMl(`<x:worksheet xmlns:x="${MAIN}" xmlns:mc="urn:mc"><mc:AlternateContent/></x:worksheet>`)).toBe(`<worksheet xmlns="${MAIN}" xmlns:mc="urn:mc"><mc:AlternateContent/></worksheet>`);
});

test("a workbook written with the prefix reads as the same workbook, and is checked the same", async () => {
  for (const p of ["x", "main"]) {
    const bytes = await prefixed(anyang(), p);
    // ExcelJS alone does not read it (its load fails or finds no sheet).
    const model = await loadModel(Buffer.from(bytes) as unknown as ArrayBuffer).catch(() => undefined);
    expect(model?.worksheets.length ?? 0).toBeLessThan(13);
    const wb = await readXlsxBuffer(bytes, "prefixed.xlsx");
    const plain = await readXlsxBuffer(anyang(), "prefixed.xlsx");
    expect(wb.sheets.map((s) => s.name)).toEqual(plain.sheets.map((s) => s.name));
    expect(checkWorkbook(wb).findings.map((f) => f.message)).toEqual(checkWorkbook(plain).findings.map((f) => f.message));
  }
  // The standalone page opens it too.
  const host = await WebHost.open(await prefixed(anyang()), "prefixed.xlsx");
  expect((await host.readWorkbook()).sheets.length).toBeGreaterThanOrEqual(13);
});

test("a damaged workbook is still reported with the first failure's reason", async () => {
  const bytes = await prefixed(anyang());
  const zip = await JSZip.loadAsync(bytes);
  zip.remove("xl/workbook.xml");
  zip.file("xl/workbook.xml", "<x:workbook");
  const broken = await zip.generateAsync({ type: "uint8array" });
  const err = await readXlsxBuffer(broken, "broken.xlsx").catch((e: unknown) => e);
  expect(err).toBeInstanceOf(UnreadableWorkbookError);
  expect((err as Error).message).toMatch(/^broken\.xlsx：文件已损坏或不是有效的 \.xlsx 工作簿/);
});

test("rows and cells without an address get the one the standard gives them", () => {
  const xml = `<worksheet xmlns="${MAIN}"><cols><col min="1" max="2" width="9"/></cols><sheetData><row><c t="s"><v>0</v></c><c><v>1</v></c></row><row/><row r="5"><c r="C5"><v>2</v></c><c><v>3</v></c></row><row><c/></row></sheetData></worksheet>`;
  expect(addCellAddresses(xml)).toBe(
    `<worksheet xmlns="${MAIN}"><cols><col min="1" max="2" width="9"/></cols><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1</v></c></row><row r="2"/><row r="5"><c r="C5"><v>2</v></c><c r="D5"><v>3</v></c></row><row r="6"><c r="A6"/></row></sheetData></worksheet>`,
  );
  const whole = `<worksheet xmlns="${MAIN}"><sheetData><row r="1" spans="1:2"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`;
  expect(addCellAddresses(whole)).toBe(whole);
  expect(addCellAddresses("<worksheet/>")).toBe("<worksheet/>");
  // Comments and CDATA are text: a "<c>" or "<row r=…>" in them counts for nothing.
  const text = `<worksheet><sheetData><!-- <row r="9"> --><row><c t="inlineStr"><is><t><![CDATA[x<c>y]]></t></is></c><c><v>7</v></c></row></sheetData></worksheet>`;
  expect(addCellAddresses(text)).toBe(`<worksheet><sheetData><!-- <row r="9"> --><row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[x<c>y]]></t></is></c><c r="B1"><v>7</v></c></row></sheetData></worksheet>`);
  // An address written with single quotes or spaces is an address.
  const quoted = `<worksheet><sheetData><row r='3'><c r = 'C3'><v>1</v></c><c><v>2</v></c></row></sheetData></worksheet>`;
  expect(addCellAddresses(quoted)).toBe(`<worksheet><sheetData><row r='3'><c r = 'C3'><v>1</v></c><c r="D3"><v>2</v></c></row></sheetData></worksheet>`);
});

test("the prefix is taken off only where it always means SpreadsheetML; text keeps its characters", () => {
  const cdata = `<x:sst xmlns:x="${MAIN}"><x:si><x:t><![CDATA[<x:b>不是标签</x:b>]]></x:t></x:si><!-- <x:si> --></x:sst>`;
  expect(unprefixSpreadsheetMl(cdata)).toBe(`<sst xmlns="${MAIN}"><si><t><![CDATA[<x:b>不是标签</x:b>]]></t></si><!-- <x:si> --></sst>`);
  const rebound = `<x:worksheet xmlns:x="${MAIN}"><x:extLst><x:ext xmlns:x="urn:other"><x:foo/></x:ext></x:extLst></x:worksheet>`;
  expect(unprefixSpreadsheetMl(rebound)).toBe(rebound);
  expect(unprefixSpreadsheetMl(`<x:sst xmlns:x='${MAIN}'><x:si/></x:sst>`)).toBe(`<sst xmlns='${MAIN}'><si/></sst>`);
});

test("a workbook whose rows and cells have no address (as DataGrip writes it) reads as the one that has them", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("公开05表");
  ws.addRow(["一般公共预算财政拨款支出决算表", "", "", "", ""]);
  ws.addRow(["功能分类科目编码", "科目名称", "小计", "基本支出", "项目支出"]);
  ws.addRow(["合计", "", 2203.76, 1219.27, 984.49]);
  ws.addRow(["201", "一般公共服务支出", 142, 0, 142]);
  const original = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const zip = await JSZip.loadAsync(original);
  const sheet = Object.keys(zip.files).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))!;
  const stripped = (await zip.file(sheet)!.async("string")).replace(/<(row|c) r="[A-Z]*\d+"/g, "<$1");
  expect(stripped).not.toMatch(/<c r=/);
  zip.file(sheet, stripped);
  const noAddresses = await zip.generateAsync({ type: "uint8array" });
  // ExcelJS alone fails on it.
  await expect(new ExcelJS.Workbook().xlsx.load(Buffer.from(noAddresses) as unknown as ArrayBuffer)).rejects.toThrow();
  const read = await readXlsxBuffer(noAddresses, "a.xlsx");
  const want = await readXlsxBuffer(original, "a.xlsx");
  expect(JSON.stringify([...read.sheets[0].rows].map(([r, m]) => [r, [...m]]))).toBe(JSON.stringify([...want.sheets[0].rows].map(([r, m]) => [r, [...m]])));
});
